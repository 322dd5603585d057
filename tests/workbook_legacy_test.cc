// Cells typed with a legacy Vietnamese font in a workbook (docs/legacy-text.md): a sheet typed
// with .VnTime (TCVN3) or VNI-Times is converted, imported exactly as its Unicode original and
// reported per sheet; a sheet whose encoding is uncertain is refused, naming the sheet, row and
// column with the candidate readings, and nothing is written; --ma-hoa decides.
#include <gtest/gtest.h>

#include "interchange/workbook_import.h"
#include "support/bundle_fixture.h"
#include "support/legacy_encode.h"
#include "support/test_database.h"
#include "support/workbook_support.h"
#include "text/legacy_text.h"

namespace kc::test {
namespace {

const char* kFile = "hoi_cho.csv";  // fairs: ma, ten, nam, dia_diem, de_an, so_luot_tham_gia
const std::string kFirstFair = "Hội chợ Công Thương khu vực Đồng bằng sông Hồng năm 2016";

std::string exported(Store& store, const std::string& file) {
  TempDir out;
  export_bundle(store, out.path());
  return read_file(out / file);
}

std::string font_text(LegacyEncoding e, const std::string& utf8) {
  return as_font_text(e == LegacyEncoding::Tcvn3 ? to_tcvn3(utf8) : to_vni(utf8));
}

class WorkbookLegacy : public ::testing::TestWithParam<LegacyEncoding> {};

TEST_P(WorkbookLegacy, SheetTypedWithALegacyFontIsConvertedAndReported) {
  BundleFixture plain;
  ASSERT_TRUE(plain.import_bundle().ok());

  // The whole fairs sheet typed with the font: what Excel holds for such cells.
  BundleFixture typed;
  write_file(typed.file(kFile), font_text(GetParam(), read_file(typed.file(kFile))));
  TempDir dir;
  write_workbook_from_bundle(typed.bundle(), dir / "cu.xlsx");
  ImportResult r = import_workbook(typed.store(), dir / "cu.xlsx");
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  ASSERT_EQ(r.conversions.size(), 1u);
  const TextConversion& c = r.conversions[0];
  EXPECT_EQ(c.file, "hoi_cho");
  EXPECT_TRUE(c.sheet);
  EXPECT_EQ(c.encoding, GetParam());
  EXPECT_EQ(c.changed_lines, 9u) << "every fair's row";
  EXPECT_GE(c.changed_cells, 9u);
  EXPECT_EQ(c.sample_cell, "B3");
  EXPECT_EQ(c.sample_before, font_text(GetParam(), kFirstFair));
  EXPECT_EQ(c.sample_after, kFirstFair);
  EXPECT_TRUE(format_conversion(c).starts_with("trang tính hoi_cho: có ô gõ bằng phông chữ của bảng mã " +
                                               std::string(legacy_encoding_name(GetParam()))))
      << format_conversion(c);
  EXPECT_NE(format_conversion(c).find("(ví dụ ô B3: «"), std::string::npos) << format_conversion(c);
  EXPECT_EQ(exported(typed.store(), kFile), exported(plain.store(), kFile));
  EXPECT_EQ(typed.total_rows(), plain.total_rows());
}

INSTANTIATE_TEST_SUITE_P(EachFont, WorkbookLegacy, ::testing::Values(LegacyEncoding::Tcvn3, LegacyEncoding::Vni),
                         [](const auto& info) { return std::string(legacy_encoding_option(info.param)); });

TEST(WorkbookLegacyCells, OneFontMappedCellInAUnicodeSheetIsConverted) {
  BundleFixture plain, book;
  ASSERT_TRUE(plain.import_bundle().ok());
  TempDir dir;
  write_workbook_from_bundle(book.bundle(), dir / "x.xlsx", {{"hoi_cho!B3", font_text(LegacyEncoding::Tcvn3, kFirstFair)}});
  ImportResult r = import_workbook(book.store(), dir / "x.xlsx");
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  ASSERT_EQ(r.conversions.size(), 1u);
  EXPECT_EQ(r.conversions[0].changed_cells, 1u);
  EXPECT_EQ(exported(book.store(), kFile), exported(plain.store(), kFile));
}

// Too few words to tell: "Trµn ThÖ Nh²n" (TCVN3 bytes B5, D6, B2 seen through the font).
const std::string kThin = as_font_text("Tr\xB5n Th\xD6 Nh\xB2n");

TEST(WorkbookLegacyCells, UncertainSheetIsRefusedWithCandidatesAndNothingWritten) {
  ASSERT_EQ(decode_legacy_text(kThin).outcome, LegacyDecoding::Outcome::Ambiguous) << "the premise of this test";
  BundleFixture fx;
  TempDir dir;
  write_workbook_from_bundle(fx.bundle(), dir / "x.xlsx", {{"hoi_cho!B5", kThin}});
  ImportResult r = import_workbook(fx.store(), dir / "x.xlsx");
  ASSERT_EQ(r.problems.size(), 1u) << describe_problems(r);
  const Problem& p = r.problems[0];
  EXPECT_EQ(p.file, "hoi_cho");
  EXPECT_TRUE(p.sheet);
  EXPECT_EQ(p.line, 5u);
  EXPECT_EQ(p.column, 2u);
  EXPECT_EQ(p.field, "ten");
  std::string text = format_problem(p);
  EXPECT_TRUE(text.starts_with("trang tính hoi_cho, dòng 5, cột B (ten): ")) << text;
  EXPECT_NE(text.find("theo TCVN3 (ABC) (--ma-hoa tcvn3) là «"), std::string::npos) << text;
  EXPECT_NE(text.find("khuyencong import --ma-hoa tcvn3|vni|cp1258, --ma-hoa utf8"), std::string::npos) << text;
  EXPECT_TRUE(r.conversions.empty());
  EXPECT_EQ(fx.total_rows(), 0) << "nothing written";

  // --ma-hoa tcvn3 decides; --ma-hoa utf8 keeps the cell as typed.
  ImportOptions tcvn3;
  tcvn3.legacy_encoding = LegacyEncoding::Tcvn3;
  TestDatabase db1, db2;
  auto s1 = db1.open(), s2 = db2.open();
  ImportResult chosen = import_workbook(*s1, dir / "x.xlsx", tcvn3);
  ASSERT_TRUE(chosen.ok()) << describe_problems(chosen);
  ASSERT_EQ(chosen.conversions.size(), 1u);
  EXPECT_EQ(chosen.conversions[0].encoding, LegacyEncoding::Tcvn3);
  EXPECT_EQ(chosen.conversions[0].sample_cell, "B5");
  EXPECT_EQ(chosen.conversions[0].sample_after, decode_legacy_text(kThin, LegacyEncoding::Tcvn3).text);
  ImportOptions keep;
  keep.keep_unicode = true;
  ImportResult kept = import_workbook(*s2, dir / "x.xlsx", keep);
  ASSERT_TRUE(kept.ok()) << describe_problems(kept);
  EXPECT_TRUE(kept.conversions.empty());
  EXPECT_NE(exported(*s2, kFile).find(kThin), std::string::npos);
}

TEST(WorkbookLegacyCells, CommandLinePassesTheEncodingChoice) {
  BundleFixture fx;
  TempDir dir;
  write_workbook_from_bundle(fx.bundle(), dir / "x.xlsx", {{"hoi_cho!B5", kThin}});
  std::string book = " '" + (dir / "x.xlsx").string() + "'";
  TestDatabase db;
  CommandResult refused = run_cli("--db " + db.quoted_url() + " import" + book);
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("trang tính hoi_cho, dòng 5, cột B (ten)"), std::string::npos) << refused.output;
  CommandResult chosen = run_cli("--db " + db.quoted_url() + " import --ma-hoa tcvn3" + book);
  EXPECT_EQ(chosen.exit_code, 0) << chosen.output;
  EXPECT_NE(chosen.output.find("Đã chuyển bảng mã: trang tính hoi_cho: có ô gõ bằng phông chữ của bảng mã TCVN3 (ABC)"),
            std::string::npos)
      << chosen.output;
}

}  // namespace
}  // namespace kc::test
