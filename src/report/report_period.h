// The period a plan's figures are computed over, chosen on the dashboard (and meant for the
// annual and six-month reports of issue 12). Two kinds:
//
// - Whole years: the plan's own period, one year, a phase (a phase plan's years) or from–to
//   years. A project counts in the years its start year (`nam_bat_dau`) lies in, as in the
//   phase report.
// - A period of days: a half-year (H1 = 01/01–30/06, H2 = 01/07–31/12 of a year) or from–to
//   dates. A project's start year cannot place it in half a year, but the project record dates
//   two steps of its lifecycle: its approval (`ngay_phe_duyet`) and its acceptance
//   (`ngay_nghiem_thu`), both written by the lifecycle steps (projects/lifecycle.cc) and carried
//   by the bundle. Over a period of days a project counts by its approval date, and its outputs
//   by its acceptance date (outputs are recorded at acceptance); a settlement is dated by its
//   lifecycle step (de_an_su_kien) when there is one. report/period_progress.h says what else
//   such a period can and cannot state (disbursement, selection rounds and activities: no date). docs/web.md ("Dashboard and reports") is the
//   user-facing definition.
//
// From–to dates that cover whole years (01/01/2018–31/12/2019) are the whole-year period, so
// that the same years give the same figures however they were chosen.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "model/dataset.h"

namespace kc {

struct ReportPeriod {
  ReportPeriod() = default;
  ReportPeriod(int from, int to) : from_year(from), to_year(to) {}  // whole years
  ReportPeriod(const Date& first, const Date& last)                   // days
      : from_year(first.year), to_year(last.year), from_day(first), to_day(last) {}

  int from_year = 0, to_year = 0;
  std::optional<Date> from_day, to_day;  // only for a period of days (both set)
  bool by_days() const { return from_day.has_value() && to_day.has_value(); }
  Date first_day() const { return from_day.value_or(Date::first_of_year(from_year)); }
  Date last_day() const { return to_day.value_or(Date::last_of_year(to_year)); }
  bool contains(const Date& d) const { return first_day() <= d && d <= last_day(); }
  bool operator==(const ReportPeriod&) const = default;
};

// H1 (half 1) = 01/01–30/06, H2 (half 2) = 01/07–31/12 of `year`.
ReportPeriod half_year(int year, int half);
// The days from `from` to `to` (from <= to); whole years give the whole-year period.
ReportPeriod days_period(const Date& from, const Date& to);
// "2020-h1": how a half-year is asked for (the dashboard's `ky`).
std::string half_year_code(int year, int half);
// 1 or 2 when the period is exactly a half-year, else 0.
int half_of(const ReportPeriod& period);

struct ReportPeriodChoice {
  std::optional<ReportPeriod> period;
  std::string error;  // Vietnamese, naming what was asked for
};

// The years a period may span: those of the plans and the projects in the data.
ReportPeriod years_in_data(const Dataset& data);

// What a request asks for (the dashboard's parameters):
// `period` ("ky"): "" (the plan's own period), "2018" (a year), "2016-2020" (from–to years, as a
// phase is offered), "2020-h1" / "2020-h2" (a half-year); `from_year`/`to_year` ("tu_nam",
// "den_nam") choose from–to years and win over `period`; `from_day`/`to_day` ("tu_ngay",
// "den_ngay", dd/mm/yyyy) choose from–to dates and win over both.
struct ReportPeriodRequest {
  std::string_view period, from_year, to_year, from_day, to_day;
};

// The period asked for; every year or day must lie within `bounds` (whole years).
ReportPeriodChoice choose_report_period(const Plan& plan, const ReportPeriodRequest& request, const ReportPeriod& bounds);

// "năm 2018", "giai đoạn 2016 - 2020", "6 tháng đầu năm 2020", "6 tháng cuối năm 2020",
// "từ 01/03/2020 đến 30/09/2020".
std::string report_period_label(const ReportPeriod& period);

// The request parameters that choose `period` again, URL-encoded: "ky=2016-2017", "ky=2020-h1",
// "tu_ngay=01%2F03%2F2020&den_ngay=30%2F09%2F2020".
std::string report_period_query(const ReportPeriod& period);

// A file-name part naming the period: "2016-2017", "2020-h1", "20200301-20200930".
std::string report_period_slug(const ReportPeriod& period);

}  // namespace kc
