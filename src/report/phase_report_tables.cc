// The appendix tables of the phase report: by content and funding level, targets and
// achievement, by area, by year. Money in million đồng.
#include "core/vn_format.h"
#include "report/phase_report_document.h"

namespace kc {

namespace {

std::string money(int64_t dong) { return format_million_dong(dong); }
std::string count(int64_t n) { return format_int(n); }

void add_level_cells(std::vector<std::string>& row, const std::array<Totals, kFundingLevels>& by_level) {
  Totals total;
  for (const Totals& t : by_level) {
    row.push_back(count(t.projects));
    row.push_back(money(t.budget));
    total.add(t);
  }
  row.push_back(count(total.projects));
  row.push_back(money(total.budget));
}

const std::vector<std::string> kLevelHeader = {"Đề án QG", "Kinh phí QG", "Đề án tỉnh", "Kinh phí tỉnh",
                                               "Đề án huyện", "Kinh phí huyện", "Tổng số đề án", "Tổng kinh phí"};

// One table per measure (projects, money) keeps the long content titles readable in portrait.
doc::Table by_content(const PhaseReport& r, bool money_table) {
  doc::Table t;
  t.caption = money_table ? "Phụ lục 2. Kinh phí ngân sách nhà nước theo nội dung và cấp kinh phí (triệu đồng)"
                          : "Phụ lục 1. Số đề án theo nội dung và cấp kinh phí";
  t.header = {"Nội dung", "Khuyến công quốc gia", "Khuyến công tỉnh", "Khuyến công cấp huyện", "Tổng cộng"};
  t.numeric = {false, true, true, true, true};
  auto cells = [&](const std::array<Totals, kFundingLevels>& levels, std::string label) {
    std::vector<std::string> row = {std::move(label)};
    Totals total;
    for (const Totals& l : levels) {
      row.push_back(money_table ? money(l.budget) : count(l.projects));
      total.add(l);
    }
    row.push_back(money_table ? money(total.budget) : count(total.projects));
    return row;
  };
  for (const ContentResult& c : r.contents) t.rows.push_back(cells(c.by_level, std::to_string(c.number) + ". " + c.title));
  t.rows.push_back(cells(r.by_level, "Tổng cộng"));
  t.last_row_is_total = true;
  return t;
}

doc::Table by_target(const PhaseReport& r) {
  doc::Table t;
  t.caption = "Phụ lục 3. Kết quả thực hiện các chỉ tiêu so với mục tiêu giai đoạn";
  t.header = {"STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Thực hiện", "Tỷ lệ đạt (%)"};
  t.numeric = {true, false, false, true, true, true};
  int n = 0;
  for (const IndicatorResult& i : r.targets) {
    bool m = i.money();
    t.rows.push_back({std::to_string(++n), i.name, m ? "triệu đồng" : i.unit, m ? money(*i.target) : count(*i.target),
                      m ? money(i.actual) : count(i.actual),
                      *i.target > 0 ? format_ratio_percent(i.actual, *i.target, i.percent_decimals()) : "–"});
  }
  return t;
}

doc::Table by_area(const PhaseReport& r) {
  doc::Table t;
  t.caption = "Phụ lục 4. Đề án và kinh phí theo địa bàn (triệu đồng)";
  t.header = {"Địa bàn", "Địa bàn ưu tiên", "Số đề án", "Tỷ lệ số đề án (%)", "Kinh phí NSNN", "Kinh phí đối ứng"};
  t.numeric = {false, false, true, true, true, true};
  auto percent = [&](int64_t n) { return r.total.projects > 0 ? format_ratio_percent(n, r.total.projects, 1) : "–"; };
  for (const AreaRow& a : r.areas.rows) {
    std::string labels;
    for (const std::string& l : a.priority_labels) labels += (labels.empty() ? "" : ", ") + l;
    t.rows.push_back({a.name, labels, count(a.totals.projects), percent(a.totals.projects), money(a.totals.budget),
                      money(a.totals.counterpart)});
  }
  t.rows.push_back({"Cộng các địa bàn ưu tiên", "", count(r.areas.priority.projects), percent(r.areas.priority.projects),
                    money(r.areas.priority.budget), money(r.areas.priority.counterpart)});
  t.rows.push_back({"Tổng cộng", "", count(r.total.projects), percent(r.total.projects), money(r.total.budget),
                    money(r.total.counterpart)});
  t.last_row_is_total = true;
  return t;
}

doc::Table by_year(const PhaseReport& r) {
  doc::Table t;
  t.caption = "Phụ lục 5. Số đề án và kinh phí ngân sách nhà nước theo năm (triệu đồng)";
  t.header = {"Năm"};
  t.header.insert(t.header.end(), kLevelHeader.begin(), kLevelHeader.end());
  t.numeric = {false, true, true, true, true, true, true, true, true};
  for (const YearRow& y : r.years) {
    std::vector<std::string> row = {std::to_string(y.year)};
    add_level_cells(row, y.by_level);
    t.rows.push_back(std::move(row));
  }
  std::vector<std::string> total = {"Tổng cộng"};
  add_level_cells(total, r.by_level);
  t.rows.push_back(std::move(total));
  t.last_row_is_total = true;
  return t;
}

}  // namespace

std::vector<doc::Table> phase_appendix_tables(const PhaseReport& report) {
  std::vector<doc::Table> tables = {by_content(report, false), by_content(report, true)};
  if (!report.targets.empty()) tables.push_back(by_target(report));
  tables.push_back(by_area(report));
  tables.push_back(by_year(report));
  return tables;
}

}  // namespace kc
