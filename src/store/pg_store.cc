#include "store/pg_store.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>

#include "core/clock.h"
#include "core/process.h"
#include "store/copy_text.h"
#include "store/migrations.h"
#include "schema/record_key.h"
#include "store/sql_text.h"

namespace kc {

namespace {

// Reads result row `r` of `res` into `row`, reusing its strings.
void read_row(const RecordKind& kind, pg_result* res, int r, Row& row) {
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    int col = static_cast<int>(i);
    if (PQgetisnull(res, r, col)) {
      row[i] = std::monostate{};
      continue;
    }
    const char* text = PQgetvalue(res, r, col);
    size_t size = static_cast<size_t>(PQgetlength(res, r, col));
    if (stored_as_integer(kind.fields[i].type)) {
      int64_t n = 0;
      std::from_chars(text, text + size, n);
      row[i] = n;
    } else if (auto* s = std::get_if<std::string>(&row[i])) {
      s->assign(text, size);
    } else {
      row[i] = std::string(text, size);
    }
  }
}

// Text parameters for libpq: numbers printed into `numbers`, strings pointed to, null as nullptr.
std::vector<const char*> parameters(const Row& row, const std::vector<size_t>& fields, std::vector<std::string>& numbers) {
  numbers.assign(fields.size(), {});
  std::vector<const char*> values(fields.size(), nullptr);
  for (size_t p = 0; p < fields.size(); ++p) {
    const Value& v = row[fields[p]];
    if (const auto* n = std::get_if<int64_t>(&v)) {
      numbers[p] = std::to_string(*n);
      values[p] = numbers[p].c_str();
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      values[p] = s->c_str();
    }
  }
  return values;
}

}  // namespace

void PgStore::ResultDeleter::operator()(pg_result* r) const { PQclear(r); }

PgStore::PgStore(const std::string& url) : url_(url) {
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw StoreError("không kết nối được cơ sở dữ liệu PostgreSQL " + redacted_url(url) + ": " + message);
  }
  exec("SET client_min_messages = warning");
  exec("SET client_encoding = 'UTF8'");
  // Names sort the Vietnamese way with the ICU collation initdb creates when PostgreSQL is built
  // with ICU (Debian's is); ties and codes stay in byte order, as in SQLite. Without ICU, names
  // fall back to byte order.
  Result vi = exec("SELECT 1 FROM pg_collation WHERE collname = 'vi-x-icu'");
  collations_ = {" COLLATE \"C\"", PQntuples(vi.get()) > 0 ? " COLLATE \"vi-x-icu\"" : " COLLATE \"C\""};
}

PgStore::~PgStore() { PQfinish(conn_); }

std::string PgStore::describe() const { return "PostgreSQL " + redacted_url(url_); }

void PgStore::fail(const std::string& what, pg_result* r) {
  std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw StoreError(what + ": " + message);
}

PgStore::Result PgStore::exec(const std::string& sql, const std::vector<const char*>& params) {
  Result r(params.empty() ? PQexec(conn_, sql.c_str())
                          : PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr,
                                         params.data(), nullptr, nullptr, 0));
  ExecStatusType status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("lệnh cơ sở dữ liệu thất bại", r.get());
  return r;
}

int PgStore::schema_version() {
  Result has = exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (std::string(PQgetvalue(has.get(), 0, 0)) != "t") return 0;
  Result v = exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
  return std::stoi(PQgetvalue(v.get(), 0, 0));
}

int PgStore::migrate_to(int version) {
  refuse_newer_schema(schema_version(), describe());
  exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, "
       "applied_at TEXT NOT NULL)");
  int current = schema_version();
  int applied = 0;
  for (const Migration& m : migrations()) {
    if (m.version <= current) continue;
    if (m.version > version) break;
    Transaction tx(*this);
    if (!m.sql.empty()) exec(std::string(m.sql));
    if (!m.postgres_sql.empty()) exec(std::string(m.postgres_sql));
    std::string version = std::to_string(m.version), description(m.description), now = utc_now_text();
    exec("INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, $3)",
         {version.c_str(), description.c_str(), now.c_str()});
    tx.commit();
    ++applied;
  }
  return applied;
}

void PgStore::begin() {
  bulk_tables_.clear();
  deferred_keys_.clear();
  exec("BEGIN");
}

void PgStore::commit() {
  restore_foreign_keys();  // a row without its referenced record fails here, as at COMMIT
  exec("COMMIT");
  bulk_tables_.clear();
}

void PgStore::rollback() {
  bulk_tables_.clear();
  deferred_keys_.clear();  // the rollback brings them back
  exec("ROLLBACK");
}

