// Slows down password guessing without locking people out (docs/web.md, "Đăng nhập sai").
//
// Failures are counted under three keys, each with its own policy:
//  - the pair (account, address): the attacker at one place guessing one account. After 3
//    failures every further attempt of that pair waits 1 s, then 2, 4, 8 … up to 15 minutes.
//    This is the tight limit: it targets exactly the guesser and nobody else.
//  - the account, from any address: distributed guessing (many addresses, one account). It
//    starts late (20 failures) and its wait is capped at 1 minute, so the account's owner,
//    signing in from elsewhere, is held back at most a minute while guessing stays at about
//    one try a minute.
//  - the address, for any account: one place guessing many accounts. Offices and schools sit
//    behind one address, so this limit is high (100 failures) and its wait short (at most 10 s):
//    it slows a flood but never shuts a colleague out for long.
// A successful sign-in clears its pair only: the account and address counts keep counting what
// an attacker does around a user who signs in normally.
//
// Each key's count starts over after a quiet period (no failure) longer than its policy's
// `forget_after`. Memory is bounded: each table holds at most `max_entries` keys; when full,
// expired keys go first, then the quarter that failed least recently (the keys under active
// attack are the last to go), and account names are cut to 64 bytes in keys.
// Kept in memory: a restart forgets it, which is acceptable for a throttle.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kc::web {

class SignInThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  using Now = std::function<Clock::time_point()>;

  struct Policy {
    unsigned wait_from = 0;                // the failure after which waiting starts (1 s, then doubling)
    std::chrono::seconds max_delay{0};     // the longest wait
    std::chrono::seconds forget_after{0};  // quiet time after which the count starts over
  };
  struct Limits {
    Policy pair, account, address;
    size_t max_entries = 10000;  // per table
  };
  static Limits default_limits();

  explicit SignInThrottle(Limits limits = default_limits(), Now now = [] { return Clock::now(); });

  // Tests move time by hand (no test sleeps); the server uses the steady clock.
  void set_clock(Now now);

  // Seconds to wait before the next attempt of `account` from `address`; 0 when allowed now.
  long wait_seconds(const std::string& account, const std::string& address);
  void failed(const std::string& account, const std::string& address);
  void succeeded(const std::string& account, const std::string& address);

  // Keys held in all tables (for the memory bound's test).
  size_t entries();

 private:
  struct Entry {
    unsigned failures = 0;
    Clock::time_point last_failure, next_allowed;
  };
  class Table {
   public:
    Table(Policy policy, size_t max_entries) : policy_(policy), max_entries_(max_entries) {}
    Clock::duration wait(const std::string& key, Clock::time_point now);
    void failed(const std::string& key, Clock::time_point now);
    void forget(const std::string& key) { entries_.erase(key); }
    size_t size() const { return entries_.size(); }

   private:
    bool expired(const Entry& e, Clock::time_point now) const;
    void make_room(Clock::time_point now);
    Policy policy_;
    size_t max_entries_;
    std::unordered_map<std::string, Entry> entries_;
  };

  std::mutex mutex_;
  Now now_;
  Table pairs_, accounts_, addresses_;
};

}  // namespace kc::web
