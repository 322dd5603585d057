// The embedded engine: one SQLite file. Foreign keys on, WAL journal, prepared statements
// cached per kind. See store.h for the contract.
#pragma once

#include <map>
#include <memory>
#include <string>

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

  // The trigram index's part of a search of `kind` (trigram_search.h), or nothing when it cannot help.
  std::optional<TrigramFilter> trigram_filter(const RecordKind& kind, const std::string& search);

  std::map<std::string_view, Statement> insert_statements_;
  Statement index_delete_, index_kind_, index_insert_;
};

}  // namespace kc
