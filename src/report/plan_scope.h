// Which records a plan's report covers: units in the plan's area (the plan's unit and all
// units under it) and the projects that count for the plan — started in the plan's period,
// located in its area, in a status from "đang thực hiện" onward (in progress, accepted,
// settled, post-audited). Proposals, rejected and cancelled projects do not count.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/dataset.h"

namespace kc {

bool status_counts_as_implemented(const std::string& status);

// The plans of `type` ("" = any) a project located in `unit` and starting in `year` belongs to:
// the same rule as PlanScope (the plan's area contains the unit, its period the year). A
// project that no plan covers is "outside every plan".
std::vector<const Plan*> plans_covering(const Dataset& data, int32_t unit, int year, std::string_view type = {});

class PlanScope {
 public:
  PlanScope(const Dataset& data, const Plan& plan);

  bool unit_in_area(int32_t unit) const { return unit >= 0 && in_area_[static_cast<size_t>(unit)]; }
  // The district-level unit a unit lies in (itself when it is one), or -1.
  int32_t district_of(int32_t unit) const { return unit < 0 ? -1 : district_of_[static_cast<size_t>(unit)]; }
  bool year_in_period(int year) const { return year >= plan_.from_year && year <= plan_.to_year; }
  bool project_counts(size_t project) const;

  const Plan& plan() const { return plan_; }
  Date period_start() const { return Date::first_of_year(plan_.from_year); }
  Date period_end() const { return Date::last_of_year(plan_.to_year); }

 private:
  const Dataset& data_;
  const Plan& plan_;
  std::vector<char> in_area_;
  std::vector<int32_t> district_of_;
};

}  // namespace kc
