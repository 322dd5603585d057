#include "store/sqlite_store.h"

#include <sqlite3.h>

#include "store/migrations.h"
#include "schema/record_key.h"
#include "store/sql_text.h"
#include "store/trigram_search.h"
#include "text/collate.h"

namespace kc {

namespace {

// Process-wide settings, applied once before SQLite initialises itself. Memory statistics
// are off: they take a global mutex on every allocation (several per inserted row) and
// nothing here reads them. Fails harmlessly when SQLite was already initialised.
void configure_sqlite_once() {
  static const int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)rc;
}

// The "vi" collation of list queries sorted by a name (sql_text.h): Vietnamese order. SQLite
// calls it on the thread using the connection; compare_vi keeps a collator per thread. It must
// not throw into SQLite's C frames: should ICU fail, byte order stands in.
int compare_vietnamese(void*, int a_size, const void* a, int b_size, const void* b) {
  std::string_view x(static_cast<const char*>(a), static_cast<size_t>(a_size));
  std::string_view y(static_cast<const char*>(b), static_cast<size_t>(b_size));
  try {
    return compare_vi(x, y);
  } catch (const std::exception&) {
    return x.compare(y);
  }
}

const TextCollations kCollations{"", " COLLATE vi"};

}  // namespace

void SqliteStore::StatementDeleter::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

SqliteStore::SqliteStore(const std::string& path) : path_(path) {
  configure_sqlite_once();
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("không mở được cơ sở dữ liệu " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, 5000);
  if (sqlite3_create_collation_v2(db_, "vi", SQLITE_UTF8, nullptr, compare_vietnamese, nullptr) != SQLITE_OK)
    fail("không đăng ký được thứ tự tiếng Việt");
  exec("PRAGMA foreign_keys = ON");
  exec("PRAGMA journal_mode = WAL");
  // FULL: every commit syncs the WAL before it returns, so a write the server has acknowledged
  // survives a power cut. NORMAL syncs only at checkpoints, and a power cut could take the last
  // acknowledged transactions with it. The cost is one fsync per commit (docs/databases.md,
  // "Durability"; measured by bench/bench_durability.cc in docs/performance.md). Imports commit
  // once, so they pay it once.
  exec("PRAGMA synchronous = FULL");
  // 8 MiB of page cache instead of the default 2: a big import is one transaction, and with
  // 2 MiB SQLite spilled and re-read pages about 80.000 times for the national benchmark
  // bundle (docs/performance.md); more than 8 MiB measured no better.
  exec("PRAGMA cache_size = -8192");
}

void SqliteStore::set_page_cache_kib(int64_t kib) { exec("PRAGMA cache_size = -" + std::to_string(kib)); }

SqliteStore::~SqliteStore() {
  insert_statements_.clear();
  index_delete_.reset();
  index_kind_.reset();
  index_insert_.reset();
  search_kind_.reset();
  search_entries_.reset();
  search_frequency_.reset();
  sqlite3_close(db_);
}

void SqliteStore::fail(const std::string& what) {
  throw StoreError(what + ": " + sqlite3_errmsg(db_));
}

SqliteStore::Statement SqliteStore::prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) fail("SQL lỗi (" + sql + ")");
  return Statement(stmt);
}

void SqliteStore::exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "?";
    sqlite3_free(error);
    throw StoreError("lệnh cơ sở dữ liệu thất bại: " + message);
  }
}

int SqliteStore::schema_version() {
  auto has = prepare("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'");
  sqlite3_step(has.get());
  if (sqlite3_column_int(has.get(), 0) == 0) return 0;
  auto v = prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  sqlite3_step(v.get());
  return sqlite3_column_int(v.get(), 0);
}

int SqliteStore::migrate_to(int version) {
  refuse_newer_schema(schema_version(), describe());
  exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
  int current = schema_version();
  int applied = 0;
  for (const Migration& m : migrations()) {
    if (m.version <= current) continue;
    if (m.version > version) break;
    Transaction tx(*this);
    if (!m.sql.empty()) exec(std::string(m.sql));
    if (!m.sqlite_sql.empty()) exec(std::string(m.sqlite_sql));
    auto rec = prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, datetime('now'))");
    sqlite3_bind_int(rec.get(), 1, m.version);
    sqlite3_bind_text(rec.get(), 2, m.description.data(), static_cast<int>(m.description.size()), SQLITE_STATIC);
    if (sqlite3_step(rec.get()) != SQLITE_DONE) fail("không ghi được phiên bản lược đồ");
    has_waiting_entries_.reset();  // migration 10 makes the table
    tx.commit();
    ++applied;
  }
  return applied;
}

