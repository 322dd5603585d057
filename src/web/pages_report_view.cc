// One report's page (/bao-cao/<code>): its status, its sections with who wrote them last, the
// events of its status flow (who, when, comment), the steps the caller may take (submit; return
// with a required comment; approve; issue with number, date, signer and recipients, prefilled
// with the document's defaults), the downloads in every format (an issued report's frozen
// documents) and, once issued, the figures that have changed since.
// The steps are decided by drafts::take_step, which re-checks role and status.
#include <cstdio>
#include <map>
#include <sstream>

#include "core/clock.h"
#include "core/date.h"
#include "report/report_output.h"
#include "text/ascii.h"
#include "text/normalize.h"
#include "web/pages.h"
#include "web/report_drafts_view.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

std::string dd_mm_yyyy(const Date& d) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d/%02d/%04d", d.day, d.month, d.year);
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (std::string_view t = trim_blanks(line); !t.empty()) out.emplace_back(t);
  return out;
}

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// The people named on the page, by user name (events, versions): their full names.
std::map<std::string, std::string> people(Store& store) {
  std::map<std::string, std::string> out;
  for (const User& u : list_users(store)) out[u.username] = u.name.empty() ? u.username : u.name;
  return out;
}

std::string person(const std::map<std::string, std::string>& names, const std::string& username) {
  auto it = names.find(username);
  return it == names.end() ? username : it->second;
}

// What the issue form shows: what was posted after a refusal, else the report's own details
// where it has them, else the defaults the document prints.
struct IssueForm {
  std::string number, date, authority, title, signer, recipients;
  bool charts = false;
};

IssueForm issue_form_defaults(const drafts::Report& r, const ComputedFigures& c) {
  const ReportIssueDetails& own = r.issue;
  ReportIssueDetails defaults = c.report ? c.report->issue_defaults : ReportIssueDetails{};
  auto either = [](const std::string& a, const std::string& b) { return a.empty() ? b : a; };
  IssueForm f;
  f.number = own.number_symbol;
  f.date = own.date ? dd_mm_yyyy(*own.date) : dd_mm_yyyy(today_in_vietnam());
  f.authority = either(own.signing_authority, defaults.signing_authority);
  f.title = either(own.signer_title, defaults.signer_title);
  f.signer = either(own.signer_name, defaults.signer_name);
  f.recipients = joined_lines(own.recipients.empty() ? defaults.recipients : own.recipients);
  f.charts = own.charts;
  return f;
}

IssueForm posted_issue_form(RequestContext& ctx) {
  return {ctx.param("so_ky_hieu"), ctx.param("ngay_ban_hanh"), ctx.param("tham_quyen_ky"), ctx.param("chuc_vu_ky"),
          ctx.param("nguoi_ky"),   ctx.param("noi_nhan"),      ctx.param("kem_bieu_do") == "1"};
}

Data issue_form_view(const IssueForm& f) {
  Data d;
  d.set("number", f.number);
  d.set("date", f.date);
  d.set("authority", f.authority);
  d.set("title", f.title);
  d.set("signer", f.signer);
  d.set("recipients", f.recipients);
  d.set("charts", f.charts);
  return d;
}

// A refused step: its messages, each beside its field where the form has one.
struct StepOutcome {
  std::string action;  // the step that was refused
  FieldErrors errors;
  std::string comment;
  std::optional<IssueForm> issue;
};

Data sections_view(RequestContext& ctx, const drafts::Report& r, const ComputedFigures& c,
                   const std::map<std::string, std::string>& names) {
  std::map<std::string, drafts::SectionText> texts;
  for (drafts::SectionText& t : drafts::section_texts(ctx.read_store(), r.code)) texts[t.section] = std::move(t);
  bool editing = may_edit(*ctx.user(), r);
  Data out = list();
  if (!c.report) return out;
  for (const ReportSection& s : c.report->sections) {
    Data d;
    d.set("id", s.id);
    d.set("title", s.title);
    d.set("href", section_href(r.code, s.id));
    d.set("link_label", editing ? "Viết, sửa" : "Xem");
    auto it = texts.find(s.id);
    if (it != texts.end() && !it->second.text.empty()) {
      d.set("written", true);
      d.set("version", std::to_string(it->second.version));
      d.set("by", person(names, it->second.user));
      d.set("at", report_time_text(it->second.at));
    }
    out.push_back(d);
  }
  return out;
}

