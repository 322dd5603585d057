// Projects in the JSON API beyond the registry's list and detail: a proposal (POST /api/de-an),
// a lifecycle step (POST /api/de-an/{ma}/buoc) with the same roles, scope and checks as the
// project pages, and the aggregate the dashboards are built from (GET /api/tong-hop): count and
// money by content and funding level for a span of years, computed from the current records.
// Documents are attached on the project page (multipart upload), not through the API.
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

#include "core/clock.h"
#include "projects/lifecycle.h"
#include "projects/proposals.h"
#include "projects/step_dates.h"
#include "report/plan_scope.h"
#include "schema/enums.h"
#include "web/api_json.h"
#include "web/pages.h"
#include "web/project_pages.h"
#include "web/project_plans.h"
#include "web/reorganisation.h"
#include "web/request_context.h"
#include "web/write_scope.h"

namespace kc::web {

namespace {

// Members of a JSON object that must be strings; a wrong type is a field error.
std::string text_member(const nlohmann::json& body, const char* name, FieldErrors& errors) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  errors.emplace_back(name, std::string("\"") + name + "\" phải là một chuỗi ký tự");
  return "";
}

void refuse_unknown(RequestContext& ctx, const std::vector<std::string>& unknown, const std::string& allowed) {
  FieldErrors errors;
  for (const std::string& name : unknown) errors.emplace_back(name, "không nhận trường \"" + name + "\" ở đây; các trường được nhận: " + allowed);
  send_field_errors(ctx, errors);
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void send_project(RequestContext& ctx, int status, const std::string& code) {
  std::optional<Row> row = find_record(ctx.store(), kind("de_an"), code);
  if (status == 201) ctx.res.set_header("Location", "/api/de-an/" + code);
  send_json(ctx, status, {{"ban_ghi", record_to_json(kind("de_an"), *row)}, {"phien_ban", record_version(kind("de_an"), *row)}});
}

// {"ten": …, "noi_dung": …, …, "co_so": ["cs-0046"]}: a new project in "đăng ký nhu cầu".
void propose(RequestContext& ctx) {
  std::optional<nlohmann::json> body = json_object_body(ctx);
  if (!body) return;
  std::vector<std::string> unknown;
  for (const auto& [name, v] : body->items())
    if (name != "co_so" && std::find(kProposalFields.begin(), kProposalFields.end(), name) == kProposalFields.end())
      unknown.push_back(name);
  if (!unknown.empty()) return refuse_unknown(ctx, unknown, joined(kProposalFields) + ", co_so");
  nlohmann::json fields = *body;
  fields.erase("co_so");
  JsonRecordInput in = record_input_from_json(kind("de_an"), fields);
  std::vector<std::string> beneficiaries;
  if (auto it = body->find("co_so"); it != body->end() && !it->is_null()) {
    bool ok = it->is_array() && std::all_of(it->begin(), it->end(), [](const nlohmann::json& c) { return c.is_string(); });
    if (ok) beneficiaries = it->get<std::vector<std::string>>();
    else in.errors.emplace_back("co_so", "\"co_so\" phải là một mảng mã cơ sở, ví dụ [\"cs-0046\"]");
  }
  if (!in.errors.empty()) return send_field_errors(ctx, in.errors);
  FieldErrors scope = project_scope_problems(ctx, in.values, &beneficiaries);
  ProposalResult r = propose_project(ctx.store(), *ctx.user(), {in.values, beneficiaries, today_in_vietnam(), scope});
  if (!r.ok()) {
    name_successors(*ctx.app.dataset(), kind("de_an"), in.values, r.errors);  // as the proposal page does
    return send_field_errors(ctx, r.errors);
  }
  ctx.app.changed("de_an", r.project);
  send_project(ctx, 201, r.project);
}

// {"den_trang_thai": "tham_dinh", "ngay": "2026-11-28", "so_quyet_dinh": …, "ghi_chu": …,
//  "ket_qua": {"<indicator>": 12}}: one lifecycle step, as on the project page.
void step(RequestContext& ctx) {
  std::string code = ctx.path(1);
  std::optional<Row> p = changeable_project(ctx, code);
  if (!p) return;
  std::optional<nlohmann::json> body = json_object_body(ctx);
  if (!body) return;
  static const std::vector<std::string> kMembers = {"den_trang_thai", "ngay", "so_quyet_dinh", "ghi_chu", "ket_qua", "ke_hoach",
                                                     kOutsidePeriodConfirmation};
  std::vector<std::string> unknown;
  for (const auto& [name, v] : body->items())
    if (std::find(kMembers.begin(), kMembers.end(), name) == kMembers.end()) unknown.push_back(name);
  if (!unknown.empty()) return refuse_unknown(ctx, unknown, joined(kMembers));
  FieldErrors errors;
  StepRequest req;
  req.project = code;
  req.to = text_member(*body, "den_trang_thai", errors);
  req.decision = text_member(*body, "so_quyet_dinh", errors);
  req.comment = text_member(*body, "ghi_chu", errors);
  if (auto it = body->find(kOutsidePeriodConfirmation); it != body->end() && !it->is_null()) {
    if (!it->is_boolean())
      errors.emplace_back(kOutsidePeriodConfirmation, std::string("\"") + kOutsidePeriodConfirmation + "\" phải là true hoặc false");
    else
      req.outside_period_confirmed = it->get<bool>();
  }
  std::string day = text_member(*body, "ngay", errors);
  std::optional<Date> date = day.empty() ? today_in_vietnam() : parse_date(day);
  if (!date) errors.emplace_back("ngay", "ngày \"" + day + "\" không hợp lệ (yyyy-mm-dd hoặc dd/mm/yyyy)");
  else req.date = *date;
  if (auto it = body->find("ket_qua"); it != body->end() && !it->is_null()) {
    if (!it->is_object()) {
      errors.emplace_back("ket_qua", "\"ket_qua\" phải là một đối tượng {\"mã chỉ tiêu\": giá trị}");
    } else {
      for (const auto& [indicator, v] : it->items()) {
        if (!v.is_number_integer() || v.get<int64_t>() < 0)
          errors.emplace_back("ket_qua", "kết quả \"" + indicator + "\" phải là một số nguyên không âm");
        else
          req.outputs.emplace_back(indicator, v.get<int64_t>());
      }
    }
  }
  std::string plan = text_member(*body, "ke_hoach", errors);
  if (req.to == "phe_duyet") {
    ApprovalPlan chosen = approval_plan(*ctx.app.dataset(), *p, plan);
    if (!chosen.error.empty()) errors.emplace_back("ke_hoach", chosen.error);
    req.plan = chosen.plan;
  }
  if (!date) return send_field_errors(ctx, errors);
  // The step's own checks run too, so that every problem is reported at once.
  Transaction tx(ctx.store());
  StepResult r = take_step(ctx.store(), *ctx.user(), req);
  errors.insert(errors.end(), r.errors.begin(), r.errors.end());
  if (!errors.empty()) return send_field_errors(ctx, errors);  // rolls back
  tx.commit();
  ctx.app.changed("de_an", code);
  send_project(ctx, 200, code);
}

// The year bound of /api/tong-hop, or the default; false (and a 422) when it is not a year.
bool year_param(RequestContext& ctx, const char* name, int fallback, int& out) {
  std::string text = ctx.param(name);
  if (text.empty()) {
    out = fallback;
    return true;
  }
  bool digits = text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    send_field_errors(ctx, {{name, std::string("\"") + name + "\" phải là một năm bốn chữ số, ví dụ 2016 (nhận được \"" + text + "\")"}});
    return false;
  }
  out = std::stoi(text);
  return true;
}

// Count and money of the projects that count as implemented (in progress or later), started
// in [from, to], by content and funding level, with the totals.
OrderedJson aggregate_of(const Dataset& data, int from, int to) {
  const Projects& p = data.projects;
  struct Sum {
    int64_t count = 0, budget = 0, counterpart = 0;
  };
  std::map<std::pair<int16_t, int>, Sum> groups;
  Sum total;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.year_from[i] < from || p.year_from[i] > to || !status_counts_as_implemented(p.status[i])) continue;
    Sum& g = groups[{p.content[i], static_cast<int>(p.level[i])}];
    for (Sum* s : {&g, &total}) {
      ++s->count;
      s->budget += p.budget[i];
      s->counterpart += p.counterpart[i];
    }
  }
  OrderedJson rows = OrderedJson::array();
  for (const auto& [key, s] : groups) {
    const ContentItem& c = data.contents[static_cast<size_t>(key.first)];
    rows.push_back(OrderedJson{{"noi_dung", c.code},
                               {"ten_noi_dung", c.name},
                               {"cap_kinh_phi", std::string(enums::kFundingLevel[static_cast<size_t>(key.second)].code)},
                               {"so_de_an", s.count},
                               {"kinh_phi_nsnn", s.budget},
                               {"kinh_phi_doi_ung", s.counterpart}});
  }
  return {{"tu_nam", from == 0 ? OrderedJson(nullptr) : OrderedJson(from)},
          {"den_nam", to == 9999 ? OrderedJson(nullptr) : OrderedJson(to)},
          {"nhom", rows},
          {"tong", {{"so_de_an", total.count}, {"kinh_phi_nsnn", total.budget}, {"kinh_phi_doi_ung", total.counterpart}}}};
}

