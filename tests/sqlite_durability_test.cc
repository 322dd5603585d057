// A write the server acknowledges survives a power cut (docs/databases.md, "Durability"): the
// SQLite connections the server's pool opens run WAL with synchronous = FULL, which syncs the WAL
// at every commit (NORMAL would sync only at checkpoints). SQLite only: PostgreSQL's own
// synchronous_commit is on by default and the server does not change it.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/sqlite_store.h"
#include "support/test_support.h"
#include "web/store_pool.h"

namespace kc::test {
namespace {

std::string pragma(Store& store, const std::string& name) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  if (!sqlite) return "not SQLite";
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(sqlite->handle(), ("PRAGMA " + name).c_str(), -1, &stmt, nullptr);
  std::string value = sqlite3_step(stmt) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)) : "";
  sqlite3_finalize(stmt);
  return value;
}

TEST(SqliteDurability, TheServersConnectionsSyncEveryCommit) {
  TempDir dir;
  web::StorePool pool((dir / "server.db").string(), web::PoolOptions{});
  auto first = pool.lease();
  auto second = pool.lease();  // every connection, not only the first
  for (Store* store : {&*first, &*second}) {
    EXPECT_EQ(pragma(*store, "journal_mode"), "wal");
    EXPECT_EQ(pragma(*store, "synchronous"), "2");  // 2 = FULL (1 = NORMAL)
  }
}

}  // namespace
}  // namespace kc::test
