// The public side: the home page with what the program funds, the health check, and the
// static assets (embedded in the binary).
#include "core/vn_format.h"
#include "report/phase_report.h"
#include "report/report_phrases.h"
#include "web/embedded_files.h"
#include "web/pages.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

std::string content_type(const std::string& path) {
  auto ends = [&](const char* ext) { return path.size() >= std::strlen(ext) && path.ends_with(ext); };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

void serve_embedded(RequestContext& ctx, const std::string& path) {
  auto it = embedded_files().find(path);
  if (it == embedded_files().end() || path.find("..") != std::string::npos) {
    ctx.error(404, "Không tìm thấy tệp.");
    return;
  }
  ctx.res.set_header("Cache-Control", "public, max-age=3600");
  ctx.res.set_content(std::string(it->second), content_type(path));
}

void home(RequestContext& ctx) {
  auto data = ctx.app.dataset();
  Data plans = list();
  for (const Plan& plan : data->plans) {
    if (plan.type != "giai_doan") continue;
    PhaseReportResult r = compute_phase_report(*data, plan.code);
    if (!r.report) continue;
    const PhaseReport& rep = *r.report;
    Data p;
    p.set("name", plan.name);
    p.set("area", rep.area_name);
    p.set("period", period_text(rep.from_year, rep.to_year));
    if (rep.approving_document) p.set("decision", rep.approving_document->type_label + " số " + rep.approving_document->number);
    p.set("projects", format_int(rep.total.projects));
    p.set("budget", format_million_dong(rep.total.budget));
    p.set("counterpart", format_million_dong(rep.total.counterpart));
    Data contents = list();
    for (const ContentResult& c : rep.contents) {
      Data row;
      row.set("number", std::to_string(c.number));
      row.set("title", c.title);
      row.set("projects", format_int(c.total.projects));
      row.set("budget", format_million_dong(c.total.budget));
      contents.push_back(row);
    }
    p.set("contents", contents);
    plans.push_back(p);
  }
  Data page;
  page.set("plans", plans);
  ctx.page(200, "home", page, "Trang chủ");
}

}  // namespace

void register_public_pages(App& app) {
  app.add({"GET", "/", "trang_chu", Access::public_access(), false, home});
  app.add({"GET", "/healthz", "healthz", Access::public_access(), true, [](RequestContext& ctx) {
             // Usable = a connection can be had and the schema answers.
             int version = ctx.store().schema_version();
             // Before answering "ok": whoever waits for it then finds the documents folder settled.
             if (ctx.app.uncertain_documents().pending()) ctx.app.settle_uncertain_documents();
             ctx.json(200, {{"trang_thai", "ok"}, {"phien_ban_luoc_do", version}});
           }});
  app.add({"GET", "/favicon.ico", "bieu_tuong", Access::public_access(), false,
           [](RequestContext& ctx) { ctx.redirect("/static/favicon.svg"); }});
  app.add({"GET", R"(/static/([A-Za-z0-9._-]+))", "tep_tinh", Access::public_access(), false,
           [](RequestContext& ctx) { serve_embedded(ctx, "static/" + ctx.path(1)); }});
  app.add({"GET", R"(/vendor/(htmx\.min\.js|chart\.umd\.min\.js))", "thu_vien", Access::public_access(), false,
           [](RequestContext& ctx) {
             std::string file = ctx.path(1);
             serve_embedded(ctx, file == "htmx.min.js" ? "node_modules/htmx.org/dist/htmx.min.js"
                                                       : "node_modules/chart.js/dist/chart.umd.min.js");
           }});
}

}  // namespace kc::web