// Answers computed for the current Dataset, by period: the scan over every project is done once
// per period until a change replaces the Dataset (which then shows in the next answer).
class AggregateCache {
 public:
  std::string body(const std::shared_ptr<const Dataset>& data, int from, int to) {
    {
      // Readers share the lock: with more threads than cores, one preempted while holding an
      // exclusive lock stalled every other answer (p99 in the hundreds of ms under wrk).
      std::shared_lock lock(mutex_);
      if (owner_.lock() == data)
        if (auto it = bodies_.find({from, to}); it != bodies_.end()) return it->second;
    }
    std::unique_lock lock(mutex_);
    if (owner_.lock() != data) {
      bodies_.clear();
      owner_ = data;
    }
    if (bodies_.size() >= 256) bodies_.clear();  // many distinct periods: start over
    auto [it, fresh] = bodies_.try_emplace({from, to});
    if (fresh) it->second = aggregate_of(*data, from, to).dump();
    return it->second;
  }

 private:
  std::shared_mutex mutex_;
  std::weak_ptr<const Dataset> owner_;
  std::map<std::pair<int, int>, std::string> bodies_;
};

void aggregate(RequestContext& ctx) {
  int from = 0, to = 0;
  if (!year_param(ctx, "tu_nam", 0, from) || !year_param(ctx, "den_nam", 9999, to)) return;
  if (from > to) return send_field_errors(ctx, {{"den_nam", "\"den_nam\" phải từ \"tu_nam\" trở đi"}});
  static AggregateCache cache;
  ctx.res.set_header("Cache-Control", "private, no-cache");
  ctx.res.status = 200;
  ctx.res.set_content(cache.body(ctx.app.dataset(), from, to), "application/json; charset=utf-8");
}

}  // namespace

void register_project_api(App& app) {
  app.add({"POST", "/api/de-an", "de_an_api_tao", Access::only(kProposers), true, propose});
  app.add({"POST", "/api/de-an/([^/]+)/buoc", "de_an_api_buoc", Access::only(kProposers), true, step});
  app.add({"GET", "/api/tong-hop", "api_tong_hop", Access::only(kStaffRoles), true, aggregate});
}

}  // namespace kc::web
