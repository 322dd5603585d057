// The section editor of a report (/bao-cao/<code>/muc/<section>): one section per page, with
// the previous and next sections linked, so it reads on a phone. The textarea holds the
// narrative markup (report/narrative.h); the preview beside it is the htmx POST
// /bao-cao/<code>/muc/<section>/xem-truoc (without JavaScript, the "Xem trước" button posts the
// form to the page itself), showing the figures highlighted and the problems with their lines.
// The figures the section may use are listed with label and current value; a tap inserts the
// reference where JavaScript runs (app.js). Saving sends the version the editor started from:
// when someone saved since, nothing is written and the page shows their text and version while
// the box keeps what this person typed (as the registries' edit forms do).
// History (/lich-su): every version, and a line diff of any two.
#include <httplib.h>

#include "core/vn_format.h"
#include "web/pages.h"
#include "web/report_drafts_view.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

const ReportSection* find_section(const ComputedFigures& c, const std::string& id) {
  if (!c.report) return nullptr;
  for (const ReportSection& s : c.report->sections)
    if (s.id == id) return &s;
  return nullptr;
}

// The section of the path's second group, or nullptr after answering 404.
const ReportSection* section_or_404(RequestContext& ctx, const drafts::Report& r, const ComputedFigures& c) {
  const ReportSection* s = find_section(c, ctx.path(2));
  if (!s)
    ctx.error(404, c.error.empty() ? "Báo cáo \"" + r.title + "\" không có mục \"" + ctx.path(2) + "\"."
                                   : "Không lập được số liệu của báo cáo từ hồ sơ hiện có: " + c.error);
  return s;
}

std::optional<drafts::SectionText> current_text(RequestContext& ctx, const std::string& report, const std::string& section) {
  for (drafts::SectionText& t : drafts::section_texts(ctx.read_store(), report))
    if (t.section == section) return std::move(t);
  return std::nullopt;
}

std::string person_name(RequestContext& ctx, const std::string& username) {
  std::optional<User> u = find_user(ctx.read_store(), username);
  return u && !u->name.empty() ? u->name : username;
}

// The preview of `text` against the report's current figures: its HTML (escaped by the
// narrative engine) and its problems with their lines.
Data preview_view(const std::string& text, const ComputedFigures& c) {
  narrative::ParseResult parsed = narrative::parse_narrative(text, c.values);
  Data d;
  Data problems = list();
  for (const narrative::Problem& p : parsed.problems) {
    Data e;
    e.set("line", std::to_string(p.line));
    e.set("message", p.message);
    problems.push_back(e);
  }
  d.set("problems", problems);
  d.set("has_problems", !parsed.problems.empty());
  d.set("empty", text.find_first_not_of(" \t\r\n") == std::string::npos);
  if (parsed.narrative) d.set("html", narrative::preview_html(*parsed.narrative, c.values));
  return d;
}

Data figures_view(const ComputedFigures& c) {
  Data groups = list();
  for (const narrative::FigureGroup& g : c.groups) {
    Data figures = list();
    for (const narrative::AvailableFigure& f : g.figures) {
      Data d;
      d.set("id", f.id);
      d.set("ref", "{" + f.id + "}");
      d.set("label", f.label);
      d.set("text", f.text);
      figures.push_back(d);
    }
    Data d;
    d.set("title", g.title);
    d.set("count", format_int(static_cast<int64_t>(g.figures.size())));
    d.set("figures", figures);
    groups.push_back(d);
  }
  return groups;
}

// Links to the sections before and after this one, and the list of every section.
void add_section_links(Data& page, const drafts::Report& r, const ComputedFigures& c, const ReportSection& current) {
  const std::vector<ReportSection>& all = c.report->sections;
  Data sections = list();
  for (size_t i = 0; i < all.size(); ++i) {
    Data d;
    d.set("title", all[i].title);
    d.set("href", section_href(r.code, all[i].id));
    if (all[i].id == current.id) {
      d.set("current", true);
      if (i > 0) {
        page.set("prev_href", section_href(r.code, all[i - 1].id));
        page.set("prev_title", all[i - 1].title);
      }
      if (i + 1 < all.size()) {
        page.set("next_href", section_href(r.code, all[i + 1].id));
        page.set("next_title", all[i + 1].title);
      }
    }
    sections.push_back(d);
  }
  page.set("all_sections", sections);
}

