// export -> import into an empty database -> export gives byte-identical files, and the demo
// bundle is itself in that canonical form.
#include <gtest/gtest.h>

#include "interchange/bundle.h"
#include "store/store.h"
#include "support/test_database.h"

namespace kc::test {
namespace {

TEST(RoundTrip, ExportImportExportIsByteIdentical) {
  TempDir dir;
  TestDatabase db_a, db_b;
  auto first = db_a.open();
  ImportResult imported = import_bundle(*first, demo_dir());
  ASSERT_TRUE(imported.ok());
  ExportResult a = export_bundle(*first, dir / "a");
  // Export writes the built-in kinds of report too; the import kept the bundle's as the same rows.
  const int64_t built_in = db_b.open()->count(kind("loai_bao_cao"));
  EXPECT_EQ(a.total_rows, imported.total_rows + built_in);

  auto second = db_b.open();
  ASSERT_TRUE(import_bundle(*second, dir / "a").ok());
  ExportResult b = export_bundle(*second, dir / "b");
  EXPECT_EQ(a.rows_by_kind, b.rows_by_kind);
  for (const RecordKind& k : catalog())
    EXPECT_EQ(read_file(dir / "a" / bundle_file_name(k)), read_file(dir / "b" / bundle_file_name(k))) << k.name;
}

TEST(RoundTrip, DemoBundleIsCanonical) {
  TempDir dir;
  TestDatabase db;
  auto store = db.open();
  ASSERT_TRUE(import_bundle(*store, demo_dir()).ok());
  export_bundle(*store, dir / "out");
  for (const RecordKind& k : catalog())
    EXPECT_EQ(read_file(demo_dir() / bundle_file_name(k)), read_file(dir / "out" / bundle_file_name(k))) << k.name;
}

TEST(RoundTrip, EmptyDatabaseExportsHeadersOnly) {
  TempDir dir;
  TestDatabase db;
  auto store = db.open();
  ExportResult r = export_bundle(*store, dir / "out");
  EXPECT_EQ(r.total_rows, r.rows_by_kind["loai_bao_cao"]);  // only the built-in kinds of report
  EXPECT_EQ(r.rows_by_kind["loai_bao_cao"], 3);
  EXPECT_EQ(read_file(dir / "out" / "thong_ke.csv"), "dia_ban,nam,chi_so,gia_tri,nguon\n");
}

}  // namespace
}  // namespace kc::test
