// What the "Báo cáo" pages share (pages_reports.cc, pages_report_view.cc,
// pages_report_editor.cc): the report a request names, read through drafts::find_report so a
// caller who may not read it gets 404; the report's computed figures, remembered per data
// version so that the editor's preview stays within its 20 ms; and the words the pages print
// for statuses, steps and times.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drafts/report_drafts.h"
#include "report/narrative.h"
#include "report/report_kinds.h"
#include "web/templates.h"

namespace kc::web {

class App;
class RequestContext;

// Who reaches the area's pages: staff, and local officers for the reports of their area
// (drafts::find_report decides which).
inline const std::vector<std::string> kReportReaderRoles = {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong"};

// The report's page with its steps and downloads; the section editor (registered by
// register_report_pages, after the area's own routes).
void register_report_view_pages(App& app);
void register_report_editor_pages(App& app);

// The report of the path's first group, or nullptr after answering 404 (unknown, or hidden from
// the caller: the two are not told apart).
std::optional<drafts::Report> report_or_404(RequestContext& ctx);

// A report computed from the current records: its sections and the figures a narrative may use.
struct ComputedFigures {
  std::optional<ComputedReport> report;  // none when the records no longer give it (error says why)
  std::string error;
  narrative::FigureValues values;
  std::vector<narrative::FigureGroup> groups;
};
// Remembered per report scope and App::data_version (a few entries), shared by every caller.
std::shared_ptr<const ComputedFigures> computed_figures(RequestContext& ctx, const drafts::Report& report);

// What the caller may do with `report` now, as the pages offer it; the library decides again
// on every write (drafts::save_section, drafts::take_step).
bool may_edit(const User& user, const drafts::Report& report);
bool may_take(const User& user, const drafts::Report& report, const std::string& action);
inline const char* const kReportActions[] = {"trinh", "tra_lai", "duyet", "ban_hanh"};
std::string action_label(const std::string& action);  // "Trình duyệt", "Trả lại"…

// "2026-12-03T10:00:00Z" or "2026-12-03 10:00:00" (UTC) → "03/12/2026 17:00" (Asia/Ho_Chi_Minh).
std::string report_time_text(const std::string& utc);

// A message of the drafts library ("cần ghi ý kiến khi trả lại báo cáo") as a sentence on a page:
// capital first letter, closing full stop.
std::string as_sentence(const std::string& message);
// FieldErrors as {field, message} for a template's summary, each as_sentence.
Data errors_view(const FieldErrors& errors);
// The first message for `field` (as_sentence), "" when none.
std::string error_of(const FieldErrors& errors, const std::string& field);

// {code, kind_name, title, year, status, status_label, updated, href} for lists.
Data report_row(const drafts::Report& report);

// The path of a report's page, and of one of its sections in the editor.
std::string report_href(const std::string& code);
std::string section_href(const std::string& code, const std::string& section);

}  // namespace kc::web
