// A clock for the sign-in throttle (web/throttle.h) that only moves when a test says so: no
// test sleeps through a wait. Atomic, as server threads read it.
#pragma once

#include <atomic>
#include <chrono>

#include "web/throttle.h"

namespace kc::test {

struct HandClock {
  using Clock = web::SignInThrottle::Clock;
  Clock::time_point start = Clock::now();
  std::atomic<int64_t> elapsed_ms{0};
  web::SignInThrottle::Now now() {
    return [this] { return start + std::chrono::milliseconds(elapsed_ms.load()); };
  }
  void advance(std::chrono::seconds s) { elapsed_ms += s.count() * 1000; }
};

}  // namespace kc::test
