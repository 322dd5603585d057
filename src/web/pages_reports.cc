// The "Báo cáo" area (/bao-cao): the reports the caller may read — drafts and issued ones — by
// kind, year and status, newest first; "Lập báo cáo mới" for the centre (kind, plan and year
// chosen by name), which creates the draft and opens it; and the quick download of a phase
// report computed from the records as they are now (/bao-cao/tai), for staff.
// The report's own page and the editor are in pages_report_view.cc and pages_report_editor.cc.
#include <algorithm>
#include <set>

#include "core/date.h"
#include "report/phase_report.h"
#include "report/report_output.h"
#include "text/normalize.h"
#include "web/pages.h"
#include "web/record_view.h"
#include "web/registries.h"
#include "web/report_drafts_view.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

bool is_staff(const User& user) {
  return std::find(kStaffRoles.begin(), kStaffRoles.end(), user.role) != kStaffRoles.end();
}

// The years a report may cover: those of the plans.
std::vector<int> plan_years(const Dataset& data) {
  std::set<int> years;
  for (const Plan& p : data.plans)
    for (int y = p.from_year; y > 0 && y <= p.to_year; ++y) years.insert(y);
  return {years.rbegin(), years.rend()};  // newest first
}

Data year_options(const Dataset& data, int selected) {
  Data out = list();
  for (int y : plan_years(data)) {
    Data o;
    o.set("value", std::to_string(y));
    o.set("label", std::to_string(y));
    if (y == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

Data status_options(const std::string& selected) {
  Data out = list();
  for (const char* s : {"du_thao", "da_trinh", "tra_lai", "da_duyet", "da_ban_hanh"}) {
    Data o;
    o.set("value", std::string(s));
    o.set("label", upper_first_vi(drafts::status_label(s)));
    if (selected == s) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

Data kind_options(const std::vector<drafts::ReportKind>& kinds, const std::string& selected) {
  Data out = list();
  for (const drafts::ReportKind& k : kinds) {
    Data o;
    o.set("value", k.code);
    o.set("label", k.name);
    if (k.code == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

// Every plan by name (phase plans, then annual plans), for the new report's plan.
Data plan_options(const Dataset& data, const std::string& selected) {
  Data out = list();
  for (const char* type : {"giai_doan", "hang_nam"})
    for (const Plan& p : data.plans) {
      if (p.type != type) continue;
      Data o;
      o.set("value", p.code);
      o.set("label", p.name);
      if (p.code == selected) o.set("selected", true);
      out.push_back(o);
    }
  return out;
}

struct NewReportForm {
  std::string kind, plan, year;
  FieldErrors errors;
};

void list_page(RequestContext& ctx, int status, const NewReportForm& form) {
  const User& user = *ctx.user();
  auto data = ctx.app.dataset();
  drafts::ReportFilter filter;
  filter.kind = ctx.param("loai");
  filter.status = ctx.param("trang_thai");
  filter.year = std::atoi(ctx.param("nam").c_str());
  std::vector<drafts::ReportKind> kinds = drafts::report_kinds(ctx.read_store());
  Data rows = list();
  for (const drafts::Report& r : drafts::list_reports(ctx.read_store(), user, filter)) rows.push_back(report_row(r));
  Data page;
  page.set("rows", rows);
  page.set("filter_kinds", kind_options(kinds, filter.kind));
  page.set("filter_years", year_options(*data, filter.year));
  page.set("filter_statuses", status_options(filter.status));
  page.set("filtered", !filter.kind.empty() || !filter.status.empty() || filter.year != 0);
  if (user.role == "trung_tam") {
    Data create;
    create.set("kinds", kind_options(kinds, form.kind));
    create.set("plans", plan_options(*data, form.plan));
    create.set("years", year_options(*data, std::atoi(form.year.c_str())));
    create.set("errors", errors_view(form.errors));
    create.set("has_errors", !form.errors.empty());
    page.set("create", create);
  }
  if (is_staff(user)) {
    page.set("quick", true);
    page.set("plans", phase_plan_options(*data, nullptr));
  }
  page.set("csrf", ctx.csrf());
  ctx.page(status, "reports", page, "Báo cáo");
}

void index(RequestContext& ctx) { list_page(ctx, 200, {}); }

void create(RequestContext& ctx) {
  NewReportForm form{ctx.param("loai_bao_cao"), ctx.param("ke_hoach"), ctx.param("nam"), {}};
  drafts::NewReport request;
  request.kind = form.kind;
  request.scope.plan_code = form.plan;
  if (!form.year.empty()) {
    request.scope.year = std::atoi(form.year.c_str());
    if (request.scope.year <= 0) form.errors.emplace_back("nam", "Năm báo cáo \"" + form.year + "\" không hợp lệ.");
  }
  if (form.errors.empty()) {
    drafts::CreateResult result = drafts::create_report(ctx.store(), *ctx.app.dataset(), *ctx.user(), request);
    if (result.errors.empty()) {
      ctx.redirect(report_href(result.code));
      return;
    }
    form.errors = std::move(result.errors);
  }
  list_page(ctx, 422, form);
}

void download(RequestContext& ctx) {
  std::optional<ReportFormat> format = parse_report_format(ctx.param("dinh_dang"));
  if (!format) {
    ctx.error(400, "Định dạng \"" + ctx.param("dinh_dang") + "\" không hỗ trợ; chọn docx, pdf, xlsx, md, html hoặc json.");
    return;
  }
  PhaseDocumentOptions options;
  options.charts = ctx.param("bieu_do") == "1";
  if (std::string d = ctx.param("ngay"); !d.empty()) {
    options.date = parse_date(d);
    if (!options.date) {
      ctx.error(400, "Ngày báo cáo \"" + d + "\" không hợp lệ (dùng dd/mm/yyyy).");
      return;
    }
  }
  auto data = ctx.app.dataset();
  PhaseReportResult result = compute_phase_report(*data, ctx.param("ke_hoach"));
  if (result.error) {
    ctx.error(404, "Không lập được báo cáo: " + result.error->message + ".");
    return;
  }
  RenderedReport r = render_phase_report(*result.report, *format, options);
  ctx.res.set_header("Content-Disposition",
                     "attachment; filename=\"bao-cao-" + result.report->plan_code + "." + r.extension + "\"");
  ctx.res.set_content(r.bytes, r.media_type);
}

}  // namespace

void register_report_pages(App& app) {
  app.add({"GET", "/bao-cao", "bao_cao", Access::only(kReportReaderRoles), false, index});
  app.add({"POST", "/bao-cao", "bao_cao_tao", Access::only({"trung_tam"}), false, create});
  app.add({"GET", "/bao-cao/tai", "bao_cao_tai", Access::only(kStaffRoles), false, download});
  register_report_view_pages(app);
  register_report_editor_pages(app);
}

}  // namespace kc::web
