// The server's connection threads: one for each open connection, from a few kept ready up to a
// ceiling, instead of cpp-httplib's fixed pool, where each connection (kept alive, or sending its
// request slowly) held one of a few threads and everyone else queued behind it. A thread reading
// a request costs little; the work itself is limited elsewhere (App's worker slots, as many as
// --threads). Threads above `ready` end after `linger` without a connection. Connections beyond
// `ceiling` wait in the queue for a thread, as every connection did before.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace kc::web {

class ConnectionThreads : public httplib::TaskQueue {
 public:
  ConnectionThreads(size_t ready, size_t ceiling, std::chrono::milliseconds linger = std::chrono::seconds(10));
  ~ConnectionThreads() override;

  void enqueue(std::function<void()> fn) override;
  // Runs what is queued, then waits for every thread to end.
  void shutdown() override;

 private:
  void work();

  const size_t ready_, ceiling_;
  const std::chrono::milliseconds linger_;
  std::mutex mutex_;
  std::condition_variable jobs_ready_, threads_ended_;
  std::deque<std::function<void()>> jobs_;
  size_t threads_ = 0, idle_ = 0;
  bool shutdown_ = false;
};

}  // namespace kc::web
