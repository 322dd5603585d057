// The embedded engine: one SQLite file. Foreign keys on, WAL journal, prepared statements
// cached per kind. See store.h for the contract.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql_text.h"
#include "store/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kc {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;

  using Store::migrate;
  int migrate_to(int version) override;
  int schema_version() override;
  void begin() override;
  void commit() override;
  void rollback() override;
  void insert(const RecordKind& kind, const Row& row) override;
  void scan(const RecordKind& kind, const std::function<void(const Row&)>& fn) override;
  int64_t count(const RecordKind& kind) override;
  std::optional<Row> find(const RecordKind& kind, const Row& key) override;
  bool update(const RecordKind& kind, const Row& row) override;
  bool remove(const RecordKind& kind, const Row& key) override;
  void clear(const RecordKind& kind) override;
  ListPage list(const RecordKind& kind, const ListQuery& query) override;
  void rebuild_search_index() override;
  void backup_to(const std::string& file, ProgressSink& progress = no_progress()) override;
  void restore_from(const std::string& file, ProgressSink& progress = no_progress()) override;
  std::vector<ColumnInfo> describe_table(const std::string& table) override;
  std::string describe() const override { return "SQLite " + path_; }
  void set_page_cache_kib(int64_t kib) override;

  // The raw handle, for engine-specific tools (backup) only.
  sqlite3* handle() { return db_; }

 private:
  struct StatementDeleter {
    void operator()(sqlite3_stmt* s) const;
  };
  using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

  Statement prepare(const std::string& sql);
  void exec(const std::string& sql);
  [[noreturn]] void fail(const std::string& what);

  std::string path_;
  sqlite3* db_ = nullptr;
  // Keeps the search index entry of a searchable row in step (delete, then insert unless removing).
  void index_row(const RecordKind& kind, const Row& row, bool removing);

  // SQLite's search through its trigram index (sqlite_search.cc).
  struct SearchPlan {
    TrigramFilter filter;  // the rarest trigrams of the search, the kind's range of entries
    int64_t entries = 0;   // about how many entries the kind has
  };
  // The plan of a search of `kind`, or nothing when the index cannot help (trigram_search.h).
  std::optional<SearchPlan> plan_search(const RecordKind& kind, const std::string& search);
  // How many entries in [first, last] hold `trigram`, counted up to kFrequencyCap and remembered
  // per connection (a guide to the rarest trigrams only: a stale figure costs time, not results).
  int64_t trigram_frequency(int64_t first, int64_t last, const std::string& trigram);
  // Whether a page in key order is found sooner by walking the kind's entries in key order (with
  // LIKE) than by sorting the index's candidates: when the search matches much of the kind.
  static bool walk_in_key_order(const ListQuery& query, int64_t total, const SearchPlan& plan);

  std::map<std::string_view, Statement> insert_statements_;
  Statement index_delete_, index_kind_, index_insert_;
  Statement search_kind_, search_entries_, search_frequency_;
  std::unordered_map<std::string, int64_t> trigram_frequencies_;  // "<first>:<trigram>" -> capped count
  // Whether the database has tim_kiem_chua (migration 10), whose entries commit() indexes; unknown
  // until the first commit, and again after a migration or a restore.
  std::optional<bool> has_waiting_entries_;
};

}  // namespace kc
