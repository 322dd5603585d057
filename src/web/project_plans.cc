#include "web/project_plans.h"

#include "report/plan_scope.h"
#include "schema/record_kind.h"

namespace kc::web {

namespace {

int32_t unit_of(const Dataset& data, const Row& project) {
  return data.unit_index(std::string(text_or_empty(project[static_cast<size_t>(kind("de_an").field_index("dia_ban"))])));
}

int start_year_of(const Row& project) {
  const Value& v = project[static_cast<size_t>(kind("de_an").field_index("nam_bat_dau"))];
  return is_null(v) ? 0 : static_cast<int>(as_int(v));
}

// "Kế hoạch khuyến công tỉnh Bắc Giang năm 2020 (bg-2020), …": people read names.
std::string names_of(const std::vector<const Plan*>& plans) {
  std::string out;
  for (const Plan* p : plans) out += (out.empty() ? "" : ", ") + p->name + " (" + p->code + ")";
  return out;
}

}  // namespace

std::vector<const Plan*> annual_plans_for(const Dataset& data, const Row& project) {
  return plans_covering(data, unit_of(data, project), start_year_of(project), "hang_nam");
}

bool outside_every_plan(const Dataset& data, const Row& project) {
  return plans_covering(data, unit_of(data, project), start_year_of(project)).empty();
}

ApprovalPlan approval_plan(const Dataset& data, const Row& project, const std::string& chosen) {
  std::vector<const Plan*> fits = annual_plans_for(data, project);
  std::string year = std::to_string(start_year_of(project));
  if (chosen == kNoAnnualPlan) return {};
  if (chosen.empty()) {
    if (fits.size() <= 1) return {fits.empty() ? "" : fits.front()->code, ""};
    return {"", "Hãy chọn kế hoạch hằng năm năm " + year + " mà đề án được phê duyệt vào (phù hợp: " + names_of(fits) + ")"};
  }
  for (const Plan* p : fits)
    if (p->code == chosen) return {chosen, ""};
  int32_t named = data.plan_index(chosen);
  std::string which = named < 0 ? "Kế hoạch \"" + chosen + "\"" : data.plans[static_cast<size_t>(named)].name + " (" + chosen + ")";
  return {"", which + " không phải kế hoạch hằng năm năm " + year + " có địa bàn chứa địa bàn của đề án" +
                  (fits.empty() ? "; không có kế hoạch nào như vậy" : "; các kế hoạch phù hợp: " + names_of(fits))};
}

Data approval_plan_choice(const Dataset& data, const Row& project) {
  std::vector<const Plan*> fits = annual_plans_for(data, project);
  Data options = list();
  auto option = [&options](const std::string& code, const std::string& label, bool selected) {
    Data o;
    o.set("code", code);
    o.set("label", label);
    if (selected) o.set("selected", true);
    options.push_back(o);
  };
  if (fits.size() > 1) option("", "(chọn kế hoạch)", true);
  for (const Plan* p : fits) option(p->code, p->name, fits.size() == 1);
  option(kNoAnnualPlan, "Không thuộc kế hoạch hằng năm nào", fits.empty());
  Data choice;
  choice.set("options", options);
  if (fits.empty())
    choice.set("note", "Chưa có kế hoạch hằng năm năm " + std::to_string(start_year_of(project)) +
                           " chứa địa bàn của đề án: đề án sẽ nằm ngoài kế hoạch hằng năm.");
  return choice;
}

}  // namespace kc::web
