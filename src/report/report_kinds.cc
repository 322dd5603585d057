#include "report/report_kinds.h"

namespace kc {

std::optional<ReportStructure> parse_report_structure(std::string_view code) {
  if (code == "giai_doan") return ReportStructure::Phase;
  if (code == "nam") return ReportStructure::Annual;
  if (code == "sau_thang") return ReportStructure::SixMonth;
  return std::nullopt;
}

std::string_view report_structure_code(ReportStructure s) {
  switch (s) {
    case ReportStructure::Phase: return "giai_doan";
    case ReportStructure::Annual: return "nam";
    case ReportStructure::SixMonth: return "sau_thang";
  }
  return "";
}

ComputedReportResult compute_report(const Dataset& data, ReportStructure structure, const ReportScope& scope) {
  switch (structure) {
    case ReportStructure::Phase: return compute_phase_kind(data, scope);
    case ReportStructure::Annual: return compute_annual_kind(data, scope, false);
    case ReportStructure::SixMonth: return compute_annual_kind(data, scope, true);
  }
  return {std::nullopt, "loại báo cáo không xác định"};
}

}  // namespace kc
