// Single flight: concurrent misses of a remembered answer for one key wait for one computation
// instead of each computing it. Right after a start (or a change), every request that arrives
// while a page, a list or a caller's home lists are being computed would otherwise compute them
// again — 32 callers, 32 times the same work on a machine that has two cores.
//
// The key must name everything the answer depends on (the data version, the caller's scope…):
// a caller joins a computation only when its key is the same. A computation that throws hands
// its exception to every caller that waited for it; the next miss computes again.
//
// Counters, by the name each flight is given (process-wide, for /metrics and the tests):
// computations run, and callers that waited for another's computation instead.
#pragma once

#include <atomic>
#include <cstdint>
#include <future>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kc::web {

struct FlightCounters {
  std::atomic<uint64_t> computed{0};
  std::atomic<uint64_t> joined{0};
};

// The counters of the flights named `name` (made on first use, kept for the process).
FlightCounters& flight_counters(const std::string& name);

// Every name's counters in the Prometheus text format (appended to /metrics).
std::string flight_exposition();

template <typename Result>
class SingleFlight {
 public:
  explicit SingleFlight(const std::string& name) : counters_(flight_counters(name)) {}

  // The answer for `key`: find() when it was remembered meanwhile (the caller looked before, but
  // another computation may have finished since), otherwise compute() — unless a call for `key`
  // is running: then its answer (or its exception), once it is done. Result tests as false
  // when find() found nothing (a pointer).
  template <typename Find, typename Compute>
  Result run(const std::string& key, Find&& find, Compute&& compute) {
    std::promise<Result> promise;
    std::shared_future<Result> running;
    {
      std::lock_guard lock(mutex_);
      auto [it, leader] = calls_.try_emplace(key);
      if (leader) it->second = promise.get_future().share();
      else running = it->second;
    }
    if (running.valid()) {
      counters_.joined.fetch_add(1, std::memory_order_relaxed);
      return running.get();
    }
    try {
      Result result = find();
      if (!result) {
        counters_.computed.fetch_add(1, std::memory_order_relaxed);
        result = compute();
      }
      promise.set_value(result);
      forget(key);
      return result;
    } catch (...) {
      promise.set_exception(std::current_exception());
      forget(key);
      throw;
    }
  }

  // Computations waited for now (for tests).
  size_t running() const {
    std::lock_guard lock(mutex_);
    return calls_.size();
  }

 private:
  void forget(const std::string& key) {
    std::lock_guard lock(mutex_);
    calls_.erase(key);
  }

  FlightCounters& counters_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_future<Result>> calls_;
};

}  // namespace kc::web
