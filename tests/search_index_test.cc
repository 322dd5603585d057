// List searches (docs/databases.md, "Search") give the rows, order and totals that their meaning
// gives — the row's folded text contains the folded search text — on the engine the suite runs
// against: on SQLite through the FTS5 trigram index of migration 10, on PostgreSQL through LIKE.
// Each search is compared with the rows this test selects itself from a scan, over names with
// diacritics, đ/Đ, upper case, LIKE's special characters, quotes, and searches of one and two
// characters that no trigram can narrow; after every kind of write, and after an upgrade from
// schema 9.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "schema/record_key.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"
#include "store/trigram_search.h"
#include "support/test_database.h"
#include "text/collate.h"
#include "text/normalize.h"

namespace kc::test {
namespace {

Row unit(const std::string& code, const std::string& name) {
  return Row{code, name, std::string("tinh"), std::string("tinh"), std::monostate{}, std::string("1997-01-01"),
             std::monostate{}};
}

// Names chosen for what they test, then a few hundred made of Vietnamese syllables.
std::vector<std::string> fixture_names() {
  std::vector<std::string> names = {"Đình Trì", "ĐÌNH TRÌ", "dinh tri", "Đinh Trí", "Điện Biên", "Sản xuất 100% gạch_men",
                                    "Ba\\Vì", "Thủ Đô", "aaaa aaa", "A", "ĐĐĐ", "ΣΩ Hy Lạp", "Quảng Ngãi",
                                    "Xóm \"Mới\" a\"b", "Ăn Ân An", "Đi\xcc\x80nh Tra\xcc\x80 (NFD)"};
  const char* syllables[] = {"Đình", "Trì",  "Điện", "Biên", "Sản", "xuất", "gạch", "Quảng",
                             "Ngãi", "Thủ",  "Đô",   "Bà",   "Rịa", "An",   "Ân",   "ăn",
                             "Đồng", "Tháp", "Hà",   "Nội",  "Vĩnh", "Long", "Cà",  "Mau"};
  const size_t n = sizeof(syllables) / sizeof(syllables[0]);
  for (size_t i = 0; i < 300; ++i)
    names.push_back(std::string(syllables[(i * 7) % n]) + " " + syllables[(i * 11 + 3) % n] + " " +
                    syllables[(i * 13 + 5) % n]);
  return names;
}

const std::vector<std::string>& searches() {
  static const std::vector<std::string> all = {
      "dinh", "Đình", "ĐÌNH TRÌ", "đình trì", "Đi\xcc\x80nh", "đ", "Đ", "d", "i", "tr", "ì", "nh t", "inh tri",
      "100%", "%", "_", "h_m", "\\", "a\\v", "\"", "a\"b", "\"moi\"", "a", "aa", "aaa", "aaaa", "aaaaa", "aaaa aaa",
      "u0", "u01", "u1", "u12", " ", "  ", "xyz", "ngãi", "quang ngai", "san xuat gach", "σ", "Σ", "ΣΩ", "σω", "an",
      "ăn", "ân", "an an", "(nfd)", "dinh tri dien bien", "ha noi vinh", "long ca", "ong", "  dinh"};
  return all;
}

class SearchIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    store = db.open();
    Transaction tx(*store);
    int n = 0;
    for (const std::string& name : fixture_names()) {
      char code[16];
      std::snprintf(code, sizeof code, "u%03d", ++n);
      store->insert(units, unit(code, name));
    }
    // Two matching units archived: left out unless asked.
    for (const char* code : {"u001", "u020"})
      store->insert(kind("luu_tru"), Row{std::string("don_vi_hanh_chinh"), std::string(code),
                                         std::string("2026-12-03 08:00:00"), std::string("test")});
    tx.commit();
  }

