// Reports as records: a draft is written section by section, submitted, returned with comments
// or approved, and issued. Every save of a section is a version; issuing freezes the document.
//
// Records (docs/report-drafts.md):
//   loai_bao_cao  (bundle)  the kinds of report: code, name, structure (report/report_kinds.h)
//   bao_cao       (bundle)  a report: kind, plan, year, agency, status, issue details
//   bao_cao_muc   (bundle)  the current narrative of one section, with its version number
//   bao_cao_phien_ban       every saved version of a section (who, when, text)
//   bao_cao_su_kien         every step of the status flow (who, when, comment)
//   bao_cao_ban_hanh        the issued document in every format, and the figures it printed
//
// Status flow: du_thao (draft) → da_trinh (submitted) → tra_lai (returned, with a comment) |
// da_duyet (approved) → da_ban_hanh (issued). A returned report is edited and submitted again.
// Roles: trung_tam creates, edits (while du_thao or tra_lai) and submits; so_cong_thuong returns,
// approves and issues (and may edit before approving); quan_tri reads; dia_phuong reads the
// reports whose area holds its unit; co_so and the public see none.
//
// Every write runs in one transaction with its audit entries, re-checks the caller's role and
// the report's status inside it, and answers Vietnamese field errors instead of writing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "core/date.h"
#include "model/dataset.h"
#include "report/narrative.h"
#include "report/report_kinds.h"
#include "schema/field_errors.h"

namespace kc {

class Store;

namespace drafts {

// "du_thao", "da_trinh", "tra_lai", "da_duyet", "da_ban_hanh"; Vietnamese labels for people.
std::string status_label(const std::string& status);

struct ReportKind {
  std::string code, name;
  ReportStructure structure = ReportStructure::Phase;
};
std::vector<ReportKind> report_kinds(Store& store);

struct Report {
  std::string code;         // "bc-2020-nam"
  std::string kind;         // loai_bao_cao code
  ReportStructure structure = ReportStructure::Phase;
  std::string kind_name;
  std::string title;        // as computed, or as issued
  ReportScope scope;        // plan and year
  std::string agency;       // to_chuc code of the reporting agency
  std::string area;         // the plan's area (don_vi_hanh_chinh code), for readers' scope
  std::string status;
  ReportIssueDetails issue; // filled in when issued (and as far as known before)
  std::string created_by, created_at;  // UTC "2026-12-03T10:00:00Z"
  std::string updated_at;
};

struct ReportFilter {
  std::string kind, status;
  int year = 0;  // 0: any
};

// The reports `user` may read, newest first.
std::vector<Report> list_reports(Store& store, const User& user, const ReportFilter& filter);
// One report, when it exists and `user` may read it.
std::optional<Report> find_report(Store& store, const User& user, const std::string& code);

struct NewReport {
  std::string kind;
  ReportScope scope;
  std::string agency;  // empty: the plan's reporting agency
};
struct CreateResult {
  FieldErrors errors;
  std::string code;  // of the new report
};
// trung_tam only. The kind must exist; the plan and year must give a report (compute_report).
CreateResult create_report(Store& store, const Dataset& data, const User& user, const NewReport& request);

// The current text of every section that has one.
struct SectionText {
  std::string section;  // section id ("I.3.2")
  std::string text;     // narrative markup (report/narrative.h)
  int version = 0;      // 0: never saved
  std::string user, at;
};
std::vector<SectionText> section_texts(Store& store, const std::string& report);

struct SaveRequest {
  std::string report, section, text;
  int base_version = 0;  // the version the editor started from
};
struct SaveResult {
  FieldErrors errors;                  // the narrative's problems (with lines), role or status refusals
  std::optional<SectionText> conflict; // someone saved since base_version: their text, version, who, when
  int version = 0;                     // the new version when saved
};
// Saves a new version unless the section changed since base_version (then `conflict`, nothing
// written) or the text has problems against the report's current figures.
SaveResult save_section(Store& store, const Dataset& data, const User& user, const SaveRequest& request);

struct Version {
  int number = 0;
  std::string section, text, user, at;
};
// A section's versions, newest first.
std::vector<Version> section_versions(Store& store, const std::string& report, const std::string& section);

// A line-by-line comparison of two versions of a section (a longest-common-subsequence diff).
struct DiffLine {
  char op = ' ';  // ' ' same, '-' only in the older, '+' only in the newer
  std::string text;
};
std::vector<DiffLine> compare_versions(const std::string& older, const std::string& newer);

// The status flow. `action`: "trinh" (submit), "tra_lai" (return: comment required), "duyet"
// (approve), "ban_hanh" (issue: number_symbol and date required, the signer and recipients as
// given). Issuing renders every format with the current records and narrative and stores them
// with the figures the narrative referred to, so a later download is byte-identical.
struct StepRequest {
  std::string report, action, comment;
  ReportIssueDetails issue;  // for "ban_hanh"
};
FieldErrors take_step(Store& store, const Dataset& data, const User& user, const StepRequest& request);

struct Event {
  std::string from, to, action, comment, user, at;
};
std::vector<Event> report_events(Store& store, const std::string& report);

// The document: an issued report's frozen bytes; otherwise rendered now from the records with
// the current narrative (sections whose text no longer parses print their problems' place
// holder, never a wrong figure).
std::optional<RenderedReport> report_document(Store& store, const Dataset& data, const std::string& report,
                                              ReportFormat format);

// For an issued report: the referenced figures whose value has changed since it was issued.
std::vector<narrative::FigureChange> changed_since_issue(Store& store, const Dataset& data, const std::string& report);

// At the end of an import (inside its transaction): every imported section without a version
// becomes version 1 by `user`, every imported report without a step gets the step "nhap", and
// every report imported as issued (da_ban_hanh) without its frozen documents is frozen from the
// imported records. The problems (Vietnamese, naming the report) refuse the import.
std::vector<std::string> settle_imported_reports(Store& store, const std::string& user);

}  // namespace drafts
}  // namespace kc
