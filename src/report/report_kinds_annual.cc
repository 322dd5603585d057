// The annual and six-month reports behind report_kinds.h.
#include <memory>

#include "report/annual_report.h"
#include "report/annual_report_document.h"
#include "report/annual_report_json.h"
#include "report/render_xlsx.h"
#include "report/report_kinds.h"
#include "report/report_letterhead.h"
#include "text/normalize.h"

namespace kc {

namespace {

RenderedReport render_annual(const AnnualReport& report, ReportFormat format, const NarrativeSections& narratives,
                             const ReportIssueDetails& issue) {
  switch (format) {
    case ReportFormat::Json:
      return {annual_report_json(report).dump(2) + "\n", "application/json; charset=utf-8", "json"};
    case ReportFormat::Xlsx:
      return {XlsxFile::to_bytes(false,
                                 [&](XlsxFile& file) {
                                   for (const SheetTable& t : annual_sheet_tables(report)) write_sheet_table(file, t);
                                 }),
              kXlsxMediaType, "xlsx"};
    default: return render_document(build_annual_document(report, narratives, issue), format);
  }
}

}  // namespace

ComputedReportResult compute_annual_kind(const Dataset& data, const ReportScope& scope, bool six_month) {
  AnnualReportResult result = compute_annual_report(data, scope.year, scope.plan_code, six_month);
  if (!result.report) return {std::nullopt, result.error};
  auto report = std::make_shared<const AnnualReport>(std::move(*result.report));
  ComputedReport c;
  c.title = "Báo cáo " + lower_first_vi(annual_subject(*report));
  c.file_stem = std::string(six_month ? "bao-cao-sau-thang-" : "bao-cao-nam-") + std::to_string(report->year) + "-" +
                report->current.plan_code;
  c.area_code = report->area_code;
  c.sections = annual_sections(*report);
  c.figures = report->figures;
  c.issue_defaults = default_issue_details(report->current);
  c.render = [report](ReportFormat format, const NarrativeSections& narratives, const ReportIssueDetails& issue) {
    return render_annual(*report, format, narratives, issue);
  };
  return {std::move(c), {}};
}

}  // namespace kc
