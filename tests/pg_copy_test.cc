// Bulk writes (insert_many, store/bulk_insert.h: PostgreSQL's COPY, row by row on SQLite) and
// migrate-db with awkward values: NULL against the empty string, tabs, newlines, carriage returns, backslashes,
// quotes, a COPY end marker, long and Vietnamese text, extreme integers — each read back exactly
// as written and as a row-by-row insert() stores it; a failing row leaves nothing behind.
// On the PostgreSQL run of the suite (scripts/with-postgres.sh) the stores are PostgreSQL.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <limits>

#include "interchange/bundle.h"
#include "store/bulk_insert.h"
#include "store/copy_store.h"
#include "store/copy_text.h"
#include "support/test_database.h"

namespace kc::test {
namespace {

std::string copy_value(const Value& v) {
  std::string out;
  append_copy_value(out, v);
  return out;
}

TEST(CopyText, EscapesWhatWouldEndAColumnOrARow) {
  EXPECT_EQ(copy_value(std::monostate{}), "\\N");
  EXPECT_EQ(copy_value(std::string()), "");
  EXPECT_EQ(copy_value(std::string("\\N")), "\\\\N");  // the text \N is not NULL
  EXPECT_EQ(copy_value(std::string("a\tb\nc\rd\\e")), "a\\tb\\nc\\rd\\\\e");
  EXPECT_EQ(copy_value(std::string("\\.")), "\\\\.");  // never COPY's end marker
  EXPECT_EQ(copy_value(std::string("'\"; Đắk Lắk")), "'\"; Đắk Lắk");
  EXPECT_EQ(copy_value(int64_t{-42}), "-42");
  EXPECT_EQ(copy_value(std::numeric_limits<int64_t>::min()), "-9223372036854775808");
  std::string row;
  append_copy_row(row, Row{std::string("x"), std::monostate{}, int64_t{7}});
  EXPECT_EQ(row, "x\t\\N\t7\n");
}

// The names every round trip below writes, one per row, with a key that is awkward too.
std::vector<std::string> awkward_texts() {
  std::string long_text;
  for (int i = 0; i < 20000; ++i) long_text += "Sản xuất gạch không nung\t" + std::to_string(i) + "\n";
  return {"",
          " ",
          "\t",
          "\n",
          "\r\n",
          "\\",
          "\\N",
          "\\.",
          "a\\tb",
          "tab\tgiữa",
          "dòng 1\ndòng 2\rdòng 3",
          "nháy 'đơn' và \"kép\"",
          "{\"a\",\"b\"}",
          "Nguyễn Thị Hương — Đắk Lắk, Thừa Thiên Huế",
          "Ứng dụng máy móc tiên tiến; 1.234,5 triệu đồng",
          "\x01\x7f",
          long_text};
}

// A province row of don_vi_hanh_chinh (a searchable kind) named `name`, keyed by `key`; its
// end date `until` may be NULL or the empty string.
Row unit(const std::string& key, const std::string& name, const Value& until) {
  return Row{key, name, std::string("tinh"), std::string("tinh"), std::monostate{}, std::string("1997-01-01"), until};
}

std::vector<Row> awkward_units(const std::string& key_prefix) {
  std::vector<Row> rows;
  std::vector<std::string> texts = awkward_texts();
  for (size_t i = 0; i < texts.size(); ++i) {
    // Keys carry the characters that need escaping in COPY and in a text[] literal.
    std::string key = key_prefix + std::to_string(i) + (i % 3 == 0 ? "\\\"," : i % 3 == 1 ? "\t}" : " ờ");
    Value until = i % 2 == 0 ? Value{std::monostate{}} : Value{std::string()};
    rows.push_back(unit(key, texts[i], until));
  }
  return rows;
}

// chi_tieu rows: integers at their limits, NULL and the empty string in text columns.
std::vector<Row> awkward_indicators() {
  std::vector<Row> rows;
  std::vector<Value> numbers = {std::monostate{}, int64_t{0}, int64_t{-1}, std::numeric_limits<int64_t>::max(),
                                std::numeric_limits<int64_t>::min()};
  for (size_t i = 0; i < numbers.size(); ++i)
    rows.push_back(Row{"ct-" + std::to_string(i), std::string("Chỉ tiêu\t") + std::to_string(i),
                       std::string(i % 2 ? "" : "\\N"), std::monostate{}, std::string("nhap"), numbers[i]});
  return rows;
}

void expect_stored(Store& store, const RecordKind& k, const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    std::optional<Row> found = store.find(k, row);
    ASSERT_TRUE(found) << "no row for key " << as_text(row[0]);
    for (size_t f = 0; f < row.size(); ++f)
      EXPECT_EQ((*found)[f], row[f]) << k.name << "." << k.fields[f].name << " of " << as_text(row[0]);
  }
}

TEST(BulkInsert, AwkwardValuesComeBackExactlyAsWritten) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& units = kind("don_vi_hanh_chinh");
  const RecordKind& indicators = kind("chi_tieu");
  std::vector<Row> bulk = awkward_units("bulk-"), single = awkward_units("one-");
  std::vector<Row> numbers = awkward_indicators();
  {
    Transaction tx(*store);
    insert_many(*store, units, bulk.data(), bulk.size());
    for (const Row& r : single) store->insert(units, r);
    insert_many(*store, indicators, numbers.data(), numbers.size());
    tx.commit();
  }
  expect_stored(*store, units, bulk);
  expect_stored(*store, units, single);
  expect_stored(*store, indicators, numbers);
  EXPECT_EQ(store->count(units), static_cast<int64_t>(bulk.size() + single.size()));

