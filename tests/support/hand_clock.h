// A clock for the sign-in throttle (web/throttle.h) that only moves when a test says so: no
// test sleeps through a wait. Atomic, as server threads read it.
#pragma once

#include <atomic>
#include <chrono>

#include "support/web_fixture.h"
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

// A test server whose sign-in throttle runs on a HandClock (one per test suite).
struct WebFixtureWithHandClock {
  WebFixture server;
  HandClock clock;
  WebFixtureWithHandClock() { server.app().sign_in_throttle().set_clock(clock.now()); }
};

}  // namespace kc::test
