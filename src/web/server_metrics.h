// What /metrics reports (Prometheus text exposition format, version 0.0.4): requests by route and
// status, their latency as a histogram per route, the database pools' waits, the Dataset's reloads
// and the signed-in sessions. Counting is lock-free (relaxed atomics in tables sized once, when the
// route table is known), so a request pays a few atomic increments. Labels come from fixed sets
// only — route names from the route table and a fixed list of statuses — never from a path, so
// the number of series is bounded whatever clients ask for.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kc::web {

class ServerMetrics {
 public:
  // One slot per name; record() takes the slot's index. Called once, before any request is
  // recorded (the route table is complete only when the server binds; the Dataset may have
  // been loaded, and its reload counted, before that).
  void name_routes(std::vector<std::string> route_names);

  void record(size_t route, int status, std::chrono::nanoseconds duration);
  void dataset_reloaded(std::chrono::nanoseconds took);
  void sessions_purged(uint64_t count) { sessions_purged_.fetch_add(count, std::memory_order_relaxed); }

  // A database pool's counters at the time of the scrape (StorePool::stats()).
  struct Pool {
    std::string name;  // label value: "requests", "reload"
    uint64_t waits = 0, timeouts = 0;
    std::chrono::nanoseconds waited{0};
  };
  // The exposition text; `active_sessions` is left out when it could not be counted (database down).
  std::string exposition(const std::vector<Pool>& pools, std::optional<int64_t> active_sessions) const;

  // The latency buckets' upper bounds, in seconds.
  static constexpr std::array<double, 13> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                      0.25,  0.5,    1,     2.5,  5,    10};

 private:
  // The statuses the server answers with; any other counts as "other".
  static constexpr std::array<int, 24> kStatuses = {200, 201, 204, 206, 301, 302, 303, 304, 307, 400, 401, 403,
                                                    404, 405, 409, 411, 413, 414, 415, 422, 428, 429, 500, 503};
  struct RouteCounters {
    std::array<std::atomic<uint64_t>, kStatuses.size() + 1> by_status{};
    std::array<std::atomic<uint64_t>, kBuckets.size()> buckets{};  // not cumulative; summed when written
    std::atomic<uint64_t> count{0}, micros{0};
  };
  std::vector<std::string> names_;
  std::unique_ptr<RouteCounters[]> routes_;  // one per name
  std::atomic<uint64_t> reloads_{0}, reload_micros_{0}, last_reload_micros_{0}, sessions_purged_{0};
};

}  // namespace kc::web
