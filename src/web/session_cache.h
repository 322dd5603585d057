// Signed-in callers remembered between requests: looking up the session and its user costs two
// database queries per request, more than a list page's own query once its total is known.
// An entry is used for at most `ttl` (2 s by default) and never past the session's expiry;
// every state-changing request through this server forgets them all (sign-out, a locked
// account, a changed role take effect on the next request). A change made by another process
// (`khuyencong user lock`, a second server on the same PostgreSQL) takes effect within `ttl`.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "accounts/accounts.h"
#include "web/sessions.h"

namespace kc::web {

struct SignedInCaller {
  Session session;
  User user;
};

class SessionCache {
 public:
  using Clock = std::chrono::steady_clock;
  explicit SessionCache(Clock::duration ttl = std::chrono::seconds(2)) : ttl_(ttl) {}

  // The caller of a cookie token remembered less than `ttl` ago and not expired by `now_utc`
  // (utc_now_text()); nullopt otherwise.
  std::optional<SignedInCaller> find(const std::string& token, const std::string& now_utc);
  // Read before looking the caller up in the database, and passed to remember(): an answer
  // read before a forget_all() that happened meanwhile is not kept (it may predate a sign-out).
  uint64_t generation();
  void remember(const std::string& token, const SignedInCaller& caller, uint64_t generation);
  void forget_all();

 private:
  struct Entry {
    SignedInCaller caller;
    Clock::time_point stored;
  };
  static constexpr size_t kMaxEntries = 10000;  // then start over (a flood of distinct tokens)
  Clock::duration ttl_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by cookie token
  uint64_t generation_ = 0;  // advanced by forget_all()
};

}  // namespace kc::web
