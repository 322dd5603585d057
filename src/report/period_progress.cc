#include "report/period_progress.h"

#include "report/plan_scope.h"

namespace kc {

namespace {

bool status_counts_as_accepted(const std::string& s) { return s == "nghiem_thu" || s == "quyet_toan" || s == "hau_kiem"; }

}  // namespace

PeriodProgress compute_period_progress(const Dataset& data, const Plan& plan, const ReportPeriod& period) {
  PeriodProgress r;
  r.from = period.first_day();
  r.to = period.last_day();
  Plan over = plan;  // the period's years; outlives the scope, which keeps a reference
  over.from_year = period.from_year;
  over.to_year = period.to_year;
  PlanScope scope(data, over, DateRange{r.from, r.to});
  const int32_t end = r.to.ordinal();
  const Projects& p = data.projects;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!scope.unit_in_area(p.unit[i])) continue;
    bool settled = p.status[i] == "quyet_toan" || p.status[i] == "hau_kiem";
    if (scope.outputs_count(i)) r.accepted.add(p.budget[i], p.counterpart[i]);
    if (settled && scope.day_in_period(p.settled_on[i])) r.settled.add(p.budget[i], p.counterpart[i]);
    if (!scope.year_in_period(p.year_from[i]) || !status_counts_as_approved(p.status[i])) continue;
    ++r.in_plan;
    if (settled && p.settled_on[i] == 0) ++r.settlement_undated;
    if (p.approved_on[i] == 0) {
      ++r.approval_undated;
    } else if (p.approved_on[i] > end) {
      ++r.not_yet_approved;
    } else {
      ++r.approved_by_end;
      if (p.accepted_on[i] != 0 && p.accepted_on[i] <= end)
        ++r.accepted_by_end;
      else if (p.accepted_on[i] == 0 && status_counts_as_accepted(p.status[i]))
        ++r.acceptance_undated;
      else
        ++r.in_progress_at_end;
    }
  }
  return r;
}

}  // namespace kc
