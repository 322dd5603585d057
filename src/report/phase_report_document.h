// Turns a computed PhaseReport into the Vietnamese document (the seed's structure): the
// letterhead, Part I (1. state management, 2. results overall and per content, 3. the
// assessment), Part II from the plan's directions, the appendix tables and the signature.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "report/document.h"
#include "report/phase_report.h"

namespace kc {

struct PhaseDocumentOptions {
  std::optional<Date> date = {};  // the report's date; blank "ngày … tháng … năm …" when absent
  std::string number = {};   // the report's number once issued ("125"); blank when empty
  bool charts = false;       // add the charts as a last appendix (`report phase --charts`)
};

doc::Document build_phase_document(const PhaseReport& report, const PhaseDocumentOptions& options);

// Appendix tables (also used by the XLSX and HTML outputs later).
std::vector<doc::Table> phase_appendix_tables(const PhaseReport& report);

// The report's charts (money by content, by funding level, by year; projects by year; targets
// achieved), printed after the appendix tables.
std::vector<doc::Chart> phase_charts(const PhaseReport& report);

}  // namespace kc