void SqliteStore::begin() { exec("BEGIN IMMEDIATE"); }
void SqliteStore::commit() {
  // The entries written since the last commit join the trigram index together (migration 10).
  if (!has_waiting_entries_) {
    auto probe = prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'tim_kiem_chua'");
    sqlite3_step(probe.get());
    has_waiting_entries_ = sqlite3_column_int(probe.get(), 0) > 0;
  }
  if (*has_waiting_entries_) {
    exec("INSERT INTO tim_kiem_bo_ba (rowid, noi_dung) SELECT s.so, s.noi_dung FROM tim_kiem_chua c "
         "JOIN tim_kiem s ON s.so = c.so; DELETE FROM tim_kiem_chua");
  }
  exec("COMMIT");
}
void SqliteStore::rollback() { exec("ROLLBACK"); }

namespace {

void bind_value(sqlite3_stmt* stmt, int col, const Value& v) {
  if (const auto* n = std::get_if<int64_t>(&v))
    sqlite3_bind_int64(stmt, col, *n);
  else if (const auto* s = std::get_if<std::string>(&v))
    sqlite3_bind_text(stmt, col, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
  else
    sqlite3_bind_null(stmt, col);
}

// Reads the current result row into `row`, reusing its strings.
void read_row(sqlite3_stmt* stmt, Row& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    int col = static_cast<int>(i);
    switch (sqlite3_column_type(stmt, col)) {
      case SQLITE_NULL:
        row[i] = std::monostate{};
        break;
      case SQLITE_INTEGER:
        row[i] = static_cast<int64_t>(sqlite3_column_int64(stmt, col));
        break;
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
        size_t size = static_cast<size_t>(sqlite3_column_bytes(stmt, col));
        if (auto* s = std::get_if<std::string>(&row[i]))
          s->assign(text, size);
        else
          row[i] = std::string(text, size);
      }
    }
  }
}

}  // namespace

void SqliteStore::insert(const RecordKind& kind, const Row& row) {
  auto it = insert_statements_.find(kind.name);
  if (it == insert_statements_.end()) {
    std::string sql = insert_sql(kind, Placeholders::Question);
    it = insert_statements_.emplace(kind.name, prepare(sql)).first;
  }
  sqlite3_stmt* stmt = it->second.get();
  // Every parameter is bound below, so the previous row's bindings need no clearing.
  for (size_t i = 0; i < row.size(); ++i) bind_value(stmt, static_cast<int>(i + 1), row[i]);
  int rc = sqlite3_step(stmt);
  sqlite3_reset(stmt);
  if (rc != SQLITE_DONE) fail("không ghi được bản ghi vào bảng " + std::string(kind.name));
  if (kind.searchable) index_row(kind, row, false);
}

