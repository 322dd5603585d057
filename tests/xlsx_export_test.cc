// The workbooks the product writes (docs/xlsx-export.md), opened with libzip + pugixml: the
// bundle workbook (every kind's sheet, header rows, typed cells equal to the CSV export,
// validations, continuation sheets), the template, the phase report workbook (number formats,
// SUM formulas with cached values, native charts) and the registry lists' XLSX downloads
// (same filters and scope as the CSV download).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cmath>
#include <set>

#include "core/date.h"
#include "interchange/bundle.h"
#include "report/phase_report_sheets.h"
#include "report/render_xlsx.h"
#include "report/report_output.h"
#include "schema/value.h"
#include "spreadsheet/bundle_workbook.h"
#include "support/bundle_fixture.h"
#include "support/demo_report.h"
#include "support/test_support.h"
#include "support/list_rows.h"
#include "support/web_fixture.h"
#include "support/workbook_inspect.h"
#include "text/csv.h"

namespace kc::test {
namespace {

// Every XML part of the package is well-formed (what a spreadsheet program parses first).
void expect_well_formed(const InspectedWorkbook& wb) {
  for (const auto& [name, xml] : wb.parts()) {
    if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(xml.c_str())) << name;
  }
}

class BundleWorkbookTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixture_ = new BundleFixture();
    ImportResult r = fixture_->import_bundle();
    ASSERT_TRUE(r.ok()) << describe_problems(r);
  }
  static void TearDownTestSuite() { delete fixture_; }
  static BundleFixture* fixture_;
  TempDir dir_;
};
BundleFixture* BundleWorkbookTest::fixture_ = nullptr;

TEST_F(BundleWorkbookTest, EveryKindIsASheetWhoseCellsAreTheCsvExport) {
  ExportResult result = export_bundle_workbook(fixture_->store(), dir_ / "bo.xlsx");
  InspectedWorkbook wb(dir_ / "bo.xlsx");
  std::vector<std::string> expected;
  for (const RecordKind& k : catalog()) expected.emplace_back(k.name);
  expected.push_back("Hướng dẫn");
  expected.push_back("Danh mục");
  EXPECT_EQ(wb.sheet_names(), expected);
  expect_well_formed(wb);
  EXPECT_GT(result.total_rows, 1000);

  for (const RecordKind& k : catalog()) {
    SCOPED_TRACE(std::string(k.name));
    std::string sheet(k.name);
    std::vector<InspectedCell> codes = wb.row(sheet, 1), labels = wb.row(sheet, 2);
    ASSERT_EQ(codes.size(), k.fields.size());
    for (size_t i = 0; i < k.fields.size(); ++i) {
      EXPECT_EQ(codes[i].value, k.fields[i].name);
      EXPECT_EQ(labels[i].value, std::string(k.fields[i].label) + (k.fields[i].required ? " *" : ""));
    }
    // Two frozen header rows and an autofilter on the labels.
    const auto& xml = wb.sheet_xml(sheet);
    auto pane = xml.child("worksheet").child("sheetViews").child("sheetView").child("pane");
    EXPECT_STREQ(pane.attribute("state").value(), "frozen");
    EXPECT_EQ(pane.attribute("ySplit").as_int(), 2);
    EXPECT_EQ(std::string(xml.child("worksheet").child("autoFilter").attribute("ref").value()).substr(0, 3), "A2:");

    int64_t n = 0;
    fixture_->store().scan(k, [&](const Row& row) {
      std::vector<InspectedCell> cells = wb.row(sheet, static_cast<int>(n + 3));
      cells.resize(k.fields.size());
      for (size_t i = 0; i < k.fields.size(); ++i) {
        const Field& f = k.fields[i];
        ASSERT_EQ(canonical(f, cells[i]), format_field(f, row[i])) << "row " << n + 3 << " column " << f.name;
        if (is_null(row[i])) continue;
        if (f.type != FieldType::Text && f.type != FieldType::Code && f.type != FieldType::Enum && f.type != FieldType::Ref) {
          EXPECT_EQ(cells[i].num_format, field_number_format(f)) << f.name;
        }
        if (stored_as_integer(f.type)) {
          EXPECT_EQ(cells[i].type, "") << "a number cell: " << f.name;
        }
      }
      ++n;
    });
    EXPECT_EQ(n, result.rows_by_kind.at(sheet));
    EXPECT_EQ(wb.last_row(sheet), n + 2);
  }
}

