#include "report/plan_scope.h"

namespace kc {

bool status_counts_as_implemented(const std::string& s) {
  return s == "dang_thuc_hien" || s == "nghiem_thu" || s == "quyet_toan" || s == "hau_kiem";
}

bool status_counts_as_approved(const std::string& s) { return s == "phe_duyet" || status_counts_as_implemented(s); }

std::vector<const Plan*> plans_covering(const Dataset& data, int32_t unit, int year, std::string_view type) {
  std::vector<const Plan*> out;
  if (unit < 0) return out;
  for (const Plan& p : data.plans)
    if ((type.empty() || p.type == type) && year >= p.from_year && year <= p.to_year && data.unit_within(unit, p.unit))
      out.push_back(&p);
  return out;
}

PlanScope::PlanScope(const Dataset& data, const Plan& plan, std::optional<DateRange> days)
    : data_(data), plan_(plan), days_(std::move(days)) {
  in_area_.assign(data.units.size(), 0);
  district_of_.assign(data.units.size(), -1);
  for (size_t u = 0; u < data.units.size(); ++u) {
    int32_t ui = static_cast<int32_t>(u);
    in_area_[u] = data.unit_within(ui, plan.unit) ? 1 : 0;
    district_of_[u] = data.ancestor_at_level(ui, "huyen");
  }
}

bool PlanScope::project_counts(size_t i) const {
  const Projects& p = data_.projects;
  bool in_period = days_ ? day_in_period(p.approved_on[i]) : year_in_period(p.year_from[i]);
  return in_period && unit_in_area(p.unit[i]) && status_counts_as_implemented(p.status[i]);
}

bool PlanScope::outputs_count(size_t i) const {
  if (!days_) return project_counts(i);
  const Projects& p = data_.projects;
  return day_in_period(p.accepted_on[i]) && unit_in_area(p.unit[i]) && status_counts_as_implemented(p.status[i]);
}

}  // namespace kc
