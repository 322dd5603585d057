// Plans and targets in the workspace (docs/web-plans.md): the list of phase and annual plans,
// each annual plan under the phase plan it belongs to, and the registration of every plan route.
// The form, the plan page and the target changes are in pages_plans_*.cc.
#include <httplib.h>

#include <algorithm>

#include "report/report_phrases.h"
#include "web/pages.h"
#include "web/plan_pages.h"
#include "web/record_view.h"
#include "web/registries.h"

namespace kc::web {

const std::vector<std::string> kPlanEditors = {"so_cong_thuong", "trung_tam"};

bool may_edit_plans(const RequestContext& ctx) {
  const std::string* role = ctx.role();
  return role && std::find(kPlanEditors.begin(), kPlanEditors.end(), *role) != kPlanEditors.end();
}

std::string plan_url(const std::string& code) { return "/ke-hoach/" + httplib::detail::encode_query_param(code); }

std::optional<Row> requested_plan(RequestContext& ctx, const std::string& code) {
  std::optional<Row> row = find_record(ctx.store(), kind("ke_hoach"), code);
  if (!row) ctx.error(404, "Không tìm thấy kế hoạch mã \"" + code + "\".");
  return row;
}

std::string error_for(const FieldErrors& errors, std::string_view field) {
  std::string out;
  for (const auto& [name, message] : errors)
    if (name == field) out += (out.empty() ? "" : "; ") + message;
  return out;
}

namespace {

std::string plan_type_label(const std::string& type) {
  auto label = kind("ke_hoach").field("loai").enum_label(type);
  return label ? std::string(*label) : type;
}

Data plan_row(const Dataset& data, const Plan& p, const std::vector<size_t>& target_counts, size_t index) {
  Data d;
  d.set("code", p.code);
  d.set("href", plan_url(p.code));
  d.set("name", p.name);
  d.set("type", plan_type_label(p.type));
  d.set("period", p.from_year == p.to_year ? std::to_string(p.from_year) : period_text(p.from_year, p.to_year));
  d.set("area", data.unit_display_name(p.unit));
  if (p.parent >= 0) {
    const Plan& parent = data.plans[static_cast<size_t>(p.parent)];
    d.set("parent", parent.code);
    d.set("parent_href", plan_url(parent.code));
    d.set("child", true);
  }
  d.set("targets", std::to_string(target_counts[index]));
  return d;
}

// Phase plans (latest first), each followed by its annual plans in year order; then the plans
// that belong to no phase plan.
std::vector<size_t> list_order(const Dataset& data) {
  const std::vector<Plan>& plans = data.plans;
  auto by_period = [&](bool latest_first) {
    return [&, latest_first](size_t a, size_t b) {
      if (plans[a].from_year != plans[b].from_year)
        return latest_first ? plans[a].from_year > plans[b].from_year : plans[a].from_year < plans[b].from_year;
      return plans[a].code < plans[b].code;
    };
  };
  std::vector<size_t> roots, order;
  for (size_t i = 0; i < plans.size(); ++i)
    if (plans[i].parent < 0) roots.push_back(i);
  std::sort(roots.begin(), roots.end(), by_period(true));
  for (size_t root : roots) {
    order.push_back(root);
    std::vector<size_t> children;
    for (size_t i = 0; i < plans.size(); ++i)
      if (plans[i].parent == static_cast<int32_t>(root)) children.push_back(i);
    std::sort(children.begin(), children.end(), by_period(false));
    order.insert(order.end(), children.begin(), children.end());
  }
  return order;
}

void list_page(RequestContext& ctx) {
  auto data = ctx.app.dataset();
  std::vector<size_t> target_counts(data->plans.size(), 0);
  for (const Target& t : data->targets)
    if (t.plan >= 0) ++target_counts[static_cast<size_t>(t.plan)];
  Data rows = list();
  for (size_t i : list_order(*data)) rows.push_back(plan_row(*data, data->plans[i], target_counts, i));
  Data d;
  d.set("rows", rows);
  if (may_edit_plans(ctx)) d.set("can_edit", true);
  ctx.page(200, "plan_list", d, "Kế hoạch khuyến công");
}

}  // namespace

void register_plan_pages(App& app) {
  app.add({"GET", "/ke-hoach", "ke_hoach_danh_sach", Access::only(kStaffRoles), false, list_page});
  register_plan_form_pages(app);  // before the plan page: /ke-hoach/moi is not a plan code
  app.add({"GET", "/ke-hoach/([^/]+)", "ke_hoach_chi_tiet", Access::only(kStaffRoles), false, [](RequestContext& ctx) {
             if (std::optional<Row> plan = requested_plan(ctx, ctx.path(1))) plan_page(ctx, 200, *plan);
           }});
  register_plan_target_pages(app);
}

}  // namespace kc::web
