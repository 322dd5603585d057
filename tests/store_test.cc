// The Store contract on the engine the suite runs against: find, update, remove by key,
// transactions that roll back, and the system tables of migration 2.
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/test_database.h"

namespace kc::test {
namespace {

Row unit(const std::string& code, const std::string& name) {
  return Row{code, name, std::string("tinh"), std::string("tinh"), std::monostate{}, std::string("1997-01-01"),
             std::monostate{}};
}

TEST(Store, FindUpdateRemoveByKey) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  {
    Transaction tx(*store);
    store->insert(k, unit("bg", "Bắc Giang"));
    store->insert(k, unit("bn", "Bắc Ninh"));
    tx.commit();
  }
  auto found = store->find(k, unit("bg", ""));
  ASSERT_TRUE(found);
  EXPECT_EQ(as_text((*found)[1]), "Bắc Giang");
  EXPECT_TRUE(is_null((*found)[4]));
  EXPECT_FALSE(store->find(k, unit("khong-co", "")));

  Row changed = unit("bg", "Bắc Giang (cũ)");
  changed[6] = std::string("2025-06-30");
  EXPECT_TRUE(store->update(k, changed));
  EXPECT_FALSE(store->update(k, unit("khong-co", "x")));
  EXPECT_EQ(as_text((*store->find(k, unit("bg", "")))[6]), "2025-06-30");

  EXPECT_TRUE(store->remove(k, unit("bn", "")));
  EXPECT_FALSE(store->remove(k, unit("bn", "")));
  EXPECT_EQ(store->count(k), 1);
}

TEST(Store, CompositeKeysAndAllKeyKinds) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& archive = kind("luu_tru");
  Row mark{std::string("co_so"), std::string("cs-1"), std::string("2026-11-28 07:00:00"), std::string("admin")};
  {
    Transaction tx(*store);
    store->insert(archive, mark);
    tx.commit();
  }
  Row probe{std::string("co_so"), std::string("cs-1"), std::monostate{}, std::monostate{}};
  ASSERT_TRUE(store->find(archive, probe));
  EXPECT_FALSE(store->find(archive, Row{std::string("co_so"), std::string("cs-2"), std::monostate{}, std::monostate{}}));
  EXPECT_TRUE(store->remove(archive, probe));
  EXPECT_EQ(store->count(archive), 0);
}

TEST(Store, RollbackUndoesEveryWrite) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  {
    Transaction tx(*store);
    store->insert(k, unit("bg", "Bắc Giang"));
    store->update(k, unit("bg", "đổi tên"));
  }  // no commit
  EXPECT_EQ(store->count(k), 0);
}

TEST(Store, ForeignKeysAreCheckedAtCommit) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  Row child = unit("bg-x", "X");
  child[3] = std::string("xa");
  child[4] = std::string("khong-co");  // a parent that does not exist
  Transaction tx(*store);
  store->insert(k, child);
  EXPECT_THROW(tx.commit(), StoreError);
}

}  // namespace
}  // namespace kc::test
