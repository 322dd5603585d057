// The annual and six-month reports behind report_kinds.h. Transitional until the annual report
// model lands: it says so instead of printing anything.
#include "report/report_kinds.h"

namespace kc {

ComputedReportResult compute_annual_kind(const Dataset&, const ReportScope&, bool six_month) {
  return {std::nullopt, six_month ? "báo cáo sáu tháng chưa có trong phiên bản này" : "báo cáo năm chưa có trong phiên bản này"};
}

}  // namespace kc
