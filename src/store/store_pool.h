// Database connections for the web server (and for one-off readers such as `report`):
//
//  - StorePool: connections to one database for the server's worker threads. Each request leases
//    one for its duration (a connection is never shared by two requests at once), at most
//    `size` exist, and a request that cannot get one within the wait is answered 503 rather than
//    waiting forever. A connection that failed is dropped together with the idle ones (a database
//    that went away took them all with it), and a connection idle for a while is checked before
//    it is reused, so the server recovers by itself when the database comes back.
//  - ReadRouter: the primary's pool plus one pool per PostgreSQL streaming replica. Reads that
//    tolerate a replica's small lag go to the healthy replicas in turn; writes always go to the
//    primary. Read-your-writes: after a request of a user commits a write, the primary's WAL
//    position is remembered for that user, and a later read of that user goes to a replica only
//    once the replica has replayed up to it. A replica that fails (refused connection, query
//    error) is left out for a short time and its reads go to the primary.
//
// See docs/deployment.md for how to set this up and what is read where.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace kc {

// Limits and timeouts of the connections (serve's --db-* options).
struct PoolOptions {
  size_t size = 8;                                  // connections per database, at most
  std::chrono::milliseconds wait{3000};             // a request waits this long for a free one, then 503
  int connect_timeout_s = 5;                        // PostgreSQL connect_timeout, unless the URL names one
  int statement_timeout_s = 60;                     // PostgreSQL statement_timeout (0: none), unless the URL sets options
  std::chrono::milliseconds validate_idle{1000};    // a connection idle longer than this is checked before reuse
};

// `url` with PostgreSQL's connect_timeout and statement_timeout added as URL parameters, unless
// it already names connect_timeout or options; a SQLite path is returned unchanged.
std::string pooled_url(const std::string& url, const PoolOptions& options);

// No connection became free within the pool's wait (the database itself may be fine).
struct PoolBusy : StoreError {
  using StoreError::StoreError;
};

class StorePool {
 public:
  // Opens one connection; the default opens and migrates (open_store).
  using Opener = std::function<std::unique_ptr<Store>(const std::string& url)>;

  StorePool(std::string url, size_t size, std::chrono::milliseconds wait);
  StorePool(std::string url, PoolOptions options, Opener open = {});

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<Store> store, uint64_t generation = 0)
        : pool_(&pool), store_(std::move(store)), generation_(generation) {}
    Lease(Lease&& o) noexcept
        : pool_(o.pool_), store_(std::move(o.store_)), generation_(o.generation_), broken_(o.broken_) {}
    Lease(const Lease&) = delete;
    ~Lease();
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }
    void mark_broken() { broken_ = true; }  // the connection failed: do not reuse it

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
    uint64_t generation_;
    bool broken_ = false;
  };

  // Throws StoreError when no connection can be had: PoolBusy when all are in use past the wait,
  // StoreError when the database cannot be reached.
  Lease lease();
  // After a failure: closes the idle connections, and those leased now when they come back.
  void discard_connections();
  const std::string& url() const { return url_; }
  const PoolOptions& options() const { return options_; }

  // Leases that found no connection free and waited, the time they waited, and the waits that
  // ran out (PoolBusy) since the pool was made; for /metrics.
  struct Stats {
    uint64_t waits = 0, timeouts = 0;
    std::chrono::nanoseconds waited{0};
  };
  Stats stats() const;

 private:
  struct Idle {
    std::unique_ptr<Store> store;
    std::chrono::steady_clock::time_point since;
  };
  void give_back(std::unique_ptr<Store> store, uint64_t generation, bool broken);
  std::unique_ptr<Store> open_new();

  std::string url_;
  PoolOptions options_;
  Opener open_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<Idle> idle_;  // most recently used last
  size_t open_count_ = 0;   // leased + idle
  uint64_t generation_ = 0; // bumped by discard_connections()
  std::atomic<uint64_t> waits_{0}, timeouts_{0}, waited_ns_{0};
};

class ConnectionProbe;  // one libpq connection for the router's small questions (store_pool.cc)

// A WAL position of PostgreSQL (pg_lsn "16/B374D848" as the number 0x16B374D848).
using Lsn = uint64_t;
std::optional<Lsn> parse_lsn(const std::string& text);

// Which database answered: 0 the primary, n > 0 the n-th replica (in --db-replica order).
// The name used in the X-Khuyencong-Nguon-Doc header and in messages: "chinh", "phu-<n>".
std::string source_label(int source);

class ReadRouter {
 public:
  // `primary` must outlive the router. Replicas are PostgreSQL URLs, opened without migrating
  // (a replica is read-only; it gets the primary's migrations through replication).
  ReadRouter(StorePool& primary, const std::vector<std::string>& replica_urls, const PoolOptions& options,
             std::chrono::milliseconds retry_after = std::chrono::seconds(10));
  ~ReadRouter();
  ReadRouter(const ReadRouter&) = delete;
  ReadRouter& operator=(const ReadRouter&) = delete;

  size_t replicas() const { return replicas_.size(); }

  struct ReadLease {
    StorePool::Lease lease;
    int source;  // 1-based replica number
  };
  // A connection to the next healthy replica (round robin) that has replayed the primary's WAL
  // at least up to `required` (0: any position will do), waiting up to `catch_up` for one to
  // get there; nullopt when none can serve: the caller reads from the primary.
  std::optional<ReadLease> replica(Lsn required = 0, std::chrono::milliseconds catch_up = {});

  // The primary's current WAL position (SELECT pg_current_wal_lsn()); throws StoreError.
  Lsn primary_position();

  // Read-your-writes, per session (the signed-in user's name): `wrote` is called after a request
  // of the session committed a write; `required` is what a replica must have replayed to serve
  // the session's reads (0: anything).
  void wrote(const std::string& session);
  Lsn required(const std::string& session);

  // Replica `source` failed: left out for the retry period, its connections closed.
  void failed(int source, const std::string& why);
  bool healthy(int source) const;

 private:
  struct Replica;
  Lsn replayed(Replica& r);  // asks the replica (pg_last_wal_replay_lsn()); throws StoreError
  void prune_sessions();     // under sessions_mutex_

  StorePool& primary_;
  PoolOptions options_;
  std::chrono::milliseconds retry_after_;
  std::vector<std::unique_ptr<Replica>> replicas_;
  std::unique_ptr<ConnectionProbe> primary_probe_;
  std::atomic<size_t> next_{0};
  struct Written {
    Lsn position;
    std::chrono::steady_clock::time_point at;
  };
  std::mutex sessions_mutex_;
  std::unordered_map<std::string, Written> sessions_;
};

// For one-off readers (report, check): a connection to the first of `replicas` that answers
// and has replayed what the primary had committed when asked (waiting up to a second for it),
// otherwise to the primary (opened and migrated as by open_store). With no replicas: the
// primary. `source` receives which database it is (0: the primary, n: replica n).
std::unique_ptr<Store> open_for_reading(const std::string& primary, const std::vector<std::string>& replicas,
                                        int* source = nullptr);

}  // namespace kc
