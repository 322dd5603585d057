// The appendix tables the Ministry asks of an annual or six-month report: results by content and
// funding level, outputs against the annual plan (with the same period of the previous year),
// and the national-funded projects. Typed cells (phase_report_sheets.h): the document prints
// their text, the workbook their numbers with SUM totals.
#include "core/vn_format.h"
#include "report/annual_report_document.h"
#include "report/report_sheet_cells.h"

namespace kc {

namespace {

SheetTable by_content(const AnnualReport& r) {
  SheetTable t;
  t.caption = "Phụ lục 1. Kết quả thực hiện kế hoạch khuyến công " + r.period_label() +
              " theo nội dung và cấp kinh phí (triệu đồng)";
  t.header = {"Nội dung"};
  t.header.insert(t.header.end(), kLevelHeader.begin(), kLevelHeader.end());
  t.numeric = {false, true, true, true, true, true, true, true, true};
  for (const ContentResult& c : r.current.contents) {
    std::vector<SheetCell> row = {cell_text(std::to_string(c.number) + ". " + c.title)};
    add_level_cells(row, c.by_level);
    t.rows.push_back(std::move(row));
  }
  t.summed_rows = static_cast<int>(t.rows.size());
  std::vector<SheetCell> total = {cell_text("Tổng cộng")};
  add_level_cells(total, r.current.by_level);
  t.rows.push_back(std::move(total));
  t.last_row_is_total = true;
  t.charts.push_back({SheetChart::Type::Bar, true, "Kinh phí ngân sách nhà nước theo nội dung và cấp kinh phí (triệu đồng)", {2, 4, 6}});
  return t;
}

const IndicatorResult* find_result(const PhaseReport& report, const std::string& code) {
  for (const IndicatorResult& m : report.money_indicators)
    if (m.code == code) return &m;
  for (const ContentResult& c : report.contents)
    for (const IndicatorResult& o : c.outputs)
      if (o.code == code) return &o;
  return nullptr;
}

// Every indicator with a result in the period or the previous year's, or a target in the
// annual plan, in the catalogue's order (money first, then by content).
SheetTable by_indicator(const AnnualReport& r) {
  SheetTable t;
  t.caption = "Phụ lục 2. Kết quả thực hiện các chỉ tiêu so với kế hoạch năm " + std::to_string(r.year) + " và cùng kỳ năm trước";
  t.header = {"STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Tỷ lệ đạt so với kế hoạch năm (%)",
              "Cùng kỳ năm trước"};
  t.numeric = {true, false, false, true, true, true, true};
  std::vector<IndicatorResult> rows;
  auto add = [&](const IndicatorResult& i) {
    for (const IndicatorResult& x : rows)
      if (x.code == i.code) return;
    rows.push_back(i);
  };
  for (const IndicatorResult& m : r.current.money_indicators) add(m);
  for (const ContentResult& c : r.current.contents)
    for (const IndicatorResult& o : c.outputs) add(o);
  for (const ContentResult& c : r.previous.contents)
    for (const IndicatorResult& o : c.outputs) add(o);
  int n = 0;
  for (IndicatorResult i : rows) {
    const IndicatorResult* now = find_result(r.current, i.code);
    const IndicatorResult* before = find_result(r.previous, i.code);
    std::optional<int64_t> target;
    for (const IndicatorResult& x : r.targets)
      if (x.code == i.code) target = x.target;
    int64_t actual = now ? now->actual : 0, previous = before ? before->actual : 0;
    bool m = i.money();
    auto value = [&](int64_t v) { return m ? cell_money(v) : cell_count(v); };
    t.rows.push_back({cell_plain(++n), cell_text(i.name), cell_text(m ? "triệu đồng" : i.unit),
                      target ? value(*target) : cell_text("–"), value(actual),
                      target ? cell_percent(actual, *target, i.percent_decimals()) : cell_text("–"), value(previous)});
  }
  return t;
}

SheetTable national_projects(const AnnualReport& r) {
  SheetTable t;
  t.caption = "Phụ lục 3. Danh sách đề án khuyến công quốc gia " + r.period_label() + " (triệu đồng)";
  t.header = {"STT", "Tên đề án", "Nội dung", "Địa bàn", "Kinh phí", "Tình trạng"};
  t.numeric = {true, false, true, false, true, false};
  int n = 0;
  Totals total;
  for (const ProjectLine& p : r.national) {
    t.rows.push_back({cell_plain(++n), cell_text(p.name), cell_plain(p.content_number), cell_text(p.place), cell_money(p.budget),
                      cell_text(p.status)});
    total.add(p.budget, 0);
  }
  t.summed_rows = static_cast<int>(t.rows.size());
  t.rows.push_back({cell_text(""), cell_text("Tổng cộng"), cell_text(""), cell_text(""), cell_money(total.budget), cell_text("")});
  t.last_row_is_total = true;
  return t;
}

}  // namespace

std::vector<SheetTable> annual_sheet_tables(const AnnualReport& report) {
  std::vector<SheetTable> tables = {by_content(report), by_indicator(report), national_projects(report)};
  for (SheetTable& t : tables) t.sheet_name = sheet_name_of(t.caption);
  return tables;
}

}  // namespace kc
