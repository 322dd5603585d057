// What a period of days (a half-year, from–to dates; report/report_period.h) can say about a
// plan's projects besides those approved within it (compute_plan_report): the state on the
// period's last day of the projects of the period's years — "the year's plan to 30/6" of a
// six-month report — and the projects accepted within the period. Each state comes from the
// dated steps of the project record (approval, acceptance); what the records do not date is
// counted apart, never guessed: a project without an approval date, an accepted project without
// an acceptance date, a settled project without a dated settlement step (the bundle carries no
// settlement date; only a step taken in the application dates it). Disbursement is not recorded.
#pragma once

#include <cstdint>

#include "core/date.h"
#include "model/dataset.h"
#include "report/phase_report.h"
#include "report/report_period.h"

namespace kc {

struct PeriodProgress {
  Date from, to;
  // The plan's projects of the period's years: of the plan's area, started in one of those
  // years, approved or later (proposals, rejected and cancelled projects are left out).
  int64_t in_plan = 0;
  // Their state on `to`. approved_by_end = in_progress_at_end + accepted_by_end + acceptance_undated;
  // in_plan = approved_by_end + not_yet_approved + approval_undated.
  int64_t approved_by_end = 0;
  int64_t in_progress_at_end = 0;   // approved, not yet accepted (the start itself is not dated)
  int64_t accepted_by_end = 0;
  int64_t acceptance_undated = 0;   // accepted by its status, with no acceptance date
  int64_t not_yet_approved = 0;     // approved after `to`
  int64_t approval_undated = 0;     // no approval date: the state on `to` is unknown
  int64_t settlement_undated = 0;   // settled or post-audited by status, with no dated settlement step
  // Within the period: the projects of the plan's area accepted in it (in progress or later
  // status), whatever their start year; their outputs are in compute_plan_report's contents.
  Totals accepted;
  // Within the period: the projects of the plan's area settled in it (by the step's date).
  Totals settled;
};

// `period` must be a period of days (period.by_days()).
PeriodProgress compute_period_progress(const Dataset& data, const Plan& plan, const ReportPeriod& period);

}  // namespace kc
