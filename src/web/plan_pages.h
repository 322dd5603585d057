// Shared by the plan pages: the list (pages_plans.cc), the plan form (pages_plans_form.cc), the
// plan page with its targets and their achievement (pages_plans_detail.cc) and the target
// changes (pages_plans_targets.cc).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "records/record_editing.h"
#include "web/app.h"
#include "web/request_context.h"

namespace kc::web {

// Who may create and change plans and their targets. Staff read them; the administrator
// manages accounts, not plans (as with projects).
extern const std::vector<std::string> kPlanEditors;
bool may_edit_plans(const RequestContext& ctx);

// "/ke-hoach/<code>" with the code encoded for a URL.
std::string plan_url(const std::string& code);

// The plan named in the URL; otherwise answers 404 and returns nullopt.
std::optional<Row> requested_plan(RequestContext& ctx, const std::string& code);

// The messages of `errors` about `field`, joined.
std::string error_for(const FieldErrors& errors, std::string_view field);

// What the target form holds when the page is shown again after a refused change.
struct TargetForm {
  FormValues values;   // chi_tieu, gia_tri, ghi_chu as typed
  FieldErrors errors;  // beside their fields
};

// The plan page: the plan, its targets with the achieved value and rate (computed by the phase
// report), the target form and the history of the plan and its targets.
void plan_page(RequestContext& ctx, int status, const Row& plan, const TargetForm& form = {});

void register_plan_form_pages(App& app);    // new, create, edit, update (pages_plans_form.cc)
void register_plan_target_pages(App& app);  // set and remove targets (pages_plans_targets.cc)

}  // namespace kc::web
