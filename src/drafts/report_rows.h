// Inside the drafts library (report_drafts.h): the report's records as rows of the store, the
// reader's scope, the computed report behind a draft and its narrative. Not for other modules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drafts/report_drafts.h"
#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc::drafts::detail {

const RecordKind& kinds_kind();     // loai_bao_cao
const RecordKind& reports_kind();   // bao_cao
const RecordKind& sections_kind();  // bao_cao_muc
const RecordKind& versions_kind();  // bao_cao_phien_ban
const RecordKind& events_kind();    // bao_cao_su_kien
const RecordKind& issued_kind();    // bao_cao_ban_hanh

// A field of a row by name: its text ("" for null), or its number (0 for null).
std::string text_of(const RecordKind& kind, const Row& row, std::string_view field);
int64_t int_of(const RecordKind& kind, const Row& row, std::string_view field);
void set(const RecordKind& kind, Row& row, std::string_view field, Value value);
Value text_or_null(const std::string& text);

// Every row of `kind` whose `field` equals `value` (a report's sections, versions, events…).
std::vector<Row> rows_where(Store& store, const RecordKind& kind, std::string_view field, const std::string& value);

std::optional<Row> report_row(Store& store, const std::string& code);
// The report as the header describes it (kind, scope, area, status, issue details, who made it).
Report report_of(Store& store, const Row& row);
// Whether `user` may read a report of `area` (role and area scope, report_drafts.h).
bool may_read(Store& store, const User& user, const std::string& area);

// The issue details the bao_cao row holds (recipients one a line).
ReportIssueDetails issue_of(const Row& row);

// The report computed from the records for the row's kind and scope.
ComputedReportResult computed_of(Store& store, const Dataset& data, const Row& row);

// The current narrative of every section with text, parsed against `values`; a section whose
// text no longer parses prints a note in its place (never a wrong figure) and is named in
// `broken` when given.
NarrativeSections narrative_blocks(Store& store, const std::string& report, const narrative::FigureValues& values,
                                   std::vector<std::string>* broken = nullptr);

// The latest saved version of a section (0 when none).
int current_version(Store& store, const std::string& report, const std::string& section);

// A status-flow event, with its audit entry, inside the caller's transaction.
void record_event(Store& store, const std::string& report, const std::string& action, const std::string& from,
                  const std::string& to, const std::string& comment, const std::string& user);

}  // namespace kc::drafts::detail

namespace kc::drafts::detail {

// Issuing: renders every format of the report (the row as it will be stored, with its issue
// details) and stores them with the figures its narrative printed. Field errors instead, and
// nothing written, when a section's text no longer parses against the current figures.
FieldErrors freeze_report(Store& store, const Dataset& data, const Row& row);

}  // namespace kc::drafts::detail