TEST_F(BundleWorkbookTest, EnumsAndSmallKindsHaveDropdownsFromTheListsSheet) {
  export_bundle_workbook(fixture_->store(), dir_ / "bo.xlsx");
  InspectedWorkbook wb(dir_ / "bo.xlsx");
  const RecordKind& de_an = kind("de_an");
  std::map<std::string, std::string> formula_of_column;  // column letter → list source
  for (auto dv : wb.sheet_xml("de_an").child("worksheet").child("dataValidations").children("dataValidation"))
    formula_of_column[std::string(dv.attribute("sqref").value()).substr(0, 1)] =
        std::string(dv.attribute("type").value()) + " " + dv.child("formula1").text().get();
  auto letter = [&](const char* field) { return std::string(1, static_cast<char>('A' + de_an.field_index(field))); };
  // trang_thai (enum) and noi_dung (9 content areas) are lists from "Danh mục".
  for (const char* f : {"trang_thai", "noi_dung"}) {
    ASSERT_TRUE(formula_of_column.count(letter(f))) << f;
    EXPECT_NE(formula_of_column[letter(f)].find("list 'Danh mục'!$"), std::string::npos) << formula_of_column[letter(f)];
  }
  // Years and money are whole-number ranges.
  std::map<std::string, pugi::xml_node> by_column;
  for (auto dv : wb.sheet_xml("de_an").child("worksheet").child("dataValidations").children("dataValidation"))
    by_column[std::string(dv.attribute("sqref").value()).substr(0, 1)] = dv;
  pugi::xml_node year = by_column[letter("nam_bat_dau")];
  EXPECT_STREQ(year.attribute("type").value(), "whole");
  EXPECT_STREQ(year.child("formula1").text().get(), "1900");
  EXPECT_STREQ(year.child("formula2").text().get(), "2100");
  pugi::xml_node budget = by_column[letter("kinh_phi_nsnn")];
  EXPECT_STREQ(budget.attribute("operator").value(), "greaterThanOrEqual");
  EXPECT_STREQ(budget.child("formula1").text().get(), "0");
  EXPECT_NE(std::string(budget.attribute("error").value()).find("từ 0 trở lên"), std::string::npos);
  // The enum's list holds exactly its codes.
  std::string source = formula_of_column[letter("trang_thai")];
  size_t at = source.find("!$") + 2;
  std::string col = source.substr(at, source.find('$', at) - at);  // "C", "AB"…
  std::vector<std::string> codes;
  for (int r = 3; r < 3 + static_cast<int>(de_an.field("trang_thai").enum_values.size()); ++r)
    codes.push_back(wb.cell("Danh mục", col + std::to_string(r)).value);
  std::vector<std::string> expected;
  for (const EnumValue& v : de_an.field("trang_thai").enum_values) expected.emplace_back(v.code);
  EXPECT_EQ(codes, expected);
  // The notes sheet explains every column of every kind.
  size_t columns = 0;
  for (const RecordKind& k : catalog()) columns += k.fields.size();
  EXPECT_EQ(wb.last_row("Hướng dẫn"), static_cast<int>(8 + columns));
}

TEST_F(BundleWorkbookTest, RowsPastTheSheetLimitGoOnInContinuationSheets) {
  ExportResult result = export_bundle_workbook(fixture_->store(), dir_ / "bo.xlsx", {.rows_per_sheet = 40});
  InspectedWorkbook wb(dir_ / "bo.xlsx");
  int64_t rows = result.rows_by_kind.at("de_an");
  ASSERT_GT(rows, 80);
  int64_t seen = 0;
  std::vector<std::string> names = wb.sheet_names();
  for (int part = 1; seen < rows; ++part) {
    std::string name = part == 1 ? "de_an" : "de_an (" + std::to_string(part) + ")";
    ASSERT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
    EXPECT_EQ(wb.cell(name, "A1").value, "ma");
    seen += wb.last_row(name) - 2;
  }
  EXPECT_EQ(seen, rows);
}

