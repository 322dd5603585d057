// The migrated database matches the record catalog, and the catalog is well formed.
#include <gtest/gtest.h>

#include <set>

#include "schema/record_kind.h"
#include "schema/value.h"
#include "store/migrations.h"
#include "store/store.h"
#include "support/test_database.h"

namespace kc::test {
namespace {

TEST(Schema, MigratedTablesMatchTheCatalog) {
  TestDatabase db;
  auto store = db.open();
  EXPECT_EQ(store->schema_version(), migrations().back().version);
  for (const RecordKind* kp : all_kinds()) {
    const RecordKind& k = *kp;
    std::vector<ColumnInfo> cols = store->describe_table(std::string(k.name));
    ASSERT_EQ(cols.size(), k.fields.size()) << k.name;
    for (size_t i = 0; i < cols.size(); ++i) {
      const Field& f = k.fields[i];
      EXPECT_EQ(cols[i].name, f.name) << k.name;
      EXPECT_EQ(cols[i].integer, stored_as_integer(f.type)) << k.name << "." << f.name;
      EXPECT_EQ(cols[i].not_null, f.required) << k.name << "." << f.name;
      int key_position = 0;
      for (size_t p = 0; p < k.key.size(); ++p)
        if (k.key[p] == i) key_position = static_cast<int>(p + 1);
      EXPECT_EQ(cols[i].key_position, key_position) << k.name << "." << f.name;
    }
  }
}

TEST(Schema, MigrationIsIdempotent) {
  TestDatabase db;
  auto store = db.open();
  EXPECT_EQ(store->migrate(), 0);
}

TEST(Schema, ReferencesPointBackwardsOrToItself) {
  std::set<std::string_view> seen;
  for (const RecordKind& k : catalog()) {
    seen.insert(k.name);
    for (const Field& f : k.fields) {
      if (f.type != FieldType::Ref) continue;
      EXPECT_TRUE(seen.count(f.ref_kind)) << k.name << "." << f.name << " refers to " << f.ref_kind
                                          << ", which is imported later";
      const RecordKind* target = find_kind(f.ref_kind);
      ASSERT_TRUE(target);
      EXPECT_TRUE(target->single_key()) << f.ref_kind;
    }
    for (size_t key : k.key) EXPECT_TRUE(k.fields[key].required) << k.name;
    EXPECT_FALSE(k.label.empty());
  }
}

}  // namespace
}  // namespace kc::test
