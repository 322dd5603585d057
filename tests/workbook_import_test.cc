// Importing the bundle from one workbook (src/interchange/workbook_import.h): the demo
// written as a workbook imports exactly like the CSV bundle, cells are turned into the
// bundle's text the way the contract says, and a bad workbook is refused with the sheet, the
// Excel row and the column letters — and writes nothing.
#include <gtest/gtest.h>

#include "interchange/workbook_cells.h"
#include "interchange/workbook_import.h"
#include "support/bundle_fixture.h"
#include "support/workbook_support.h"

namespace kc::test {
namespace {

std::string exported(Store& store, const std::filesystem::path& dir) {
  export_bundle(store, dir);
  std::string all;
  for (const RecordKind& k : catalog()) all += "== " + bundle_file_name(k) + "\n" + read_file(dir / bundle_file_name(k));
  return all;
}

const Problem* find_problem(const ImportResult& r, const std::string& sheet, size_t row, const std::string& text) {
  for (const Problem& p : r.problems)
    if (p.file == sheet && p.line == row && p.message.find(text) != std::string::npos) return &p;
  return nullptr;
}

TEST(WorkbookImport, DemoWorkbookImportsLikeTheCsvBundle) {
  BundleFixture csv, book;
  TempDir dir;
  write_workbook_from_bundle(csv.bundle(), dir / "demo.xlsx");
  ImportResult from_csv = csv.import_bundle();
  ASSERT_TRUE(from_csv.ok()) << describe_problems(from_csv);
  ImportResult from_book = import_workbook(book.store(), dir / "demo.xlsx");
  ASSERT_TRUE(from_book.ok()) << describe_problems(from_book);
  EXPECT_EQ(from_book.rows_by_kind, from_csv.rows_by_kind);
  EXPECT_EQ(from_book.total_rows, from_csv.total_rows);
  EXPECT_EQ(exported(book.store(), dir / "b"), exported(csv.store(), dir / "a"));
}

TEST(WorkbookImport, VietnameseTextNumbersAndDatesImportTheSame) {
  BundleFixture csv, book;
  TempDir dir;
  // de_an row 3 (the CSV's line 2): bg-2016-h-001, kinh_phi_nsnn 50000000 in I, ngay_phe_duyet 2016-03-06 in L.
  write_workbook_from_bundle(csv.bundle(), dir / "demo.xlsx",
                             {{"de_an!I3", "50.000.000"}, {"de_an!L3", "06/03/2016"}, {"de_an!E3", "2016"}});
  ASSERT_TRUE(csv.import_bundle().ok());
  ImportResult r = import_workbook(book.store(), dir / "demo.xlsx");
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  EXPECT_EQ(exported(book.store(), dir / "b"), exported(csv.store(), dir / "a"));
}

TEST(WorkbookImport, BadWorkbookNamesSheetRowAndColumnAndWritesNothing) {
  BundleFixture fx;
  TempDir dir;
  fx.replace("de_an.csv", ",50000000,0,hau_kiem", ",-50000000,0,hau_kiem");
  write_workbook_from_bundle(fx.bundle(), dir / "bad.xlsx", {{"de_an!L4", "31/02/2016"}});
  ImportResult r = import_workbook(fx.store(), dir / "bad.xlsx");
  ASSERT_FALSE(r.ok());
  const Problem* money = find_problem(r, "de_an", 3, "số tiền không được âm");
  ASSERT_TRUE(money) << describe_problems(r);
  EXPECT_TRUE(money->sheet);
  EXPECT_EQ(money->field, "kinh_phi_nsnn");
  EXPECT_TRUE(format_problem(*money).starts_with("trang tính de_an, dòng 3, cột I (kinh_phi_nsnn): ")) << format_problem(*money);
  const Problem* date = find_problem(r, "de_an", 4, "ngày không hợp lệ");
  ASSERT_TRUE(date) << describe_problems(r);
  EXPECT_NE(format_problem(*date).find("cột L (ngay_phe_duyet)"), std::string::npos);
  EXPECT_EQ(fx.total_rows(), 0) << "a refused import must not write anything";
}

TEST(WorkbookImport, UnknownSheetsAreRefusedNotesAndListsIgnored) {
  BundleFixture fx;
  std::string header = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>)";
  std::string bytes = hand_workbook({{"Hướng dẫn", sheet_xml(header)}, {"Danh mục", sheet_xml(header)},
                                     {"Sheet1", sheet_xml(header)}});
  ImportResult r = import_workbook_bytes(fx.store(), bytes, "nhap.xlsx");
  ASSERT_EQ(r.problems.size(), 2u) << describe_problems(r);
  EXPECT_TRUE(format_problem(r.problems[0]).starts_with("trang tính Sheet1: trang tính không thuộc định dạng"))
      << describe_problems(r);
  EXPECT_EQ(r.problems[1].message, "sổ tính không có trang tính nào của bộ dữ liệu (xem docs/xlsx-import.md)");
}

TEST(WorkbookImport, CellErrorsLabelsAndStrayCellsAreReported) {
  BundleFixture fx;
  ASSERT_TRUE(fx.import_bundle().ok());
  int64_t before = fx.total_rows();
  auto text = [](const std::string& ref, const std::string& t) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  // muc_tieu: ke_hoach, chi_tieu, gia_tri, ghi_chu. Row 2 is not the labels, so it is data.
  std::string data = "<row r=\"1\">" + text("A1", "ke_hoach") + text("B1", "chi_tieu") + text("C1", "gia_tri") +
                     text("D1", "ghi_chu") + "</row>" + "<row r=\"2\">" + text("A2", "kh-khac") + "</row>" +
                     "<row r=\"5\">" + text("A5", "bg-2016-2020") + text("B5", "ban_tin") +
                     R"(<c r="C5" t="e"><v>#DIV/0!</v></c>)" + text("F5", "lạc") + "</row>" +
                     "<row r=\"6\"><c r=\"C6\" s=\"0\"/></row>";  // formatting only: ignored
  ImportResult r = import_workbook_bytes(fx.store(), hand_workbook({{"muc_tieu", sheet_xml(data)}}), "x.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(find_problem(r, "muc_tieu", 2, "mã \"kh-khac\" không có trong")) << describe_problems(r);
  const Problem* error = find_problem(r, "muc_tieu", 5, "ô có lỗi công thức #DIV/0!");
  ASSERT_TRUE(error) << describe_problems(r);
  EXPECT_EQ(error->column, 3u);
  EXPECT_TRUE(find_problem(r, "muc_tieu", 5, "ô F5 có dữ liệu nhưng nằm ngoài các cột")) << describe_problems(r);
  EXPECT_EQ(r.rows_by_kind.at("muc_tieu"), 2);
  EXPECT_EQ(fx.total_rows(), before);
}