TEST_F(BundleWorkbookTest, TemplateHasHeadersAndListsButNoDataRows) {
  TempDir scratch;  // the database the refused command opens stays out of the working directory
  CommandResult r = run_cli("--db '" + (scratch / "unused.db").string() + "' export --template /nonexistent-dir/x.xlsx");
  EXPECT_NE(r.exit_code, 0);
  std::string bytes = bundle_template_bytes(fixture_->store());
  InspectedWorkbook wb(bytes);
  for (const RecordKind& k : catalog()) {
    EXPECT_EQ(wb.last_row(std::string(k.name)), 2) << k.name;
    EXPECT_EQ(wb.cell(std::string(k.name), "A1").value, k.fields[0].name);
  }
  EXPECT_GT(wb.last_row("Danh mục"), 10);
  EXPECT_TRUE(wb.sheet_xml("de_an").child("worksheet").child("dataValidations"));
}

TEST(BundleWorkbookLimitsTest, TextOverACellsLimitIsRefusedByPlaceAndLeavesNoFile) {
  BundleFixture f;
  f.replace("noi_dung.csv", "nd45-2,2,\"", "nd45-2,2,\"" + std::string(40000, 'x'));
  ImportResult imported = f.import_bundle();
  ASSERT_TRUE(imported.ok()) << describe_problems(imported);
  TempDir dir;
  try {
    export_bundle_workbook(f.store(), dir / "bo.xlsx");
    FAIL() << "expected a refusal";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("trang tính noi_dung, hàng 4, cột C (ten): văn bản dài quá 32.767 ký tự"),
              std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(ExcelSerialTest, RoundTrips) {
  EXPECT_EQ(excel_serial(1900, 3, 1), 61);  // past Excel's phantom 29/02/1900
  EXPECT_EQ(excel_serial(2016, 7, 15), 42566);
  EXPECT_EQ(iso_of_excel_serial(42566), "2016-07-15");
  EXPECT_EQ(iso_of_excel_serial(61), "1900-03-01");
}

TEST(XlsxCliTest, ExportWritesAWorkbookAndTheTemplate) {
  TestDatabase db;
  ASSERT_EQ(run_cli("--db " + db.quoted_url() + " import " + demo_dir().string()).exit_code, 0);
  TempDir dir;
  CommandResult r = run_cli("--db " + db.quoted_url() + " export --format xlsx " + (dir / "bo.xlsx").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("bảng tính"), std::string::npos) << r.output;
  InspectedWorkbook wb(dir / "bo.xlsx");
  EXPECT_GT(wb.last_row("de_an"), 3);
  // Written through a private temporary file, the workbook still gets the usual permissions.
  mode_t mask = umask(022);
  umask(mask);
  struct stat st {};
  ASSERT_EQ(stat((dir / "bo.xlsx").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0666 & ~mask);
  r = run_cli("--db " + db.quoted_url() + " export --template " + (dir / "mau.xlsx").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(InspectedWorkbook(dir / "mau.xlsx").last_row("de_an"), 2);
  // A failed export leaves nothing behind, not even its temporary file.
  r = run_cli("--db " + db.quoted_url() + " export --template --format csv " + (dir / "x").string());
  EXPECT_NE(r.exit_code, 0);
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 2u);
}

// The phase report workbook.
class ReportWorkbookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const DemoReport& demo = demo_report();
    write_phase_report(demo.report, ReportFormat::Xlsx, dir_ / "bc.xlsx", {});
    wb_ = std::make_unique<InspectedWorkbook>(dir_ / "bc.xlsx");
  }
  TempDir dir_;
  std::unique_ptr<InspectedWorkbook> wb_;
};

TEST_F(ReportWorkbookTest, EachAppendixTableIsASheetWithTypedCellsAndSumTotals) {
  const PhaseReport& r = demo_report().report;
  std::vector<SheetTable> tables = phase_sheet_tables(r);
  std::vector<std::string> names = {"Thông tin"};
  for (const SheetTable& t : tables) names.push_back(t.sheet_name);
  EXPECT_EQ(wb_->sheet_names(), names);
  expect_well_formed(*wb_);
  EXPECT_EQ(names[2], "Phụ lục 2");

  // Phụ lục 2: money by content; header in row 3, contents from row 4, the total last.
  const std::string s = "Phụ lục 2";
  EXPECT_EQ(wb_->cell(s, "A3").value, "Nội dung");
  int total_row = 4 + static_cast<int>(r.contents.size());
  InspectedCell total = wb_->cell(s, "E" + std::to_string(total_row));
  EXPECT_EQ(total.formula, "SUM(E4:E" + std::to_string(total_row - 1) + ")");
  EXPECT_NEAR(std::stod(total.value), static_cast<double>(r.total.budget) / 1e6, 1e-6);
  EXPECT_EQ(total.num_format, "#,##0.0");
  InspectedCell first = wb_->cell(s, "B4");
  EXPECT_EQ(first.type, "");
  EXPECT_NEAR(std::stod(first.value), static_cast<double>(r.contents[0].by_level[0].budget) / 1e6, 1e-6);
  // Phụ lục 1: counts with "#,##0" and a SUM total equal to the report's project count.
  InspectedCell projects = wb_->cell("Phụ lục 1", "E" + std::to_string(total_row));
  EXPECT_EQ(projects.formula, "SUM(E4:E" + std::to_string(total_row - 1) + ")");
  EXPECT_EQ(projects.value, std::to_string(r.total.projects));
  EXPECT_EQ(wb_->cell("Phụ lục 1", "B4").num_format, "#,##0");
  // Phụ lục 5: years are plain numbers (no thousands mark).
  EXPECT_EQ(wb_->cell("Phụ lục 5", "A4").num_format, "0");
  EXPECT_EQ(wb_->cell("Phụ lục 5", "A4").value, std::to_string(r.years.front().year));
}

TEST_F(ReportWorkbookTest, ChartsAreNativeAndReferencedFromTheSheetsDrawings) {
  const auto& parts = wb_->parts();
  ASSERT_TRUE(parts.count("xl/charts/chart1.xml"));
  // Sheet "Phụ lục 1" → its drawing → chart1.
  std::string sheet = wb_->sheet_part("Phụ lục 1");
  std::string rels_name = "xl/worksheets/_rels/" + sheet.substr(sheet.rfind('/') + 1) + ".rels";
  ASSERT_TRUE(parts.count(rels_name));
  pugi::xml_document rels;
  rels.load_string(parts.at(rels_name).c_str());
  std::string drawing = rels.child("Relationships").child("Relationship").attribute("Target").value();
  ASSERT_NE(drawing.find("drawings/drawing"), std::string::npos);
  std::string drawing_rels = "xl/drawings/_rels/" + drawing.substr(drawing.rfind('/') + 1) + ".rels";
  ASSERT_TRUE(parts.count(drawing_rels));
  EXPECT_NE(parts.at(drawing_rels).find("../charts/chart1.xml"), std::string::npos);
  const std::string& chart = parts.at("xl/charts/chart1.xml");
  EXPECT_NE(chart.find("<c:barChart>"), std::string::npos);
  EXPECT_NE(chart.find("'Phụ lục 1'!$A$4:$A$"), std::string::npos);
  EXPECT_NE(chart.find("Số đề án theo nội dung"), std::string::npos);
  // The chart caches the sheet's values, so viewers that never recalculate still draw it.
  EXPECT_NE(chart.find("<c:numCache>"), std::string::npos);
  bool pie = false, column = false;
  for (const auto& [name, xml] : parts) {
    if (name.rfind("xl/charts/", 0) != 0) continue;
    pie |= xml.find("<c:pieChart>") != std::string::npos;
    column |= xml.find("<c:barDir val=\"col\"/>") != std::string::npos;
  }
  EXPECT_TRUE(pie);
  EXPECT_TRUE(column);
}

TEST(ReportXlsxTest, TheCliWritesItFromTheExtension) {
  TestDatabase db;
  ASSERT_EQ(run_cli("--db " + db.quoted_url() + " import " + demo_dir().string()).exit_code, 0);
  TempDir dir;
  CommandResult r = run_cli("--db " + db.quoted_url() + " report phase --plan bg-2016-2020 -o " + (dir / "bc.xlsx").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(InspectedWorkbook(dir / "bc.xlsx").sheet_names().size(), 6u);
  EXPECT_EQ(parse_report_format("XLSX"), ReportFormat::Xlsx);
}

// The web: list downloads and the template route.
class WebXlsxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new WebFixture(); }
  static void TearDownTestSuite() { delete server_; }
  static WebFixture* server_;
};
WebFixture* WebXlsxTest::server_ = nullptr;

