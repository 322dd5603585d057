// Continuation sheets in the workbook import (docs/xlsx-import.md): a kind past Excel's row
// limit goes on in "<kind> (2)", "<kind> (3)"… The parts are checked as one source (keys are
// unique across them), problems name the part's own sheet and Excel row, a part must come right
// after the one before it and repeat the two header rows.
#include <gtest/gtest.h>

#include "interchange/workbook_import.h"
#include "spreadsheet/bundle_workbook.h"
#include "support/bundle_fixture.h"
#include "support/test_database.h"
#include "support/workbook_inspect.h"
#include "support/workbook_support.h"

namespace kc::test {
namespace {

const Problem* find_problem(const ImportResult& r, const std::string& sheet, size_t row, const std::string& text) {
  for (const Problem& p : r.problems)
    if (p.file == sheet && p.line == row && p.message.find(text) != std::string::npos) return &p;
  return nullptr;
}

// Replaces the first `from` after `anchor` in `xml`; fails the test when either is absent.
void replace_after(std::string& xml, const std::string& anchor, const std::string& from, const std::string& to) {
  size_t at = xml.find(anchor);
  ASSERT_NE(at, std::string::npos) << anchor;
  at = xml.find(from, at);
  ASSERT_NE(at, std::string::npos) << from;
  xml.replace(at, from.size(), to);
}

std::string rezipped(const InspectedWorkbook& wb, const std::map<std::string, std::string>& changed) {
  ZipEntries entries;
  for (const auto& [name, content] : wb.parts()) {
    auto c = changed.find(name);
    entries.emplace_back(name, c == changed.end() ? content : c->second);
  }
  return zip_bytes(entries);
}

std::string text_cell(const std::string& ref, const std::string& t) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
}

// Rows 1 and 2 of a kind's sheet as the template writes them (codes, labels with " *").
std::string header_rows(const RecordKind& k) {
  std::string codes = "<row r=\"1\">", labels = "<row r=\"2\">";
  for (size_t i = 0; i < k.fields.size(); ++i) {
    std::string col(1, static_cast<char>('A' + i));
    codes += text_cell(col + "1", std::string(k.fields[i].name));
    labels += text_cell(col + "2", std::string(k.fields[i].label) + (k.fields[i].required ? " *" : ""));
  }
  return codes + "</row>" + labels + "</row>";
}

TEST(WorkbookContinuation, ProblemsNameThePartsSheetAndRowAndNothingIsWritten) {
  BundleFixture demo;
  ASSERT_TRUE(demo.import_bundle().ok());
  TempDir dir;
  export_bundle_workbook(demo.store(), dir / "bo.xlsx", {.rows_per_sheet = 40});
  InspectedWorkbook wb(dir / "bo.xlsx");
  std::string part2 = wb.sheet_part("de_an (2)"), part3 = wb.sheet_part("de_an (3)");
  std::map<std::string, std::string> changed = {{part2, wb.parts().at(part2)}, {part3, wb.parts().at(part3)}};
  // A key of the first part repeated in the second; a negative amount in the third.
  std::string first_key = wb.cell("de_an", "A3").value, own_key = wb.cell("de_an (2)", "A3").value;
  replace_after(changed[part2], "r=\"A3\"", ">" + own_key + "<", ">" + first_key + "<");
  ASSERT_EQ(wb.cell("de_an", "I1").value, "kinh_phi_nsnn");
  replace_after(changed[part3], "r=\"I5\"", "<v>", "<v>-");

  TestDatabase db;
  auto empty = db.open();
  ImportResult r = import_workbook_bytes(*empty, rezipped(wb, changed), "bo.xlsx");
  ASSERT_FALSE(r.ok());
  const Problem* duplicate = find_problem(r, "de_an (2)", 3, "trùng khóa");
  ASSERT_TRUE(duplicate) << describe_problems(r);
  EXPECT_EQ(duplicate->field, "ma");
  const Problem* negative = find_problem(r, "de_an (3)", 5, "số tiền không được âm");
  ASSERT_TRUE(negative) << describe_problems(r);
  EXPECT_TRUE(format_problem(*negative).starts_with("trang tính de_an (3), dòng 5, cột I (kinh_phi_nsnn): "))
      << format_problem(*negative);
  EXPECT_LT(duplicate, negative) << "problems are listed part by part";
  size_t in_de_an = 0;  // (the changed key also leaves rows of de_an_ket_qua without their project)
  for (const Problem& p : r.problems) in_de_an += p.file.starts_with("de_an (") || p.file == "de_an";
  EXPECT_EQ(in_de_an, 2u) << describe_problems(r);
  int64_t rows = 0;
  for (const RecordKind& k : catalog())
    if (!k.built_in_rows) rows += empty->count(k);  // the built-in kinds of report are in every database
  EXPECT_EQ(rows, 0) << "a refused workbook writes nothing";
}

TEST(WorkbookContinuation, APartMustFollowTheOneBeforeIt) {
  BundleFixture fx;
  std::string sheet = sheet_xml(header_rows(kind("muc_tieu")));
  ImportResult r = import_workbook_bytes(
      fx.store(),
      hand_workbook({{"muc_tieu", sheet}, {"Hướng dẫn", sheet_xml("")}, {"muc_tieu (2)", sheet},
                     {"muc_tieu (4)", sheet}, {"muc_tieu (1)", sheet}, {"noi_dung (2)", sheet}}),
      "x.xlsx");
  ASSERT_EQ(r.problems.size(), 4u) << describe_problems(r);
  EXPECT_EQ(format_problem(r.problems[0]).rfind("trang tính muc_tieu (2): trang tính nối tiếp phải nằm ngay sau trang "
                                                "tính \"muc_tieu\"", 0), 0u)
      << describe_problems(r);
  EXPECT_TRUE(find_problem(r, "muc_tieu (4)", 0, "phải nằm ngay sau trang tính \"muc_tieu (3)\"")) << describe_problems(r);
  EXPECT_TRUE(find_problem(r, "muc_tieu (1)", 0, "không thuộc định dạng")) << describe_problems(r);
  EXPECT_TRUE(find_problem(r, "noi_dung (2)", 0, "phải nằm ngay sau trang tính \"noi_dung\"")) << describe_problems(r);
}

TEST(WorkbookContinuation, APartRepeatsTheTwoHeaderRows) {
  BundleFixture fx;
  ASSERT_TRUE(fx.import_bundle().ok());
  int64_t before = fx.total_rows();
  const RecordKind& k = kind("muc_tieu");
  std::string good = header_rows(k);
  // Part 2: the codes in another order; part 3: no label row.
  std::string swapped = good;
  replace_after(swapped, "r=\"A1\"", ">ke_hoach<", ">chi_tieu<");
  replace_after(swapped, "r=\"B1\"", ">chi_tieu<", ">ke_hoach<");
  std::string codes_only = good.substr(0, good.find("<row r=\"2\">"));
  ImportResult r = import_workbook_bytes(fx.store(),
                                         hand_workbook({{"muc_tieu", sheet_xml(good)},
                                                        {"muc_tieu (2)", sheet_xml(swapped)},
                                                        {"muc_tieu (3)", sheet_xml(codes_only + "<row r=\"3\">" +
                                                                                   text_cell("A3", "x") + "</row>")}}),
                                         "x.xlsx");
  ASSERT_EQ(r.problems.size(), 2u) << describe_problems(r);
  EXPECT_TRUE(find_problem(r, "muc_tieu (2)", 1, "phải giống hệt dòng 1 của trang tính muc_tieu")) << describe_problems(r);
  EXPECT_TRUE(find_problem(r, "muc_tieu (3)", 2, "dòng 2 phải là dòng tên cột")) << describe_problems(r);
  EXPECT_EQ(fx.total_rows(), before);
}

}  // namespace
}  // namespace kc::test