Data events_view(RequestContext& ctx, const drafts::Report& r, const std::map<std::string, std::string>& names) {
  Data out = list();
  for (const drafts::Event& e : drafts::report_events(ctx.read_store(), r.code)) {
    Data d;
    d.set("action", action_label(e.action));
    d.set("to", e.to.empty() ? std::string() : drafts::status_label(e.to));
    d.set("comment", e.comment);
    d.set("user", person(names, e.user));
    d.set("at", report_time_text(e.at));
    out.push_back(d);
  }
  return out;
}

Data downloads_view(const drafts::Report& r) {
  static const std::pair<const char*, const char*> kFormats[] = {
      {"docx", "Word (.docx)"}, {"pdf", "PDF (.pdf)"}, {"xlsx", "Excel (.xlsx)"},
      {"html", "Trang web (.html)"}, {"md", "Markdown (.md)"}, {"json", "JSON (số liệu)"}};
  Data out = list();
  for (const auto& [code, label] : kFormats) {
    Data d;
    d.set("href", report_href(r.code) + "/tai?dinh_dang=" + code);
    d.set("label", std::string(label));
    out.push_back(d);
  }
  return out;
}

Data changes_view(RequestContext& ctx, const drafts::Report& r) {
  Data out = list();
  for (const narrative::FigureChange& ch : drafts::changed_since_issue(ctx.read_store(), *ctx.app.dataset(), r.code)) {
    Data d;
    d.set("id", ch.id);
    d.set("label", ch.label);
    d.set("issued", ch.issued);
    d.set("current", ch.current ? *ch.current : std::string("không còn số liệu"));
    out.push_back(d);
  }
  return out;
}

void report_page(RequestContext& ctx, const drafts::Report& r, int status, const StepOutcome& outcome) {
  const User& user = *ctx.user();
  std::shared_ptr<const ComputedFigures> c = computed_figures(ctx, r);
  std::map<std::string, std::string> names = people(ctx.read_store());
  Data page;
  page.set("code", r.code);
  page.set("title", r.title);
  page.set("kind_name", r.kind_name);
  page.set("year", r.scope.year > 0 ? std::to_string(r.scope.year) : std::string());
  auto data = ctx.app.dataset();
  if (int32_t plan = data->plan_index(r.scope.plan_code); plan >= 0) page.set("plan", data->plans[static_cast<size_t>(plan)].name);
  page.set("status", r.status);
  page.set("status_label", upper_first_vi(drafts::status_label(r.status)));
  page.set("created", person(names, r.created_by) + ", " + report_time_text(r.created_at));
  bool issued = r.status == "da_ban_hanh";
  page.set("issued", issued);
  if (issued) {
    page.set("number_symbol", r.issue.number_symbol);
    page.set("issue_date", r.issue.date ? dd_mm_yyyy(*r.issue.date) : std::string());
    page.set("signer", r.issue.signer_name);
    page.set("changes", changes_view(ctx, r));
  }
  page.set("compute_error", c->error);
  page.set("sections", sections_view(ctx, r, *c, names));
  page.set("events", events_view(ctx, r, names));
  page.set("downloads", downloads_view(r));
  page.set("csrf", ctx.csrf());
  page.set("has_errors", !outcome.errors.empty());
  page.set("errors", errors_view(outcome.errors));
  for (const char* action : kReportActions)
    if (may_take(user, r, action)) page.set(std::string("may_") + action, true);
  page.set("comment", outcome.comment);
  // The library names the comment "ghi_chu" (the record's field); the form sends "y_kien".
  std::string comment_error = error_of(outcome.errors, "ghi_chu");
  page.set("comment_error", comment_error.empty() ? error_of(outcome.errors, "y_kien") : comment_error);
  page.set("issue", issue_form_view(outcome.issue ? *outcome.issue : issue_form_defaults(r, *c)));
  page.set("number_error", error_of(outcome.errors, "so_ky_hieu"));
  page.set("date_error", error_of(outcome.errors, "ngay_ban_hanh"));
  ctx.page(status, "report_detail", page, r.title);
}

