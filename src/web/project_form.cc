// The proposal form: what an officer fills in to register a need or propose a project, knowing
// no code — content, implementing unit and place chosen from lists or searched by name, years as
// choices, beneficiaries searched by name and ticked.
#include "core/clock.h"
#include "web/picker_fields.h"
#include "web/project_pages.h"
#include "web/record_view.h"
#include "web/reorganisation.h"

namespace kc::web {

namespace {

// Years a project may start or end in: the last ten and the next five.
std::vector<std::pair<std::string, std::string>> year_choices() {
  int now = today_in_vietnam().year;
  std::vector<std::pair<std::string, std::string>> out;
  for (int y = now + 5; y >= now - 10; --y) out.emplace_back(std::to_string(y), std::to_string(y));
  return out;
}

std::string value_in(const FormValues& values, const std::string& name) {
  auto v = values.find(name);
  return v == values.end() ? "" : v->second;
}

int year_in(const FormValues& values, const std::string& name, int fallback) {
  std::string v = value_in(values, name);
  return v.size() == 4 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) ? std::stoi(v) : fallback;
}

}  // namespace

void proposal_form(RequestContext& ctx, int status, const FormValues& values, const std::vector<std::string>& beneficiaries,
                   const FieldErrors& posted_errors, const std::optional<std::string>& editing, const std::string& base) {
  const RecordKind& k = kind("de_an");
  FieldErrors errors = posted_errors;
  name_successors(*ctx.app.dataset(), k, values, errors);
  auto error_of = [&](const std::string& name) {
    std::string out;
    for (const auto& [field, message] : errors)
      if (field == name) out += (out.empty() ? "" : "; ") + message;
    return out;
  };
  // References are offered as valid during the project's years (the current year for a new form).
  PickerQuery years;
  years.years_in_form = true;
  years.from_year = year_in(values, "nam_bat_dau", today_in_vietnam().year);
  years.to_year = std::max(years.from_year, year_in(values, "nam_ket_thuc", years.from_year));
  // What was typed in each picker's search box stays there, with its matches.
  auto search_of = [&](const std::string& name) { return ctx.param("tim_" + name); };

  // The years first: the lists below hold what is valid during them.
  static const std::vector<std::string> kShownOrder = {"ten", "nam_bat_dau", "nam_ket_thuc", "noi_dung", "cap_kinh_phi",
                                                       "don_vi_thuc_hien", "dia_ban", "kinh_phi_nsnn", "kinh_phi_doi_ung", "mo_ta"};
  Data fields = list();
  for (const std::string& name : kShownOrder) {
    const Field& f = k.field(name);
    std::string value = value_in(values, name), error = error_of(name);
    if (name == "noi_dung")
      fields.push_back(picker_field(ctx, f, PickerKind::Content, value, error, years, search_of(name)));
    else if (name == "don_vi_thuc_hien")
      fields.push_back(picker_field(ctx, f, PickerKind::Organisation, value, error, years, search_of(name)));
    else if (name == "dia_ban")
      fields.push_back(picker_field(ctx, f, PickerKind::Unit, value, error, years, search_of(name)));
    else if (name == "nam_bat_dau" || name == "nam_ket_thuc") {
      // Changing a year asks for the lists again (by itself with JavaScript; otherwise the button).
      Data year = choice_field(f, value, error, year_choices(), "(chọn năm)");
      year.set("refresh", true);
      if (name == "nam_ket_thuc") year.set("refresh_button", true);
      fields.push_back(year);
    }
    else
      fields.push_back(form_field(f, value, error, false));
  }
  Data general = list();
  for (const auto& [field, message] : errors) {
    bool shown = field == "co_so";
    for (const std::string& name : kProposalFields) shown = shown || field == name;
    if (!shown) general.push_back(Data(message));
  }
  Data d;
  d.set("fields", fields);
  d.set("beneficiaries", multi_picker_field(ctx, "co_so", "Cơ sở thụ hưởng", beneficiaries, error_of("co_so"), search_of("co_so")));
  d.set("csrf", ctx.csrf());
  if (ctx.has_role("dia_phuong"))
    d.set("area_notice", abolished_area_notice(*ctx.app.dataset(), ctx.user()->unit, today_in_vietnam()));
  d.set("general_errors", general);
  if (!errors.empty()) d.set("has_errors", true);
  if (editing) {
    d.set("editing", *editing);
    d.set("action", "/de-an/" + *editing);
    d.set("base", base);
  } else {
    d.set("action", "/de-an");
  }
  ctx.page(status, "project_form", d, editing ? "Sửa đề án" : "Đăng ký đề án");
}

}  // namespace kc::web
