// The five-year phase report behind report_kinds.h. Transitional: narrative sections are not
// placed yet (the drafts work places them in phase_report_document.cc).
#include <memory>

#include "report/phase_report.h"
#include "report/phase_report_document.h"
#include "report/report_kinds.h"

namespace kc {

ComputedReportResult compute_phase_kind(const Dataset& data, const ReportScope& scope) {
  PhaseReportResult result = compute_phase_report(data, scope.plan_code);
  if (result.error) return {std::nullopt, result.error->message};
  auto report = std::make_shared<const PhaseReport>(std::move(*result.report));
  ComputedReport c;
  c.title = "Báo cáo đánh giá kết quả thực hiện kế hoạch khuyến công giai đoạn " + std::to_string(report->from_year) +
            " - " + std::to_string(report->to_year);
  c.file_stem = "bao-cao-" + report->plan_code;
  c.figures = report->figures;
  // The defaults are what the document prints without issue details (one way to say them).
  doc::Signature printed = build_phase_document(*report, {}).signature;
  c.issue_defaults.signer_title = printed.position;
  c.issue_defaults.signer_name = printed.signer;
  c.issue_defaults.recipients = printed.recipients;
  c.render = [report](ReportFormat format, const NarrativeSections&, const ReportIssueDetails& issue) {
    PhaseDocumentOptions options;
    options.date = issue.date;
    options.number = issue.number_symbol.substr(0, issue.number_symbol.find('/'));
    options.charts = issue.charts;
    return render_phase_report(*report, format, options);
  };
  return {std::move(c), {}};
}

}  // namespace kc