void SqliteStore::index_row(const RecordKind& kind, const Row& row, bool removing) {
  if (!index_delete_) {
    index_delete_ = prepare(search_index_upsert_delete_sql(Placeholders::Question));
    index_kind_ = prepare(std::string(sqlite_search_kind_sql()));
    index_insert_ = prepare(std::string(sqlite_search_insert_sql()));
  }
  std::string key = record_key_text(kind, row);
  sqlite3_stmt* del = index_delete_.get();
  sqlite3_bind_text(del, 1, kind.name.data(), static_cast<int>(kind.name.size()), SQLITE_STATIC);
  sqlite3_bind_text(del, 2, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
  int rc = sqlite3_step(del);
  sqlite3_reset(del);
  if (rc != SQLITE_DONE) fail("không cập nhật được chỉ mục tìm kiếm");
  if (removing) return;
  sqlite3_stmt* number = index_kind_.get();
  sqlite3_bind_text(number, 1, kind.name.data(), static_cast<int>(kind.name.size()), SQLITE_STATIC);
  rc = sqlite3_step(number);
  sqlite3_reset(number);
  if (rc != SQLITE_DONE) fail("không cập nhật được chỉ mục tìm kiếm");
  std::string text = record_search_text(kind, row);
  sqlite3_stmt* ins = index_insert_.get();
  sqlite3_bind_text(ins, 1, kind.name.data(), static_cast<int>(kind.name.size()), SQLITE_STATIC);
  sqlite3_bind_text(ins, 2, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
  sqlite3_bind_text(ins, 3, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  rc = sqlite3_step(ins);
  sqlite3_reset(ins);
  if (rc != SQLITE_DONE) fail("không cập nhật được chỉ mục tìm kiếm");
}

void SqliteStore::scan(const RecordKind& kind, const std::function<void(const Row&)>& fn) {
  // SQLite compares text with memcmp (BINARY): byte order without a collation.
  std::string sql = select_in_key_order_sql(kind, "");
  auto stmt = prepare(sql);
  Row row(kind.fields.size());
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    read_row(stmt.get(), row);
    fn(row);
  }
  if (rc != SQLITE_DONE) fail("không đọc được bảng " + std::string(kind.name));
}

int64_t SqliteStore::count(const RecordKind& kind) {
  auto stmt = prepare("SELECT count(*) FROM " + std::string(kind.name));
  if (sqlite3_step(stmt.get()) != SQLITE_ROW) fail("không đếm được bảng " + std::string(kind.name));
  return sqlite3_column_int64(stmt.get(), 0);
}

std::optional<Row> SqliteStore::find(const RecordKind& kind, const Row& key) {
  auto stmt = prepare(select_by_key_sql(kind, Placeholders::Question));
  for (size_t i = 0; i < kind.key.size(); ++i) bind_value(stmt.get(), static_cast<int>(i + 1), key[kind.key[i]]);
  int rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) fail("không đọc được bảng " + std::string(kind.name));
  Row row(kind.fields.size());
  read_row(stmt.get(), row);
  return row;
}

bool SqliteStore::update(const RecordKind& kind, const Row& row) {
  std::vector<size_t> order = update_parameter_order(kind);
  if (order.size() == kind.key.size()) return find(kind, row).has_value();  // nothing but the key
  auto stmt = prepare(update_by_key_sql(kind, Placeholders::Question));
  for (size_t p = 0; p < order.size(); ++p) bind_value(stmt.get(), static_cast<int>(p + 1), row[order[p]]);
  if (sqlite3_step(stmt.get()) != SQLITE_DONE) fail("không cập nhật được bảng " + std::string(kind.name));
  bool changed = sqlite3_changes(db_) > 0;
  if (changed && kind.searchable) index_row(kind, row, false);
  return changed;
}

bool SqliteStore::remove(const RecordKind& kind, const Row& key) {
  auto stmt = prepare(delete_by_key_sql(kind, Placeholders::Question));
  for (size_t i = 0; i < kind.key.size(); ++i) bind_value(stmt.get(), static_cast<int>(i + 1), key[kind.key[i]]);
  if (sqlite3_step(stmt.get()) != SQLITE_DONE) fail("không xóa được bản ghi của bảng " + std::string(kind.name));
  bool removed = sqlite3_changes(db_) > 0;
  if (removed && kind.searchable) index_row(kind, key, true);
  return removed;
}

void SqliteStore::clear(const RecordKind& kind) {
  exec("DELETE FROM " + std::string(kind.name));
  if (kind.searchable) exec("DELETE FROM tim_kiem WHERE loai_ho_so = '" + std::string(kind.name) + "'");
}

ListPage SqliteStore::list(const RecordKind& kind, const ListQuery& query) {
  std::optional<SearchPlan> plan;
  if (!query.search.empty() && kind.searchable) plan = plan_search(kind, query.search);
  ListSql sql = list_sql(kind, query, Placeholders::Question, kCollations, plan ? &plan->filter : nullptr);
  ListPage page;
  if (query.known_total) {
    page.total = *query.known_total;
  } else {
    auto count = prepare(sql.count);
    for (size_t i = 0; i < sql.parameters.size(); ++i) bind_value(count.get(), static_cast<int>(i + 1), sql.parameters[i]);
    if (sqlite3_step(count.get()) != SQLITE_ROW) fail("không đọc được bảng " + std::string(kind.name));
    page.total = sqlite3_column_int64(count.get(), 0);
  }
  if (plan) {
    if (page.total <= query.offset) return page;  // the page would be empty: no need to read it
    plan->filter.rows_first = walk_in_key_order(query, page.total, *plan);
    if (plan->filter.rows_first) sql = list_sql(kind, query, Placeholders::Question, kCollations, &plan->filter);
  }
  auto select = prepare(sql.select);
  for (size_t i = 0; i < sql.parameters.size(); ++i) bind_value(select.get(), static_cast<int>(i + 1), sql.parameters[i]);
  int rc;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
    Row row(kind.fields.size());
    read_row(select.get(), row);
    page.rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) fail("không đọc được bảng " + std::string(kind.name));
  return page;
}

