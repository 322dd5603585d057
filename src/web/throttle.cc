#include "web/throttle.h"

#include <algorithm>

namespace kc::web {

void SignInThrottle::prune(std::vector<Clock::time_point>& times, Clock::time_point now) const {
  times.erase(std::remove_if(times.begin(), times.end(), [&](Clock::time_point t) { return now - t >= window_; }),
              times.end());
}

long SignInThrottle::wait_seconds(const std::vector<std::string>& keys, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  long wait = 0;
  for (const std::string& k : keys) {
    auto it = failures_.find(k);
    if (it == failures_.end()) continue;
    prune(it->second, now);
    if (it->second.size() < max_) continue;
    auto until = it->second.front() + window_;
    wait = std::max(wait, static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(until - now).count()) + 1);
  }
  return wait;
}

void SignInThrottle::failed(const std::vector<std::string>& keys, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  for (const std::string& k : keys) {
    auto& times = failures_[k];
    prune(times, now);
    times.push_back(now);
  }
}

void SignInThrottle::succeeded(const std::vector<std::string>& keys) {
  std::lock_guard lock(mutex_);
  for (const std::string& k : keys) failures_.erase(k);
}

}  // namespace kc::web
