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
#include "web/list_download.h"
#include "web/pages.h"
#include "web/form_edit.h"
#include "web/picker_fields.h"
#include "web/project_pages.h"
#include "web/record_view.h"
#include "web/registry_pages.h"
#include "web/request_context.h"
#include "web/write_scope.h"

namespace kc::web {

const std::vector<std::string> kProposers = {"so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};
const std::vector<std::string> kProposalFields = {"ten", "noi_dung", "cap_kinh_phi", "nam_bat_dau", "nam_ket_thuc",
                                                  "don_vi_thuc_hien", "dia_ban", "kinh_phi_nsnn", "kinh_phi_doi_ung", "mo_ta"};

namespace {

const std::vector<std::string> kEditableStatuses = {"dang_ky_nhu_cau", "de_xuat"};
bool directly_editable(const std::string& status) {
  return std::find(kEditableStatuses.begin(), kEditableStatuses.end(), status) != kEditableStatuses.end();
}

FormValues posted(RequestContext& ctx) {
  FormValues v;
  for (const std::string& name : kProposalFields) v[name] = ctx.param(name);
  return v;
}

void create(RequestContext& ctx) {
  ProjectProposal p{posted(ctx), posted_codes(ctx, "co_so"), today_in_vietnam(), {}};
  if (picker_search_asked(ctx)) return proposal_form(ctx, 200, p.values, p.beneficiaries, {}, std::nullopt);
  p.scope_problems = project_scope_problems(ctx, p.values, &p.beneficiaries);
  ProposalResult r = propose_project(ctx.store(), *ctx.user(), p);
  if (!r.ok()) {
    proposal_form(ctx, 422, p.values, p.beneficiaries, r.errors, std::nullopt);
    return;
  }
  ctx.app.changed("de_an", r.project);
  ctx.redirect("/de-an/" + r.project);
}

// Saves an edit of a need or proposal: the fields and the beneficiaries, checked like a
// proposal (scope of the new values, unknown beneficiaries, the record's rules, the caps), every
// problem at once, in one transaction.
void update(RequestContext& ctx) {
  std::string code = ctx.path(2);
  std::optional<Row> p = changeable_project(ctx, code);
  if (!p) return;
  const RecordKind& k = kind("de_an");
  if (!directly_editable(as_text((*p)[static_cast<size_t>(k.field_index("trang_thai"))]))) {
    ctx.error(409, "Đề án này không còn sửa trực tiếp được; hãy đề nghị điều chỉnh.");
    return;
  }
  FormValues values = form_values_of(k, *p);
  for (const std::string& name : kProposalFields) values[name] = ctx.param(name);
  std::vector<std::string> beneficiaries = posted_codes(ctx, "co_so");
  if (picker_search_asked(ctx)) return proposal_form(ctx, 200, values, beneficiaries, {}, code, ctx.param("_goc"));
  const std::string& own = ctx.user()->establishment;
  if (ctx.has_role("co_so") && std::find(beneficiaries.begin(), beneficiaries.end(), own) == beneficiaries.end())
    beneficiaries.push_back(own);  // an establishment's proposal stays its own
  Transaction tx(ctx.store());
  std::optional<EditResult> saved =
      save_form_edit(ctx, k, code, values, "đề án", [&](const std::string& message, const std::string& base) {
        proposal_form(ctx, 409, values, beneficiaries, {{"", message}}, code, base);
      });
  if (!saved) return;  // rolls back
  EditResult& r = *saved;
  FieldErrors errors = project_scope_problems(ctx, values, &beneficiaries);
  for (auto& e : beneficiary_problems(ctx.store(), beneficiaries)) errors.push_back(std::move(e));
  for (auto& e : r.errors) errors.push_back(std::move(e));
  if (r.ok())
    for (auto& e : budget_problems(ctx.store(), *r.saved, beneficiaries.size(), today_in_vietnam())) errors.push_back(std::move(e));
  if (!errors.empty()) {
    proposal_form(ctx, 422, values, beneficiaries, errors, code, ctx.param("_goc"));
    return;  // rolls back
  }
  replace_beneficiaries(ctx.store(), ctx.user()->username, code, beneficiaries);
  tx.commit();
  ctx.app.changed("de_an", code);
  ctx.redirect("/de-an/" + code);
}

}  // namespace

const Registry& project_registry() { return *registry_for_kind("de_an"); }

std::optional<Row> visible_project(RequestContext& ctx, const std::string& code) {
  return visible_record(ctx, project_registry(), code);
}

std::optional<Row> project_with_records(RequestContext& ctx, const std::string& code) {
  std::optional<Row> p = visible_project(ctx, code);
  if (p && !sees_project_records(ctx, *p)) {
    ctx.error(404, "Không tìm thấy hồ sơ, tài liệu của đề án này trong phạm vi của bạn.");
    return std::nullopt;
  }
  return p;
}

bool sees_project_records(RequestContext& ctx, const Row& project) {
  if (!ctx.user()) return false;
  return caller_in_scope(ctx, project_registry(), project, &ctx.read_store(), ScopeUse::Writing);
}

bool may_change_project(RequestContext& ctx, const Row& project) {
  if (!ctx.user()) return false;
  const User& u = *ctx.user();
  if (u.role == "quan_tri") return false;  // administrators manage accounts, not projects
  return caller_in_scope(ctx, project_registry(), project, &ctx.read_store(), ScopeUse::Writing);
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
  register_list_download(app, project_registry(), Access::any_user());
  app.add({"GET", "/(de-an)/moi", "de_an_them", propose, false, [](RequestContext& ctx) {
             FormValues v;
             if (ctx.has_role("dia_phuong")) v["dia_ban"] = ctx.user()->unit;
             // This year, for which the lists are offered; changing it offers those of another.
             v["nam_bat_dau"] = v["nam_ket_thuc"] = std::to_string(today_in_vietnam().year);
             std::vector<std::string> own;
             if (ctx.has_role("co_so")) own.push_back(ctx.user()->establishment);
             proposal_form(ctx, 200, v, own, {}, std::nullopt);
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
             FormValues v = form_values_of(kind("de_an"), *p);
             proposal_form(ctx, 200, v, beneficiaries_of(ctx.read_store(), ctx.path(2)), {}, ctx.path(2), nlohmann::json(v).dump());
           }});
  app.add({"POST", "/(de-an)/([^/]+)", "de_an_cap_nhat", propose, false, update});
  register_project_step_pages(app);
}

}  // namespace kc::web