void SqliteStore::rebuild_search_index() {
  Transaction tx(*this);
  exec("DELETE FROM tim_kiem");
  for (const RecordKind& k : catalog()) {
    if (!k.searchable) continue;
    // SQLite allows writing another table while a SELECT on this one is stepping.
    scan(k, [&](const Row& r) { index_row(k, r, false); });
  }
  tx.commit();
}

namespace {

// Copies every page of `from` into `to` with SQLite's online backup API.
// The online backup API, 256 pages a step; `progress` counts pages (known after the first step).
void copy_database(sqlite3* from, sqlite3* to, const std::string& what, std::string_view label, ProgressSink& progress) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) throw StoreError(what + ": " + sqlite3_errmsg(to));
  int rc;
  bool counting = false;
  auto again = [](int code) { return code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED; };
  do {
    rc = sqlite3_backup_step(b, 256);
    int pages = sqlite3_backup_pagecount(b);
    if (!counting) progress.stage(label, "trang", pages);
    counting = true;
    progress.set_done(pages - sqlite3_backup_remaining(b));
    if (again(rc)) sqlite3_sleep(rc == SQLITE_OK ? 0 : 20);
  } while (again(rc));
  sqlite3_backup_finish(b);
  if (rc == SQLITE_DONE) progress.finish();
  if (rc != SQLITE_DONE) throw StoreError(what + ": " + sqlite3_errstr(rc));
}

}  // namespace

void SqliteStore::backup_to(const std::string& file, ProgressSink& progress) {
  sqlite3* out = nullptr;
  if (sqlite3_open_v2(file.c_str(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string message = out ? sqlite3_errmsg(out) : "?";
    sqlite3_close(out);
    throw StoreError("không tạo được tệp sao lưu " + file + ": " + message);
  }
  try {
    copy_database(db_, out, "không sao lưu được vào " + file, "Đang sao lưu", progress);
    // The copy keeps the live database's WAL mode, so whoever opens the backup later (restore,
    // the restore drill) would leave -wal and -shm files beside it: a backup is one file.
    if (sqlite3_exec(out, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
      throw StoreError("không sao lưu được vào " + file + ": " + sqlite3_errmsg(out));
  } catch (...) {
    sqlite3_close(out);
    throw;
  }
  sqlite3_close(out);
}

void SqliteStore::restore_from(const std::string& file, ProgressSink& progress) {
  sqlite3* in = nullptr;
  if (sqlite3_open_v2(file.c_str(), &in, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string message = in ? sqlite3_errmsg(in) : "?";
    sqlite3_close(in);
    throw StoreError("không mở được tệp sao lưu " + file + ": " + message);
  }
  // A file that is not a khuyencong database is refused before anything is overwritten.
  sqlite3_stmt* probe = nullptr;
  bool ours = sqlite3_prepare_v2(in, "SELECT max(version) FROM schema_migrations", -1, &probe, nullptr) == SQLITE_OK &&
              sqlite3_step(probe) == SQLITE_ROW;
  int version = ours ? sqlite3_column_int(probe, 0) : 0;
  sqlite3_finalize(probe);
  if (!ours) {
    sqlite3_close(in);
    throw StoreError("tệp " + file + " không phải bản sao lưu cơ sở dữ liệu khuyencong");
  }
  // Nor a backup of a later release: this program could not open what it restored.
  try {
    refuse_newer_schema(version, "trong tệp sao lưu " + file);
  } catch (...) {
    sqlite3_close(in);
    throw;
  }
  insert_statements_.clear();
  index_delete_.reset();
  index_kind_.reset();
  index_insert_.reset();
  search_kind_.reset();
  search_entries_.reset();
  search_frequency_.reset();
  trigram_frequencies_.clear();
  has_waiting_entries_.reset();
  try {
    copy_database(in, db_, "không khôi phục được từ " + file, "Đang khôi phục", progress);
  } catch (...) {
    sqlite3_close(in);
    throw;
  }
  sqlite3_close(in);
}

std::vector<ColumnInfo> SqliteStore::describe_table(const std::string& table) {
  auto stmt = prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)");
  sqlite3_bind_text(stmt.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<ColumnInfo> out;
  while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
    ColumnInfo c;
    c.name = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0));
    std::string type = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 1));
    c.integer = type.find("INT") != std::string::npos;
    // SQLite reports primary-key columns as nullable; they are not null in effect.
    c.key_position = sqlite3_column_int(stmt.get(), 3);
    c.not_null = sqlite3_column_int(stmt.get(), 2) != 0 || c.key_position > 0;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kc
