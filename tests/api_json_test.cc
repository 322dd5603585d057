// The JSON the API answers with: the list's direct writer (append_record_json) gives exactly
// what the JSON tree (record_to_json) gives, for every record of the demo and for the awkward
// values (quotes, control characters, negative decimals, empty fields).
#include <gtest/gtest.h>

#include "interchange/bundle.h"
#include "support/test_database.h"
#include "support/test_support.h"
#include "web/api_json.h"
#include "web/registries.h"

namespace kc::test {
namespace {

std::string written(const RecordKind& k, const Row& row) {
  std::string out;
  web::append_record_json(out, k, row);
  return out;
}

TEST(ApiJson, DirectWriterMatchesTheTreeForEveryDemoRecord) {
  TestDatabase db;
  auto store = db.open();
  ASSERT_TRUE(import_bundle(*store, demo_dir()).ok());
  size_t compared = 0;
  for (const web::Registry& r : web::registries()) {
    const RecordKind& k = r.record_kind();
    ListQuery q;
    q.limit = 100000;
    for (const Row& row : store->list(k, q).rows) {
      ASSERT_EQ(written(k, row), web::record_to_json(k, row).dump()) << k.name;
      ++compared;
    }
  }
  EXPECT_GT(compared, 800u);  // every record of the nine registries
}

TEST(ApiJson, DirectWriterEscapesAndFormatsLikeTheTree) {
  const RecordKind& clusters = kind("cum_cong_nghiep");
  Row row(clusters.fields.size());
  for (size_t i = 0; i < row.size(); ++i) {
    const Field& f = clusters.fields[i];
    if (f.type == FieldType::Decimal) row[i] = int64_t{-1205};  // -12.05 (dien_tich_ha has 2 decimals)
    else if (f.type == FieldType::Int || f.type == FieldType::Money || f.type == FieldType::Year) row[i] = int64_t{7};
    else if (f.type == FieldType::Bool) row[i] = int64_t{1};
    else if (i % 2 == 0) row[i] = std::string("Cụm \"Đình Trì\" \\ a\tb\nc\x01 </script>");
    // odd text fields stay empty (null)
  }
  EXPECT_EQ(written(clusters, row), web::record_to_json(clusters, row).dump());
  Row whole(clusters.fields.size());
  whole[static_cast<size_t>(clusters.field_index("dien_tich_ha"))] = int64_t{4200};  // a whole number: "42.0"
  EXPECT_EQ(written(clusters, whole), web::record_to_json(clusters, whole).dump());
  EXPECT_NE(written(clusters, whole).find("\"dien_tich_ha\":42.0"), std::string::npos);
}

}  // namespace
}  // namespace kc::test