TEST_F(WebXlsxTest, ListDownloadHasTheCsvsRowsFiltersAndScope) {
  const RecordKind& k = kind("co_so");
  std::map<std::string, size_t> counts;
  for (std::string role : {"trung_tam", "dia_phuong"}) {
    Browser b(*server_);
    ASSERT_TRUE(b.sign_in(WebFixture::user_for(role)));
    for (std::string query : {"", "&loai=hop_tac_xa", "&sap_xep=ten&giam=1"}) {
      auto x = b.get("/co-so?dinh_dang=xlsx" + query);
      auto c = b.get("/co-so?dinh_dang=csv" + query);
      ASSERT_TRUE(x && c);
      ASSERT_EQ(x->status, 200);
      EXPECT_EQ(x->get_header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      auto rows = xlsx_rows(x->body, k);
      EXPECT_EQ(rows, csv_rows(c->body)) << role << query;
      if (query.empty()) counts[role] = rows.size() - 1;
      for (size_t i = 1; query == "&loai=hop_tac_xa" && i < rows.size(); ++i) {
        EXPECT_EQ(rows[i][static_cast<size_t>(k.field_index("loai"))], "hop_tac_xa");
      }
    }
  }
  // The local officer's download holds only their area (Lục Ngạn).
  auto data = server_->app().dataset();
  Browser b(*server_);
  ASSERT_TRUE(b.sign_in(WebFixture::user_for("dia_phuong")));
  auto rows = xlsx_rows(b.get("/co-so?dinh_dang=xlsx")->body, k);
  ASSERT_GT(rows.size(), 1u);
  int32_t area = data->unit_index("bg-luc-ngan");
  for (size_t i = 1; i < rows.size(); ++i)
    EXPECT_TRUE(data->unit_within(data->unit_index(rows[i][static_cast<size_t>(k.field_index("dia_ban"))]), area)) << rows[i][0];
  EXPECT_LT(counts["dia_phuong"], counts["trung_tam"]);
  // Labels row, frozen, autofilter.
  InspectedWorkbook wb(b.get("/co-so?dinh_dang=xlsx")->body);
  EXPECT_EQ(wb.cell("co_so", "B2").value, std::string(k.field("ten").label) + " *");
  EXPECT_TRUE(wb.sheet_xml("co_so").child("worksheet").child("autoFilter"));
}

TEST_F(WebXlsxTest, TemplateRouteServesTheEmptyWorkbook) {
  Browser b(*server_);
  ASSERT_TRUE(b.sign_in(WebFixture::user_for("trung_tam")));
  auto res = b.get("/nhap-du-lieu/mau.xlsx");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  InspectedWorkbook wb(res->body);
  EXPECT_EQ(wb.sheet_names().front(), catalog().front().name);
  for (const RecordKind& k : catalog()) EXPECT_EQ(wb.last_row(std::string(k.name)), 2) << k.name;
}

TEST_F(WebXlsxTest, ReportDownloadOffersXlsx) {
  Browser b(*server_);
  ASSERT_TRUE(b.sign_in(WebFixture::user_for("so_cong_thuong")));
  EXPECT_NE(b.get("/bao-cao")->body.find("value=\"xlsx\""), std::string::npos);
  auto res = b.get("/bao-cao/tai?ke_hoach=bg-2016-2020&dinh_dang=xlsx");
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Disposition").find(".xlsx"), std::string::npos);
  EXPECT_TRUE(InspectedWorkbook(res->body).parts().count("xl/charts/chart1.xml"));
}

}  // namespace
}  // namespace kc::test