TEST(WorkbookImport, RefusedFileIsOneProblem) {
  BundleFixture fx;
  ImportResult r = import_workbook_bytes(fx.store(), "not a zip", "nhap.xlsx");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(format_problem(r.problems[0]), "nhap.xlsx: tệp không phải là sổ tính Excel .xlsx");
}

TEST(WorkbookCells, VietnameseNumbersBecomeBundleNumbers) {
  Field money{"m", FieldType::Money, false, "m"};
  Field dec{"d", FieldType::Decimal, false, "d"};
  dec.scale = 2;
  EXPECT_EQ(vietnamese_number_to_bundle("550.000.000", money), "550000000");
  EXPECT_EQ(vietnamese_number_to_bundle(" 1.234 ", money), "1234");
  EXPECT_EQ(vietnamese_number_to_bundle("1234", money), "1234");
  EXPECT_EQ(vietnamese_number_to_bundle("1.23", money), "1.23");  // not thousands: parse_field explains
  EXPECT_EQ(vietnamese_number_to_bundle("1.234,5", dec), "1234.5");
  EXPECT_EQ(vietnamese_number_to_bundle("78,5", dec), "78.5");
  EXPECT_EQ(vietnamese_number_to_bundle("78.50", dec), "78.50");  // the canonical form
  EXPECT_EQ(vietnamese_number_to_bundle("-1.234,5", dec), "-1234.5");
  EXPECT_EQ(vietnamese_number_to_bundle("1,2,3", dec), "1,2,3");
  EXPECT_EQ(vietnamese_number_to_bundle("12.34.567", money), "12.34.567");
}

TEST(WorkbookCells, CellsBecomeTheFieldsCanonicalText) {
  Field money{"m", FieldType::Money, false, "m"};
  Field dec{"d", FieldType::Decimal, false, "d"};
  dec.scale = 2;
  Field date{"n", FieldType::Date, false, "n"};
  Field text{"t", FieldType::Text, false, "t"};
  auto number = [](std::string v, bool date_style = false) {
    xlsx::Cell c;
    c.type = xlsx::CellType::Number;
    c.text = std::move(v);
    c.date_style = date_style;
    return c;
  };
  EXPECT_EQ(cell_to_bundle_text(number("550000000"), &money, false).text, "550000000");
  EXPECT_EQ(cell_to_bundle_text(number("1E3"), &money, false).text, "1000");
  EXPECT_EQ(cell_to_bundle_text(number("12.5"), &money, false).error, "phải là số nguyên; ô chứa 12,5");
  EXPECT_EQ(cell_to_bundle_text(number("1234.5"), &dec, false).text, "1234.50");
  EXPECT_EQ(cell_to_bundle_text(number("4.4000000000000004"), &dec, false).text, "4.40");
  EXPECT_NE(cell_to_bundle_text(number("12.345"), &dec, false).error.find("tối đa 2 chữ số thập phân"), std::string::npos);
  EXPECT_EQ(cell_to_bundle_text(number("42370", true), &date, false).text, "2016-01-01");
  EXPECT_EQ(cell_to_bundle_text(number("40908", true), &date, true).text, "2016-01-01");
  EXPECT_NE(cell_to_bundle_text(number("2016"), &date, false).error.find("không phải ngày"), std::string::npos);
  EXPECT_EQ(cell_to_bundle_text(number("42370", true), &text, false).text, "01/01/2016");
  EXPECT_EQ(cell_to_bundle_text(number("2.5"), &text, false).text, "2,5");
  xlsx::Cell err{1, xlsx::CellType::Error, "#N/A", false};
  EXPECT_NE(cell_to_bundle_text(err, &text, false).error.find("#N/A"), std::string::npos);
}

TEST(WorkbookImport, CommandLineImportsAWorkbook) {
  BundleFixture fx;
  TempDir dir;
  TestDatabase db;
  write_workbook_from_bundle(fx.bundle(), dir / "demo.xlsx");
  CommandResult ok = run_cli("--db " + db.quoted_url() + " import '" + (dir / "demo.xlsx").string() + "'");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("Đã nhập"), std::string::npos) << ok.output;
  write_file(dir / "bad.xlsx", "not a workbook");
  CommandResult bad = run_cli("--db " + db.quoted_url() + " import '" + (dir / "bad.xlsx").string() + "'");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("bad.xlsx: tệp không phải là sổ tính Excel .xlsx"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace kc::test
