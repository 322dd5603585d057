#include "web/server_metrics.h"

#include <algorithm>
#include <charconv>

namespace kc::web {

namespace {

constexpr auto relaxed = std::memory_order_relaxed;

uint64_t micros(std::chrono::nanoseconds d) {
  return static_cast<uint64_t>(std::max<int64_t>(0, std::chrono::duration_cast<std::chrono::microseconds>(d).count()));
}

// Numbers with a decimal point whatever the process's locale (to_chars, not printf).
std::string seconds(uint64_t micros) {
  char buf[32];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, static_cast<double>(micros) / 1e6,
                                        std::chars_format::fixed, 6).ptr);
}

std::string bound(double seconds) {
  char buf[32];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, seconds).ptr);
}

void header(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

}  // namespace

void ServerMetrics::name_routes(std::vector<std::string> route_names) {
  names_ = std::move(route_names);
  routes_.reset(new RouteCounters[names_.size()]);
}

void ServerMetrics::record(size_t route, int status, std::chrono::nanoseconds duration) {
  if (route >= names_.size()) return;
  RouteCounters& r = routes_[route];
  size_t slot = std::find(kStatuses.begin(), kStatuses.end(), status) - kStatuses.begin();
  r.by_status[slot].fetch_add(1, relaxed);
  double s = static_cast<double>(duration.count()) / 1e9;
  size_t bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), s) - kBuckets.begin();
  if (bucket < kBuckets.size()) r.buckets[bucket].fetch_add(1, relaxed);  // past the last: +Inf only
  r.count.fetch_add(1, relaxed);
  r.micros.fetch_add(micros(duration), relaxed);
}

void ServerMetrics::dataset_reloaded(std::chrono::nanoseconds took) {
  reloads_.fetch_add(1, relaxed);
  reload_micros_.fetch_add(micros(took), relaxed);
  last_reload_micros_.store(micros(took), relaxed);
}

std::string ServerMetrics::exposition(const std::vector<Pool>& pools, std::optional<int64_t> active_sessions) const {
  std::string out;
  out.reserve(8192);
  header(out, "khuyencong_http_requests_total", "counter", "Requests answered, by route name and status.");
  for (size_t i = 0; i < names_.size(); ++i) {
    for (size_t s = 0; s <= kStatuses.size(); ++s) {
      uint64_t n = routes_[i].by_status[s].load(relaxed);
      if (n == 0) continue;
      out += "khuyencong_http_requests_total{route=\"" + names_[i] + "\",status=\"" +
             (s < kStatuses.size() ? std::to_string(kStatuses[s]) : std::string("other")) + "\"} " +
             std::to_string(n) + '\n';
    }
  }
  header(out, "khuyencong_http_request_duration_seconds", "histogram",
         "Time from a request's headers read to its answer written, by route name.");
  for (size_t i = 0; i < names_.size(); ++i) {
    const RouteCounters& r = routes_[i];
    uint64_t count = r.count.load(relaxed);
    if (count == 0) continue;
    std::string label = "{route=\"" + names_[i] + "\"";
    uint64_t cumulative = 0;
    for (size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += r.buckets[b].load(relaxed);
      out += "khuyencong_http_request_duration_seconds_bucket" + label + ",le=\"" + bound(kBuckets[b]) + "\"} " +
             std::to_string(cumulative) + '\n';
    }
    // Read apart from the buckets, the count may run ahead of them by a request or two: never behind.
    out += "khuyencong_http_request_duration_seconds_bucket" + label + ",le=\"+Inf\"} " +
           std::to_string(std::max(count, cumulative)) + '\n';
    out += "khuyencong_http_request_duration_seconds_sum" + label + "} " + seconds(r.micros.load(relaxed)) + '\n';
    out += "khuyencong_http_request_duration_seconds_count" + label + "} " + std::to_string(std::max(count, cumulative)) +
           '\n';
  }
  header(out, "khuyencong_db_pool_waits_total", "counter",
         "Requests for a database connection that found none free and waited.");
  for (const Pool& p : pools)
    out += "khuyencong_db_pool_waits_total{pool=\"" + p.name + "\"} " + std::to_string(p.waits) + '\n';
  header(out, "khuyencong_db_pool_wait_seconds_total", "counter", "Time spent waiting for a free database connection.");
  for (const Pool& p : pools)
    out += "khuyencong_db_pool_wait_seconds_total{pool=\"" + p.name + "\"} " + seconds(micros(p.waited)) + '\n';
  header(out, "khuyencong_db_pool_timeouts_total", "counter",
         "Waits for a database connection that ran out (answered 503).");
  for (const Pool& p : pools)
    out += "khuyencong_db_pool_timeouts_total{pool=\"" + p.name + "\"} " + std::to_string(p.timeouts) + '\n';
  header(out, "khuyencong_dataset_reloads_total", "counter", "Reloads of the in-memory Dataset (at start and after writes).");
  out += "khuyencong_dataset_reloads_total " + std::to_string(reloads_.load(relaxed)) + '\n';
  header(out, "khuyencong_dataset_reload_seconds_total", "counter", "Time spent reloading the Dataset.");
  out += "khuyencong_dataset_reload_seconds_total " + seconds(reload_micros_.load(relaxed)) + '\n';
  header(out, "khuyencong_dataset_last_reload_seconds", "gauge", "How long the last Dataset reload took.");
  out += "khuyencong_dataset_last_reload_seconds " + seconds(last_reload_micros_.load(relaxed)) + '\n';
  if (active_sessions) {
    header(out, "khuyencong_sessions_active", "gauge", "Signed-in sessions not yet expired.");
    out += "khuyencong_sessions_active " + std::to_string(*active_sessions) + '\n';
  }
  header(out, "khuyencong_sessions_purged_total", "counter", "Expired sessions deleted by the server.");
  out += "khuyencong_sessions_purged_total " + std::to_string(sessions_purged_.load(relaxed)) + '\n';
  return out;
}

}  // namespace kc::web
