// A project and the plans it belongs to. Membership follows the reports' rule (PlanScope): a
// plan covers a project when the plan's area contains the project's area (`dia_ban`) and its
// period the project's start year. Approval asks which annual plan the project enters (the one
// that fits preselected) and records it on the approval event; a project that no plan covers is
// flagged "Ngoài kế hoạch" on its page and in the list.
#pragma once

#include <string>
#include <vector>

#include "model/dataset.h"
#include "schema/value.h"
#include "web/templates.h"

namespace kc::web {

// The choice "approved outside the annual plans" of the approval form and the API.
inline constexpr const char* kNoAnnualPlan = "khong";

// The annual plans the project may be approved into.
std::vector<const Plan*> annual_plans_for(const Dataset& data, const Row& project);

// True when no plan (phase or annual) covers the project.
bool outside_every_plan(const Dataset& data, const Row& project);

// The plan to record at approval from what the caller chose ("" when not asked: the only plan
// that fits, or none when none fits), or the Vietnamese reason it cannot be.
struct ApprovalPlan {
  std::string plan;   // "" = approved outside the annual plans
  std::string error;  // refusal, for the field `ke_hoach`
};
ApprovalPlan approval_plan(const Dataset& data, const Row& project, const std::string& chosen);

// The approval form's choice: the fitting annual plans (the only one preselected), "none".
Data approval_plan_choice(const Dataset& data, const Row& project);

}  // namespace kc::web
