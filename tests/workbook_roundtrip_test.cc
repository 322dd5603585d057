// The workbook writer and reader joined (the workbook contract): the demo exported with
// `export --format xlsx` and imported into an empty database gives byte-identical CSV files,
// also when the kinds are split over continuation sheets; the empty template imports as no
// rows; a registry list's XLSX download imports back.
#include <gtest/gtest.h>

#include <map>

#include "interchange/workbook_import.h"
#include "spreadsheet/bundle_workbook.h"
#include "spreadsheet/record_sheet.h"
#include "support/bundle_fixture.h"
#include "support/test_database.h"

namespace kc::test {
namespace {

// Every kind's CSV export, one after the other.
std::string exported(Store& store) {
  TempDir dir;
  export_bundle(store, dir.path());
  std::string all;
  for (const RecordKind& k : catalog()) all += "== " + bundle_file_name(k) + "\n" + read_file(dir / bundle_file_name(k));
  return all;
}

// The rows an import of `written` adds to an empty database: all but the built-in kinds of
// report, which every database already holds (docs/bundle.md, "Built-in rows").
std::map<std::string, int64_t> imported_rows(const ExportResult& written) {
  std::map<std::string, int64_t> rows = written.rows_by_kind;
  for (const RecordKind& k : catalog())
    if (k.built_in_rows) rows[std::string(k.name)] = 0;
  return rows;
}

class WorkbookRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    ImportResult r = demo_.import_bundle();
    ASSERT_TRUE(r.ok()) << describe_problems(r);
    ASSERT_GT(r.total_rows, 1000);
  }
  BundleFixture demo_;
  TempDir dir_;
};

TEST_F(WorkbookRoundTrip, ExportedWorkbookImportsIntoAnEmptyDatabaseAsTheSameCsv) {
  ExportResult written = export_bundle_workbook(demo_.store(), dir_ / "bo.xlsx");
  TestDatabase db;
  auto empty = db.open();
  ImportResult read = import_workbook(*empty, dir_ / "bo.xlsx");
  ASSERT_TRUE(read.ok()) << describe_problems(read);
  EXPECT_TRUE(read.conversions.empty());
  EXPECT_EQ(read.rows_by_kind, imported_rows(written));
  EXPECT_EQ(exported(*empty), exported(demo_.store()));
}

TEST_F(WorkbookRoundTrip, ContinuationSheetsImportAsOneKind) {
  ExportResult written = export_bundle_workbook(demo_.store(), dir_ / "bo.xlsx", {.rows_per_sheet = 40});
  ASSERT_GT(written.rows_by_kind.at("de_an"), 120) << "de_an must span at least four sheets";
  TestDatabase db;
  auto empty = db.open();
  ImportResult read = import_workbook(*empty, dir_ / "bo.xlsx");
  ASSERT_TRUE(read.ok()) << describe_problems(read);
  EXPECT_EQ(read.rows_by_kind, imported_rows(written));
  EXPECT_EQ(exported(*empty), exported(demo_.store()));
}

TEST_F(WorkbookRoundTrip, EmptyTemplateImportsAsNoRows) {
  TestDatabase db;
  auto empty = db.open();
  ImportResult r = import_workbook_bytes(*empty, bundle_template_bytes(demo_.store()), "mau.xlsx");
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  EXPECT_EQ(r.total_rows, 0);
  EXPECT_EQ(r.rows_by_kind.size(), catalog().size()) << "every kind's sheet is read";
  // Into the demo database too: nothing to add, nothing refused.
  ImportResult again = import_workbook_bytes(demo_.store(), bundle_template_bytes(demo_.store()), "mau.xlsx");
  ASSERT_TRUE(again.ok()) << describe_problems(again);
}

TEST_F(WorkbookRoundTrip, RegistryListDownloadImportsBack) {
  // Fairs: nothing refers to them, so a database holding the rest of the demo takes them back.
  const RecordKind& fairs = kind("hoi_cho");
  std::vector<Row> rows;
  demo_.store().scan(fairs, [&](const Row& row) { rows.push_back(row); });
  ASSERT_GT(rows.size(), 5u);
  std::string bytes = record_list_workbook(fairs, rows);

  BundleFixture rest;
  std::filesystem::remove(rest.file("hoi_cho.csv"));
  ASSERT_TRUE(rest.import_bundle().ok());
  ImportResult r = import_workbook_bytes(rest.store(), bytes, "hoi-cho.xlsx");
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  EXPECT_EQ(r.rows_by_kind.at("hoi_cho"), static_cast<int64_t>(rows.size()));
  EXPECT_EQ(exported(rest.store()), exported(demo_.store()));
}

}  // namespace
}  // namespace kc::test
