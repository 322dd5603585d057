// The reports khuyencong drafts and issues, behind one interface. A report kind (the record
// loai_bao_cao) names one of these structures: the five-year phase report, the annual report or
// the six-month report. Each structure computes its figures from a Dataset for a scope, says which
// narrative sections staff write for it, and renders the document with that narrative and the
// issue details (number, date, signer, recipients) in every report format.
//
// The drafts (drafts/report_drafts.h) and the CLI use only this interface, so a new structure
// (a quarterly report) is added here without touching them.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"
#include "report/document.h"
#include "report/figure.h"
#include "report/report_issue.h"
#include "report/report_output.h"

namespace kc {

enum class ReportStructure { Phase, Annual, SixMonth };

// The codes stored in loai_bao_cao.cau_truc: "giai_doan", "nam", "sau_thang".
std::optional<ReportStructure> parse_report_structure(std::string_view code);
std::string_view report_structure_code(ReportStructure s);

// ReportSection: report/report_issue.h.

// What a report covers. Phase: the phase plan. Annual and six-month: the year, and the plan
// whose area and targets it reports against (the year's annual plan; empty: the annual plan of
// that year, when the records hold exactly one).
struct ReportScope {
  std::string plan_code;
  int year = 0;
};

// ReportIssueDetails and NarrativeSections: report/report_issue.h.

// A report computed from the records, ready to render any number of times.
struct ComputedReport {
  std::string title;                     // "Báo cáo kết quả thực hiện kế hoạch khuyến công năm 2020"
  std::string file_stem;                 // for downloads: "bao-cao-nam-2020-bg"
  std::string area_code;                 // the plan's area (scoping readers)
  std::vector<ReportSection> sections;   // narrative sections, in document order
  std::vector<Figure> figures;           // every figure a narrative may refer to
  // What the document prints where the issue details are empty (the signer from the staff
  // records, the default recipients): the web's issue form is prefilled with it.
  ReportIssueDetails issue_defaults;
  std::function<RenderedReport(ReportFormat, const NarrativeSections&, const ReportIssueDetails&)> render;
};

struct ComputedReportResult {
  std::optional<ComputedReport> report;
  std::string error;  // Vietnamese, names the plan or year that could not be used
};

ComputedReportResult compute_report(const Dataset& data, ReportStructure structure, const ReportScope& scope);

// The structures' own entry points (report_kinds_phase.cc, report_kinds_annual.cc).
ComputedReportResult compute_phase_kind(const Dataset& data, const ReportScope& scope);
ComputedReportResult compute_annual_kind(const Dataset& data, const ReportScope& scope, bool six_month);

}  // namespace kc
