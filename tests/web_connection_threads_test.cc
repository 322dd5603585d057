// ConnectionThreads (connection_threads.h): a thread for each connection up to the ceiling,
// queued beyond it, threads above the ready ones ending when idle, queued work run at shutdown.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <thread>

#include "web/connection_threads.h"

namespace kc::test {
namespace {

using namespace std::chrono_literals;

// Twenty connections that each wait for all the others: they can only finish if each has its
// own thread, while the fixed pool of two before would have held them forever.
TEST(WebConnectionThreads, EachConnectionHasAThreadUpToTheCeiling) {
  web::ConnectionThreads threads(2, 50, 200ms);
  std::latch all_running(20);
  std::atomic<int> done{0};
  for (int i = 0; i < 20; ++i)
    threads.enqueue([&] {
      all_running.arrive_and_wait();
      ++done;
    });
  auto until = std::chrono::steady_clock::now() + 5s;
  while (done < 20 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(done.load(), 20);
  threads.shutdown();
}

// Beyond the ceiling, work waits for a thread: with a ceiling of 3, a fourth job runs only once
// one of the first three has ended.
TEST(WebConnectionThreads, BeyondTheCeilingWorkWaits) {
  web::ConnectionThreads threads(1, 3);
  std::atomic<int> running{0}, most{0}, ran{0};
  std::atomic<bool> release{false};
  for (int i = 0; i < 6; ++i)
    threads.enqueue([&] {
      int now = ++running;
      for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {}
      while (!release) std::this_thread::sleep_for(1ms);
      --running;
      ++ran;
    });
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(running.load(), 3);
  release = true;
  threads.shutdown();  // runs the three that waited
  EXPECT_EQ(most.load(), 3);
  EXPECT_EQ(running.load(), 0);
  EXPECT_EQ(ran.load(), 6);
}

}  // namespace
}  // namespace kc::test
