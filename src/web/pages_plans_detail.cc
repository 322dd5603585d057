// The plan page: the plan record, its annual plans, its targets with the value achieved and the
// rate of achievement — computed by the phase report (report/phase_report.h) from the current
// Dataset, so a project or an output recorded shows here on the next load — the form to set a
// target and the history of the plan and its targets.
#include <algorithm>
#include <tuple>

#include "audit/audit.h"
#include "core/vn_format.h"
#include "report/phase_report.h"
#include "report/report_phrases.h"
#include "schema/enums.h"
#include "schema/field_display.h"
#include "web/plan_pages.h"
#include "web/record_view.h"

namespace kc::web {

namespace {

const RecordKind& plans() { return kind("ke_hoach"); }
const RecordKind& targets() { return kind("muc_tieu"); }

// A field of the plan in its bundle text ("2016" for a year, "" when empty).
std::string field_text(const Row& row, std::string_view field) {
  return format_field(plans().field(field), row[static_cast<size_t>(plans().field_index(field))]);
}

// The plan's fields; the long text of directions is shown on its own below.
Data plan_fields(const Row& plan, const Dataset& data) {
  const RecordKind& k = plans();
  Data out = list();
  for (size_t i = 0; i < k.fields.size(); ++i) {
    const Field& f = k.fields[i];
    if (f.name == "phuong_huong") continue;
    Data d;
    d.set("label", field_label(f));
    std::string value = display_value(f, plan[i], data);
    std::string href = reference_link(f, plan[i]);
    if (f.name == "ke_hoach_cha" && !value.empty()) {
      int32_t parent = data.plan_index(value);
      href = plan_url(value);
      if (parent >= 0) value += " — " + data.plans[static_cast<size_t>(parent)].name;
    }
    if (f.name == "co_quan_bao_cao" && !value.empty()) {
      int32_t org = data.organisation_index(value);
      if (org >= 0) value += " — " + data.organisations[static_cast<size_t>(org)].name;
    }
    d.set("value", value);
    if (!href.empty()) d.set("href", href);
    out.push_back(d);
  }
  return out;
}

Data annual_plans(const Dataset& data, const std::string& code) {
  int32_t self = data.plan_index(code);
  std::vector<const Plan*> children;
  for (const Plan& p : data.plans)
    if (self >= 0 && p.parent == self) children.push_back(&p);
  std::sort(children.begin(), children.end(), [](const Plan* a, const Plan* b) {
    return std::tie(a->from_year, a->code) < std::tie(b->from_year, b->code);
  });
  Data out = list();
  for (const Plan* p : children) {
    Data d;
    d.set("code", p->code);
    d.set("name", p->name);
    d.set("href", plan_url(p->code));
    out.push_back(d);
  }
  return out;
}

std::string source_label(const std::string& source) {
  for (const EnumValue& v : enums::kIndicatorSource)
    if (v.code == source) return std::string(v.label);
  return source;
}

std::string target_note(const Dataset& data, const std::string& plan_code, int32_t indicator) {
  int32_t plan = data.plan_index(plan_code);
  for (const Target& t : data.targets)
    if (t.plan == plan && t.indicator == indicator) return t.note;
  return {};
}

// One row of the targets table, money in million đồng and rates rounded as the report prints
// them (IndicatorResult::percent_decimals).
Data target_row(const IndicatorResult& t, const Dataset& data, const std::string& plan_code, bool can_edit,
                const std::string& csrf) {
  bool money = t.money();
  auto amount = [&](int64_t v) { return money ? format_million_dong(v) : format_int(v); };
  Data d;
  d.set("code", t.code);
  d.set("name", t.name);
  d.set("unit", money ? std::string("triệu đồng") : t.unit);
  d.set("target", amount(*t.target));
  d.set("actual", amount(t.actual));
  d.set("source", source_label(t.source));
  d.set("note", target_note(data, plan_code, t.indicator));
  if (*t.target > 0) {
    d.set("percent", format_ratio_percent(t.actual, *t.target, t.percent_decimals()) + "%");
    d.set("meter", std::to_string(std::min<int64_t>(rounded_ratio(t.actual, *t.target, 2), 100)));  // whole percent
    if (t.actual >= *t.target) d.set("reached", true);
  } else {
    d.set("percent", std::string("–"));
  }
  if (can_edit) {
    d.set("can_edit", true);
    d.set("edit_href", plan_url(plan_code) + "?chi_tieu=" + t.code + "#dat-muc-tieu");
    d.set("remove_action", plan_url(plan_code) + "/chi-tieu/" + t.code + "/xoa");
    d.set("csrf", csrf);
  }
  return d;
}

// Indicators in the order the report presents them: by content, then the indicator's own order.
std::vector<std::pair<std::string, std::string>> indicator_choices(const Dataset& data) {
  std::vector<const Indicator*> all;
  for (const Indicator& i : data.indicators) all.push_back(&i);
  auto content_number = [&](const Indicator* i) {
    return i->content < 0 ? 0 : data.contents[static_cast<size_t>(i->content)].number;
  };
  std::stable_sort(all.begin(), all.end(), [&](const Indicator* a, const Indicator* b) {
    return std::make_tuple(content_number(a), a->order, a->code) < std::make_tuple(content_number(b), b->order, b->code);
  });
  std::vector<std::pair<std::string, std::string>> out;
  for (const Indicator* i : all) out.emplace_back(i->code, i->code + " — " + i->name + " (" + i->unit + ")");
  return out;
}

// The form to set a target: as typed after a refusal, or the current target named by
// `?chi_tieu=` (its "Sửa" link), or empty.
Data target_form(RequestContext& ctx, const Dataset& data, const std::string& plan_code, const TargetForm& form) {
  FormValues values = form.values;
  std::string asked = ctx.param("chi_tieu");
  if (values.empty() && !asked.empty()) {
    int32_t plan = data.plan_index(plan_code), indicator = data.indicator_index(asked);
    for (const Target& t : data.targets)
      if (t.plan == plan && indicator >= 0 && t.indicator == indicator)
        values = {{"chi_tieu", asked}, {"gia_tri", std::to_string(t.value)}, {"ghi_chu", t.note}};
  }
  auto value = [&](const char* name) {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  };
  const RecordKind& k = targets();
  Data fields = list();
  fields.push_back(choice_field(k.field("chi_tieu"), value("chi_tieu"), error_for(form.errors, "chi_tieu"),
                                indicator_choices(data), "(chọn chỉ tiêu)"));
  Data amount = form_field(k.field("gia_tri"), value("gia_tri"), error_for(form.errors, "gia_tri"), false);
  amount.set("hint", std::string("số nguyên; tiền tính bằng đồng"));
  fields.push_back(amount);
  fields.push_back(form_field(k.field("ghi_chu"), value("ghi_chu"), error_for(form.errors, "ghi_chu"), false));
  Data general = list();
  for (const auto& [name, message] : form.errors)
    if (name != "chi_tieu" && name != "gia_tri" && name != "ghi_chu") general.push_back(Data(message));
  Data d;
  d.set("fields", fields);
  d.set("general_errors", general);
  if (!form.errors.empty()) d.set("has_errors", true);
  d.set("action", plan_url(plan_code) + "/chi-tieu");
  d.set("csrf", ctx.csrf());
  return d;
}

std::string action_label(const std::string& action) {
  if (action == "tao") return "tạo";
  if (action == "sua") return "sửa";
  if (action == "xoa") return "xóa";
  return action;
}

// Changes of the plan and of its targets, newest first.
Data history(RequestContext& ctx, const std::string& code) {
  std::vector<AuditEntry> entries = audit_of(ctx.read_store(), "ke_hoach", code);
  std::string target_prefix = "ke_hoach=" + code + "|";
  for (AuditEntry& e : search_audit(ctx.read_store(), target_prefix, 1000))
    if (e.kind == "muc_tieu" && e.key.rfind(target_prefix, 0) == 0) entries.push_back(std::move(e));
  std::stable_sort(entries.begin(), entries.end(), [](const AuditEntry& a, const AuditEntry& b) { return a.time > b.time; });
  Data out = list();
  for (const AuditEntry& e : entries) {
    Data h = audit_entry_view(e);
    h.set("action", action_label(e.action));
    size_t indicator = e.key.find("chi_tieu=");
    h.set("what", indicator == std::string::npos ? std::string("kế hoạch") : "mục tiêu " + e.key.substr(indicator + 9));
    out.push_back(h);
  }
  return out;
}

}  // namespace

void plan_page(RequestContext& ctx, int status, const Row& plan, const TargetForm& form) {
  auto data = ctx.app.dataset();
  std::string code = field_text(plan, "ma");
  bool can_edit = may_edit_plans(ctx);
  Data d;
  d.set("code", code);
  d.set("url", plan_url(code));
  d.set("csrf", ctx.csrf());  // the dossier's form (a background job, pages_dossier.cc)
  d.set("name", field_text(plan, "ten"));
  d.set("fields", plan_fields(plan, *data));
  std::string directions = field_text(plan, "phuong_huong");
  d.set("directions", directions);
  if (!directions.empty()) d.set("has_directions", true);
  bool phase = field_text(plan, "loai") == "giai_doan";
  if (phase) {
    d.set("phase", true);
    d.set("annual_plans", annual_plans(*data, code));
  }
  std::string from = field_text(plan, "tu_nam"), to = field_text(plan, "den_nam");
  d.set("period", from == to ? "năm " + from : "giai đoạn " + period_text(std::stoi(from), std::stoi(to)));
  d.set("area", display_value(plans().field("dia_ban"), plan[static_cast<size_t>(plans().field_index("dia_ban"))], *data));

  PhaseReportResult result = compute_phase_report(*data, code);
  Data rows = list();
  if (result.report) {
    for (const IndicatorResult& t : result.report->targets) rows.push_back(target_row(t, *data, code, can_edit, ctx.csrf()));
  } else {
    d.set("not_loaded", true);  // a replica has not caught up with a plan just created
  }
  d.set("targets", rows);
  if (can_edit) {
    d.set("can_edit", true);
    d.set("target_form", target_form(ctx, *data, code, form));
  }
  d.set("history", history(ctx, code));
  ctx.page(status, "plan_detail", d, "Kế hoạch " + code);
}

}  // namespace kc::web
