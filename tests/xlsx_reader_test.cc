// The workbook reader (src/xlsx): cells of every kind from a real workbook written by
// libxlsxwriter, unusual but valid hand-made parts, and hostile files that must be refused
// with a Vietnamese reason — never crash, never expand entities, never inflate a bomb.
#include <gtest/gtest.h>

#include <xlsxwriter.h>

#include <map>

#include "support/test_support.h"
#include "support/workbook_support.h"
#include "xlsx/cell_ref.h"
#include "xlsx/date_format.h"
#include "xlsx/workbook.h"
#include "xlsx/xlsx_error.h"

namespace kc::test {
namespace {

using xlsx::Cell;
using xlsx::CellType;
using xlsx::Workbook;
using xlsx::XlsxError;

// Every row of a sheet: row number -> its cells.
std::map<uint32_t, std::vector<Cell>> all_rows(Workbook& wb, size_t sheet) {
  std::map<uint32_t, std::vector<Cell>> rows;
  wb.read_sheet(sheet, [&](uint32_t r, const std::vector<Cell>& cells) { rows[r] = cells; });
  return rows;
}

// The message of the XlsxError that opening (and reading every sheet of) `bytes` throws.
std::string refusal(std::string bytes, const xlsx::Limits& limits = {}) {
  try {
    Workbook wb(std::move(bytes), limits);
    for (size_t i = 0; i < wb.sheets().size(); ++i) all_rows(wb, i);
  } catch (const XlsxError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(CellRef, ParsesAndPrintsExcelReferences) {
  auto ab12 = xlsx::parse_cell_ref("AB12");
  ASSERT_TRUE(ab12);
  EXPECT_EQ(ab12->column, 28u);
  EXPECT_EQ(ab12->row, 12u);
  EXPECT_EQ(xlsx::parse_cell_ref("xfd1048576")->column, 16384u);
  for (const char* bad : {"", "A", "12", "A0", "XFE1", "A1048577", "AAAA1", "A1B", "A-1", "A01"})
    EXPECT_FALSE(xlsx::parse_cell_ref(bad)) << bad;
  EXPECT_EQ(xlsx::column_letters(1), "A");
  EXPECT_EQ(xlsx::column_letters(26), "Z");
  EXPECT_EQ(xlsx::column_letters(27), "AA");
  EXPECT_EQ(xlsx::column_letters(16384), "XFD");
}

TEST(DateFormat, KnowsDateFormats) {
  EXPECT_TRUE(xlsx::is_builtin_date_format(14));
  EXPECT_TRUE(xlsx::is_builtin_date_format(22));
  EXPECT_FALSE(xlsx::is_builtin_date_format(4));
  EXPECT_TRUE(xlsx::is_date_format_code("dd/mm/yyyy"));
  EXPECT_TRUE(xlsx::is_date_format_code("[$-42A]d mmmm yyyy"));
  EXPECT_FALSE(xlsx::is_date_format_code("#,##0.00"));
  EXPECT_FALSE(xlsx::is_date_format_code("#,##0\" ngày\""));  // quoted text is not a code
  EXPECT_FALSE(xlsx::is_date_format_code("[Red]0.0"));
  EXPECT_FALSE(xlsx::is_date_format_code("h:mm"));  // minutes, not months
}

TEST(DateFormat, ConvertsSerialsInBothSystems) {
  auto iso = [](double serial, bool d1904) {
    auto d = xlsx::excel_serial_to_date(serial, d1904);
    return d ? std::to_string(d->year) + "-" + std::to_string(d->month) + "-" + std::to_string(d->day) : "none";
  };
  EXPECT_EQ(iso(1, false), "1900-1-1");
  EXPECT_EQ(iso(59, false), "1900-2-28");
  EXPECT_EQ(iso(60, false), "none");  // Lotus's 29/02/1900
  EXPECT_EQ(iso(61, false), "1900-3-1");
  EXPECT_EQ(iso(42370, false), "2016-1-1");
  EXPECT_EQ(iso(42370.75, false), "2016-1-1");  // the time of day is dropped
  EXPECT_EQ(iso(0, true), "1904-1-1");
  EXPECT_EQ(iso(40908, true), "2016-1-1");
  EXPECT_EQ(iso(-1, false), "none");
}

TEST(XlsxReader, ReadsEveryCellKindFromARealWorkbook) {
  TempDir dir;
  auto path = dir / "a.xlsx";
  lxw_workbook* wb = workbook_new(path.string().c_str());
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "de_an");
  workbook_add_worksheet(wb, "Hướng dẫn");
  worksheet_write_string(ws, 0, 0, "ten", nullptr);
  worksheet_write_number(ws, 0, 1, 1234.5, nullptr);
  lxw_datetime dt = {2016, 7, 15, 0, 0, 0};
  worksheet_write_datetime(ws, 0, 2, &dt, date);
  worksheet_write_boolean(ws, 0, 3, 1, nullptr);
  worksheet_write_formula_num(ws, 0, 4, "=B1*2", nullptr, 2469);
  worksheet_write_formula_str(ws, 0, 5, "=A1&\"x\"", nullptr, "tenx");
  // "Nghệ" with a combining dot below (NFD): the reader keeps it; the import normalises.
  worksheet_write_string(ws, 2, 27, "Nghe\xCC\xA3\xCC\x82 An", nullptr);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_rich_string_tuple a = {bold, const_cast<char*>("Làng ")}, b = {nullptr, const_cast<char*>("nghề")};
  lxw_rich_string_tuple* runs[] = {&a, &b, nullptr};
  worksheet_write_rich_string(ws, 3, 0, runs, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  Workbook book(read_file(path));
  ASSERT_EQ(book.sheets().size(), 2u);
  EXPECT_EQ(book.sheets()[0].name, "de_an");
  EXPECT_EQ(book.sheets()[1].name, "Hướng dẫn");
  EXPECT_FALSE(book.date1904());
  auto rows = all_rows(book, 0);
  ASSERT_EQ(rows.size(), 3u);  // rows 1, 3 and 4; row 2 is missing
  const auto& r1 = rows[1];
  ASSERT_EQ(r1.size(), 6u);
  EXPECT_EQ(r1[0].type, CellType::Text);
  EXPECT_EQ(r1[0].text, "ten");
  EXPECT_EQ(r1[1].type, CellType::Number);
  EXPECT_EQ(r1[1].text, "1234.5");
  EXPECT_FALSE(r1[1].date_style);
  EXPECT_EQ(r1[2].type, CellType::Number);
  EXPECT_TRUE(r1[2].date_style);
  EXPECT_EQ(r1[2].text, "42566");
  EXPECT_EQ(r1[3].type, CellType::Bool);
  EXPECT_EQ(r1[3].text, "1");
  EXPECT_EQ(r1[4].text, "2469");  // the cached value, not "=B1*2"
  EXPECT_EQ(r1[5].type, CellType::Text);
  EXPECT_EQ(r1[5].text, "tenx");
  ASSERT_EQ(rows[3].size(), 1u);
  EXPECT_EQ(rows[3][0].column, 28u);
  EXPECT_EQ(rows[3][0].text, "Nghe\xCC\xA3\xCC\x82 An");
  EXPECT_EQ(rows[4][0].text, "Làng nghề");  // rich text runs joined
}

TEST(XlsxReader, InlineStringsOutOfOrderCellsAnd1904) {
  std::string data =
      R"(<row r="2"><c r="C2" t="inlineStr"><is><r><t>Bắc </t></r><r><t>Giang</t></r><rPh><t>x</t></rPh></is></c>)"
      R"(<c r="A2" s="1"><v>0</v></c><c t="s"><v>0</v></c></row>)"
      R"(<row><c><v>7</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A1</f><v>a&amp;b_x000A_c</v></c></row>)";
  std::string shared = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t xml:space="preserve"> chia sẻ </t></si></sst>)";
  std::string styles = R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                       R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="d/m/yyyy"/></numFmts>)"
                       R"(<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>)";
  Workbook book(hand_workbook({{"co_so", sheet_xml(data)}}, shared, styles, true));
  EXPECT_TRUE(book.date1904());
  auto rows = all_rows(book, 0);
  ASSERT_EQ(rows.size(), 2u);
  const auto& r2 = rows[2];
  ASSERT_EQ(r2.size(), 3u);
  EXPECT_EQ(r2[0].column, 1u);  // sorted by column
  EXPECT_TRUE(r2[0].date_style);
  EXPECT_EQ(r2[1].column, 2u);  // no reference: the column after the previous cell (A2)
  EXPECT_EQ(r2[1].text, " chia sẻ ");
  EXPECT_EQ(r2[2].text, "Bắc Giang");  // phonetic run left out
  const auto& r3 = rows[3];
  ASSERT_EQ(r3.size(), 3u);
  EXPECT_EQ(r3[0].column, 1u);
  EXPECT_EQ(r3[1].type, CellType::Error);
  EXPECT_EQ(r3[1].text, "#N/A");
  EXPECT_EQ(r3[2].text, "a&b\nc");
}

TEST(XlsxReader, HugeDimensionCostsNothing) {
  std::string xml = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                    R"(<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>)"
                    R"(</sheetData></worksheet>)";
  Workbook book(hand_workbook({{"de_an", xml}}));
  auto rows = all_rows(book, 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[1048576][0].column, 16384u);
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
  EXPECT_EQ(refusal("hello, world"), "tệp không phải là sổ tính Excel .xlsx");
  EXPECT_EQ(refusal(""), "tệp không phải là sổ tính Excel .xlsx");
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  EXPECT_NE(refusal(ole + std::string(600, '\0')).find("mật khẩu"), std::string::npos);
  EXPECT_NE(refusal(std::string("PK\x03\x04", 4) + "garbage").find("tệp không phải là sổ tính Excel .xlsx"),
            std::string::npos);
  EXPECT_NE(refusal(zip_bytes({{"hello.txt", "hi"}})).find("thiếu phần"), std::string::npos);
}

TEST(XlsxReader, RefusesMissingParts) {
  ZipEntries parts = hand_workbook_parts({{"de_an", sheet_xml("")}});
  std::erase_if(parts, [](const auto& p) { return p.first == "xl/_rels/workbook.xml.rels"; });
  EXPECT_NE(refusal(zip_bytes(parts)).find("thiếu phần xl/_rels/workbook.xml.rels"), std::string::npos);

  parts = hand_workbook_parts({{"de_an", sheet_xml("")}});
  std::erase_if(parts, [](const auto& p) { return p.first == "xl/worksheets/sheet1.xml"; });
  EXPECT_NE(refusal(zip_bytes(parts)).find("trang tính de_an: thiếu phần xl/worksheets/sheet1.xml"), std::string::npos);

  // A shared string index with no shared strings table.
  EXPECT_NE(refusal(hand_workbook({{"de_an", sheet_xml(R"(<row r="1"><c r="A1" t="s"><v>3</v></c></row>)")}}))
                .find("chuỗi dùng chung không tồn tại"),
            std::string::npos);
}

TEST(XlsxReader, RefusesDoctypeAndEntities) {
  std::string billion_laughs = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>)"
                               R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>)";
  EXPECT_NE(refusal(hand_workbook({{"de_an", billion_laughs}})).find("DOCTYPE/ENTITY"), std::string::npos);
  // An external entity in the workbook part (read with pugixml): refused before parsing.
  ZipEntries parts = hand_workbook_parts({{"de_an", sheet_xml("")}});
  for (auto& [name, content] : parts)
    if (name == "xl/workbook.xml")
      content.insert(content.find("<workbook"), R"(<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>)");
  EXPECT_NE(refusal(zip_bytes(parts)).find("xl/workbook.xml của sổ tính có khai báo DOCTYPE/ENTITY"), std::string::npos);
  // An undeclared entity reference is malformed, not looked up.
  std::string undeclared = sheet_xml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>)");
  EXPECT_NE(refusal(hand_workbook({{"de_an", undeclared}})).find("không phải XML hợp lệ"), std::string::npos);
}