  // The page and total `q` should give, from a scan of the units and the archive marks.
  ListPage expected(const ListQuery& q) {
    std::set<std::string> archived;
    store->scan(kind("luu_tru"), [&](const Row& r) {
      if (as_text(r[0]) == units.name) archived.insert(as_text(r[1]));
    });
    std::vector<Row> rows;
    std::string needle = fold_for_search(q.search);
    store->scan(units, [&](const Row& r) {
      if (!q.include_archived && archived.count(as_text(r[0]))) return;
      if (record_search_text(units, r).find(needle) == std::string::npos) return;
      rows.push_back(r);
    });
    const size_t name = static_cast<size_t>(units.field_index("ten"));
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
      int c = 0;
      if (q.sort_field == name) c = compare_vi(as_text(a[name]), as_text(b[name]));
      if (c == 0) c = as_text(a[0]).compare(as_text(b[0]));
      return q.descending ? c > 0 : c < 0;
    });
    ListPage page;
    page.total = static_cast<int64_t>(rows.size());
    for (int64_t i = q.offset; i < q.offset + q.limit && i < page.total; ++i) page.rows.push_back(rows[static_cast<size_t>(i)]);
    return page;
  }

  static std::vector<std::string> keys(const ListPage& page) {
    std::vector<std::string> out;
    for (const Row& r : page.rows) out.push_back(as_text(r[0]));
    return out;
  }

  // Every search, sorted by key and by name, both ways, two pages, with and without the archive.
  // Returns how many searches found at least one row (so that a test also sees some matches).
  int check_every_search(const std::string& when) {
    int found = 0;
    for (const std::string& text : searches()) {
      for (int variant = 0; variant < 16; ++variant) {
        ListQuery q;
        q.search = fold_for_search(text);  // as registry_query.cc hands it over
        if (variant & 1) q.sort_field = static_cast<size_t>(units.field_index("ten"));
        q.descending = variant & 2;
        q.offset = variant & 4 ? 3 : 0;
        q.limit = 7;
        q.include_archived = variant & 8;
        SCOPED_TRACE(when + ": search \"" + text + "\" variant " + std::to_string(variant));
        ListPage want = expected(q);
        ListPage got = store->list(units, q);
        EXPECT_EQ(got.total, want.total);
        EXPECT_EQ(keys(got), keys(want));
        if (variant == 0 && want.total > 0) ++found;
      }
    }
    return found;
  }

  TestDatabase db;
  std::unique_ptr<Store> store;
  const RecordKind& units = kind("don_vi_hanh_chinh");
};

