// See session_cache.h.
#include "web/session_cache.h"

namespace kc::web {

// Lookups share the lock (an outdated entry is left to be replaced by remember()): with more
// threads than cores, a thread preempted while holding an exclusive lock stalls all the others.
std::optional<SignedInCaller> SessionCache::find(const std::string& token, const std::string& now_utc) {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(token);
  if (it == entries_.end()) return std::nullopt;
  if (Clock::now() - it->second.stored > ttl_ || it->second.caller.session.expires < now_utc) return std::nullopt;
  return it->second.caller;
}

uint64_t SessionCache::generation() {
  std::shared_lock lock(mutex_);
  return generation_;
}

void SessionCache::remember(const std::string& token, const SignedInCaller& caller, uint64_t generation) {
  std::unique_lock lock(mutex_);
  if (generation != generation_) return;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[token] = Entry{caller, Clock::now()};
}

void SessionCache::forget_all() {
  std::unique_lock lock(mutex_);
  entries_.clear();
  ++generation_;
}

}  // namespace kc::web