  // A second bulk write, into a table that holds rows now (its keys carry quotes, commas and
  // braces through the search index's clean-up too).
  std::vector<Row> more = awkward_units("more-");
  {
    Transaction tx(*store);
    insert_many(*store, units, more.data(), more.size());
    tx.commit();
  }
  expect_stored(*store, units, more);

  // The search index holds the bulk rows as it holds the rows inserted one by one.
  ListQuery q;
  q.search = "dak lak, thua thien hue";
  q.limit = 100;
  ListPage page = store->list(units, q);
  ASSERT_EQ(page.total, 3);
  EXPECT_EQ(as_text(page.rows[0][0]), as_text(bulk[13][0]));
  EXPECT_EQ(as_text(page.rows[1][0]), as_text(more[13][0]));
  EXPECT_EQ(as_text(page.rows[2][0]), as_text(single[13][0]));
}

TEST(BulkInsert, AFailingRowLeavesNothingBehind) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& units = kind("don_vi_hanh_chinh");
  std::vector<Row> first = awkward_units("a-");
  std::vector<Row> second = awkward_units("b-");
  second[5][2] = std::monostate{};  // loai is NOT NULL
  {
    Transaction tx(*store);
    insert_many(*store, units, first.data(), first.size());
    EXPECT_THROW(insert_many(*store, units, second.data(), second.size()), StoreError);
  }  // rolled back
  EXPECT_EQ(store->count(units), 0);
  EXPECT_EQ(store->list(units, ListQuery{}).total, 0);

  // A key already stored, and a reference checked at commit.
  {
    Transaction tx(*store);
    insert_many(*store, units, first.data(), first.size());
    tx.commit();
  }
  std::vector<Row> again = awkward_units("c-");
  again.push_back(first[3]);
  {
    Transaction tx(*store);
    EXPECT_THROW(insert_many(*store, units, again.data(), again.size()), StoreError);
  }
  std::vector<Row> orphans = awkward_units("d-");
  orphans[2][4] = std::string("khong-co");  // ma_cap_tren: a parent that does not exist
  {
    Transaction tx(*store);
    insert_many(*store, units, orphans.data(), orphans.size());
    EXPECT_THROW(tx.commit(), StoreError);
  }
  EXPECT_EQ(store->count(units), static_cast<int64_t>(first.size()));
  expect_stored(*store, units, first);
  EXPECT_FALSE(store->find(units, again[0]));
  EXPECT_FALSE(store->find(units, orphans[0]));
}

// What commit() says about a unit whose parent does not exist, written by `write` into an
// empty table (on PostgreSQL a bulk write there drops the table's foreign keys and adds them back
// at commit, where the missing parent is found).
std::string refusal_at_commit(const std::function<void(Store&, const std::vector<Row>&)>& write) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& units = kind("don_vi_hanh_chinh");
  std::vector<Row> rows = awkward_units("r-");
  rows[7][4] = std::string("khong-co");  // ma_cap_tren
  std::string message;
  {
    Transaction tx(*store);
    write(*store, rows);
    try {
      tx.commit();
    } catch (const StoreError& e) {
      message = e.what();
    }
  }
  EXPECT_EQ(store->count(units), 0);
  // The keys are back after the failed commit: the same row alone is refused again.
  {
    Transaction tx(*store);
    store->insert(units, rows[7]);
    EXPECT_THROW(tx.commit(), StoreError);
  }
  // And after a load that commits: a later write of a missing parent is still refused.
  rows[7][4] = std::monostate{};
  {
    Transaction tx(*store);
    write(*store, rows);
    tx.commit();
  }
  Row orphan = unit("mo-coi", "Mồ côi", std::monostate{});
  orphan[4] = std::string("khong-co");
  {
    Transaction tx(*store);
    store->insert(units, orphan);
    EXPECT_THROW(tx.commit(), StoreError);
  }
  EXPECT_EQ(store->count(units), static_cast<int64_t>(rows.size()));
  return message;
}

TEST(BulkInsert, AMissingReferenceIsRefusedAtCommitWithTheSameMessage) {
  const RecordKind& units = kind("don_vi_hanh_chinh");
  std::string bulk = refusal_at_commit([&](Store& s, const std::vector<Row>& rows) {
    insert_many(s, units, rows.data(), rows.size());
  });
  std::string one_by_one = refusal_at_commit([&](Store& s, const std::vector<Row>& rows) {
    for (const Row& r : rows) s.insert(units, r);
  });
  EXPECT_FALSE(bulk.empty());
  EXPECT_EQ(bulk, one_by_one);
}

// migrate-db both ways between a SQLite file and the suite's engine.
TEST(BulkInsert, MigrateDbCarriesAwkwardValuesBothWays) {
  TempDir dir;
  std::vector<Row> rows = awkward_units("m-");
  std::vector<Row> numbers = awkward_indicators();
  const RecordKind& units = kind("don_vi_hanh_chinh");
  const RecordKind& indicators = kind("chi_tieu");
  auto source = open_store((dir / "source.db").string());
  {
    Transaction tx(*source);
    for (const Row& r : rows) source->insert(units, r);
    for (const Row& r : numbers) source->insert(indicators, r);
    tx.commit();
  }
  TestDatabase db;
  auto target = db.open();
  CopyResult there = copy_store(*source, *target, false);
  ASSERT_FALSE(there.refused);
  EXPECT_TRUE(there.verified());
  expect_stored(*target, units, rows);
  expect_stored(*target, indicators, numbers);

  auto back = open_store((dir / "back.db").string());
  CopyResult returned = copy_store(*target, *back, false);
  EXPECT_TRUE(returned.verified());
  expect_stored(*back, units, rows);
  expect_stored(*back, indicators, numbers);
  EXPECT_EQ(back->count(units), static_cast<int64_t>(rows.size()));
}

}  // namespace
}  // namespace kc::test