TEST(TrigramMatch, EveryTrigramOnceQuotedAndNothingBelowThreeCharacters) {
  EXPECT_EQ(trigram_match(""), std::nullopt);
  EXPECT_EQ(trigram_match("d"), std::nullopt);
  EXPECT_EQ(trigram_match("đi"), std::nullopt);  // two characters, three bytes
  EXPECT_EQ(trigram_match("\xff\xfe\xfd"), std::nullopt);  // not UTF-8: LIKE alone
  EXPECT_EQ(trigram_match("dinh"), "\"din\" AND \"inh\"");
  EXPECT_EQ(trigram_match("aaaa"), "\"aaa\"");
  EXPECT_EQ(trigram_match("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(trigram_match("σωa"), "\"σωa\"");
}

TEST_F(SearchIndex, EverySearchGivesTheRowsOrderAndTotalOfItsMeaning) {
  EXPECT_GT(check_every_search("fixture"), 30);
}

TEST_F(SearchIndex, TheIndexFollowsEveryWrite) {
  auto named = [&](const std::string& text) {
    ListQuery q;
    q.search = fold_for_search(text);
    return store->list(units, q).total;
  };
  {
    Transaction tx(*store);
    store->insert(units, unit("v001", "Làng Đông Hồ"));
    tx.commit();
  }
  EXPECT_EQ(named("dong ho"), 1);
  {
    Transaction tx(*store);
    ASSERT_TRUE(store->update(units, unit("v001", "Làng Bát Tràng")));
    tx.commit();
  }
  EXPECT_EQ(named("dong ho"), 0);
  EXPECT_EQ(named("bat trang"), 1);
  {
    Transaction tx(*store);  // rolled back: neither the row nor its index entry stays
    store->insert(units, unit("v002", "Làng Phù Lãng"));
  }
  EXPECT_EQ(named("phu lang"), 0);
  {
    Transaction tx(*store);
    ASSERT_TRUE(store->remove(units, unit("v001", "")));
    ASSERT_TRUE(store->update(units, unit("u005", "Điện Biên Phủ")));
    tx.commit();
  }
  EXPECT_EQ(named("bat trang"), 0);
  {
    // Written and changed again before the commit (SQLite indexes new entries at the commit).
    Transaction tx(*store);
    store->insert(units, unit("v004", "Làng Kim Sơn"));
    ASSERT_TRUE(store->update(units, unit("v004", "Làng Chuông")));
    store->insert(units, unit("v005", "Làng Sình"));
    ASSERT_TRUE(store->remove(units, unit("v005", "")));
    ASSERT_TRUE(store->update(units, unit("u006", "Thổ Hà")));
    ASSERT_TRUE(store->update(units, unit("u006", "Thổ Hà Bắc")));
    tx.commit();
  }
  EXPECT_EQ(named("kim son"), 0);
  EXPECT_EQ(named("lang chuong"), 1);
  EXPECT_EQ(named("lang sinh"), 0);
  EXPECT_EQ(named("tho ha bac"), 1);
  EXPECT_GT(check_every_search("after insert, update, remove"), 30);
  store->rebuild_search_index();
  EXPECT_GT(check_every_search("after a rebuild"), 30);

  if (!testing_postgres()) {  // restore replaces the whole database, the trigram index with it
    TempDir dir;
    std::string copy = (dir / "copy.db").string();
    store->backup_to(copy);
    {
      Transaction tx(*store);
      store->clear(units);
      tx.commit();
    }
    EXPECT_EQ(check_every_search("after clearing the kind"), 0);
    store->restore_from(copy);
    EXPECT_GT(check_every_search("after a restore"), 30);
    {
      Transaction tx(*store);
      store->insert(units, unit("v003", "Làng Vạn Phúc"));
      tx.commit();
    }
    EXPECT_EQ(named("van phuc"), 1);
  }
}

// A SQLite database of schema 9 (entries without numbers, no trigram index) with units and their
// entries written as that release wrote them: opening it numbers the entries and builds the index.
TEST(SearchIndexUpgrade, FromSchema9TheIndexIsBuiltForTheRecordsThere) {
  if (testing_postgres()) GTEST_SKIP() << "the trigram index is SQLite's";
  TempDir dir;
  std::string path = (dir / "v9.db").string();
  const RecordKind& units = kind("don_vi_hanh_chinh");
  std::vector<std::string> names = fixture_names();
  {
    SqliteStore old(path);
    ASSERT_EQ(old.migrate_to(9), 9);
    std::string sql = "BEGIN;";
    for (size_t i = 0; i < names.size(); ++i) {
      std::string code = "u" + std::to_string(1000 + i);
      auto quoted = [](const std::string& s) {
        std::string out = "'";
        for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
      };
      sql += "INSERT INTO don_vi_hanh_chinh (ma, ten, loai, cap, ma_cap_tren, hieu_luc_tu) VALUES (" + quoted(code) +
             ", " + quoted(names[i]) + ", 'tinh', 'tinh', NULL, '1997-01-01');";
      sql += "INSERT INTO tim_kiem (loai_ho_so, khoa, noi_dung) VALUES ('don_vi_hanh_chinh', " + quoted(code) + ", " +
             quoted(record_search_text(units, unit(code, names[i]))) + ");";
    }
    sql += "COMMIT;";
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(old.handle(), sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  }
  auto store = open_store(path);
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  for (const std::string& text : searches()) {
    ListQuery q;
    q.search = fold_for_search(text);
    q.limit = 1000;
    std::set<std::string> want;
    for (size_t i = 0; i < names.size(); ++i)
      if (record_search_text(units, unit("u" + std::to_string(1000 + i), names[i])).find(q.search) != std::string::npos)
        want.insert("u" + std::to_string(1000 + i));
    ListPage got = store->list(units, q);
    std::set<std::string> have;
    for (const Row& r : got.rows) have.insert(as_text(r[0]));
    EXPECT_EQ(have, want) << text;
    EXPECT_EQ(got.total, static_cast<int64_t>(want.size())) << text;
  }
  // New entries are numbered after the upgraded ones, in the same kind's range.
  {
    Transaction tx(*store);
    store->insert(units, unit("v001", "Làng Đông Hồ"));
    tx.commit();
  }
  ListQuery q;
  q.search = "dong ho";
  EXPECT_EQ(store->list(units, q).total, 1);
}

}  // namespace
}  // namespace kc::test
