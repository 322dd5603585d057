#include "report/report_period.h"

#include <algorithm>
#include <charconv>

#include "report/report_phrases.h"

namespace kc {

namespace {

std::optional<int> four_digit_year(std::string_view text) {
  int year = 0;
  if (text.size() != 4) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return year;
}

std::string bounds_text(const ReportPeriod& b) { return std::to_string(b.from_year) + " đến " + std::to_string(b.to_year); }

}  // namespace

ReportPeriod years_in_data(const Dataset& data) {
  ReportPeriod b{0, 0};
  auto widen = [&b](int from, int to) {
    if (from <= 0) return;
    b.from_year = b.from_year == 0 ? from : std::min(b.from_year, from);
    b.to_year = std::max({b.to_year, from, to});
  };
  for (const Plan& p : data.plans) widen(p.from_year, p.to_year);
  for (size_t i = 0; i < data.projects.year_from.size(); ++i) widen(data.projects.year_from[i], data.projects.year_from[i]);
  return b;
}

ReportPeriodChoice choose_report_period(const Plan& plan, std::string_view period, std::string_view from_year,
                                        std::string_view to_year, const ReportPeriod& bounds) {
  std::optional<int> from, to;
  std::string asked;
  if (!from_year.empty() || !to_year.empty()) {
    asked = "từ năm \"" + std::string(from_year) + "\" đến năm \"" + std::string(to_year) + "\"";
    from = four_digit_year(from_year);
    to = four_digit_year(to_year);
  } else if (period.empty()) {
    return {ReportPeriod{plan.from_year, plan.to_year}, ""};
  } else {
    asked = "\"" + std::string(period) + "\"";
    size_t dash = period.find('-');
    from = four_digit_year(period.substr(0, dash));
    to = dash == std::string_view::npos ? from : four_digit_year(period.substr(dash + 1));
  }
  if (!from || !to)
    return {std::nullopt, "Kỳ báo cáo " + asked + " không hợp lệ: hãy chọn một năm, một giai đoạn hoặc từ năm đến năm (bốn chữ số)."};
  if (*to < *from)
    return {std::nullopt, "Kỳ báo cáo " + asked + " không hợp lệ: năm kết thúc " + std::to_string(*to) +
                              " trước năm bắt đầu " + std::to_string(*from) + "."};
  if (*from < bounds.from_year || *to > bounds.to_year)
    return {std::nullopt, "Kỳ báo cáo " + asked + " nằm ngoài các năm có số liệu (" + bounds_text(bounds) + ")."};
  return {ReportPeriod{*from, *to}, ""};
}

std::string report_period_label(const ReportPeriod& p) {
  if (p.from_year == p.to_year) return "năm " + std::to_string(p.from_year);
  return "giai đoạn " + period_text(p.from_year, p.to_year);
}

}  // namespace kc
