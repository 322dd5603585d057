// See throttle.h for the policy and why.
#include "web/throttle.h"

#include <algorithm>
#include <vector>

namespace kc::web {

namespace {

using std::chrono::seconds;

// Account names come from the request: a key never holds more than this of one.
constexpr size_t kMaxAccountBytes = 64;

std::string account_key(const std::string& account) { return account.substr(0, kMaxAccountBytes); }

std::string pair_key(const std::string& account, const std::string& address) {
  return account_key(account) + '\n' + address;
}

// The wait after the n-th failure: nothing before `wait_from`, then 1 s doubling up to the cap.
SignInThrottle::Clock::duration delay_after(unsigned failures, const SignInThrottle::Policy& p) {
  if (failures < p.wait_from) return seconds(0);
  unsigned doublings = failures - p.wait_from;
  if (doublings >= 30) return p.max_delay;
  return std::min<SignInThrottle::Clock::duration>(seconds(1L << doublings), p.max_delay);
}

}  // namespace

SignInThrottle::Limits SignInThrottle::default_limits() {
  Limits l;
  l.pair = {3, seconds(15 * 60), seconds(24 * 3600)};
  l.account = {20, seconds(60), seconds(3600)};
  l.address = {100, seconds(10), seconds(15 * 60)};
  return l;
}

SignInThrottle::SignInThrottle(Limits limits, Now now)
    : now_(std::move(now)),
      pairs_(limits.pair, limits.max_entries),
      accounts_(limits.account, limits.max_entries),
      addresses_(limits.address, limits.max_entries) {}

void SignInThrottle::set_clock(Now now) {
  std::lock_guard lock(mutex_);
  now_ = std::move(now);
}

long SignInThrottle::wait_seconds(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  Clock::time_point now = now_();
  Clock::duration wait = std::max({pairs_.wait(pair_key(account, address), now),
                                   accounts_.wait(account_key(account), now), addresses_.wait(address, now)});
  if (wait <= Clock::duration::zero()) return 0;
  return static_cast<long>(std::chrono::ceil<seconds>(wait).count());
}

void SignInThrottle::failed(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  Clock::time_point now = now_();
  pairs_.failed(pair_key(account, address), now);
  accounts_.failed(account_key(account), now);
  addresses_.failed(address, now);
}

void SignInThrottle::succeeded(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  pairs_.forget(pair_key(account, address));
}

size_t SignInThrottle::entries() {
  std::lock_guard lock(mutex_);
  return pairs_.size() + accounts_.size() + addresses_.size();
}

bool SignInThrottle::Table::expired(const Entry& e, Clock::time_point now) const {
  return now >= e.next_allowed && now - e.last_failure >= policy_.forget_after;
}

SignInThrottle::Clock::duration SignInThrottle::Table::wait(const std::string& key, Clock::time_point now) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return Clock::duration::zero();
  if (expired(it->second, now)) {
    entries_.erase(it);
    return Clock::duration::zero();
  }
  return it->second.next_allowed - now;
}

void SignInThrottle::Table::failed(const std::string& key, Clock::time_point now) {
  auto it = entries_.find(key);
  if (it != entries_.end() && expired(it->second, now)) {
    entries_.erase(it);
    it = entries_.end();
  }
  if (it == entries_.end()) {
    if (entries_.size() >= max_entries_) make_room(now);
    it = entries_.emplace(key, Entry{}).first;
  }
  Entry& e = it->second;
  ++e.failures;
  e.last_failure = now;
  e.next_allowed = now + delay_after(e.failures, policy_);
}

void SignInThrottle::Table::make_room(Clock::time_point now) {
  std::erase_if(entries_, [&](const auto& kv) { return expired(kv.second, now); });
  if (entries_.size() < max_entries_) return;
  // Still full of live keys (a flood of distinct accounts or addresses): drop the quarter that
  // failed least recently, so that this work is done once per max_entries / 4 new keys.
  std::vector<std::pair<Clock::time_point, const std::string*>> by_age;
  by_age.reserve(entries_.size());
  for (const auto& [key, e] : entries_) by_age.emplace_back(e.last_failure, &key);
  size_t drop = std::max<size_t>(1, entries_.size() / 4);
  std::nth_element(by_age.begin(), by_age.begin() + static_cast<long>(drop - 1), by_age.end());
  std::vector<std::string> keys;
  keys.reserve(drop);
  for (size_t i = 0; i < drop; ++i) keys.push_back(*by_age[i].second);
  for (const std::string& k : keys) entries_.erase(k);
}

}  // namespace kc::web
