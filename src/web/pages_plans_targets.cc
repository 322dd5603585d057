// Setting and removing a plan's targets. A target is keyed by its plan and indicator: setting
// one that exists changes its value; removing deletes it, the audit entry keeping it as it was.
// Both are checked and audited by records/record_editing.h.
#include "web/plan_pages.h"

namespace kc::web {

namespace {

const RecordKind& targets() { return kind("muc_tieu"); }

void set_target(RequestContext& ctx) {
  std::string code = ctx.path(1);
  std::optional<Row> plan = requested_plan(ctx, code);
  if (!plan) return;
  TargetForm form;
  form.values = {{"ke_hoach", code}, {"chi_tieu", ctx.param("chi_tieu")}, {"gia_tri", ctx.param("gia_tri")},
                 {"ghi_chu", ctx.param("ghi_chu")}};
  EditResult result = save_record(ctx.store(), targets(), form.values, ctx.user()->username);
  if (!result.ok()) {
    form.errors = result.errors;
    plan_page(ctx, 422, *plan, form);
    return;
  }
  ctx.app.changed("muc_tieu");
  ctx.redirect(plan_url(code) + "#muc-tieu");
}

void remove_target(RequestContext& ctx) {
  std::string code = ctx.path(1), indicator = ctx.path(2);
  if (!requested_plan(ctx, code)) return;
  const RecordKind& k = targets();
  Row key(k.fields.size());
  key[static_cast<size_t>(k.field_index("ke_hoach"))] = code;
  key[static_cast<size_t>(k.field_index("chi_tieu"))] = indicator;
  if (!delete_record(ctx.store(), k, key, ctx.user()->username)) {
    ctx.error(404, "Kế hoạch \"" + code + "\" không có mục tiêu cho chỉ tiêu \"" + indicator + "\".");
    return;
  }
  ctx.app.changed("muc_tieu");
  ctx.redirect(plan_url(code) + "#muc-tieu");
}

}  // namespace

void register_plan_target_pages(App& app) {
  Access edit = Access::only(kPlanEditors);
  app.add({"POST", "/ke-hoach/([^/]+)/chi-tieu", "ke_hoach_dat_muc_tieu", edit, false, set_target});
  app.add({"POST", "/ke-hoach/([^/]+)/chi-tieu/([^/]+)/xoa", "ke_hoach_xoa_muc_tieu", edit, false, remove_target});
}

}  // namespace kc::web
