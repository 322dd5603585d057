// See single_flight.h.
#include "web/single_flight.h"

#include <map>
#include <memory>

namespace kc::web {

namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<FlightCounters>> by_name;  // ordered: a stable /metrics
};

Registry& registry() {
  static Registry r;  // never destroyed before the statics that refer to its counters
  return r;
}

}  // namespace

FlightCounters& flight_counters(const std::string& name) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  auto& slot = r.by_name[name];
  if (!slot) slot = std::make_unique<FlightCounters>();
  return *slot;
}

std::string flight_exposition() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  std::string out =
      "# HELP khuyencong_cache_computations_total Computations of a remembered answer (pages, lists, home lists); "
      "concurrent misses for one key share one.\n"
      "# TYPE khuyencong_cache_computations_total counter\n";
  for (const auto& [name, c] : r.by_name)
    out += "khuyencong_cache_computations_total{cache=\"" + name + "\"} " + std::to_string(c->computed.load()) + "\n";
  out +=
      "# HELP khuyencong_cache_joined_total Requests that waited for another request's computation of the same "
      "answer instead of computing it.\n"
      "# TYPE khuyencong_cache_joined_total counter\n";
  for (const auto& [name, c] : r.by_name)
    out += "khuyencong_cache_joined_total{cache=\"" + name + "\"} " + std::to_string(c->joined.load()) + "\n";
  return out;
}

}  // namespace kc::web