TEST(XlsxReader, RefusesZipBombs) {
  std::string zeros(8 << 20, '0');  // 8 MB that deflate to a few kilobytes
  std::string data = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + zeros + "</t></is></c></row>";
  EXPECT_NE(refusal(hand_workbook({{"de_an", sheet_xml(data)}})).find("bom nén"), std::string::npos);
  // The size limits hold whatever the ratio.
  xlsx::Limits small;
  small.max_part_bytes = 1000;
  std::string plenty(5000, 'x');
  std::string row = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + plenty + "</t></is></c></row>";
  EXPECT_NE(refusal(hand_workbook({{"de_an", sheet_xml(row)}}), small).find("quá lớn"), std::string::npos);
  xlsx::Limits few;
  few.max_entries = 3;
  EXPECT_NE(refusal(hand_workbook({{"de_an", sheet_xml("")}}), few).find("quá nhiều phần"), std::string::npos);
  xlsx::Limits tiny_file;
  tiny_file.max_file_bytes = 100;
  EXPECT_NE(refusal(hand_workbook({{"de_an", sheet_xml("")}}), tiny_file).find("tệp quá lớn"), std::string::npos);
}

TEST(XlsxReader, RefusesMacros) {
  ZipEntries parts = hand_workbook_parts({{"de_an", sheet_xml("")}});
  parts.emplace_back("xl/vbaProject.bin", "binary");
  EXPECT_NE(refusal(zip_bytes(parts)).find("macro"), std::string::npos);
}

TEST(XlsxReader, RefusesMalformedSheets) {
  auto refused_sheet = [](const std::string& data) { return refusal(hand_workbook({{"de_an", sheet_xml(data)}})); };
  EXPECT_NE(refused_sheet(R"(<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>)").find("xuất hiện hai lần"),
            std::string::npos);
  EXPECT_NE(refused_sheet(R"(<row r="1"><c r="A2"><v>1</v></c></row>)").find("nằm trong dòng 1"), std::string::npos);
  EXPECT_NE(refused_sheet(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)").find("không hợp lệ"), std::string::npos);
  EXPECT_NE(refused_sheet(R"(<row r="0"/>)").find("không hợp lệ"), std::string::npos);
  EXPECT_NE(refused_sheet(R"(<row r="1"><c r="A1"><v>1e</v></c></row>)").find("số không hợp lệ"), std::string::npos);
  EXPECT_NE(refused_sheet(R"(<row r="1"><c r="A1"><v>1</v></row>)").find("không phải XML hợp lệ"), std::string::npos);
  EXPECT_NE(refused_sheet(R"(<row r="1"/><row r="1"/>)").find("hai lần"), std::string::npos);
}

}  // namespace
}  // namespace kc::test
