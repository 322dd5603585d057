// See connection_threads.h.
#include "web/connection_threads.h"

#include <algorithm>
#include <thread>

namespace kc::web {

ConnectionThreads::ConnectionThreads(size_t ready, size_t ceiling, std::chrono::milliseconds linger)
    : ready_(ready), ceiling_(std::max(ready, ceiling)), linger_(linger) {}

ConnectionThreads::~ConnectionThreads() { shutdown(); }

void ConnectionThreads::enqueue(std::function<void()> fn) {
  std::unique_lock lock(mutex_);
  jobs_.push_back(std::move(fn));
  if (idle_ < jobs_.size() && threads_ < ceiling_) {
    ++threads_;
    std::thread([this] { work(); }).detach();
  }
  jobs_ready_.notify_one();
}

void ConnectionThreads::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    bool woken = jobs_ready_.wait_for(lock, linger_, [this] { return !jobs_.empty() || shutdown_; });
    --idle_;
    if (!jobs_.empty()) {
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      job = nullptr;  // what the job holds goes before the lock is taken again
      lock.lock();
      continue;
    }
    if (shutdown_ || (!woken && threads_ > ready_)) break;
  }
  --threads_;
  threads_ended_.notify_all();  // under the lock: shutdown() cannot return before this thread lets it go
}

void ConnectionThreads::shutdown() {
  std::unique_lock lock(mutex_);
  shutdown_ = true;
  jobs_ready_.notify_all();
  threads_ended_.wait(lock, [this] { return threads_ == 0; });
}

}  // namespace kc::web
