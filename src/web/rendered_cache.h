// Page content rendered once and served again while what it was rendered from is unchanged.
// Rendering a long page (kainjow mustache: a data tree, then the text, with an allocation per
// value) costs far more than computing what it shows when that is remembered already, as the
// home page's lists are (home_work.h); under 32 concurrent callers the allocator's locks made it
// the whole cost. The state is compared whole, so a page is never served from an older state.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kc::web {

template <typename State>
class RenderedCache {
 public:
  explicit RenderedCache(size_t max_entries) : max_entries_(max_entries) {}

  // What was rendered for `key` from exactly `state`, or null.
  std::shared_ptr<const std::string> find(const std::string& key, const State& state) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || !(it->second.state == state)) return nullptr;
    return it->second.rendered;
  }

  void remember(const std::string& key, State state, std::shared_ptr<const std::string> rendered) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_ && !entries_.count(key)) entries_.clear();  // start over
    entries_[key] = Entry{std::move(state), std::move(rendered)};
  }

 private:
  struct Entry {
    State state;
    std::shared_ptr<const std::string> rendered;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  size_t max_entries_;
};

}  // namespace kc::web
