#include "web/record_view.h"

#include <httplib.h>

#include "audit/audit_words.h"
#include "audit/local_time.h"
#include "core/date.h"
#include "core/vn_format.h"
#include "schema/field_display.h"
#include "web/money_preview.h"
#include "text/normalize.h"
#include "web/registries.h"

namespace kc::web {

std::string display_value(const Field& f, const Value& v, const Dataset& data) {
  if (f.type == FieldType::Ref && f.ref_kind == "don_vi_hanh_chinh" && !is_null(v)) {
    int32_t u = data.unit_index(as_text(v));
    if (u >= 0) return data.unit_display_name(u);
  }
  return display_field_value(f, v, "đ");
}

std::string reference_link(const Field& f, const Value& v) {
  if (f.type != FieldType::Ref || is_null(v)) return "";
  const Registry* r = registry_for_kind(f.ref_kind);
  if (!r) return "";
  return "/" + r->slug + "/" + httplib::detail::encode_query_param(as_text(v));
}

Data select_options(const std::string& value, const std::vector<std::pair<std::string, std::string>>& choices) {
  Data options = list();
  bool listed = false;
  auto option = [&](const std::string& code, const std::string& label) {
    Data o;
    o.set("code", code);
    o.set("label", label);
    if (code == value) o.set("selected", true);
    options.push_back(o);
  };
  for (const auto& [code, label] : choices) {
    option(code, label);
    listed = listed || code == value;
  }
  if (!listed && !value.empty()) option(value, value);  // keep what was typed, even if unknown
  return options;
}

Data choice_field(const Field& field, const std::string& value, const std::string& error,
                  const std::vector<std::pair<std::string, std::string>>& choices, const std::string& none) {
  Data d = form_field(field, value, error, false);
  std::vector<std::pair<std::string, std::string>> all = {{"", none}};
  all.insert(all.end(), choices.begin(), choices.end());
  d.set("input", false);
  d.set("select", true);
  d.set("options", select_options(value, all));
  return d;
}

namespace {

// A money value as the form shows it: stored digits grouped the Vietnamese way ("550.000.000"),
// anything else (what was typed and refused) as typed.
std::string money_form_value(const std::string& value) {
  if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos) return value;
  return format_int(std::stoll(value));
}

// A date as the form shows it: dd/mm/yyyy ("15/7/2015"); what cannot be read stays as typed.
std::string date_form_value(const std::string& value) {
  auto d = parse_date(value);
  return d ? to_vn(*d) : value;
}

}  // namespace

Data form_field(const Field& f, const std::string& value, const std::string& error, bool read_only) {
  Data d;
  d.set("name", std::string(f.name));
  d.set("label", field_label(f));
  d.set("value", value);
  if (f.required) d.set("required", true);
  if (read_only) d.set("read_only", true);
  if (!error.empty()) d.set("error", error);
  if (f.type == FieldType::Enum || f.type == FieldType::Bool) {
    std::vector<std::pair<std::string, std::string>> choices;
    if (!f.required) choices.emplace_back("", "(không chọn)");
    if (f.type == FieldType::Bool) {
      choices.emplace_back("1", "có");
      choices.emplace_back("0", "không");
    } else {
      for (const EnumValue& e : f.enum_values) choices.emplace_back(std::string(e.code), std::string(e.label));
    }
    d.set("select", true);
    d.set("options", select_options(value, choices));
  } else if (f.type == FieldType::Text && (f.name == "mo_ta" || f.name == "phuong_huong" || f.name == "trich_yeu" ||
                                           f.name == "ghi_chu")) {
    d.set("textarea", true);
  } else {
    d.set("input", true);
    if (f.type == FieldType::Date) {
      d.set("date", true);
      d.set("value", date_form_value(value));
      d.set("hint", "dd/mm/yyyy");
    }
    if (f.type == FieldType::Money) {
      d.set("money", true);
      d.set("value", money_form_value(value));
      d.set("hint", "ví dụ 150.000.000 hoặc 150 triệu");
      // Shown until the live preview replaces it; without JavaScript, after each submit.
      if (error.empty()) d.set("preview", money_preview(value).text);
    }
    if (f.type == FieldType::Ref) d.set("hint", "mã " + std::string(kc::kind(f.ref_kind).label));
    // The input is described by its preview (money) and its error, when it has them.
    std::string described = f.type == FieldType::Money ? "p_" + std::string(f.name) : "";
    if (!error.empty()) described += (described.empty() ? "e_" : " e_") + std::string(f.name);
    if (!described.empty()) d.set("describedby", described);
  }
  return d;
}

Data audit_entry_view(const AuditEntry& e, const Dataset* data) {
  // A value of the trail as a reader sees it; one that did not parse back stays as its text.
  auto shown = [&](const Field& f, const Value& v) -> std::string {
    if (is_null(v)) return "(trống)";
    if (std::holds_alternative<int64_t>(v) != stored_as_integer(f.type)) return std::string(text_or_empty(v));
    return data ? display_value(f, v, *data) : display_field_value(f, v, "đ");
  };
  Data d;
  d.set("time", local_time_text(e.time));
  if (e.time.size() >= 19) d.set("datetime", e.time.substr(0, 10) + "T" + e.time.substr(11, 8) + "Z");
  d.set("user", e.user);
  d.set("action", audit_action_label(e.action));
  d.set("action_code", e.action);
  const RecordKind* k = audit_kind(e.kind);
  d.set("kind", k ? upper_first_vi(k->label) : e.kind);
  d.set("kind_code", e.kind);
  d.set("key", e.key);
  if (k && k->single_key() && !e.key.empty()) {
    // Registries (projects among them) have their slug; plans and accounts their own pages.
    std::string slug = k->name == "ke_hoach" ? "ke-hoach" : k->name == "nguoi_dung" ? "quan-tri/tai-khoan" : "";
    if (const Registry* r = registry_for_kind(k->name)) slug = r->slug;
    if (!slug.empty()) d.set("link", "/" + slug + "/" + httplib::detail::encode_query_param(e.key));
  }
  d.set("note", e.note);
  Data changes = list();
  std::string before, after;  // one line each, for history tables that show the two sides
  for (const FieldChange& c : audit_changes(e)) {
    std::string label = upper_first_vi(c.field->label);
    Data x;
    x.set("label", label);
    x.set("before", shown(*c.field, c.before));
    x.set("after", shown(*c.field, c.after));
    if (!e.before.empty()) x.set("has_before", true);
    if (!e.after.empty()) x.set("has_after", true);
    changes.push_back(x);
    if (!e.before.empty()) before += (before.empty() ? "" : "; ") + label + ": " + shown(*c.field, c.before);
    if (!e.after.empty()) after += (after.empty() ? "" : "; ") + label + ": " + shown(*c.field, c.after);
  }
  d.set("has_changes", !before.empty() || !after.empty());
  d.set("changes", changes);
  d.set("before", before);
  d.set("after", after);
  return d;
}

Data phase_plan_options(const Dataset& data, const Plan* selected) {
  Data plans = list();
  for (const Plan& p : data.plans) {
    if (p.type != "giai_doan") continue;
    Data o;
    o.set("code", p.code);
    o.set("name", p.name);
    if (&p == selected) o.set("selected", true);
    plans.push_back(o);
  }
  return plans;
}

}  // namespace kc::web
