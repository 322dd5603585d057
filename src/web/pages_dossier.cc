// Dossier downloads (projects/dossier.h, docs/dossier.md): "Tải hồ sơ (ZIP)" on the project page
// for every signed-in caller who may see the project (a local officer within their area, an
// establishment for its own projects; never the public), and "Lập hồ sơ (ZIP)" on the plan page
// for staff. A project's dossier is small: it is built into a temporary file while the request
// waits and streamed from there. A plan's takes up to half a minute at national scale: it is a
// background job (background_jobs.h) whose page follows its progress and offers the file
// (pages_jobs.cc). Every download is written to the audit trail.
#include "audit/audit.h"
#include "core/vn_format.h"
#include "projects/dossier.h"
#include "store/store.h"
#include "web/background_jobs.h"
#include "web/file_download.h"
#include "web/pages.h"
#include "web/plan_pages.h"
#include "web/project_pages.h"
#include "web/registries.h"

namespace kc::web {

namespace {

DossierOptions options_for(RequestContext& ctx) {
  return {document_dir(ctx.app.options()), ctx.user()->username + " (" + ctx.user()->role + ")"};
}

void project_dossier(RequestContext& ctx) {
  std::string code = ctx.path(2);
  std::optional<Row> p = project_with_records(ctx, code);  // 404 outside the caller's own scope
  if (!p) return;
  auto zip = temporary_file("khuyencong-ho-so-", ".zip");
  std::optional<DossierSummary> s = write_project_dossier(ctx.read_store(), code, zip->path, options_for(ctx));
  if (!s) {
    ctx.error(404, "Không tìm thấy đề án mã \"" + code + "\".");
    return;
  }
  audit(ctx.store(), ctx.user()->username, "tai_ho_so", &kind("de_an"), code, std::nullopt, std::nullopt,
        "tải hồ sơ ZIP: " + std::to_string(s->files) + " tệp, " + std::to_string(s->documents) + " tài liệu");
  send_file(ctx, zip, "application/zip", project_dossier_name(code), "ho-so-de-an-" + ascii_file_name(code) + ".zip");
}

// POST: the plan is checked now (staff only, by the route; an unknown plan is 404), then the
// dossier is built by a background job from the Dataset of this moment, on a connection of its
// own; the caller is sent to the job's page.
void start_plan_dossier(RequestContext& ctx) {
  std::string code = ctx.path(1);
  if (!requested_plan(ctx, code)) return;
  std::shared_ptr<const Dataset> data = ctx.app.dataset();
  std::string db = ctx.app.options().db;
  DossierOptions options = options_for(ctx);
  JobWork work = [data, db, code, options](ProgressSink& progress, const std::filesystem::path& output) {
    std::unique_ptr<Store> store = open_store(db);
    DossierOptions o = options;
    o.progress = &progress;
    std::optional<DossierSummary> s = write_plan_dossier(*store, *data, code, output, o);
    if (!s) throw std::runtime_error("không còn kế hoạch mã \"" + code + "\"");
    std::string summary = format_int(static_cast<int64_t>(s->projects)) + " đề án, " +
                          format_int(static_cast<int64_t>(s->files)) + " tệp";
    return JobOutput{plan_dossier_name(code), "ho-so-ke-hoach-" + ascii_file_name(code) + ".zip", "application/zip",
                     summary, "tải hồ sơ ZIP: " + summary};
  };
  const User& u = *ctx.user();
  BackgroundJobs::Submitted job = ctx.app.jobs().submit({u.username, kStaffRoles, "Hồ sơ kế hoạch " + code, plan_url(code),
                                                         "tai_ho_so", "ke_hoach", code, work, u.unit, u.establishment});
  if (!job.id) {
    ctx.error(429, job.refused);
    return;
  }
  ctx.redirect(job_url(*job.id));
}

}  // namespace

void register_dossier_pages(App& app) {
  app.add({"GET", R"(/(de-an)/([^/]+)/ho-so\.zip)", "de_an_ho_so", Access::any_user(), false, project_dossier});
  app.add({"POST", R"(/ke-hoach/([^/]+)/ho-so)", "ke_hoach_ho_so", Access::only(kStaffRoles), false, start_plan_dossier});
}

}  // namespace kc::web
