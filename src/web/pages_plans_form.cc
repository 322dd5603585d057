// Creating and editing a plan: every field of the plan record, checked with the import's rules
// (record_editing.h), errors in Vietnamese beside their fields; an edit carries the version it
// started from, so a concurrent change is shown instead of being overwritten.
#include <nlohmann/json.hpp>

#include "schema/record_key.h"
#include "web/form_edit.h"
#include "web/picker_fields.h"
#include "web/plan_pages.h"
#include "web/record_view.h"
#include "web/reorganisation.h"

namespace kc::web {

namespace {

const RecordKind& plans() { return kind("ke_hoach"); }

// The parent plan as a choice among the phase plans, the plan itself excluded.
Data parent_field(const Dataset& data, const Field& f, const std::string& value, const std::string& error,
                  const std::string& own_code) {
  std::vector<std::pair<std::string, std::string>> phases;
  for (const Plan& p : data.plans)
    if (p.type == "giai_doan" && p.code != own_code) phases.emplace_back(p.code, p.code + " — " + p.name);
  return choice_field(f, value, error, phases, "(không thuộc kế hoạch giai đoạn nào)");
}

// The plan's years as typed, for what its pickers offer (units and bodies valid then, documents
// issued by their end); any years when they are not (yet) two years in order.
PickerQuery plan_years(const FormValues& values) {
  auto year = [&](const char* name) {
    auto v = values.find(name);
    bool ok = v != values.end() && v->second.size() == 4 &&
              std::all_of(v->second.begin(), v->second.end(), [](char c) { return c >= '0' && c <= '9'; });
    return ok ? std::stoi(v->second) : 0;
  };
  PickerQuery q;
  q.from_year = year("tu_nam");
  q.to_year = year("den_nam");
  if (q.from_year == 0 || q.to_year < q.from_year) q = PickerQuery{};
  q.years_in_form = true;  // the form's tu_nam, den_nam
  return q;
}

// The create or edit form; `values` as typed (or loaded). `base`: when editing, the version
// (field values as JSON) the edit started from; "" loads the current one.
void form_page(RequestContext& ctx, int status, const FormValues& values, const FieldErrors& errors,
               const std::optional<std::string>& editing, const std::string& notice = {}, std::string base = {}) {
  const RecordKind& k = plans();
  auto data = ctx.app.dataset();
  Data fields = list();
  for (const Field& f : k.fields) {
    auto v = values.find(std::string(f.name));
    std::string value = v == values.end() ? "" : v->second;
    std::string error = error_for(errors, f.name);
    std::optional<PickerKind> picker = f.type == FieldType::Ref ? picker_kind_for(f.ref_kind) : std::nullopt;
    if (f.name == "ke_hoach_cha")
      fields.push_back(parent_field(*data, f, value, error, editing.value_or("")));
    else if (picker)  // area, approving decision, reporting body: chosen by name (web/picker_fields.h)
      fields.push_back(picker_field(ctx, f, *picker, value, error, plan_years(values), ctx.param("tim_" + std::string(f.name))));
    else
      fields.push_back(form_field(f, value, error, editing && f.name == "ma"));
  }
  Data general = list();
  for (const auto& [name, message] : errors)
    if (k.field_index(name) < 0) general.push_back(Data(message));
  Data d;
  d.set("title", std::string("Kế hoạch khuyến công"));
  d.set("slug", std::string("ke-hoach"));
  d.set("fields", fields);
  d.set("csrf", ctx.csrf());
  d.set("general_errors", general);
  if (!errors.empty()) d.set("has_errors", true);
  if (!notice.empty()) d.set("notice", notice);
  if (editing) {
    d.set("editing", true);
    d.set("key", *editing);
    d.set("action", plan_url(*editing));
    if (base.empty()) {
      if (auto current = find_record(ctx.store(), k, *editing)) base = nlohmann::json(form_values_of(k, *current)).dump();
    }
    d.set("base", base);
  } else {
    d.set("action", std::string("/ke-hoach"));
  }
  ctx.page(status, "registry_form", d, editing ? "Sửa kế hoạch " + *editing : "Lập kế hoạch khuyến công");
}

FormValues posted_values(RequestContext& ctx) {
  FormValues v;
  for (const Field& f : plans().fields) v[std::string(f.name)] = ctx.param(std::string(f.name));
  return v;
}

// A new plan; `?ke_hoach_cha=<phase plan>` starts an annual plan of that phase plan in its area.
void new_form(RequestContext& ctx) {
  FormValues v;
  auto data = ctx.app.dataset();
  int32_t parent = data->plan_index(ctx.param("ke_hoach_cha"));
  if (parent >= 0 && data->plans[static_cast<size_t>(parent)].type == "giai_doan") {
    const Plan& p = data->plans[static_cast<size_t>(parent)];
    v["ke_hoach_cha"] = p.code;
    v["loai"] = "hang_nam";
    if (p.unit >= 0) v["dia_ban"] = data->units[static_cast<size_t>(p.unit)].code;
    if (p.reporting_org >= 0) v["co_quan_bao_cao"] = data->organisations[static_cast<size_t>(p.reporting_org)].code;
  }
  form_page(ctx, 200, v, {}, std::nullopt);
}

void create(RequestContext& ctx) {
  FormValues values = posted_values(ctx);
  if (picker_search_asked(ctx)) return form_page(ctx, 200, values, {}, std::nullopt);  // a picker's "Tìm": nothing saved
  EditResult result = create_record(ctx.store(), plans(), values, ctx.user()->username);
  if (!result.ok()) {
    name_successors(*ctx.app.dataset(), plans(), values, result.errors);
    form_page(ctx, 422, values, result.errors, std::nullopt);
    return;
  }
  ctx.app.changed("ke_hoach");
  ctx.redirect(plan_url(record_key_text(plans(), *result.saved)));
}

void edit_form(RequestContext& ctx) {
  if (std::optional<Row> plan = requested_plan(ctx, ctx.path(1)))
    form_page(ctx, 200, form_values_of(plans(), *plan), {}, ctx.path(1));
}

void update(RequestContext& ctx) {
  const RecordKind& k = plans();
  std::string code = ctx.path(1);
  if (!requested_plan(ctx, code)) return;
  FormValues values = posted_values(ctx);
  if (picker_search_asked(ctx)) return form_page(ctx, 200, values, {}, code, {}, ctx.param("_goc"));
  std::optional<EditResult> saved =
      save_form_edit(ctx, k, code, values, "kế hoạch", [&](const std::string& message, const std::string& base) {
        form_page(ctx, 409, values, {}, code, message, base);
      });
  if (!saved) return;
  EditResult& result = *saved;
  if (!result.ok()) {
    name_successors(*ctx.app.dataset(), k, values, result.errors);
    form_page(ctx, 422, values, result.errors, code, {}, ctx.param("_goc"));
    return;
  }
  ctx.app.changed("ke_hoach");
  ctx.redirect(plan_url(code));
}

}  // namespace

void register_plan_form_pages(App& app) {
  Access edit = Access::only(kPlanEditors);
  app.add({"GET", "/ke-hoach/moi", "ke_hoach_them", edit, false, new_form});
  app.add({"POST", "/ke-hoach", "ke_hoach_tao", edit, false, create});
  app.add({"GET", "/ke-hoach/([^/]+)/sua", "ke_hoach_sua", edit, false, edit_form});
  app.add({"POST", "/ke-hoach/([^/]+)", "ke_hoach_cap_nhat", edit, false, update});
}

}  // namespace kc::web
