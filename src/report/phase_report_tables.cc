// The appendix tables of the phase report: by content and funding level, targets and
// achievement, by area, by year. Money in million đồng. Built once with typed cells
// (phase_report_sheets.h); the document prints their text.
#include "report/phase_report_document.h"
#include "report/phase_report_sheets.h"
#include "report/report_sheet_cells.h"

namespace kc {

namespace {

// One table per measure (projects, money) keeps the long content titles readable in portrait.
SheetTable by_content(const PhaseReport& r, bool money_table) {
  SheetTable t;
  t.caption = money_table ? "Phụ lục 2. Kinh phí ngân sách nhà nước theo nội dung và cấp kinh phí (triệu đồng)"
                          : "Phụ lục 1. Số đề án theo nội dung và cấp kinh phí";
  t.header = {"Nội dung", "Khuyến công quốc gia", "Khuyến công tỉnh", "Khuyến công cấp huyện", "Tổng cộng"};
  t.numeric = {false, true, true, true, true};
  auto cells = [&](const std::array<Totals, kFundingLevels>& levels, std::string label) {
    std::vector<SheetCell> row = {cell_text(std::move(label))};
    Totals total;
    for (const Totals& l : levels) {
      row.push_back(money_table ? cell_money(l.budget) : cell_count(l.projects));
      total.add(l);
    }
    row.push_back(money_table ? cell_money(total.budget) : cell_count(total.projects));
    return row;
  };
  for (const ContentResult& c : r.contents) t.rows.push_back(cells(c.by_level, std::to_string(c.number) + ". " + c.title));
  t.summed_rows = static_cast<int>(t.rows.size());
  t.rows.push_back(cells(r.by_level, "Tổng cộng"));
  t.last_row_is_total = true;
  std::string measure = money_table ? "Kinh phí ngân sách nhà nước (triệu đồng)" : "Số đề án";
  t.charts.push_back({SheetChart::Type::Bar, true, measure + " theo nội dung và cấp kinh phí", {1, 2, 3}});
  t.charts.push_back({SheetChart::Type::Pie, false, measure + " theo cấp kinh phí", {1, 2, 3}});
  return t;
}

SheetTable by_target(const PhaseReport& r) {
  SheetTable t;
  t.caption = "Phụ lục 3. Kết quả thực hiện các chỉ tiêu so với mục tiêu giai đoạn";
  t.header = {"STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Thực hiện", "Tỷ lệ đạt (%)"};
  t.numeric = {true, false, false, true, true, true};
  int n = 0;
  for (const IndicatorResult& i : r.targets) {
    bool m = i.money();
    t.rows.push_back({cell_plain(++n), cell_text(i.name), cell_text(m ? "triệu đồng" : i.unit), m ? cell_money(*i.target) : cell_count(*i.target),
                      m ? cell_money(i.actual) : cell_count(i.actual), cell_percent(i.actual, *i.target, i.percent_decimals())});
  }
  return t;
}

SheetTable by_area(const PhaseReport& r) {
  SheetTable t;
  t.caption = "Phụ lục 4. Đề án và kinh phí theo địa bàn (triệu đồng)";
  t.header = {"Địa bàn", "Địa bàn ưu tiên", "Số đề án", "Tỷ lệ số đề án (%)", "Kinh phí NSNN", "Kinh phí đối ứng"};
  t.numeric = {false, false, true, true, true, true};
  auto share = [&](int64_t n) { return cell_percent(n, r.total.projects, 1); };
  for (const AreaRow& a : r.areas.rows) {
    std::string labels;
    for (const std::string& l : a.priority_labels) labels += (labels.empty() ? "" : ", ") + l;
    t.rows.push_back({cell_text(a.name), cell_text(labels), cell_count(a.totals.projects), share(a.totals.projects), cell_money(a.totals.budget),
                      cell_money(a.totals.counterpart)});
  }
  t.summed_rows = static_cast<int>(t.rows.size());
  t.rows.push_back({cell_text("Cộng các địa bàn ưu tiên"), cell_text(""), cell_count(r.areas.priority.projects),
                    share(r.areas.priority.projects), cell_money(r.areas.priority.budget), cell_money(r.areas.priority.counterpart)});
  t.rows.push_back({cell_text("Tổng cộng"), cell_text(""), cell_count(r.total.projects), share(r.total.projects), cell_money(r.total.budget),
                    cell_money(r.total.counterpart)});
  t.last_row_is_total = true;
  t.charts.push_back({SheetChart::Type::Bar, false, "Số đề án theo địa bàn", {2}});
  t.charts.push_back({SheetChart::Type::Bar, false, "Kinh phí ngân sách nhà nước theo địa bàn (triệu đồng)", {4}});
  return t;
}

SheetTable by_year(const PhaseReport& r) {
  SheetTable t;
  t.caption = "Phụ lục 5. Số đề án và kinh phí ngân sách nhà nước theo năm (triệu đồng)";
  t.header = {"Năm"};
  t.header.insert(t.header.end(), kLevelHeader.begin(), kLevelHeader.end());
  t.numeric = {false, true, true, true, true, true, true, true, true};
  for (const YearRow& y : r.years) {
    std::vector<SheetCell> row = {cell_plain(y.year)};
    add_level_cells(row, y.by_level);
    t.rows.push_back(std::move(row));
  }
  t.summed_rows = static_cast<int>(t.rows.size());
  std::vector<SheetCell> total = {cell_text("Tổng cộng")};
  add_level_cells(total, r.by_level);
  t.rows.push_back(std::move(total));
  t.last_row_is_total = true;
  t.charts.push_back({SheetChart::Type::Column, true, "Kinh phí ngân sách nhà nước theo năm và cấp kinh phí (triệu đồng)", {2, 4, 6}});
  t.charts.push_back({SheetChart::Type::Column, true, "Số đề án theo năm và cấp kinh phí", {1, 3, 5}});
  return t;
}

}  // namespace

std::vector<SheetTable> phase_sheet_tables(const PhaseReport& report) {
  std::vector<SheetTable> tables = {by_content(report, false), by_content(report, true)};
  if (!report.targets.empty()) tables.push_back(by_target(report));
  tables.push_back(by_area(report));
  tables.push_back(by_year(report));
  for (SheetTable& t : tables) t.sheet_name = sheet_name_of(t.caption);
  return tables;
}

std::vector<doc::Table> phase_appendix_tables(const PhaseReport& report) {
  std::vector<doc::Table> out;
  for (SheetTable& s : phase_sheet_tables(report)) out.push_back(document_table(std::move(s)));
  return out;
}

}  // namespace kc
