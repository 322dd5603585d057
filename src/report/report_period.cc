#include "report/report_period.h"

#include <algorithm>
#include <charconv>

#include "report/report_phrases.h"
#include "text/url.h"

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

std::string outside_bounds(const std::string& asked, const ReportPeriod& bounds) {
  return "Kỳ báo cáo " + asked + " nằm ngoài các năm có số liệu (" + bounds_text(bounds) + ").";
}

// "2020-h1" → a half-year; anything else → nullopt.
std::optional<ReportPeriod> parse_half_year_code(std::string_view code) {
  if (code.size() != 7 || code.substr(4, 2) != "-h" || (code[6] != '1' && code[6] != '2')) return std::nullopt;
  std::optional<int> year = four_digit_year(code.substr(0, 4));
  if (!year) return std::nullopt;
  return half_year(*year, code[6] - '0');
}

ReportPeriodChoice choose_days(const ReportPeriodRequest& req, const ReportPeriod& bounds) {
  std::string asked = "từ ngày \"" + std::string(req.from_day) + "\" đến ngày \"" + std::string(req.to_day) + "\"";
  std::string problems;
  auto day = [&](std::string_view text, const char* name) -> std::optional<Date> {
    std::optional<Date> d = parse_date(text);
    if (!d)
      problems += std::string(problems.empty() ? "" : " ") + name + " \"" + std::string(text) +
                  "\" không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 30/06/2020.";
    return d;
  };
  std::optional<Date> from = day(req.from_day, "Từ ngày"), to = day(req.to_day, "Đến ngày");
  if (!problems.empty()) return {std::nullopt, "Kỳ báo cáo " + asked + " không hợp lệ. " + problems};
  if (*to < *from)
    return {std::nullopt, "Kỳ báo cáo " + asked + " không hợp lệ: ngày kết thúc " + to_dd_mm_yyyy(*to) +
                              " trước ngày bắt đầu " + to_dd_mm_yyyy(*from) + "."};
  if (from->year < bounds.from_year || to->year > bounds.to_year) return {std::nullopt, outside_bounds(asked, bounds)};
  return {days_period(*from, *to), ""};
}

}  // namespace

ReportPeriod half_year(int year, int half) {
  if (half == 1) return ReportPeriod{Date{year, 1, 1}, Date{year, 6, 30}};
  return ReportPeriod{Date{year, 7, 1}, Date{year, 12, 31}};
}

ReportPeriod days_period(const Date& from, const Date& to) {
  if (from.month == 1 && from.day == 1 && to.month == 12 && to.day == 31) return ReportPeriod{from.year, to.year};
  return ReportPeriod{from, to};
}

std::string half_year_code(int year, int half) { return std::to_string(year) + "-h" + std::to_string(half); }

int half_of(const ReportPeriod& p) {
  if (!p.by_days() || p.from_year != p.to_year) return 0;
  for (int half : {1, 2})
    if (p == half_year(p.from_year, half)) return half;
  return 0;
}

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

ReportPeriodChoice choose_report_period(const Plan& plan, const ReportPeriodRequest& req, const ReportPeriod& bounds) {
  if (!req.from_day.empty() || !req.to_day.empty()) return choose_days(req, bounds);
  std::optional<int> from, to;
  std::string asked;
  if (!req.from_year.empty() || !req.to_year.empty()) {
    asked = "từ năm \"" + std::string(req.from_year) + "\" đến năm \"" + std::string(req.to_year) + "\"";
    from = four_digit_year(req.from_year);
    to = four_digit_year(req.to_year);
  } else if (req.period.empty()) {
    return {ReportPeriod{plan.from_year, plan.to_year}, ""};
  } else if (std::optional<ReportPeriod> half = parse_half_year_code(req.period)) {
    if (half->from_year < bounds.from_year || half->to_year > bounds.to_year)
      return {std::nullopt, outside_bounds("\"" + report_period_label(*half) + "\"", bounds)};
    return {half, ""};
  } else {
    asked = "\"" + std::string(req.period) + "\"";
    size_t dash = req.period.find('-');
    from = four_digit_year(req.period.substr(0, dash));
    to = dash == std::string_view::npos ? from : four_digit_year(req.period.substr(dash + 1));
  }
  if (!from || !to)
    return {std::nullopt, "Kỳ báo cáo " + asked +
                              " không hợp lệ: hãy chọn một năm, một giai đoạn hoặc từ năm đến năm (bốn chữ số), "
                              "6 tháng đầu năm, 6 tháng cuối năm hoặc từ ngày đến ngày (dd/mm/yyyy)."};
  if (*to < *from)
    return {std::nullopt, "Kỳ báo cáo " + asked + " không hợp lệ: năm kết thúc " + std::to_string(*to) +
                              " trước năm bắt đầu " + std::to_string(*from) + "."};
  if (*from < bounds.from_year || *to > bounds.to_year) return {std::nullopt, outside_bounds(asked, bounds)};
  return {ReportPeriod{*from, *to}, ""};
}

std::string report_period_label(const ReportPeriod& p) {
  if (int half = half_of(p)) return (half == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + std::to_string(p.from_year);
  if (p.by_days()) return "từ " + to_dd_mm_yyyy(*p.from_day) + " đến " + to_dd_mm_yyyy(*p.to_day);
  if (p.from_year == p.to_year) return "năm " + std::to_string(p.from_year);
  return "giai đoạn " + period_text(p.from_year, p.to_year);
}

std::string report_period_query(const ReportPeriod& p) {
  if (int half = half_of(p)) return "ky=" + half_year_code(p.from_year, half);
  if (p.by_days())
    return "tu_ngay=" + percent_encoded(to_dd_mm_yyyy(*p.from_day)) + "&den_ngay=" + percent_encoded(to_dd_mm_yyyy(*p.to_day));
  return "ky=" + std::to_string(p.from_year) + "-" + std::to_string(p.to_year);
}

std::string report_period_slug(const ReportPeriod& p) {
  if (int half = half_of(p)) return half_year_code(p.from_year, half);
  if (p.by_days()) return std::to_string(p.from_day->ordinal()) + "-" + std::to_string(p.to_day->ordinal());
  return std::to_string(p.from_year) + "-" + std::to_string(p.to_year);
}

}  // namespace kc
