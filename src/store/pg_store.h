// The server engine: PostgreSQL 15 through libpq. Same contract as the SQLite engine (see
// store.h): the same migrations, rows scanned in key order with text keys in byte order
// (COLLATE "C"), every multi-row write in one transaction. Many rows at once go by COPY
// (insert_many, docs/databases.md "Bulk writes").
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/bulk_insert.h"
#include "store/sql_text.h"
#include "store/store.h"

struct pg_conn;
struct pg_result;

namespace kc {

class PgStore final : public Store, public BulkInsert {
 public:
  // `url`: postgresql://user@host:port/dbname (any libpq connection URI).
  explicit PgStore(const std::string& url);
  ~PgStore() override;

  using Store::migrate;
  int migrate_to(int version) override;
  int schema_version() override;
  void begin() override;
  void commit() override;
  void rollback() override;
  void insert(const RecordKind& kind, const Row& row) override;
  void insert_many(const RecordKind& kind, const Row* rows, size_t count) override;  // COPY
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
  std::string describe() const override;

 private:
  struct ResultDeleter {
    void operator()(pg_result* r) const;
  };
  using Result = std::unique_ptr<pg_result, ResultDeleter>;

  // Runs `sql` with text parameters (nullptr = NULL); throws StoreError unless it succeeds.
  Result exec(const std::string& sql, const std::vector<const char*>& params = {});
  [[noreturn]] void fail(const std::string& what, pg_result* r = nullptr);

  void index_row(const RecordKind& kind, const Row& row, bool removing);
  // The search index entries of rows just inserted, replacing any left under their keys unless
  // `fresh`: the kind's entries were all deleted when its table was found empty.
  void index_rows(const RecordKind& kind, const Row* rows, size_t count, bool fresh);
  // COPY … FROM STDIN with `data` in COPY text format (store/copy_text.h); `what` names the
  // table in the message of a failure.
  void copy_in(const std::string& sql, const std::string& data, const std::string& what);
  // Whether `kind`'s table was empty at this transaction's first bulk write into it. At that
  // write, an empty table's foreign keys are dropped, to be added again (and so checked over the
  // whole table at once) by commit(), and its kind's search index entries, naming no row, deleted.
  bool first_bulk_write_into_empty(const RecordKind& kind);
  void defer_foreign_keys(const std::string& table);
  void restore_foreign_keys();
  std::string quoted_identifier(const std::string& name);

  struct ForeignKey {
    std::string table, name, definition;  // definition: as pg_get_constraintdef writes it
  };

  std::string url_;
  pg_conn* conn_ = nullptr;
  std::map<std::string_view, std::string> prepared_inserts_;  // kind -> statement name
  std::string copy_buffer_;                                    // the rows of one insert_many
  std::map<std::string, bool, std::less<>> bulk_tables_;      // bulk-written in this transaction -> was empty
  std::vector<ForeignKey> deferred_keys_;                      // dropped until commit()
  TextCollations collations_;                                  // how list_sql orders codes and names
};

}  // namespace kc
