// Reports from the browser: choose a phase plan, a format (every format the CLI offers) and the
// report's date, and download it.
#include "core/date.h"
#include "report/phase_report.h"
#include "report/report_output.h"
#include "web/pages.h"
#include "web/record_view.h"
#include "web/registries.h"
#include "web/request_context.h"

namespace kc::web {

namespace {


void form(RequestContext& ctx) {
  auto data = ctx.app.dataset();
  Data page;
  page.set("plans", phase_plan_options(*data, nullptr));
  ctx.page(200, "reports", page, "Báo cáo");
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
  app.add({"GET", "/bao-cao", "bao_cao", Access::only(kStaffRoles), false, form});
  app.add({"GET", "/bao-cao/tai", "bao_cao_tai", Access::only(kStaffRoles), false, download});
}

}  // namespace kc::web
