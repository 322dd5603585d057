#include "store/store_pool.h"

#include <libpq-fe.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "store/migrations.h"
#include "store/pg_store.h"

namespace kc {

namespace {

using Clock = std::chrono::steady_clock;

bool has_parameter(const std::string& url, const std::string& name) {
  size_t query = url.find('?');
  if (query == std::string::npos) return false;
  for (size_t pos = query + 1; pos < url.size();) {
    size_t end = url.find('&', pos);
    if (end == std::string::npos) end = url.size();
    if (url.compare(pos, name.size() + 1, name + "=") == 0) return true;
    pos = end + 1;
  }
  return false;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}


}  // namespace

std::string pooled_url(const std::string& url, const PoolOptions& options) {
  if (!is_postgres_url(url)) return url;
  std::string out = url;
  auto add = [&](const std::string& parameter) {
    out += (out.find('?') == std::string::npos ? '?' : '&') + parameter;
  };
  if (options.connect_timeout_s > 0 && !has_parameter(url, "connect_timeout"))
    add("connect_timeout=" + std::to_string(options.connect_timeout_s));
  // options=-c statement_timeout=<ms>, percent-encoded as a URI wants it.
  if (options.statement_timeout_s > 0 && !has_parameter(url, "options"))
    add("options=-c%20statement_timeout%3D" + std::to_string(options.statement_timeout_s * 1000));
  return out;
}

// ---- StorePool ------------------------------------------------------------------------------

StorePool::StorePool(std::string url, size_t size, std::chrono::milliseconds wait)
    : StorePool(std::move(url), PoolOptions{.size = size, .wait = wait}) {}

StorePool::StorePool(std::string url, PoolOptions options, Opener open)
    : url_(std::move(url)), options_(options), open_(std::move(open)) {
  if (options_.size == 0) options_.size = 1;
  if (!open_) open_ = [](const std::string& u) { return open_store(u); };
}

StorePool::Lease::~Lease() {
  if (pool_ && store_) pool_->give_back(std::move(store_), generation_, broken_);
}

// 1 MiB of page cache per server connection (imports use 8): with a pool of 8 and a Dataset
// connection, SQLite's caches were up to 72 MiB of the server's memory, for pages the operating
// system caches anyway; lists and record pages read a few pages each.
constexpr int64_t kServerPageCacheKib = 1024;

std::unique_ptr<Store> StorePool::open_new() {
  std::unique_ptr<Store> store = open_(pooled_url(url_, options_));
  if (store) store->set_page_cache_kib(kServerPageCacheKib);
  return store;
}

StorePool::Lease StorePool::lease() {
  std::unique_lock lock(mutex_);
  auto free = [&] { return !idle_.empty() || open_count_ < options_.size; };
  if (!free()) {
    auto since = Clock::now();
    bool got = available_.wait_for(lock, options_.wait, free);
    waits_.fetch_add(1, std::memory_order_relaxed);
    waited_ns_.fetch_add(static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - since).count()), std::memory_order_relaxed);
    if (!got) {
      timeouts_.fetch_add(1, std::memory_order_relaxed);
      throw PoolBusy("máy chủ đang bận, không còn kết nối cơ sở dữ liệu rảnh");
    }
  }
  uint64_t generation = generation_;
  std::unique_ptr<Store> store;
  bool check = false;
  if (!idle_.empty()) {
    store = std::move(idle_.back().store);
    // A server connection that sat idle may have been closed by a restart or a network cut:
    // checked with one query before a request gets it (SQLite files need no check).
    check = is_postgres_url(url_) && Clock::now() - idle_.back().since > options_.validate_idle;
    idle_.pop_back();
  } else {
    ++open_count_;  // the slot is ours while we open outside the lock
  }
  lock.unlock();
  if (store && check) {
    try {
      store->schema_version();
    } catch (const StoreError&) {
      store.reset();             // dead, and the other idle ones most likely too:
      discard_connections();     // its slot stays counted and is reused just below
      std::lock_guard relock(mutex_);
      generation = generation_;
    }
  }
  if (store) return Lease(*this, std::move(store), generation);
  try {
    return Lease(*this, open_new(), generation);
  } catch (...) {
    std::lock_guard relock(mutex_);
    --open_count_;
    available_.notify_one();
    throw;
  }
}

