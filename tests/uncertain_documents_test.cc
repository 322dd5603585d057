// Uploads whose COMMIT failed: the file stays until the database can say whether the row landed
// (uncertain_documents.h); and an upload whose row cannot even be inserted leaves no file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "projects/documents.h"
#include "projects/uncertain_documents.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "support/test_support.h"
#include "support/web_fixture.h"

namespace kc::test {
namespace {

size_t files_in(const std::filesystem::path& dir) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file()) ++n;
  return n;
}

TEST(UncertainDocuments, SettlingRemovesOnlyTheFilesWhoseRowsDidNotLand) {
  TempDir dir;
  seed_demo_with_users((dir / "server.db").string());
  auto store = open_store((dir / "server.db").string());
  std::filesystem::path docs = dir / "tai-lieu";
  StoredDocument landed, lost;
  {
    Transaction tx(*store);
    landed = store_document(*store, docs, "bg-2016-t-001", "", {"quyết định.pdf", "%PDF-1.4 a"}, "trungtam");
    tx.commit();
  }
  {
    Transaction tx(*store);  // never committed: as when the server died before the COMMIT landed
    lost = store_document(*store, docs, "bg-2016-t-001", "", {"biên bản.pdf", "%PDF-1.4 b"}, "trungtam");
  }
  ASSERT_EQ(files_in(docs), 2u);
  UncertainDocuments uncertain;
  EXPECT_FALSE(uncertain.pending());
  uncertain.add(docs, {landed, lost});
  EXPECT_TRUE(uncertain.pending());
  EXPECT_EQ(uncertain.settle(*store), 1);
  EXPECT_FALSE(uncertain.pending());
  EXPECT_TRUE(std::filesystem::exists(docs / landed.stored_name));
  EXPECT_FALSE(std::filesystem::exists(docs / lost.stored_name));
  EXPECT_EQ(read_document(docs, landed), "%PDF-1.4 a");
}

TEST(UncertainDocuments, ARowThatCannotBeInsertedLeavesNoFile) {
  TempDir dir;
  seed_demo_with_users((dir / "server.db").string());
  auto store = open_store((dir / "server.db").string());
  std::filesystem::path docs = dir / "tai-lieu";
  Transaction tx(*store);
  StoredDocument first = store_document(*store, docs, "bg-2016-t-001", "", {"a.pdf", "%PDF-1.4 a"}, "trungtam");
  // The table gone, as a database server gone away under the insert: the store refuses the row,
  // and the file written just before it must not stay behind.
  auto* sqlite = dynamic_cast<SqliteStore*>(store.get());
  ASSERT_NE(sqlite, nullptr);
  ASSERT_EQ(sqlite3_exec(sqlite->handle(), "ALTER TABLE tai_lieu RENAME TO tai_lieu_cu", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_ANY_THROW(store_document(*store, docs, "bg-2016-t-001", "", {"b.pdf", "%PDF-1.4 b"}, "trungtam"));
  EXPECT_EQ(files_in(docs), 1u);
  EXPECT_TRUE(std::filesystem::exists(docs / first.stored_name));
}

}  // namespace
}  // namespace kc::test