void PgStore::insert(const RecordKind& kind, const Row& row) {
  auto it = prepared_inserts_.find(kind.name);
  if (it == prepared_inserts_.end()) {
    std::string name = "insert_" + std::string(kind.name);
    std::string sql = insert_sql(kind, Placeholders::Numbered);
    Result r(PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(kind.fields.size()), nullptr));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail("không chuẩn bị được lệnh ghi " + name, r.get());
    it = prepared_inserts_.emplace(kind.name, name).first;
  }
  std::vector<size_t> all(row.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::vector<std::string> numbers;
  std::vector<const char*> values = parameters(row, all, numbers);
  Result r(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                          nullptr, 0));
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK)
    fail("không ghi được bản ghi vào bảng " + std::string(kind.name), r.get());
  if (kind.searchable) index_row(kind, row, false);
}

void PgStore::insert_many(const RecordKind& kind, const Row* rows, size_t count) {
  if (count == 0) return;
  std::string table(kind.name);
  bool fresh = first_bulk_write_into_empty(kind);
  copy_buffer_.clear();
  for (size_t i = 0; i < count; ++i) append_copy_row(copy_buffer_, rows[i]);
  copy_in("COPY " + table + " (" + column_list(kind) + ") FROM STDIN", copy_buffer_, table);
  if (kind.searchable) index_rows(kind, rows, count, fresh);
}

bool PgStore::first_bulk_write_into_empty(const RecordKind& kind) {
  if (!in_transaction()) return false;
  std::string table(kind.name);
  auto [it, first] = bulk_tables_.emplace(table, false);
  if (!first) return it->second;
  Result held = exec("SELECT EXISTS (SELECT 1 FROM " + table + ")");
  if (std::string(PQgetvalue(held.get(), 0, 0)) == "t") return false;
  it->second = true;
  defer_foreign_keys(table);
  if (kind.searchable) exec("DELETE FROM tim_kiem WHERE loai_ho_so = $1", {table.c_str()});
  return true;
}

void PgStore::copy_in(const std::string& sql, const std::string& data, const std::string& what) {
  const std::string failure = "không ghi được bản ghi vào bảng " + what;
  Result start(PQexec(conn_, sql.c_str()));
  if (PQresultStatus(start.get()) != PGRES_COPY_IN) fail(failure, start.get());
  // On a blocking connection PQputCopyData sends (or buffers) everything; a row the server
  // refuses is reported by the result after PQputCopyEnd.
  if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1 || PQputCopyEnd(conn_, nullptr) != 1)
    fail(failure);
  Result end(PQgetResult(conn_));
  while (pg_result* extra = PQgetResult(conn_)) PQclear(extra);
  if (PQresultStatus(end.get()) != PGRES_COMMAND_OK) fail(failure, end.get());
}

// A foreign key checked row by row costs a query per row at commit (a deferred trigger's); added
// again after the rows, it is checked by one join over the table. Only for a table that this
// transaction found empty, so that the check covers no more rows than the triggers would have.
void PgStore::defer_foreign_keys(const std::string& table) {
  Result keys = exec(
      "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'f' "
      "ORDER BY conname",
      {table.c_str()});
  std::vector<ForeignKey> dropped;
  for (int r = 0; r < PQntuples(keys.get()); ++r)
    dropped.push_back({table, PQgetvalue(keys.get(), r, 0), PQgetvalue(keys.get(), r, 1)});
  if (dropped.empty()) return;
  // PostgreSQL refuses to alter a table (or the one it refers to) with checks of this
  // transaction's earlier writes still pending: its keys then stay, and check row by row.
  exec("SAVEPOINT defer_foreign_keys");
  try {
    for (const ForeignKey& k : dropped) exec("ALTER TABLE " + table + " DROP CONSTRAINT " + quoted_identifier(k.name));
  } catch (const StoreError&) {
    exec("ROLLBACK TO SAVEPOINT defer_foreign_keys");
    return;
  }
  exec("RELEASE SAVEPOINT defer_foreign_keys");
  deferred_keys_.insert(deferred_keys_.end(), dropped.begin(), dropped.end());
}

void PgStore::restore_foreign_keys() {
  std::vector<ForeignKey> keys;
  keys.swap(deferred_keys_);
  for (const ForeignKey& k : keys)
    exec("ALTER TABLE " + k.table + " ADD CONSTRAINT " + quoted_identifier(k.name) + " " + k.definition);
}

std::string PgStore::quoted_identifier(const std::string& name) {
  char* quoted = PQescapeIdentifier(conn_, name.c_str(), name.size());
  if (!quoted) fail("tên không hợp lệ: " + name);
  std::string out(quoted);
  PQfreemem(quoted);
  return out;
}