struct EditorState {
  std::string text;
  int base_version = 0;
  std::optional<drafts::SectionText> conflict;  // someone else's save since base_version
  FieldErrors errors;                           // refusals of the save
  bool saved = false;
};

void editor_page(RequestContext& ctx, const drafts::Report& r, const ComputedFigures& c, const ReportSection& s,
                 int status, const EditorState& state) {
  Data page;
  page.set("report_title", r.title);
  page.set("report_href", report_href(r.code));
  page.set("status_label", drafts::status_label(r.status));
  page.set("section_title", s.title);
  page.set("hint", s.hint);
  page.set("action", section_href(r.code, s.id));
  page.set("preview_action", section_href(r.code, s.id) + "/xem-truoc");
  page.set("history_href", section_href(r.code, s.id) + "/lich-su");
  page.set("editable", may_edit(*ctx.user(), r));
  page.set("text", state.text);
  page.set("base_version", std::to_string(state.base_version));
  page.set("csrf", ctx.csrf());
  page.set("saved", state.saved);
  page.set("preview", preview_view(state.text, c));
  page.set("groups", figures_view(c));
  if (state.conflict) {
    Data d;
    d.set("user", person_name(ctx, state.conflict->user));
    d.set("at", report_time_text(state.conflict->at));
    d.set("version", std::to_string(state.conflict->version));
    d.set("text", state.conflict->text);
    page.set("conflict", d);
  }
  page.set("errors", errors_view(state.errors));
  page.set("has_errors", !state.errors.empty());
  add_section_links(page, r, c, s);
  ctx.page(status, "report_editor", page, s.title + " — " + r.title);
}

void show(RequestContext& ctx) {
  std::optional<drafts::Report> r = report_or_404(ctx);
  if (!r) return;
  std::shared_ptr<const ComputedFigures> c = computed_figures(ctx, *r);
  const ReportSection* s = section_or_404(ctx, *r, *c);
  if (!s) return;
  EditorState state;
  if (std::optional<drafts::SectionText> t = current_text(ctx, r->code, s->id)) {
    state.text = t->text;
    state.base_version = t->version;
  }
  state.saved = ctx.param("da_luu") == "1";
  editor_page(ctx, *r, *c, *s, 200, state);
}

void save(RequestContext& ctx) {
  std::optional<drafts::Report> r = report_or_404(ctx);
  if (!r) return;
  std::shared_ptr<const ComputedFigures> c = computed_figures(ctx, *r);
  const ReportSection* s = section_or_404(ctx, *r, *c);
  if (!s) return;
  EditorState state;
  state.text = ctx.param("noi_dung");
  state.base_version = std::atoi(ctx.param("phien_ban").c_str());
  if (ctx.param("xem_truoc") == "1") {  // the preview without JavaScript: nothing is saved
    editor_page(ctx, *r, *c, *s, 200, state);
    return;
  }
  drafts::SaveResult result =
      drafts::save_section(ctx.store(), *ctx.app.dataset(), *ctx.user(), {r->code, s->id, state.text, state.base_version});
  if (result.conflict) {
    // Nothing is lost: the box keeps this person's text; saving again applies over their version.
    state.conflict = result.conflict;
    state.base_version = result.conflict->version;
    editor_page(ctx, *r, *c, *s, 409, state);
    return;
  }
  if (!result.errors.empty()) {
    state.errors = std::move(result.errors);
    editor_page(ctx, *r, *c, *s, 422, state);
    return;
  }
  ctx.redirect(section_href(r->code, s->id) + "?da_luu=1");
}

void preview(RequestContext& ctx) {
  std::optional<drafts::Report> r = report_or_404(ctx);
  if (!r) return;
  std::shared_ptr<const ComputedFigures> c = computed_figures(ctx, *r);
  if (!section_or_404(ctx, *r, *c)) return;
  ctx.res.set_content(render_template("_report_preview", preview_view(ctx.param("noi_dung"), *c)),
                      "text/html; charset=utf-8");
}

