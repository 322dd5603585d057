// The five-year phase report behind report_kinds.h: its narrative sections come from the
// report's headings (phase_sections), and rendering places each section's narrative after the
// section's computed text (build_phase_document).
#include <memory>

#include "report/phase_report.h"
#include "report/phase_report_document.h"
#include "report/report_kinds.h"
#include "report/report_letterhead.h"

namespace kc {

ComputedReportResult compute_phase_kind(const Dataset& data, const ReportScope& scope) {
  PhaseReportResult result = compute_phase_report(data, scope.plan_code);
  if (result.error) return {std::nullopt, result.error->message};
  auto report = std::make_shared<const PhaseReport>(std::move(*result.report));
  ComputedReport c;
  c.title = "Báo cáo đánh giá kết quả thực hiện kế hoạch khuyến công giai đoạn " + std::to_string(report->from_year) +
            " - " + std::to_string(report->to_year);
  c.file_stem = "bao-cao-" + report->plan_code;
  c.sections = phase_sections(*report);
  int32_t plan = data.plan_index(scope.plan_code);
  if (plan >= 0 && data.plans[static_cast<size_t>(plan)].unit >= 0)
    c.area_code = data.units[static_cast<size_t>(data.plans[static_cast<size_t>(plan)].unit)].code;
  c.figures = report->figures;
  c.issue_defaults = default_issue_details(*report);
  c.render = [report](ReportFormat format, const NarrativeSections& narratives, const ReportIssueDetails& issue) {
    PhaseDocumentOptions options;
    options.date = issue.date;
    options.charts = issue.charts;
    options.issue = issue;
    options.narratives = narratives;
    return render_phase_report(*report, format, options);
  };
  return {std::move(c), {}};
}

}  // namespace kc