namespace {

// A PostgreSQL text[] literal: {"a","b"}, with backslashes and double quotes escaped.
std::string text_array_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const std::string& item : items) {
    out += out.size() > 1 ? ",\"" : "\"";
    for (char c : item) {
      if (c == '\\' || c == '"') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

}  // namespace

void PgStore::index_rows(const RecordKind& kind, const Row* rows, size_t count, bool fresh) {
  std::string name(kind.name);
  std::vector<std::string> keys(count);
  for (size_t i = 0; i < count; ++i) keys[i] = record_key_text(kind, rows[i]);
  if (!fresh) {
    // As index_row does for one row: an entry left under one of these keys goes first.
    std::string array = text_array_literal(keys);
    exec("DELETE FROM tim_kiem WHERE loai_ho_so = $1 AND khoa = ANY($2::text[])", {name.c_str(), array.c_str()});
  }
  copy_buffer_.clear();
  for (size_t i = 0; i < count; ++i) {
    append_copy_text(copy_buffer_, name);
    copy_buffer_ += '\t';
    append_copy_text(copy_buffer_, keys[i]);
    copy_buffer_ += '\t';
    append_copy_text(copy_buffer_, record_search_text(kind, rows[i]));
    copy_buffer_ += '\n';
  }
  copy_in("COPY tim_kiem (loai_ho_so, khoa, noi_dung) FROM STDIN", copy_buffer_, "tim_kiem");
}

void PgStore::index_row(const RecordKind& kind, const Row& row, bool removing) {
  std::string name(kind.name), key = record_key_text(kind, row);
  exec(search_index_upsert_delete_sql(Placeholders::Numbered), {name.c_str(), key.c_str()});
  if (removing) return;
  std::string text = record_search_text(kind, row);
  exec(search_index_insert_sql(Placeholders::Numbered), {name.c_str(), key.c_str(), text.c_str()});
}

void PgStore::scan(const RecordKind& kind, const std::function<void(const Row&)>& fn) {
  std::string sql = select_in_key_order_sql(kind, " COLLATE \"C\"");
  // Single-row mode streams big tables instead of holding the whole result in memory.
  if (!PQsendQuery(conn_, sql.c_str()) || !PQsetSingleRowMode(conn_)) fail("không đọc được bảng " + std::string(kind.name));
  Row row(kind.fields.size());
  std::string error;
  while (pg_result* raw = PQgetResult(conn_)) {
    Result r(raw);
    ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_TUPLES_OK) continue;  // the end of the rows
    if (status != PGRES_SINGLE_TUPLE) {
      if (error.empty()) error = PQresultErrorMessage(raw);
      continue;
    }
    read_row(kind, raw, 0, row);
    if (error.empty()) fn(row);
  }
  if (!error.empty()) throw StoreError("không đọc được bảng " + std::string(kind.name) + ": " + error);
}

int64_t PgStore::count(const RecordKind& kind) {
  Result r = exec("SELECT count(*) FROM " + std::string(kind.name));
  return std::stoll(PQgetvalue(r.get(), 0, 0));
}

std::optional<Row> PgStore::find(const RecordKind& kind, const Row& key) {
  std::vector<std::string> numbers;
  Result r = exec(select_by_key_sql(kind, Placeholders::Numbered), parameters(key, kind.key, numbers));
  if (PQntuples(r.get()) == 0) return std::nullopt;
  Row row(kind.fields.size());
  read_row(kind, r.get(), 0, row);
  return row;
}

bool PgStore::update(const RecordKind& kind, const Row& row) {
  std::vector<size_t> order = update_parameter_order(kind);
  if (order.size() == kind.key.size()) return find(kind, row).has_value();  // nothing but the key
  std::vector<std::string> numbers;
  Result r = exec(update_by_key_sql(kind, Placeholders::Numbered), parameters(row, order, numbers));
  bool changed = std::string(PQcmdTuples(r.get())) != "0";
  if (changed && kind.searchable) index_row(kind, row, false);
  return changed;
}

bool PgStore::remove(const RecordKind& kind, const Row& key) {
  std::vector<std::string> numbers;
  Result r = exec(delete_by_key_sql(kind, Placeholders::Numbered), parameters(key, kind.key, numbers));
  bool removed = std::string(PQcmdTuples(r.get())) != "0";
  if (removed && kind.searchable) index_row(kind, key, true);
  return removed;
}

void PgStore::clear(const RecordKind& kind) {
  exec("DELETE FROM " + std::string(kind.name));
  if (kind.searchable) exec("DELETE FROM tim_kiem WHERE loai_ho_so = '" + std::string(kind.name) + "'");
}

