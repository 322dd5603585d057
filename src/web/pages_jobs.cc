// The pages of background jobs (background_jobs.h): /viec-nen/<id> follows a job — waiting,
// its progress, the file when it is ready, or why it failed — refreshed by htmx every second
// (/viec-nen/<id>/trang-thai answers the part that changes) and, without JavaScript, by a meta
// refresh and a link; /viec-nen/<id>/tai-ve downloads the file, audited each time. A job is its
// owner's alone: for anyone else (and for the owner whose role or scope changed) it does not exist (404).
#include "audit/audit.h"
#include "schema/record_kind.h"
#include "web/background_jobs.h"
#include "web/file_download.h"
#include "web/pages.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

std::optional<JobView> requested_job(RequestContext& ctx) {
  const User& u = *ctx.user();
  std::optional<JobView> job = ctx.app.jobs().view(ctx.path(1), u.username, u.role, u.unit, u.establishment);
  if (!job) ctx.error(404, "Không tìm thấy việc này: việc đã quá hạn lưu giữ, hoặc không phải của bạn.");
  return job;
}

Data status_data(const JobView& job, const JobLimits& limits) {
  Data d;
  std::string url = job_url(job.id);
  d.set("url", url);
  bool unfinished = job.state == JobView::State::waiting || job.state == JobView::State::running;
  d.set("unfinished", unfinished);
  if (job.state == JobView::State::waiting) {
    d.set("waiting", true);
    d.set("ahead", job.waiting_ahead > 0 ? "Trước việc này còn " + std::to_string(job.waiting_ahead) + " việc." : "Việc này là việc kế tiếp.");
  }
  if (job.state == JobView::State::running) {
    d.set("running", true);
    d.set("progress", job.progress);
    if (job.total > 0) {
      d.set("measured", true);
      d.set("done", std::to_string(job.done));
      d.set("total", std::to_string(job.total));
      d.set("percent", std::to_string(job.done * 100 / job.total));
    }
  }
  if (job.state == JobView::State::done) {
    d.set("ready", true);
    d.set("summary", job.output.summary);
    d.set("download_name", job.output.download_name);
    d.set("keep_hours", std::to_string(std::chrono::duration_cast<std::chrono::hours>(limits.keep_for).count()));
  }
  if (job.state == JobView::State::failed) d.set("error", job.error);
  return d;
}

void job_page(RequestContext& ctx) {
  std::optional<JobView> job = requested_job(ctx);
  if (!job) return;
  Data d;
  d.set("title", job->title);
  d.set("back_href", job->back_href);
  d.set("status", render_template("_job_status", status_data(*job, ctx.app.jobs().limits())));
  ctx.page(200, "job", d, job->title);
}

void job_status(RequestContext& ctx) {
  std::optional<JobView> job = requested_job(ctx);
  if (!job) return;
  ctx.res.set_content(render_template("_job_status", status_data(*job, ctx.app.jobs().limits())), "text/html; charset=utf-8");
}

void job_download(RequestContext& ctx) {
  std::optional<JobView> job = requested_job(ctx);
  if (!job) return;
  if (job->state != JobView::State::done || !job->file) {
    ctx.error(409, "Tệp chưa sẵn sàng: việc \"" + job->title + "\" chưa xong.");
    return;
  }
  if (!job->audit_action.empty())
    audit(ctx.store(), ctx.user()->username, job->audit_action, &kind(job->audit_kind), job->audit_key, std::nullopt,
          std::nullopt, job->output.audit_note);
  send_file(ctx, job->file, job->output.content_type, job->output.download_name, job->output.ascii_name);
}

}  // namespace

void register_job_pages(App& app) {
  app.add({"GET", R"(/viec-nen/([0-9a-f]+))", "viec_nen", Access::any_user(), false, job_page});
  app.add({"GET", R"(/viec-nen/([0-9a-f]+)/trang-thai)", "viec_nen_trang_thai", Access::any_user(), false, job_status});
  app.add({"GET", R"(/viec-nen/([0-9a-f]+)/tai-ve)", "viec_nen_tai_ve", Access::any_user(), false, job_download});
}

}  // namespace kc::web
