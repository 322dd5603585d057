// Projects in the workspace: the list (public: approved projects only), registering needs and
// proposals, the project page with its full history (steps, documents, amendments, audit), and
// edits while the project is still a proposal. The lifecycle steps themselves are in
// pages_project_steps.cc.
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/date.h"
#include "core/vn_format.h"
#include "projects/amendments.h"
#include "projects/documents.h"
#include "projects/lifecycle.h"
#include "projects/proposals.h"
#include "records/record_editing.h"
#include "schema/record_key.h"
#include "web/pages.h"
#include "web/project_pages.h"
#include "web/record_view.h"
#include "web/registry_pages.h"
#include "web/request_context.h"

namespace kc::web {

const std::vector<std::string> kProposers = {"so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};
const std::vector<std::string> kProposalFields = {"ten", "noi_dung", "cap_kinh_phi", "nam_bat_dau", "nam_ket_thuc",
                                                  "don_vi_thuc_hien", "dia_ban", "kinh_phi_nsnn", "kinh_phi_doi_ung", "mo_ta"};

namespace {

const std::vector<std::string> kEditableStatuses = {"dang_ky_nhu_cau", "de_xuat"};
bool directly_editable(const std::string& status) {
  return std::find(kEditableStatuses.begin(), kEditableStatuses.end(), status) != kEditableStatuses.end();
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ",") {
    if (c == ',' || c == '\n' || c == ';') {
      size_t a = cur.find_first_not_of(" \r\t"), b = cur.find_last_not_of(" \r\t");
      if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

// `base`: when editing, the version (field values as JSON) the edit started from.
void proposal_form(RequestContext& ctx, int status, const FormValues& values, const std::string& beneficiaries,
                   const FieldErrors& errors, const std::optional<std::string>& editing, const std::string& base = {}) {
  const RecordKind& k = kind("de_an");
  Data fields = list();
  for (const std::string& name : kProposalFields) {
    std::string error;
    for (const auto& [field, message] : errors)
      if (field == name) error = message;
    auto v = values.find(name);
    fields.push_back(form_field(k.field(name), v == values.end() ? "" : v->second, error, false));
  }
  Data general = list();
  std::string beneficiary_error;
  for (const auto& [field, message] : errors) {
    if (field == "co_so") beneficiary_error += (beneficiary_error.empty() ? "" : "; ") + message;
    bool shown = field == "co_so";
    for (const std::string& name : kProposalFields) shown = shown || field == name;
    if (!shown) general.push_back(Data(message));
  }
  Data d;
  d.set("fields", fields);
  d.set("beneficiaries", beneficiaries);
  if (!beneficiary_error.empty()) d.set("beneficiary_error", beneficiary_error);
  d.set("csrf", ctx.csrf());
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

FormValues posted(RequestContext& ctx) {
  FormValues v;
  for (const std::string& name : kProposalFields) v[name] = ctx.param(name);
  return v;
}

void create(RequestContext& ctx) {
  ProjectProposal p{posted(ctx), split_list(ctx.param("co_so")), today_utc()};
  auto data = ctx.app.dataset();
  std::vector<std::string> area = ctx.user()->unit.empty() ? std::vector<std::string>{} : units_within(*data, ctx.user()->unit);
  ProposalResult r = propose_project(ctx.store(), *ctx.user(), p, area);
  if (!r.ok()) {
    proposal_form(ctx, 422, p.values, ctx.param("co_so"), r.errors, std::nullopt);
    return;
  }
  ctx.app.changed();
  ctx.redirect("/de-an/" + r.project);
}

}  // namespace

const Registry& project_registry() { return *registry_for_kind("de_an"); }

std::optional<Row> visible_project(RequestContext& ctx, const std::string& code) {
  return visible_record(ctx, project_registry(), code);
}

bool may_change_project(RequestContext& ctx, const Row& project) {
  if (!ctx.user()) return false;
  const User& u = *ctx.user();
  if (u.role == "quan_tri") return false;  // administrators manage accounts, not projects
  return caller_in_scope(ctx, project_registry(), project, &ctx.read_store());
}

std::optional<Row> changeable_project(RequestContext& ctx, const std::string& code) {
  std::optional<Row> p = visible_project(ctx, code);
  if (p && !may_change_project(ctx, *p)) {
    ctx.error(403, "Đề án này nằm ngoài phạm vi bạn được phép thay đổi.");
    return std::nullopt;
  }
  return p;
}

void register_project_pages(App& app) {
  Access read = Access::public_access();
  Access propose = Access::only(kProposers);
  app.add({"GET", "/(de-an)", "de_an_danh_sach", read, false, [](RequestContext& ctx) {
             bool can_propose = ctx.role() && std::find(kProposers.begin(), kProposers.end(), *ctx.role()) != kProposers.end();
             registry_list_page(ctx, project_registry(), can_propose ? "/de-an/moi" : "", "Đăng ký đề án");
           }});
  app.add({"GET", "/(de-an)/moi", "de_an_them", propose, false, [](RequestContext& ctx) {
             FormValues v;
             if (ctx.has_role("dia_phuong")) v["dia_ban"] = ctx.user()->unit;
             proposal_form(ctx, 200, v, ctx.has_role("co_so") ? ctx.user()->establishment : "", {}, std::nullopt);
           }});
  app.add({"POST", "/(de-an)", "de_an_tao", propose, false, create});
  app.add({"GET", "/(de-an)/([^/]+)", "de_an_chi_tiet", read, false, project_page});
  app.add({"GET", "/(de-an)/([^/]+)/sua", "de_an_sua", propose, false, [](RequestContext& ctx) {
             std::optional<Row> p = visible_project(ctx, ctx.path(2));
             if (!p) return;
             std::string status = as_text((*p)[static_cast<size_t>(kind("de_an").field_index("trang_thai"))]);
             if (!may_change_project(ctx, *p)) {
               ctx.error(403, "Đề án này nằm ngoài phạm vi bạn được phép thay đổi.");
               return;
             }
             if (!directly_editable(status)) {
               ctx.error(409, "Chỉ sửa trực tiếp được đề án đang ở bước đăng ký nhu cầu hoặc đề xuất; sau khi phê duyệt, mọi thay đổi là một đề nghị điều chỉnh.");
               return;
             }
             std::string beneficiaries;
             for (const std::string& c : beneficiaries_of(ctx.read_store(), ctx.path(2))) beneficiaries += (beneficiaries.empty() ? "" : ", ") + c;
             FormValues v = form_values_of(kind("de_an"), *p);
             proposal_form(ctx, 200, v, beneficiaries, {}, ctx.path(2), nlohmann::json(v).dump());
           }});
  app.add({"POST", "/(de-an)/([^/]+)", "de_an_cap_nhat", propose, false, [](RequestContext& ctx) {
             std::string code = ctx.path(2);
             std::optional<Row> p = visible_project(ctx, code);
             if (!p) return;
             const RecordKind& k = kind("de_an");
             std::string status = as_text((*p)[static_cast<size_t>(k.field_index("trang_thai"))]);
             if (!may_change_project(ctx, *p)) {
               ctx.error(403, "Đề án này nằm ngoài phạm vi bạn được phép thay đổi.");
               return;
             }
             if (!directly_editable(status)) {
               ctx.error(409, "Đề án này không còn sửa trực tiếp được; hãy đề nghị điều chỉnh.");
               return;
             }
             FormValues values = form_values_of(k, *p);
             for (const std::string& name : kProposalFields) values[name] = ctx.param(name);
             EditBase base;
             try {
               base.values = nlohmann::json::parse(ctx.param("_goc")).get<FormValues>();
             } catch (const std::exception&) {
               ctx.error(400, "Biểu mẫu thiếu phiên bản gốc của đề án; hãy mở lại trang sửa.");
               return;
             }
             Transaction tx(ctx.store());
             EditResult r = update_record(ctx.store(), k, code, values, base, ctx.user()->username);
             if (r.conflict) {
               proposal_form(ctx, 409, values, ctx.param("co_so"),
                             {{"", "Đề án vừa được người khác thay đổi; nội dung bạn nhập vẫn ở đây — hãy xem lại rồi lưu lần nữa."}},
                             code, nlohmann::json(form_values_of(k, r.conflict->current)).dump());
               return;
             }
             FieldErrors errors = r.errors;
             if (r.ok()) errors = budget_problems(ctx.store(), *r.saved, std::max<size_t>(1, beneficiaries_of(ctx.store(), code).size()), today_utc());
             if (!errors.empty()) {
               proposal_form(ctx, 422, values, ctx.param("co_so"), errors, code, ctx.param("_goc"));
               return;  // rolls back
             }
             tx.commit();
             ctx.app.changed();
             ctx.redirect("/de-an/" + code);
           }});
  register_project_step_pages(app);
}

}  // namespace kc::web