ListPage PgStore::list(const RecordKind& kind, const ListQuery& query) {
  ListSql sql = list_sql(kind, query, Placeholders::Numbered, collations_);
  std::vector<size_t> all(sql.parameters.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::vector<std::string> numbers;
  std::vector<const char*> values = parameters(sql.parameters, all, numbers);
  ListPage page;
  if (query.known_total) {
    page.total = *query.known_total;
  } else {
    Result count = exec(sql.count, values);
    page.total = std::stoll(PQgetvalue(count.get(), 0, 0));
  }
  Result rows = exec(sql.select, values);
  for (int r = 0; r < PQntuples(rows.get()); ++r) {
    Row row(kind.fields.size());
    read_row(kind, rows.get(), r, row);
    page.rows.push_back(std::move(row));
  }
  return page;
}

void PgStore::rebuild_search_index() {
  Transaction tx(*this);
  exec("DELETE FROM tim_kiem");
  for (const RecordKind& k : catalog()) {
    if (!k.searchable) continue;
    // libpq cannot send a statement while a streamed SELECT is pending: collect, then write.
    std::vector<Row> rows;
    scan(k, [&](const Row& r) { rows.push_back(r); });
    for (const Row& r : rows) index_row(k, r, false);
  }
  tx.commit();
}

void PgStore::backup_to(const std::string& file, ProgressSink& progress) {
  // pg_dump tells no total: the progress is the time it has run.
  progress.stage("Đang sao lưu (pg_dump)", "", 0);
  ProcessResult r;
  {
    ProgressHeartbeat running(progress);
    r = run_process({"pg_dump", "--format=custom", "--no-owner", "--file=" + file, "--dbname=" + url_});
  }
  progress.finish();
  if (r.exit_code != 0) throw StoreError("pg_dump không sao lưu được: " + r.output);
}

namespace {

// The newest schema version recorded in a pg_dump archive: its schema_migrations rows as
// pg_restore prints them (COPY … FROM stdin; one row a line, the version first; "\." ends them).
int archived_schema_version(const std::string& file) {
  ProcessResult r = run_process({"pg_restore", "--data-only", "--table=schema_migrations", "--file=-", file});
  if (r.exit_code != 0) throw StoreError("pg_restore không đọc được tệp sao lưu " + file + ": " + r.output);
  int version = 0;
  bool in_rows = false;
  size_t start = 0;
  while (start < r.output.size()) {
    size_t end = r.output.find('\n', start);
    if (end == std::string::npos) end = r.output.size();
    std::string_view line(r.output.data() + start, end - start);
    start = end + 1;
    if (!in_rows) {
      in_rows = line.rfind("COPY ", 0) == 0 && line.find("schema_migrations") != std::string_view::npos;
    } else if (line == "\\.") {
      in_rows = false;
    } else {
      int v = 0;
      std::from_chars(line.data(), line.data() + line.size(), v);
      version = std::max(version, v);
    }
  }
  return version;
}

}  // namespace

void PgStore::restore_from(const std::string& file, ProgressSink& progress) {
  // A backup of a later release is refused before anything is replaced: this program could not
  // open what it restored.
  refuse_newer_schema(archived_schema_version(file), "trong tệp sao lưu " + file);
  // --single-transaction: a failed restore leaves the database as it was.
  progress.stage("Đang khôi phục (pg_restore)", "", 0);
  ProcessResult r;
  {
    ProgressHeartbeat running(progress);
    r = run_process({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname=" + url_, file});
  }
  progress.finish();
  if (r.exit_code != 0) throw StoreError("pg_restore không khôi phục được từ " + file + ": " + r.output);
  prepared_inserts_.clear();
}

std::vector<ColumnInfo> PgStore::describe_table(const std::string& table) {
  Result cols = exec(
      "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
      {table.c_str()});
  Result keys = exec(
      "SELECT a.attname, array_position(i.indkey::int2[], a.attnum) - array_lower(i.indkey::int2[], 1) + 1 "
      "FROM pg_index i "
      "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
      "WHERE i.indrelid = to_regclass($1) AND i.indisprimary",
      {table.c_str()});
  std::map<std::string, int> key_position;
  for (int r = 0; r < PQntuples(keys.get()); ++r)
    key_position[PQgetvalue(keys.get(), r, 0)] = std::stoi(PQgetvalue(keys.get(), r, 1));
  std::vector<ColumnInfo> out;
  for (int r = 0; r < PQntuples(cols.get()); ++r) {
    ColumnInfo c;
    c.name = PQgetvalue(cols.get(), r, 0);
    c.integer = std::string(PQgetvalue(cols.get(), r, 1)) == "bigint";
    c.not_null = std::string(PQgetvalue(cols.get(), r, 2)) == "NO";
    auto k = key_position.find(c.name);
    c.key_position = k == key_position.end() ? 0 : k->second;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kc
