// Page content rendered once and served again while what it was rendered from is unchanged.
// Rendering a long page (kainjow mustache: a data tree, then the text, with an allocation per
// value) costs far more than computing what it shows when that is remembered already, as the
// home page's lists are (home_work.h); under 32 concurrent callers the allocator's locks made it
// the whole cost. The state is compared whole, so a page is never served from an older state.
// Callers that miss one key with the same state at once wait for one rendering (single_flight.h).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "web/single_flight.h"

namespace kc::web {

template <typename State>
class RenderedCache {
 public:
  // `name`: the counters' name (single_flight.h).
  RenderedCache(const std::string& name, size_t max_entries) : max_entries_(max_entries), renders_(name) {}

  // What was rendered for `key` from exactly `state`, or render() remembered for it.
  template <typename Render>
  std::shared_ptr<const std::string> find_or_render(const std::string& key, const State& state, Render&& render) {
    auto remembered = [&]() -> std::shared_ptr<const Entry> {
      std::lock_guard lock(mutex_);
      auto it = entries_.find(key);
      return it != entries_.end() && it->second->state == state ? it->second : nullptr;
    };
    if (auto found = remembered()) return found->rendered;
    std::shared_ptr<const Entry> entry = renders_.run(key, remembered, [&] {
      auto rendered = std::make_shared<const Entry>(Entry{state, std::make_shared<const std::string>(render())});
      std::lock_guard lock(mutex_);
      if (entries_.size() >= max_entries_ && !entries_.count(key)) entries_.clear();  // start over
      entries_[key] = rendered;
      return rendered;
    });
    // Joined a rendering of another state (a change came between the two callers): its own.
    if (!(entry->state == state)) return std::make_shared<const std::string>(render());
    return entry->rendered;
  }

 private:
  struct Entry {
    State state;
    std::shared_ptr<const std::string> rendered;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
  size_t max_entries_;
  SingleFlight<std::shared_ptr<const Entry>> renders_;  // by key
};

}  // namespace kc::web