StorePool::Stats StorePool::stats() const {
  return {waits_.load(std::memory_order_relaxed), timeouts_.load(std::memory_order_relaxed),
          std::chrono::nanoseconds(waited_ns_.load(std::memory_order_relaxed))};
}

void StorePool::discard_connections() {
  std::vector<Idle> closing;
  {
    std::lock_guard lock(mutex_);
    ++generation_;
    closing.swap(idle_);
    open_count_ -= closing.size();
    available_.notify_all();
  }
  // `closing` is destroyed here, outside the lock (closing a connection may take a moment).
}

void StorePool::give_back(std::unique_ptr<Store> store, uint64_t generation, bool broken) {
  std::unique_lock lock(mutex_);
  if (broken || generation != generation_) {
    --open_count_;
    available_.notify_one();
    lock.unlock();
    store.reset();
    return;
  }
  idle_.push_back({std::move(store), Clock::now()});
  available_.notify_one();
}

// ---- WAL positions --------------------------------------------------------------------------

std::optional<Lsn> parse_lsn(const std::string& text) {
  size_t slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) return std::nullopt;
  try {
    size_t used_hi = 0, used_lo = 0;
    uint64_t hi = std::stoull(text.substr(0, slash), &used_hi, 16);
    uint64_t lo = std::stoull(text.substr(slash + 1), &used_lo, 16);
    if (used_hi != slash || used_lo != text.size() - slash - 1 || hi > 0xFFFFFFFFu || lo > 0xFFFFFFFFu)
      return std::nullopt;
    return (hi << 32) | lo;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string source_label(int source) { return source <= 0 ? "chinh" : "phu-" + std::to_string(source); }

// One libpq connection kept for the small questions the router asks (WAL positions), apart from
// the pools so that asking never waits for a free connection. Reconnects after a failure.
class ConnectionProbe {
 public:
  explicit ConnectionProbe(std::string u) : url(std::move(u)) {}
  ~ConnectionProbe() { close(); }
  ConnectionProbe(const ConnectionProbe&) = delete;
  ConnectionProbe& operator=(const ConnectionProbe&) = delete;
  void close() {
    if (conn) PQfinish(conn);
    conn = nullptr;
  }
  // The first value of `sql`'s first row; nullopt for NULL. Throws StoreError.
  std::optional<std::string> value(const char* sql) {
    std::lock_guard lock(mutex);
    // A kept connection may have died since last time: one retry on a new connection.
    for (int attempt = 0;; ++attempt) {
      bool reused = conn != nullptr;
      if (!conn) {
        conn = PQconnectdb(url.c_str());
        if (PQstatus(conn) != CONNECTION_OK) {
          std::string message = trimmed(PQerrorMessage(conn));
          close();
          throw StoreError("không kết nối được cơ sở dữ liệu " + redacted_url(url) + ": " + message);
        }
      }
      PGresult* r = PQexec(conn, sql);
      if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
        std::optional<std::string> out;
        if (!PQgetisnull(r, 0, 0)) out = PQgetvalue(r, 0, 0);
        PQclear(r);
        return out;
      }
      std::string message = trimmed(r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
      PQclear(r);
      close();
      if (!reused || attempt > 0) throw StoreError("lệnh cơ sở dữ liệu thất bại trên " + redacted_url(url) + ": " + message);
    }
  }

  std::string url;
  std::mutex mutex;
  PGconn* conn = nullptr;
};

// ---- ReadRouter -----------------------------------------------------------------------------

struct ReadRouter::Replica {
  Replica(const std::string& u, const PoolOptions& options)
      : url(u),
        pool(u, options, [](const std::string& pooled) { return std::make_unique<PgStore>(pooled); }),
        probe(pooled_url(u, options)) {}
  std::string url;
  StorePool pool;
  ConnectionProbe probe;
  std::atomic<Lsn> replayed{0};                      // the last position it was seen to have replayed
  std::atomic<Clock::rep> down_until{0};             // left out until then (steady clock ticks)
};

ReadRouter::ReadRouter(StorePool& primary, const std::vector<std::string>& replica_urls, const PoolOptions& options,
                       std::chrono::milliseconds retry_after)
    : primary_(primary),
      options_(options),
      retry_after_(retry_after),
      primary_probe_(std::make_unique<ConnectionProbe>(pooled_url(primary.url(), options))) {
  for (const std::string& url : replica_urls) {
    if (!is_postgres_url(url))
      throw StoreError("bản sao chỉ đọc phải là địa chỉ PostgreSQL (postgresql://…), không phải \"" + url + "\"");
    replicas_.push_back(std::make_unique<Replica>(url, options));
  }
}

ReadRouter::~ReadRouter() = default;

bool ReadRouter::healthy(int source) const {
  if (source <= 0 || static_cast<size_t>(source) > replicas_.size()) return false;
  return Clock::now().time_since_epoch().count() >= replicas_[static_cast<size_t>(source - 1)]->down_until.load();
}

void ReadRouter::failed(int source, const std::string& why) {
  if (source <= 0 || static_cast<size_t>(source) > replicas_.size()) return;
  Replica& r = *replicas_[static_cast<size_t>(source - 1)];
  auto until = Clock::now() + retry_after_;
  Clock::rep previous = r.down_until.exchange(until.time_since_epoch().count());
  r.pool.discard_connections();
  if (previous < Clock::now().time_since_epoch().count())
    std::cerr << "[web] bản sao " << source_label(source) << " (" << redacted_url(r.url) << ") lỗi, tạm đọc từ máy chủ chính trong "
              << retry_after_.count() / 1000.0 << " s: " << why << "\n";
}

Lsn ReadRouter::replayed(Replica& r) {
  std::optional<std::string> text = r.probe.value("SELECT pg_last_wal_replay_lsn()");
  // NULL: not a standby (or never replayed): its position cannot be compared with the primary's.
  Lsn lsn = text ? parse_lsn(*text).value_or(0) : 0;
  Lsn seen = r.replayed.load();
  while (lsn > seen && !r.replayed.compare_exchange_weak(seen, lsn)) {
  }
  return std::max(lsn, seen);
}

std::optional<ReadRouter::ReadLease> ReadRouter::replica(Lsn required, std::chrono::milliseconds catch_up) {
  size_t n = replicas_.size();
  if (n == 0) return std::nullopt;
  auto deadline = Clock::now() + catch_up;
  size_t start = next_.fetch_add(1);
  for (;;) {
    bool behind = false;  // some healthy replica has not got there yet
    for (size_t i = 0; i < n; ++i) {
      size_t index = (start + i) % n;
      int source = static_cast<int>(index) + 1;
      Replica& r = *replicas_[index];
      if (!healthy(source)) continue;
      try {
        if (required > r.replayed.load() && required > replayed(r)) {
          behind = true;
          continue;
        }
        return ReadLease{r.pool.lease(), source};
      } catch (const PoolBusy&) {
        continue;  // busy is not broken: another replica or the primary serves this one
      } catch (const StoreError& e) {
        failed(source, e.what());
      }
    }
    if (!behind || Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

Lsn ReadRouter::primary_position() {
  std::optional<std::string> text = primary_probe_->value("SELECT pg_current_wal_lsn()");
  std::optional<Lsn> lsn = text ? parse_lsn(*text) : std::nullopt;
  if (!lsn) throw StoreError("máy chủ chính không cho biết vị trí WAL (pg_current_wal_lsn)");
  return *lsn;
}

namespace {
// A write whose position could not be read: the session reads from the primary for this long.
constexpr Lsn kUnknownPosition = ~Lsn{0};
constexpr auto kUnknownPositionFor = std::chrono::seconds(60);
}  // namespace

void ReadRouter::wrote(const std::string& session) {
  if (replicas_.empty()) return;
  Lsn position = kUnknownPosition;
  try {
    position = primary_position();
  } catch (const StoreError& e) {
    std::cerr << "[web] không đọc được vị trí WAL của máy chủ chính sau khi ghi: " << e.what() << "\n";
  }
  std::lock_guard lock(sessions_mutex_);
  Written& w = sessions_[session];
  w.position = std::max(w.position, position);
  w.at = Clock::now();
  if (sessions_.size() > 64) prune_sessions();
}

void ReadRouter::prune_sessions() {
  // A position every replica has replayed no longer decides anything.
  Lsn everywhere = kUnknownPosition;
  for (const auto& r : replicas_) everywhere = std::min(everywhere, r->replayed.load());
  auto now = Clock::now();
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    bool unknown_expired = it->second.position == kUnknownPosition && now - it->second.at > kUnknownPositionFor;
    if (it->second.position <= everywhere || unknown_expired)
      it = sessions_.erase(it);
    else
      ++it;
  }
}

Lsn ReadRouter::required(const std::string& session) {
  std::lock_guard lock(sessions_mutex_);
  auto it = sessions_.find(session);
  if (it == sessions_.end()) return 0;
  if (it->second.position == kUnknownPosition && Clock::now() - it->second.at > kUnknownPositionFor) {
    sessions_.erase(it);
    return 0;
  }
  return it->second.position;
}

// ---- one-off readers --------------------------------------------------------------------------

std::unique_ptr<Store> open_for_reading(const std::string& primary, const std::vector<std::string>& replicas,
                                        int* source) {
  if (source) *source = 0;
  if (replicas.empty() || !is_postgres_url(primary)) return open_store(primary);
  PoolOptions options;
  // What the primary has committed now; when it cannot be asked, a replica that answers will do.
  Lsn required = 0;
  try {
    std::optional<std::string> text = ConnectionProbe(pooled_url(primary, options)).value("SELECT pg_current_wal_lsn()");
    required = text ? parse_lsn(*text).value_or(0) : 0;
  } catch (const StoreError& e) {
    std::cerr << "Cảnh báo: không hỏi được máy chủ chính (" << e.what() << "); đọc từ bản sao nếu có.\n";
  }
  const int latest = migrations().back().version;
  auto answered = [&](int n) { std::cerr << "Đọc dữ liệu từ " << (n ? "bản sao " + source_label(n) : "máy chủ chính") << ".\n"; };
  for (size_t i = 0; i < replicas.size(); ++i) {
    int n = static_cast<int>(i) + 1;
    try {
      std::optional<std::string> text;
      ConnectionProbe probe(pooled_url(replicas[i], options));
      auto deadline = Clock::now() + std::chrono::seconds(1);
      for (;;) {
        text = probe.value("SELECT pg_last_wal_replay_lsn()");
        Lsn lsn = text ? parse_lsn(*text).value_or(0) : 0;
        if (lsn >= required || Clock::now() >= deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      Lsn lsn = text ? parse_lsn(*text).value_or(0) : 0;
      if (lsn < required) {
        std::cerr << "Bản sao " << source_label(n) << " chưa theo kịp máy chủ chính; bỏ qua.\n";
        continue;
      }
      auto store = std::make_unique<PgStore>(pooled_url(replicas[i], options));
      if (store->schema_version() != latest) {
        std::cerr << "Bản sao " << source_label(n) << " có lược đồ khác phiên bản chương trình; bỏ qua.\n";
        continue;
      }
      if (source) *source = n;
      answered(n);
      return store;
    } catch (const StoreError& e) {
      std::cerr << "Bản sao " << source_label(n) << " không dùng được: " << e.what() << "\n";
    }
  }
  answered(0);
  return open_store(primary);
}

}  // namespace kc
