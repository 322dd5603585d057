// The period a plan's figures are computed over: whole years, since the records date a
// project by its start year (`nam_bat_dau`) and a selection round by its year. Chosen on the
// dashboard as the plan's own period, one year, a phase (a phase plan's years) or from–to years.
// A half-year cannot be offered: projects carry no start date, only a start year.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/dataset.h"

namespace kc {

struct ReportPeriod {
  int from_year = 0, to_year = 0;
  bool operator==(const ReportPeriod&) const = default;
};

struct ReportPeriodChoice {
  std::optional<ReportPeriod> period;
  std::string error;  // Vietnamese, naming what was asked for
};

// The years a period may span: those of the plans and the projects in the data.
ReportPeriod years_in_data(const Dataset& data);

// `period`: "" (the plan's own period), "2018" (a year) or "2016-2020" (from–to, as a phase is
// offered); `from_year` and `to_year`, when both are given, choose from–to and win over it.
// Years must lie within `bounds`.
ReportPeriodChoice choose_report_period(const Plan& plan, std::string_view period, std::string_view from_year,
                                        std::string_view to_year, const ReportPeriod& bounds);

// "năm 2018", "giai đoạn 2016 - 2020".
std::string report_period_label(const ReportPeriod& period);

}  // namespace kc
