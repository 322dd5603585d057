#include "web/picker_fields.h"

#include <algorithm>

#include "projects/proposals.h"
#include "schema/field_display.h"
#include "web/app.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

Data choice_data(const Choice& c, bool checked) {
  Data d;
  d.set("code", c.code);
  d.set("name", c.name);
  if (!c.detail.empty()) d.set("detail", c.detail);
  if (checked) d.set("checked", true);
  return d;
}

// What the user asked for: the kind's page ("/chon/co-so") and the parameters of a query.
PickerQuery query_of(RequestContext& ctx, PickerKind kind) {
  PickerQuery q;
  q.kind = kind;
  // htmx sends the search box itself (tim_<field>); other clients may send q.
  q.text = ctx.param("q");
  if (q.text.empty() && !ctx.param("ten").empty()) q.text = ctx.param("tim_" + ctx.param("ten"));
  auto year = [&](const char* name) {
    std::string v = ctx.param(name);
    return v.size() == 4 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) ? std::stoi(v) : 0;
  };
  q.from_year = year("nam_bat_dau");
  q.to_year = year("nam_ket_thuc");
  if (q.from_year == 0) {  // the plan form's years
    q.from_year = year("tu_nam");
    q.to_year = year("den_nam");
  }
  if (q.to_year < q.from_year) q.to_year = q.from_year;
  return q;
}

void fragment(RequestContext& ctx, PickerKind kind) {
  PickerQuery q = query_of(ctx, kind);
  PickerAnswer answer = find_choices(ctx, q);
  std::string field = ctx.param("ten");
  bool valid_name = !field.empty() && field.size() <= 40 &&
                    std::all_of(field.begin(), field.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
  Data d;
  Data choices = list();
  for (const Choice& c : answer.choices) choices.push_back(choice_data(c, false));
  d.set("choices", choices);
  d.set("field", valid_name ? field : picker_slug(kind));
  d.set(ctx.param("nhieu") == "1" ? "multiple" : "single", true);
  if (answer.more) d.set("more", true);
  if (q.text.empty()) d.set("no_text", true);
  ctx.res.status = 200;
  ctx.res.set_content(render_template("picker_results", d), "text/html; charset=utf-8");
}

void json_answer(RequestContext& ctx, PickerKind kind) {
  PickerAnswer answer = find_choices(ctx, query_of(ctx, kind));
  nlohmann::json items = nlohmann::json::array();
  for (const Choice& c : answer.choices) items.push_back({{"ma", c.code}, {"ten", c.name}, {"mo_ta", c.detail}});
  ctx.json(200, {{"lua_chon", items}, {"con_nua", answer.more}});
}

}  // namespace

Data picker_field(RequestContext& ctx, const Field& field, PickerKind kind, const std::string& value,
                  const std::string& error, const PickerQuery& years, const std::string& search) {
  Data d;
  d.set("name", std::string(field.name));
  d.set("field", std::string(field.name));  // inside the choices, "name" is the record's
  d.set("label", field_label(field));
  if (field.required) d.set("required", true);
  if (!error.empty()) d.set("error", error);
  PickerQuery all = years;
  all.kind = kind;
  all.text = "";
  all.limit = kSelectMaxChoices;
  PickerAnswer every = find_choices(ctx, all);
  if (!every.more) {
    Data options = list();
    Data none;
    none.set("code", "");
    none.set("label", "(chọn)");
    options.push_back(none);
    bool listed = value.empty();
    for (const Choice& c : every.choices) {
      Data o;
      o.set("code", c.code);
      o.set("label", c.detail.empty() ? c.name : c.name + " — " + c.detail);
      if (c.code == value) {
        o.set("selected", true);
        listed = true;
      }
      options.push_back(o);
    }
    if (!listed) {  // a value no longer among the choices stays visible, so nothing is lost silently
      Data o;
      o.set("code", value);
      o.set("label", value + " (không có trong danh sách được chọn)");
      o.set("selected", true);
      options.push_back(o);
    }
    d.set("select", true);
    d.set("options", options);
    return d;
  }
  d.set("picker", true);
  d.set("slug", picker_slug(kind));
  if (years.years_in_form)
    d.set("with_years", true);
  else if (years.from_year != 0)
    d.set("fixed_years", "&nam_bat_dau=" + std::to_string(years.from_year) +
                             "&nam_ket_thuc=" + std::to_string(std::max(years.from_year, years.to_year)));
  d.set("search", search);
  Data current = list();
  if (!value.empty()) {
    std::optional<Choice> c = chosen(ctx, kind, value);
    current.push_back(choice_data(c ? *c : Choice{value, value, "không có trong danh sách được chọn"}, true));
  }
  Data matches = list();
  if (!search.empty()) {
    PickerQuery q = years;
    q.kind = kind;
    q.text = search;
    for (const Choice& c : find_choices(ctx, q).choices)
      if (c.code != value) matches.push_back(choice_data(c, false));
    d.set("searched", true);
  }
  d.set("chosen", current);
  d.set("matches", matches);
  return d;
}

Data multi_picker_field(RequestContext& ctx, const std::string& name, const std::string& label,
                        const std::vector<std::string>& chosen_codes, const std::string& error, const std::string& search) {
  Data d;
  d.set("name", name);
  d.set("field", name);
  d.set("label", label);
  d.set("slug", picker_slug(PickerKind::Establishment));
  d.set("search", search);
  if (!error.empty()) d.set("error", error);
  Data current = list();
  for (const std::string& code : chosen_codes) {
    std::optional<Choice> c = chosen(ctx, PickerKind::Establishment, code);
    current.push_back(choice_data(c ? *c : Choice{code, code, "không thuộc phạm vi được chọn hoặc không có"}, true));
  }
  Data matches = list();
  if (!search.empty()) {
    PickerQuery q;
    q.kind = PickerKind::Establishment;
    q.text = search;
    for (const Choice& c : find_choices(ctx, q).choices)
      if (std::find(chosen_codes.begin(), chosen_codes.end(), c.code) == chosen_codes.end()) matches.push_back(choice_data(c, false));
    d.set("searched", true);
  }
  d.set("chosen", current);
  d.set("matches", matches);
  return d;
}

bool picker_search_asked(RequestContext& ctx) { return !ctx.param("_tim").empty(); }

std::vector<std::string> posted_codes(RequestContext& ctx, const std::string& name) {
  std::vector<std::string> out;
  size_t n = ctx.req.get_param_value_count(name.c_str());
  for (size_t i = 0; i < n; ++i)
    for (std::string& code : split_codes(ctx.req.get_param_value(name.c_str(), i)))
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
  return out;
}

void register_picker_routes(App& app) {
  // Signed-in users who write records; each gets only the choices of their own scope.
  for (bool api : {false, true}) {
    std::string path = std::string(api ? "/api" : "") + "/chon/([^/]+)";
    app.add({"GET", path, api ? "api_chon" : "chon", Access::any_user(), api, [api](RequestContext& ctx) {
               std::optional<PickerKind> kind = picker_kind(ctx.path(1));
               if (!kind) {
                 std::string slugs;
                 for (PickerKind k : kPickerKinds) slugs += (slugs.empty() ? "" : ", ") + picker_slug(k);
                 return ctx.error(404, "Không có danh sách chọn \"" + ctx.path(1) + "\"; các danh sách: " + slugs + ".");
               }
               if (api) json_answer(ctx, *kind);
               else fragment(ctx, *kind);
             }});
  }
}

}  // namespace kc::web
