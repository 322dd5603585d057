// Turns a computed PhaseReport into the Vietnamese document (the seed's structure): the
// letterhead, Part I (1. state management, 2. results overall and per content, 3. the
// assessment), Part II from the plan's directions, the appendix tables and the signature.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "report/document.h"
#include "report/phase_report.h"
#include "report/report_issue.h"

namespace kc {

struct PhaseDocumentOptions {
  std::optional<Date> date = {};  // the report's date; blank "ngày … tháng … năm …" when absent
  std::string number = {};   // the report's number once issued ("125"); blank when empty
  bool charts = false;       // add the charts as a last appendix (`report phase --charts`)
  // A draft's issue details: a non-empty number_symbol ("125/BC-SCT") replaces number and the
  // symbol in the letterhead and the appendices' reference line; the signing authority ("KT.
  // GIÁM ĐỐC") prints above the signer's title; the signer and recipients replace the staff
  // records' head and the default recipients. Its date and charts are `date` and `charts`.
  ReportIssueDetails issue = {};
  // The narrative by section id (phase_sections): each prints after its section's computed
  // text; any "II.*" narrative replaces the plan's directions text in Part II.
  NarrativeSections narratives = {};
};

doc::Document build_phase_document(const PhaseReport& report, const PhaseDocumentOptions& options);

// The sections staff write a narrative for, in document order: "I.1.1", "I.1.2", "I.2.n" for
// each content the report states (n its number), "I.3.1" … "I.3.4", "II.1" … "II.3".
std::vector<ReportSection> phase_sections(const PhaseReport& report);

// Appendix tables (also used by the XLSX and HTML outputs later).
std::vector<doc::Table> phase_appendix_tables(const PhaseReport& report);

// The report's charts (money by content, by funding level, by year; projects by year; targets
// achieved), printed after the appendix tables.
std::vector<doc::Chart> phase_charts(const PhaseReport& report);

}  // namespace kc
