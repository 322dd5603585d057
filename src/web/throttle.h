// Slows down password guessing: after `max_failures` failed sign-ins for the same account or
// from the same address within the window, further attempts are refused until the window
// passes. Kept in memory (a restart forgets it, which is acceptable for a throttle).
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace kc::web {

class SignInThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  SignInThrottle(size_t max_failures, std::chrono::seconds window) : max_(max_failures), window_(window) {}

  // Seconds to wait before the next attempt for these keys; 0 when allowed now.
  long wait_seconds(const std::vector<std::string>& keys, Clock::time_point now = Clock::now());
  void failed(const std::vector<std::string>& keys, Clock::time_point now = Clock::now());
  void succeeded(const std::vector<std::string>& keys);

 private:
  void prune(std::vector<Clock::time_point>& times, Clock::time_point now) const;

  size_t max_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, std::vector<Clock::time_point>> failures_;
};

}  // namespace kc::web
