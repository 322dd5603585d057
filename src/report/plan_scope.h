// Which records a plan's report covers: units in the plan's area (the plan's unit and all
// units under it) and the projects that count for the plan — started in the plan's period,
// located in its area, in a status from "đang thực hiện" onward (in progress, accepted,
// settled, post-audited). Proposals, rejected and cancelled projects do not count.
// Over a period of days (a half-year, from–to dates; report/report_period.h) a project counts
// when its approval date lies in it, and its outputs when its acceptance date does.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/dataset.h"

namespace kc {

bool status_counts_as_implemented(const std::string& status);
// Approved ("phê duyệt") or any later status: a project of the plan, started or not.
bool status_counts_as_approved(const std::string& status);

// The plans of `type` ("" = any) a project located in `unit` and starting in `year` belongs to:
// the same rule as PlanScope (the plan's area contains the unit, its period the year). A
// project that no plan covers is "outside every plan".
std::vector<const Plan*> plans_covering(const Dataset& data, int32_t unit, int year, std::string_view type = {});

class PlanScope {
 public:
  // `days`: a period of days within the plan's years (both ends set), or none for whole years.
  PlanScope(const Dataset& data, const Plan& plan, std::optional<DateRange> days = std::nullopt);

  bool unit_in_area(int32_t unit) const { return unit >= 0 && in_area_[static_cast<size_t>(unit)]; }
  // The district-level unit a unit lies in (itself when it is one), or -1.
  int32_t district_of(int32_t unit) const { return unit < 0 ? -1 : district_of_[static_cast<size_t>(unit)]; }
  bool year_in_period(int year) const { return year >= plan_.from_year && year <= plan_.to_year; }
  bool project_counts(size_t project) const;
  // Whether the project's outputs count: the project counts (whole years), or, over a period of
  // days, it is of the area and an implemented status and was accepted within the period.
  bool outputs_count(size_t project) const;
  bool by_days() const { return days_.has_value(); }
  // Whether a Date::ordinal() (0: not recorded) lies within the period of days.
  bool day_in_period(int32_t ordinal) const {
    return ordinal != 0 && ordinal >= days_->from.ordinal() && ordinal <= days_->to->ordinal();
  }

  const Plan& plan() const { return plan_; }
  Date period_start() const { return days_ ? days_->from : Date::first_of_year(plan_.from_year); }
  Date period_end() const { return days_ ? *days_->to : Date::last_of_year(plan_.to_year); }

 private:
  const Dataset& data_;
  const Plan& plan_;
  std::optional<DateRange> days_;
  std::vector<char> in_area_;
  std::vector<int32_t> district_of_;
};

}  // namespace kc
