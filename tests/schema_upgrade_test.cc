// Upgrades (docs/databases.md, "Upgrades"): a database made by every older schema version — the
// fixtures of tests/fixtures/schema, one per version, made by make.sh — opens with this program,
// migrates to the current version, and keeps every record with the same values, the columns added
// since holding their defaults. A database made by a newer program is refused, untouched. On the
// engine the suite runs against (SQLite, or PostgreSQL with KC_TEST_POSTGRES).
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <sstream>

#include "schema/record_kind.h"
#include "store/migrations.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"
#include "support/schema_fixture.h"
#include "support/test_database.h"

namespace kc::test {
namespace {

std::filesystem::path fixture_path(int version) {
  return std::filesystem::path(KC_SOURCE_DIR) / "tests/fixtures/schema" / ("v" + std::to_string(version) + ".sql");
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The engine of `url` as it stands, without migrating (open_store migrates).
std::unique_ptr<Store> open_unmigrated(const std::string& url) {
  if (is_postgres_url(url)) return std::make_unique<PgStore>(url);
  return std::make_unique<SqliteStore>(url);
}

// Runs SQL statements as they are, in one transaction, outside the store (as an older program did).
void run_sql(const std::string& url, const std::string& sql) {
  if (is_postgres_url(url)) {
    PGconn* c = PQconnectdb(url.c_str());
    PGresult* r = PQexec(c, ("BEGIN;\n" + sql + "\nCOMMIT;").c_str());  // one implicit transaction
    std::string error = PQresultStatus(r) == PGRES_COMMAND_OK ? "" : PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (!error.empty()) throw std::runtime_error(error);
    return;
  }
  sqlite3* db = nullptr;
  sqlite3_open(url.c_str(), &db);
  char* message = nullptr;
  int rc = sqlite3_exec(db, ("BEGIN;\n" + sql + "\nCOMMIT;").c_str(), nullptr, nullptr, &message);
  std::string error = rc == SQLITE_OK ? "" : (message ? message : "?");
  sqlite3_free(message);
  sqlite3_close(db);
  if (!error.empty()) throw std::runtime_error(error);
}

std::string shown(const Value& v) {
  if (is_null(v)) return "NULL";
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  return "'" + as_text(v) + "'";
}

// Every older version has its fixture, made from the migrations as they still are.
TEST(SchemaUpgrade, EveryOlderVersionHasAFixtureOfTheShippedMigrations) {
  for (int k = 1; k < latest_schema_version(); ++k) {
    SCOPED_TRACE("v" + std::to_string(k));
    ASSERT_TRUE(std::filesystem::exists(fixture_path(k)))
        << "run tests/fixtures/schema/make.sh after appending a migration";
    SchemaFixture f = parse_fixture(read_file(fixture_path(k)));
    EXPECT_EQ(f.version, k);
    ASSERT_EQ(f.migration_digests.size(), static_cast<size_t>(k));
    for (int i = 0; i < k; ++i)
      EXPECT_EQ(f.migration_digests[static_cast<size_t>(i)], migration_digest(migrations()[static_cast<size_t>(i)]))
          << "migration " << i + 1 << " changed after it shipped";
    EXPECT_FALSE(f.rows.empty());
  }
}

class UpgradeFrom : public testing::TestWithParam<int> {};

TEST_P(UpgradeFrom, KeepsEveryRecordWithNewColumnsAtTheirDefaults) {
  const int k = GetParam();
  SchemaFixture f = parse_fixture(read_file(fixture_path(k)));
  TestDatabase db;
  {
    auto old = open_unmigrated(db.url());
    ASSERT_EQ(old->migrate_to(k), k);
  }
  run_sql(db.url(), read_file(fixture_path(k)));

  auto store = open_store(db.url());  // what the program does when it opens the database
  EXPECT_EQ(store->schema_version(), latest_schema_version());

  std::map<std::string, int64_t> rows_per_table;
  for (const FixtureRow& r : f.rows) {
    SCOPED_TRACE(r.table);
    const RecordKind* kind = find_any_kind(r.table);
    ASSERT_NE(kind, nullptr);
    ++rows_per_table[r.table];
    Row key(kind->fields.size());
    Row expected(kind->fields.size());  // columns the fixture lacks: added later, NULL by default
    for (size_t i = 0; i < r.columns.size(); ++i) {
      int field = kind->field_index(r.columns[i]);
      ASSERT_GE(field, 0) << r.columns[i];
      key[static_cast<size_t>(field)] = r.values[i];
      expected[static_cast<size_t>(field)] = r.values[i];
    }
    std::optional<Row> found = store->find(*kind, key);
    ASSERT_TRUE(found) << "a row of " << r.table << " is gone";
    for (size_t i = 0; i < kind->fields.size(); ++i)
      EXPECT_EQ(shown((*found)[i]), shown(expected[i])) << r.table << "." << kind->fields[i].name;
  }
  for (const auto& [table, n] : rows_per_table) EXPECT_EQ(store->count(*find_any_kind(table)), n) << table;
}

INSTANTIATE_TEST_SUITE_P(SchemaVersions, UpgradeFrom, testing::Range(1, latest_schema_version()),
                         [](const testing::TestParamInfo<int>& info) { return "v" + std::to_string(info.param); });

TEST(SchemaUpgrade, ADatabaseOfANewerProgramIsRefusedUntouched) {
  TestDatabase db;
  const int newer = latest_schema_version() + 1;
  open_store(db.url());
  run_sql(db.url(), "INSERT INTO schema_migrations (version, description, applied_at) VALUES (" +
                        std::to_string(newer) + ", 'from a later release', '2030-01-01 00:00:00');");
  try {
    open_store(db.url());
    FAIL() << "a database of schema version " << newer << " was opened";
  } catch (const NewerSchemaError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("phiên bản " + std::to_string(newer)), std::string::npos) << message;
    EXPECT_NE(message.find("phiên bản " + std::to_string(latest_schema_version())), std::string::npos) << message;
    EXPECT_NE(message.find("không thể hạ cấp"), std::string::npos) << message;
  }
  auto store = open_unmigrated(db.url());
  EXPECT_EQ(store->schema_version(), newer);
  EXPECT_THROW(store->migrate_to(latest_schema_version()), NewerSchemaError);
  EXPECT_EQ(store->schema_version(), newer);

  // The server does not wait for such a database as it would for one that is down: it says why
  // and exits.
  CommandResult served = run_cli("--db " + db.quoted_url() + " serve --port 0");
  EXPECT_EQ(served.exit_code, 2);
  EXPECT_NE(served.output.find("không thể hạ cấp"), std::string::npos) << served.output;
}

TEST(SchemaUpgrade, ABackupOfANewerProgramIsRefusedBeforeAnythingIsReplaced) {
  TempDir dir;
  TestDatabase db;
  const int newer = latest_schema_version() + 1;
  open_store(db.url());
  // A backup made by a later release: the same database marked with a newer schema version.
  run_sql(db.url(), "INSERT INTO schema_migrations (version, description, applied_at) VALUES (" +
                        std::to_string(newer) + ", 'from a later release', '2030-01-01 00:00:00');");
  std::string backup = (dir / "newer.bak").string();
  open_unmigrated(db.url())->backup_to(backup);
  run_sql(db.url(), "DELETE FROM schema_migrations WHERE version = " + std::to_string(newer) + ";");

  auto store = open_store(db.url());
  try {
    store->restore_from(backup);
    FAIL() << "a backup of schema version " << newer << " was restored";
  } catch (const NewerSchemaError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("tệp sao lưu " + backup), std::string::npos) << message;
    EXPECT_NE(message.find("phiên bản " + std::to_string(newer)), std::string::npos) << message;
  }
  // Nothing was replaced: the database is still this program's and opens.
  EXPECT_EQ(open_store(db.url())->schema_version(), latest_schema_version());
}

}  // namespace
}  // namespace kc::test
