// The Store contract on the engine the suite runs against: find, update, remove by key,
// transactions that roll back, and the system tables of migration 2.
#include <gtest/gtest.h>

#include "interchange/bundle.h"
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

// Transactions nest: an inner one joins the outer one (its commit writes nothing by itself), and
// an inner one that ends without committing makes the outer commit refuse and roll back all.
TEST(Store, InnerTransactionsJoinTheOuterOne) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  {
    Transaction outer(*store);
    store->insert(k, unit("bg", "Bắc Giang"));
    {
      Transaction inner(*store);
      store->insert(k, unit("bn", "Bắc Ninh"));
      inner.commit();
    }
    // The outer one rolls back: the inner commit kept nothing of its own.
  }
  EXPECT_EQ(store->count(k), 0);

  {
    Transaction outer(*store);
    store->insert(k, unit("bg", "Bắc Giang"));
    {
      Transaction inner(*store);
      store->insert(k, unit("bn", "Bắc Ninh"));
    }  // ends without committing
    EXPECT_THROW(outer.commit(), StoreError);
  }
  EXPECT_EQ(store->count(k), 0);

  {
    Transaction outer(*store);
    store->insert(k, unit("bg", "Bắc Giang"));
    {
      Transaction inner(*store);
      store->insert(k, unit("bn", "Bắc Ninh"));
      inner.commit();
    }
    outer.commit();
  }
  EXPECT_EQ(store->count(k), 2);

  // A new outermost transaction after a refused one starts afresh.
  {
    Transaction tx(*store);
    EXPECT_TRUE(store->remove(k, unit("bn", "")));
    tx.commit();
  }
  EXPECT_EQ(store->count(k), 1);
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

namespace kc::test {
namespace {

ListQuery searching(const std::string& text) {
  ListQuery q;
  q.search = text;
  return q;
}

class StoreLists : public ::testing::Test {
 protected:
  void SetUp() override {
    store = db.open();
    ASSERT_TRUE(import_bundle(*store, demo_dir()).ok());
  }
  TestDatabase db;
  std::unique_ptr<Store> store;
};

TEST_F(StoreLists, SearchIgnoresDiacriticsAndCase) {
  const RecordKind& villages = kind("lang_nghe");
  ListQuery q;
  q.search = "dinh tri";
  ListPage page = store->list(villages, q);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(as_text(page.rows[0][1]), "Làng nghề sản xuất mộc Đình Trì");
  q.search = "chu";  // "mỳ Chũ"
  EXPECT_GE(store->list(villages, q).total, 1);
  q.search = "khong co lang nao nhu the";
  EXPECT_EQ(store->list(villages, q).total, 0);
}

TEST_F(StoreLists, FiltersSortingAndPaging) {
  const RecordKind& projects = kind("de_an");
  ListQuery q;
  q.equals = {{static_cast<size_t>(projects.field_index("cap_kinh_phi")), std::string("quoc_gia")},
              {static_cast<size_t>(projects.field_index("trang_thai")), std::string("quyet_toan")}};
  ListPage first = store->list(projects, q);
  EXPECT_GT(first.total, 0);
  EXPECT_LT(first.total, 20);
  q.equals = {{static_cast<size_t>(projects.field_index("cap_kinh_phi")), std::string("quoc_gia")}};
  q.sort_field = static_cast<size_t>(projects.field_index("kinh_phi_nsnn"));
  q.descending = true;
  q.limit = 5;
  int64_t national = 0;
  size_t level = static_cast<size_t>(projects.field_index("cap_kinh_phi"));
  store->scan(projects, [&](const Row& r) { national += as_text(r[level]) == "quoc_gia" ? 1 : 0; });
  ASSERT_GT(national, 6);
  ListPage page = store->list(projects, q);
  EXPECT_EQ(page.total, national);
  ASSERT_EQ(page.rows.size(), 5u);
  size_t budget = static_cast<size_t>(projects.field_index("kinh_phi_nsnn"));
  for (size_t i = 1; i < page.rows.size(); ++i) EXPECT_GE(as_int(page.rows[i - 1][budget]), as_int(page.rows[i][budget]));
  q.offset = national - 2;
  EXPECT_EQ(store->list(projects, q).rows.size(), 2u);
}

// A list sorted by a name is in Vietnamese order on both engines (SQLite: the "vi" collation the
// store registers; PostgreSQL: ICU's "vi-x-icu"), while the key breaking ties stays in byte order.
TEST(StoreNames, SortByANameIsVietnameseOrder) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  {
    Transaction tx(*store);
    int n = 0;
    for (const char* name : {"Đình Lập", "Ea Súp", "Bình Gia", "Dương Minh Châu", "Bắc Sơn", "Bà Rịa", "Ba Bể", "Bình Gia"})
      store->insert(k, unit("u" + std::to_string(++n), name));
    tx.commit();
  }
  ListQuery q;
  q.sort_field = static_cast<size_t>(k.field_index("ten"));
  auto names = [&] {
    std::vector<std::string> out;
    for (const Row& r : store->list(k, q).rows) out.push_back(as_text(r[1]) + " " + as_text(r[0]));
    return out;
  };
  EXPECT_EQ(names(), (std::vector<std::string>{"Ba Bể u7", "Bà Rịa u6", "Bắc Sơn u5", "Bình Gia u3", "Bình Gia u8",
                                               "Dương Minh Châu u4", "Đình Lập u1", "Ea Súp u2"}));
  q.descending = true;
  EXPECT_EQ(names().front(), "Ea Súp u2");
  EXPECT_EQ(names()[1], "Đình Lập u1");
  q.sort_field.reset();  // the key: codes in byte order
  q.descending = false;
  EXPECT_EQ(names().front(), "Đình Lập u1");
}

TEST_F(StoreLists, ArchivedRowsAreLeftOutUnlessAsked) {
  const RecordKind& villages = kind("lang_nghe");
  int64_t all = store->list(villages, ListQuery{}).total;
  ListPage one = store->list(villages, searching("dinh tri"));
  ASSERT_EQ(one.total, 1);
  Transaction tx(*store);
  store->insert(kind("luu_tru"), Row{std::string("lang_nghe"), as_text(one.rows[0][0]), std::string("2026-11-28 08:00:00"),
                                     std::string("test")});
  tx.commit();
  EXPECT_EQ(store->list(villages, ListQuery{}).total, all - 1);
  ListQuery with_archived;
  with_archived.include_archived = true;
  EXPECT_EQ(store->list(villages, with_archived).total, all);
}

TEST_F(StoreLists, TheIndexFollowsEditsAndCanBeRebuilt) {
  const RecordKind& villages = kind("lang_nghe");
  ListPage page = store->list(villages, searching("dinh tri"));
  ASSERT_EQ(page.total, 1);
  Row edited = page.rows[0];
  edited[1] = std::string("Làng nghề gỗ Thủ Đô");
  {
    Transaction tx(*store);
    ASSERT_TRUE(store->update(villages, edited));
    tx.commit();
  }
  EXPECT_EQ(store->list(villages, searching("thu do")).total, 1);
  store->rebuild_search_index();
  EXPECT_EQ(store->list(villages, searching("thu do")).total, 1);
  {
    Transaction tx(*store);
    ASSERT_TRUE(store->remove(villages, edited));
    tx.commit();
  }
  EXPECT_EQ(store->list(villages, searching("thu do")).total, 0);
}

}  // namespace
}  // namespace kc::test
