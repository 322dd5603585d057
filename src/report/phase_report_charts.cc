// The charts of the phase report, drawn from the same model as the appendix tables: money by
// content and funding level, the shares of the funding levels, money and projects by year,
// and the achievement of every target. Money in million đồng.
#include "core/vn_format.h"
#include "report/phase_report_document.h"

namespace kc {

namespace {

constexpr std::array<const char*, kFundingLevels> kLevelNames = {"Khuyến công quốc gia", "Khuyến công tỉnh",
                                                                 "Khuyến công cấp huyện"};

double million(int64_t dong) { return static_cast<double>(dong) / 1e6; }

// An empty chart numbered `number` ("Biểu đồ 3. <title>") in `unit`.
doc::Chart numbered_chart(doc::ChartKind kind, int number, const std::string& title, std::string unit, int decimals) {
  doc::Chart c;
  c.kind = kind;
  c.caption = "Biểu đồ " + std::to_string(number) + ". " + title;
  c.unit = std::move(unit);
  c.decimals = decimals;
  return c;
}

// One series per funding level, filled by `value` for each category's three levels.
template <class Levels>
std::vector<doc::ChartSeries> level_series(const std::vector<Levels>& rows, auto value) {
  std::vector<doc::ChartSeries> series;
  for (size_t l = 0; l < kFundingLevels; ++l) {
    doc::ChartSeries s{kLevelNames[l], {}};
    for (const Levels& row : rows) s.values.push_back(value(row[l]));
    series.push_back(std::move(s));
  }
  return series;
}

doc::Chart money_by_content(const PhaseReport& r, int number) {
  doc::Chart c = numbered_chart(doc::ChartKind::Bar, number, "Kinh phí ngân sách nhà nước theo nội dung hoạt động",
                                "triệu đồng", 1);
  std::vector<std::array<Totals, kFundingLevels>> rows;
  for (const ContentResult& content : r.contents) {
    c.categories.push_back(std::to_string(content.number) + ". " + content.title);
    rows.push_back(content.by_level);
  }
  c.series = level_series(rows, [](const Totals& t) { return million(t.budget); });
  return c;
}

doc::Chart money_by_level(const PhaseReport& r, int number) {
  doc::Chart c = numbered_chart(doc::ChartKind::Pie, number, "Cơ cấu kinh phí ngân sách nhà nước theo cấp kinh phí",
                                "triệu đồng", 1);
  doc::ChartSeries s{"Kinh phí ngân sách nhà nước", {}};
  for (size_t l = 0; l < kFundingLevels; ++l) {
    c.categories.push_back(kLevelNames[l]);
    s.values.push_back(million(r.by_level[l].budget));
  }
  c.series.push_back(std::move(s));
  return c;
}

doc::Chart by_year(const PhaseReport& r, int number, bool money) {
  doc::Chart c = money ? numbered_chart(doc::ChartKind::Column, number, "Kinh phí ngân sách nhà nước theo năm và cấp kinh phí",
                                        "triệu đồng", 1)
                        : numbered_chart(doc::ChartKind::Line, number, "Số đề án theo năm và cấp kinh phí", "đề án", 0);
  std::vector<std::array<Totals, kFundingLevels>> rows;
  for (const YearRow& y : r.years) {
    c.categories.push_back(std::to_string(y.year));
    rows.push_back(y.by_level);
  }
  c.series = level_series(rows, [money](const Totals& t) {
    return money ? million(t.budget) : static_cast<double>(t.projects);
  });
  return c;
}

doc::Chart achievement(const PhaseReport& r, int number) {
  doc::Chart c = numbered_chart(doc::ChartKind::Bar, number, "Tỷ lệ thực hiện các chỉ tiêu so với mục tiêu giai đoạn", "%", 1);
  c.reference = 100;
  c.reference_label = "Mục tiêu (100%)";
  doc::ChartSeries s{"Tỷ lệ đạt", {}};
  for (const IndicatorResult& i : r.targets) {
    if (!i.target || *i.target <= 0) continue;
    c.categories.push_back(i.name);
    // Rounded as the table prints it, so chart and table never disagree.
    s.values.push_back(static_cast<double>(rounded_ratio(i.actual * 100, *i.target, 1)) / 10);
  }
  c.series.push_back(std::move(s));
  return c;
}

}  // namespace

std::vector<doc::Chart> phase_charts(const PhaseReport& report) {
  std::vector<doc::Chart> charts;
  int n = 0;
  if (report.total.projects == 0) return charts;  // nothing to draw
  charts.push_back(money_by_content(report, ++n));
  if (report.total.budget > 0) charts.push_back(money_by_level(report, ++n));
  if (!report.years.empty()) {
    charts.push_back(by_year(report, ++n, true));
    charts.push_back(by_year(report, ++n, false));
  }
  doc::Chart targets = achievement(report, n + 1);
  if (!targets.categories.empty()) charts.push_back(std::move(targets));
  return charts;
}

}  // namespace kc
