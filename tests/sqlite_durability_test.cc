// A write the server acknowledges survives a power cut (docs/databases.md, "Durability"): the
// SQLite connections the server's pool opens run WAL with synchronous = FULL, which syncs the WAL
// at every commit (NORMAL would sync only at checkpoints). SQLite only: PostgreSQL's own
// synchronous_commit is on by default and the server does not change it. And an attached
// document's file is on the disk (synced, renamed, its folder synced) before the commit of the
// row that names it, seen in the system calls strace records.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "core/process.h"
#include "projects/documents.h"
#include "store/sqlite_store.h"
#include "support/test_support.h"
#include "support/web_fixture.h"
#include "store/store_pool.h"

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
  StorePool pool((dir / "server.db").string(), PoolOptions{});
  auto first = pool.lease();
  auto second = pool.lease();  // every connection, not only the first
  for (Store* store : {&*first, &*second}) {
    EXPECT_EQ(pragma(*store, "journal_mode"), "wal");
    EXPECT_EQ(pragma(*store, "synchronous"), "2");  // 2 = FULL (1 = NORMAL)
  }
}

// Run by the next test under strace, in a process of its own: one upload stored and committed as
// the project page's step form does (the file, then its row, one transaction).
TEST(DocumentDurability, HelperStoresOneDocument) {
  const char* dir = std::getenv("KC_DOCUMENT_DURABILITY_DIR");
  if (!dir) GTEST_SKIP() << "run by DocumentDurability.TheFileIsOnTheDiskBeforeItsRowCommits";
  auto store = open_store(std::string(dir) + "/server.db");
  Transaction tx(*store);
  store_document(*store, std::filesystem::path(dir) / "tai-lieu", "bg-2016-t-001", "", {"biên bản.pdf", "%PDF-1.4 x"},
                 "trungtam");
  tx.commit();
}

TEST(DocumentDurability, TheFileIsOnTheDiskBeforeItsRowCommits) {
  if (access("/usr/bin/strace", X_OK) != 0) GTEST_SKIP() << "needs strace (Debian package strace)";
  TempDir dir;
  seed_demo_with_users((dir / "server.db").string());
  std::string trace = (dir / "trace").string();
  // LeakSanitizer cannot run under ptrace (scripts/sanitize.sh builds): off in the traced helper.
  ProcessResult r = run_process({"env", "KC_DOCUMENT_DURABILITY_DIR=" + dir.path().string(), "ASAN_OPTIONS=detect_leaks=0",
                                 "strace", "-f", "-y", "-qq",
                                 "-e", "trace=fsync,fdatasync,rename,renameat,renameat2", "-o", trace,
                                 std::filesystem::read_symlink("/proc/self/exe").string(),
                                 "--gtest_filter=DocumentDurability.HelperStoresOneDocument"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // The line numbers of: the document's file synced, renamed, its folder synced, the WAL synced after.
  int file_sync = -1, rename = -1, folder_sync = -1, commit_sync = -1, n = 0;
  std::istringstream lines(read_file(trace));
  for (std::string line; std::getline(lines, line); ++n) {
    bool sync = line.find("fsync(") != std::string::npos || line.find("fdatasync(") != std::string::npos;
    if (sync && line.find(".bin.tmp>") != std::string::npos && file_sync < 0) file_sync = n;
    if (line.find("rename") != std::string::npos && line.find(".bin.tmp") != std::string::npos && rename < 0) rename = n;
    if (sync && line.find("/tai-lieu>") != std::string::npos && folder_sync < 0) folder_sync = n;
    if (sync && line.find("server.db-wal>") != std::string::npos && folder_sync >= 0 && commit_sync < 0) commit_sync = n;
  }
  EXPECT_GE(file_sync, 0) << "the file was never synced\n" << read_file(trace);
  EXPECT_GT(rename, file_sync) << "renamed before it was synced\n" << read_file(trace);
  EXPECT_GT(folder_sync, rename) << "its folder was not synced after the rename\n" << read_file(trace);
  EXPECT_GT(commit_sync, folder_sync) << "no commit (WAL sync) after the file was on the disk\n" << read_file(trace);
}

}  // namespace
}  // namespace kc::test
