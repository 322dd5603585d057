// The project page and what happens on it: lifecycle steps with their date, decision number,
// comment and attached documents; outputs recorded at acceptance; progress reports; amendments
// proposed and decided; documents downloaded by id.
#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "core/clock.h"
#include "core/vn_format.h"
#include "projects/amendments.h"
#include "projects/documents.h"
#include "projects/lifecycle.h"
#include "projects/proposals.h"
#include "projects/step_dates.h"
#include "schema/enums.h"
#include "text/normalize.h"
#include "text/url.h"
#include "web/confirm.h"
#include "web/pages.h"
#include "web/project_pages.h"
#include "web/project_plans.h"
#include "web/picker_fields.h"
#include "web/record_view.h"
#include "web/request_context.h"
#include "web/write_scope.h"

namespace kc::web {

namespace {

std::string status_of(const Row& p) { return as_text(p[static_cast<size_t>(kind("de_an").field_index("trang_thai"))]); }

std::vector<Upload> uploads(RequestContext& ctx) {
  std::vector<Upload> out;
  auto range = ctx.req.files.equal_range("tai_lieu");
  for (auto it = range.first; it != range.second; ++it)
    if (!it->second.filename.empty() || !it->second.content.empty()) out.push_back({it->second.filename, it->second.content});
  return out;
}

// 422: the project page again, with what was refused and why at the top.
void refuse_on_project_page(RequestContext& ctx, const Row& project, const std::string& what, const FieldErrors& errors) {
  std::string message;
  for (const auto& [field, text] : errors) message += (message.empty() ? "" : "; ") + text;
  ctx.res.status = 422;
  project_page_with(ctx, project, what + ": " + message + ".");
}

// The indicators a project of this content records at acceptance.
std::vector<const Indicator*> output_indicators(const Dataset& data, const Row& p) {
  std::vector<const Indicator*> out;
  int32_t content = data.content_index(as_text(p[static_cast<size_t>(kind("de_an").field_index("noi_dung"))]));
  for (const Indicator& i : data.indicators)
    if (i.content == content && i.source == "dau_ra") out.push_back(&i);
  return out;
}

// Cancelling and not approving end a project's course: destructive, they ask for confirmation.
bool ends_the_project(const std::string& to) { return to == "huy" || to == "tu_choi"; }

}  // namespace

Data step_forms_for(RequestContext& ctx, const Row& p, const Dataset& data, const std::string& code) {
  Data forms = list();
  if (!ctx.user() || !may_change_project(ctx, p)) return forms;
  for (const Step* s : steps_for(status_of(p), ctx.user()->role)) {
    Data f;
    f.set("name", s->name);
    f.set("to", s->to);
    f.set("id", "buoc-" + s->to + (s->from == s->to ? "-tien-do" : ""));
    if (s->needs_decision) f.set("needs_decision", true);
    if (s->needs_comment) f.set("needs_comment", true);
    if (step_bounded_by_plan_period(*s)) f.set("period_confirmation", kOutsidePeriodConfirmation);
    if (s->to == "phe_duyet") f.set("plan_choice", approval_plan_choice(data, p));
    if (ends_the_project(s->to)) f.set("confirm", "Tôi xác nhận " + lower_first_vi(s->name) + " đề án này");
    if (s->to == "nghiem_thu") {
      Data outputs = list();
      for (const Indicator* i : output_indicators(data, p)) {
        Data o;
        o.set("code", i->code);
        o.set("label", i->name + " (" + i->unit + ")");
        outputs.push_back(o);
      }
      f.set("outputs", outputs);
    }
    f.set("action", "/de-an/" + code + "/buoc");
    forms.push_back(f);
  }
  return forms;
}

namespace {

void take(RequestContext& ctx) {
  std::string code = ctx.path(2);
  std::optional<Row> p = changeable_project(ctx, code);
  if (!p) return;
  StepRequest req;
  req.project = code;
  req.to = ctx.param("den_trang_thai");
  req.decision = ctx.param("so_quyet_dinh");
  req.comment = ctx.param("ghi_chu");
  req.outside_period_confirmed = ctx.param(kOutsidePeriodConfirmation) == "1";
  FieldErrors errors;
  std::optional<Date> date = parse_date(ctx.param("ngay").empty() ? to_iso(today_in_vietnam()) : ctx.param("ngay"));
  if (!date) errors.emplace_back("ngay", "ngày \"" + ctx.param("ngay") + "\" không hợp lệ (dd/mm/yyyy)");
  else req.date = *date;
  auto data = ctx.app.dataset();
  if (req.to == "nghiem_thu") {
    for (const Indicator* i : output_indicators(*data, *p)) {
      std::string v = ctx.param("ket_qua_" + i->code);
      if (v.empty()) continue;
      ParsedField parsed = parse_field(kind("de_an_ket_qua").field("gia_tri"), v);
      if (!parsed.ok()) errors.emplace_back("ket_qua_" + i->code, i->name + ": " + parsed.error);
      else req.outputs.emplace_back(i->code, as_int(parsed.value));
    }
  }
  if (req.to == "phe_duyet") {
    ApprovalPlan plan = approval_plan(*data, *p, ctx.param("ke_hoach"));
    if (!plan.error.empty()) errors.emplace_back("ke_hoach", plan.error);
    req.plan = plan.plan;
  }
  // Ending a project asks first: a box to tick, checked here (it works without JavaScript).
  if (ends_the_project(req.to) && ctx.param("xac_nhan") != "1")
    errors.emplace_back("xac_nhan", "Hãy đánh dấu ô \"Tôi xác nhận…\" để thực hiện bước này; bước này kết thúc đề án");
  std::vector<Upload> files = uploads(ctx);
  for (const Upload& u : files)
    if (std::string problem = document_problem(u); !problem.empty()) errors.emplace_back("tai_lieu", problem);
  std::vector<StoredDocument> written;
  std::filesystem::path dir = document_dir(ctx.app.options());
  // The step's own checks (role, decision, the date's rules) run even when the form already has
  // a problem, so that every problem is reported at once; nothing is kept unless all is well
  // (the transaction is committed only then). An unreadable date has nothing to check.
  if (date) {
    Transaction tx(ctx.store());
    StepResult r = take_step(ctx.store(), *ctx.user(), req);
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    if (errors.empty()) {
      try {
        for (const Upload& u : files) written.push_back(store_document(ctx.store(), dir, code, r.event_id, u, ctx.user()->username));
        for (const StoredDocument& d : written)
          audit(ctx.store(), ctx.user()->username, "dinh_kem", &kind("tai_lieu"), d.id, std::nullopt, std::nullopt,
                d.filename + " (" + std::to_string(d.size) + " byte)");
      } catch (...) {
        for (const StoredDocument& d : written) remove_stored(dir, d);  // not committed: no orphan files
        throw;
      }
      try {
        tx.commit();
      } catch (...) {
        ctx.app.uncertain_documents().add(dir, written);  // it may have landed: asked again later
        throw;
      }
    }
  }
  if (!errors.empty()) {
    refuse_on_project_page(ctx, *visible_project(ctx, code), "Chưa thực hiện được bước này", errors);
    return;
  }
  ctx.app.changed("de_an", code);
  ctx.redirect("/de-an/" + code);
}

}  // namespace

std::filesystem::path document_dir(const WebOptions& o) {
  if (!o.upload_dir.empty()) return o.upload_dir;
  if (is_postgres_url(o.db)) return "khuyencong-tai-lieu";
  return o.db + ".tai-lieu";
}

void register_project_step_pages(App& app) {
  Access acting = Access::only({"so_cong_thuong", "trung_tam", "dia_phuong", "co_so"});
  app.add({"POST", "/(de-an)/([^/]+)/buoc", "de_an_buoc", acting, false, take});
  app.add({"GET", "/(de-an)/([^/]+)/tai-lieu/([^/]+)", "de_an_tai_lieu", Access::any_user(), false, [](RequestContext& ctx) {
             std::optional<Row> p = project_with_records(ctx, ctx.path(2));
             if (!p) return;
             std::optional<StoredDocument> d = find_document(ctx.read_store(), ctx.path(3));
             if (!d || d->project != ctx.path(2)) {
               ctx.error(404, "Không tìm thấy tài liệu này.");
               return;
             }
             std::optional<std::string> bytes = read_document(document_dir(ctx.app.options()), *d);
             if (!bytes) {
               ctx.error(404, "Tệp của tài liệu không còn trên máy chủ.");
               return;
             }
             ctx.res.set_header("Content-Disposition", "attachment; filename=\"tai-lieu." + d->type + "\"; filename*=UTF-8''" +
                                                           percent_encoded(d->filename));
             ctx.res.set_content(*bytes, document_media_type(d->type));
           }});
  app.add({"POST", "/(de-an)/([^/]+)/dieu-chinh", "de_an_dieu_chinh", acting, false, [](RequestContext& ctx) {
             std::string code = ctx.path(2);
             std::optional<Row> p = changeable_project(ctx, code);
             if (!p) return;
             // A picker's "Tìm" (without JavaScript): the page again with the matches, nothing sent.
             if (picker_search_asked(ctx)) return project_page_with(ctx, *p, "");
             std::map<std::string, std::string> values;
             for (const char* f : {"kinh_phi_nsnn", "kinh_phi_doi_ung", "nam_ket_thuc", "dia_ban"}) values[f] = ctx.param(f);
             std::vector<std::string> beneficiaries = posted_codes(ctx, "co_so");  // ticked in the picker
             for (const std::string& c : beneficiaries) values["co_so"] += (values["co_so"].empty() ? "" : ", ") + c;
             // Only the fields of the chosen kind of amendment are proposed; their scope is checked.
             std::string amended = ctx.param("noi_dung_dieu_chinh");
             FormValues place;
             if (amended == "dia_ban") place["dia_ban"] = values["dia_ban"];
             FieldErrors scope = project_scope_problems(ctx, place, amended == "co_so" ? &beneficiaries : nullptr);
             AmendmentResult r = propose_amendment(ctx.store(), *ctx.user(), code, amended, values, ctx.param("ly_do"), scope);
             if (!r.ok()) {
               refuse_on_project_page(ctx, *p, "Chưa gửi được đề nghị điều chỉnh", r.errors);
               return;
             }
             ctx.redirect("/de-an/" + code);
           }});
  app.add({"POST", "/(de-an)/([^/]+)/dieu-chinh/([0-9a-f]+)/(duyet|tu-choi)", "de_an_xet_dieu_chinh",
           Access::only({"so_cong_thuong"}), false, [](RequestContext& ctx) {
             std::string code = ctx.path(2);
             std::optional<Row> p = visible_project(ctx, code);
             if (!p) return;
             if (ctx.path(4) == "tu-choi" &&
                 !confirmed(ctx, {"Không phê duyệt đề nghị điều chỉnh này?",
                                  "Đề nghị điều chỉnh sẽ bị từ chối; người đề nghị phải gửi đề nghị mới nếu muốn điều chỉnh.",
                                  "Có, không phê duyệt", "/de-an/" + code + "#dieu-chinh"}))
               return;
             AmendmentResult r = decide_amendment(ctx.store(), *ctx.user(), ctx.path(3), ctx.path(4) == "duyet",
                                                  ctx.param("so_quyet_dinh"), ctx.param("ghi_chu_duyet"), today_in_vietnam());
             if (!r.ok()) {
               refuse_on_project_page(ctx, *p, "Chưa xét được đề nghị điều chỉnh", r.errors);
               return;
             }
             ctx.app.changed("de_an", code);
             ctx.redirect("/de-an/" + code);
           }});
}

}  // namespace kc::web