void show(RequestContext& ctx) {
  if (std::optional<drafts::Report> r = report_or_404(ctx)) report_page(ctx, *r, 200, {});
}

void step(RequestContext& ctx) {
  std::optional<drafts::Report> r = report_or_404(ctx);
  if (!r) return;
  drafts::StepRequest request;
  request.report = r->code;
  request.action = ctx.param("buoc");
  request.comment = ctx.param("y_kien");
  StepOutcome outcome{request.action, {}, request.comment, std::nullopt};
  if (request.action == "ban_hanh") {
    IssueForm f = posted_issue_form(ctx);
    outcome.issue = f;
    request.issue.number_symbol = std::string(trim_blanks(f.number));
    if (!f.date.empty()) {
      request.issue.date = parse_date(f.date);
      if (!request.issue.date)
        outcome.errors.emplace_back("ngay_ban_hanh", "Ngày ban hành \"" + f.date + "\" không hợp lệ: nhập theo dạng dd/mm/yyyy.");
    }
    request.issue.signing_authority = std::string(trim_blanks(f.authority));
    request.issue.signer_title = std::string(trim_blanks(f.title));
    request.issue.signer_name = std::string(trim_blanks(f.signer));
    request.issue.recipients = lines_of(f.recipients);
    request.issue.charts = f.charts;
  }
  if (outcome.errors.empty()) {
    outcome.errors = drafts::take_step(ctx.store(), *ctx.app.dataset(), *ctx.user(), request);
    if (outcome.errors.empty()) {
      ctx.redirect(report_href(r->code));
      return;
    }
  }
  // Read again: the status may have moved under the refused step.
  std::optional<drafts::Report> now = drafts::find_report(ctx.store(), *ctx.user(), r->code);
  report_page(ctx, now ? *now : *r, 422, outcome);
}

void download(RequestContext& ctx) {
  std::optional<drafts::Report> r = report_or_404(ctx);
  if (!r) return;
  std::optional<ReportFormat> format = parse_report_format(ctx.param("dinh_dang"));
  if (!format) {
    ctx.error(400, "Định dạng \"" + ctx.param("dinh_dang") + "\" không hỗ trợ; chọn docx, pdf, xlsx, md, html hoặc json.");
    return;
  }
  std::optional<RenderedReport> doc = drafts::report_document(ctx.read_store(), *ctx.app.dataset(), r->code, *format);
  if (!doc) {
    std::shared_ptr<const ComputedFigures> c = computed_figures(ctx, *r);
    ctx.error(404, "Không lập được văn bản của báo cáo" + (c->error.empty() ? std::string(".") : ": " + c->error));
    return;
  }
  ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + r->code + "." + doc->extension + "\"");
  ctx.res.set_content(doc->bytes, doc->media_type);
}

}  // namespace

void register_report_view_pages(App& app) {
  const std::vector<std::string> steppers = {"so_cong_thuong", "trung_tam"};
  app.add({"GET", R"(/bao-cao/([^/]+))", "bao_cao_chi_tiet", Access::only(kReportReaderRoles), false, show});
  app.add({"GET", R"(/bao-cao/([^/]+)/tai)", "bao_cao_van_ban", Access::only(kReportReaderRoles), false, download});
  app.add({"POST", R"(/bao-cao/([^/]+)/buoc)", "bao_cao_buoc", Access::only(steppers), false, step});
}

}  // namespace kc::web
