// The store: where records live. One interface, engines behind it (SQLite now; PostgreSQL
// implements the same interface). Domain, import and report code use only this interface,
// never an engine's SQL, so they run unchanged on either engine.
//
// Contract:
//  - every multi-row write happens between begin() and commit(); rollback() undoes it all;
//  - scan() returns rows ordered by the kind's key (text keys in byte order), so that an
//    export is the same whatever order the rows were written in;
//  - failures that end the operation (I/O, constraint violations) throw StoreError.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/progress.h"
#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The database was made by a newer program (its schema version is above this program's): not an
// outage that passes, so a server does not wait for it (refuse_newer_schema).
struct NewerSchemaError : StoreError {
  using StoreError::StoreError;
};

// One column of a table as the database describes it (for the schema check).
struct ColumnInfo {
  std::string name;
  bool integer = false;   // integer affinity / bigint
  bool not_null = false;
  int key_position = 0;   // 1-based position in the primary key, 0 when not part of it
};

// A page of a list: filters, a search that ignores diacritics and case, an order, a window.
struct ListQuery {
  std::vector<std::pair<size_t, Value>> equals;  // field index = value
  std::vector<std::pair<size_t, std::vector<Value>>> any_of;  // field index IN (values); empty list: no row
  // Alternatives: a row passes when it matches at least one of them (field IN values) — an
  // establishment sees the published projects or its own. Empty: no such condition.
  std::vector<std::pair<size_t, std::vector<Value>>> any_of_either;
  std::string search;                            // folded text every row must contain (searchable kinds)
  std::optional<size_t> sort_field;              // default: the key
  bool descending = false;
  bool include_archived = false;                 // rows marked in luu_tru are left out unless asked
  int64_t offset = 0, limit = 50;
  // The number of matching rows when the caller already knows it (web/list_cache.h): the
  // count query is skipped. Left empty, the store counts.
  std::optional<int64_t> known_total;
};

struct ListPage {
  std::vector<Row> rows;
  int64_t total = 0;  // rows matching, all pages together
};

class Store {
 public:
  virtual ~Store() = default;

  // Applies the pending migrations up to `version` (older versions: the upgrade fixtures of
  // tests/fixtures/schema); returns how many were applied. A database whose recorded version is
  // newer than the program's is refused (refuse_newer_schema) before anything is written.
  virtual int migrate_to(int version) = 0;
  // Applies every pending migration.
  int migrate();
  virtual int schema_version() = 0;

  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // Inserts one row; `row` holds one value per field of `kind`, in field order.
  virtual void insert(const RecordKind& kind, const Row& row) = 0;

  // Calls `fn` for every row, ordered by key. The Row reference is valid during the call.
  virtual void scan(const RecordKind& kind, const std::function<void(const Row&)>& fn) = 0;

  virtual int64_t count(const RecordKind& kind) = 0;

  // The row of `kind` whose key columns equal those of `key` (a full-width row: only the key
  // positions are read), or nullopt.
  virtual std::optional<Row> find(const RecordKind& kind, const Row& key) = 0;

  // Replaces the non-key columns of the row with the same key; false when there is none.
  virtual bool update(const RecordKind& kind, const Row& row) = 0;

  // Deletes the row with the key of `key`; false when there is none.
  virtual bool remove(const RecordKind& kind, const Row& key) = 0;

  // One page of `kind` for a list screen or API.
  virtual ListPage list(const RecordKind& kind, const ListQuery& query) = 0;

  // Rewrites the search index of every searchable kind from the rows (after a migration that
  // creates it, or a repair); engines keep it up to date on every write otherwise.
  virtual void rebuild_search_index() = 0;

  // Deletes every row of `kind` (inside the caller's transaction).
  virtual void clear(const RecordKind& kind) = 0;

  // A consistent copy of the whole database in the engine's own format (SQLite: an online
  // backup to a database file; PostgreSQL: pg_dump's custom format), and its inverse, which
  // replaces everything in this database with the copy's content.
  // `progress` follows the copy (SQLite: pages copied; PostgreSQL: the time pg_dump or
  // pg_restore has run, which tell no total).
  virtual void backup_to(const std::string& file, ProgressSink& progress = no_progress()) = 0;
  virtual void restore_from(const std::string& file, ProgressSink& progress = no_progress()) = 0;

  virtual std::vector<ColumnInfo> describe_table(const std::string& table) = 0;

  // A short name of the engine and target for messages ("SQLite khuyencong.db").
  virtual std::string describe() const = 0;

  // How much memory this connection's own page cache may hold, where the engine keeps one in
  // the process (SQLite; 8 MiB by default, for imports). A server's many connections each
  // hold one, while the operating system caches the file once for all of them.
  virtual void set_page_cache_kib(int64_t /*kib*/) {}

 protected:
  // Whether a Transaction is open on this store (engines that change how they write inside one).
  bool in_transaction() const { return transaction_depth_ > 0; }

 private:
  // Transaction nesting, kept by Transaction alone: an inner one joins the outer one.
  friend class Transaction;
  // Enters a transaction; begins one when none is open. True for the outermost.
  bool enter_transaction() {
    bool outer = transaction_depth_ == 0;
    if (outer) {
      begin();
      transaction_doomed_ = false;
    }
    ++transaction_depth_;
    return outer;
  }
  // Leaves a transaction. One not committed: the outermost rolls back; an inner one dooms the
  // outer one.
  void leave_transaction(bool outer, bool committed) {
    --transaction_depth_;
    if (committed) return;
    if (!outer) {
      transaction_doomed_ = true;
      return;
    }
    try {
      rollback();
    } catch (...) {
    }
  }
  // Commits: the outermost transaction, unless an inner one ended without committing (throws).
  void commit_transaction(bool outer) {
    if (!outer) return;
    if (transaction_doomed_) throw StoreError("một bước bên trong giao dịch không hoàn tất; không ghi gì cả");
    commit();
  }

  int transaction_depth_ = 0;
  bool transaction_doomed_ = false;  // an inner transaction ended without committing
};

// Opens the store named by `url`: a postgresql://user@host:port/dbname URL (PostgreSQL) or a
// file path (SQLite, created if absent). Migrations are applied on open.
std::unique_ptr<Store> open_store(const std::string& url);
bool is_postgres_url(const std::string& url);
// The URL without its password, for messages.
std::string redacted_url(const std::string& url);

// Rolls back on scope exit unless commit() was called. Transactions nest: an inner one joins
// the outer (its commit does nothing); if an inner one ends without committing, the outer one
// can no longer commit (it rolls back and throws), so a half-done inner step is never kept.
class Transaction {
 public:
  explicit Transaction(Store& store) : store_(store), outer_(store.enter_transaction()) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() { store_.leave_transaction(outer_, committed_); }
  void commit() {
    store_.commit_transaction(outer_);
    committed_ = true;
  }

 private:
  Store& store_;
  bool outer_;
  bool committed_ = false;
};

}  // namespace kc