// ---- History and compare ----

Data diff_view(const std::vector<drafts::DiffLine>& lines) {
  Data out = list();
  for (const drafts::DiffLine& l : lines) {
    Data d;
    d.set("op", l.op == '-' ? std::string("−") : l.op == '+' ? std::string("+") : std::string(" "));
    d.set("kind", l.op == '-' ? std::string("bo") : l.op == '+' ? std::string("them") : std::string("giu"));
    // Said in words too, for screen readers: the sign alone is easy to miss.
    d.set("words", l.op == '-' ? std::string("Bỏ: ") : l.op == '+' ? std::string("Thêm: ") : std::string());
    d.set("text", l.text);
    out.push_back(d);
  }
  return out;
}

void history(RequestContext& ctx) {
  std::optional<drafts::Report> r = report_or_404(ctx);
  if (!r) return;
  std::shared_ptr<const ComputedFigures> c = computed_figures(ctx, *r);
  const ReportSection* s = section_or_404(ctx, *r, *c);
  if (!s) return;
  std::vector<drafts::Version> versions = drafts::section_versions(ctx.read_store(), r->code, s->id);
  auto find = [&](int n) -> const drafts::Version* {
    for (const drafts::Version& v : versions)
      if (v.number == n) return &v;
    return nullptr;
  };
  // By default the latest version against the one before it.
  int newer = ctx.param("moi").empty() ? (versions.empty() ? 0 : versions.front().number) : std::atoi(ctx.param("moi").c_str());
  int older = ctx.param("cu").empty() ? (versions.size() > 1 ? versions[1].number : 0) : std::atoi(ctx.param("cu").c_str());
  Data page;
  page.set("report_title", r->title);
  page.set("report_href", report_href(r->code));
  page.set("section_title", s->title);
  page.set("section_href", section_href(r->code, s->id));
  page.set("action", section_href(r->code, s->id) + "/lich-su");
  Data rows = list(), older_options = list(), newer_options = list();
  for (const drafts::Version& v : versions) {
    Data d;
    d.set("number", std::to_string(v.number));
    d.set("user", person_name(ctx, v.user));
    d.set("at", report_time_text(v.at));
    rows.push_back(d);
    Data o = d, n = d;
    if (v.number == older) o.set("selected", true);
    if (v.number == newer) n.set("selected", true);
    older_options.push_back(o);
    newer_options.push_back(n);
  }
  page.set("versions", rows);
  page.set("older_options", older_options);
  page.set("newer_options", newer_options);
  page.set("can_compare", versions.size() > 1);
  const drafts::Version* a = find(older);
  const drafts::Version* b = find(newer);
  if ((!ctx.param("cu").empty() && !a) || (!ctx.param("moi").empty() && !b)) {
    ctx.error(404, "Mục \"" + s->title + "\" không có phiên bản \"" + (a ? ctx.param("moi") : ctx.param("cu")) + "\".");
    return;
  }
  if (a && b) {
    page.set("older", std::to_string(a->number));
    page.set("newer", std::to_string(b->number));
    page.set("diff", diff_view(drafts::compare_versions(a->text, b->text)));
    page.set("compared", true);
  }
  ctx.page(200, "report_history", page, "Lịch sử: " + s->title);
}

}  // namespace

void register_report_editor_pages(App& app) {
  const std::vector<std::string> writers = {"so_cong_thuong", "trung_tam"};
  app.add({"GET", R"(/bao-cao/([^/]+)/muc/([^/]+))", "bao_cao_muc", Access::only(kReportReaderRoles), false, show});
  app.add({"POST", R"(/bao-cao/([^/]+)/muc/([^/]+))", "bao_cao_muc_luu", Access::only(writers), false, save});
  app.add({"POST", R"(/bao-cao/([^/]+)/muc/([^/]+)/xem-truoc)", "bao_cao_xem_truoc", Access::only(writers), false, preview});
  app.add({"GET", R"(/bao-cao/([^/]+)/muc/([^/]+)/lich-su)", "bao_cao_lich_su", Access::only(kReportReaderRoles), false, history});
}

}  // namespace kc::web
