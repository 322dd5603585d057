// Turns a computed AnnualReport into the Vietnamese document (Nghị định 30/2020 layout, as the
// phase report): the letterhead, Part I (1. direction and management, 2. results, 3. assessment),
// Part II (the next period's tasks), Part III (proposals), the recipients and the signature, then
// the appendix tables the Ministry asks for. The staff's narrative of each section (ids "I.1",
// "I.2", "I.3.1", "I.3.2", "I.3.3", "II", "III") prints after the section's computed text.
#pragma once

#include <vector>

#include "report/annual_report.h"
#include "report/document.h"
#include "report/phase_report_sheets.h"
#include "report/report_kinds.h"

namespace kc {

doc::Document build_annual_document(const AnnualReport& report, const NarrativeSections& narratives,
                                    const ReportIssueDetails& issue);

// The narrative sections of the annual and six-month reports, in document order.
std::vector<ReportSection> annual_sections(const AnnualReport& report);

// Appendix tables with typed cells (also the workbook's sheets).
std::vector<SheetTable> annual_sheet_tables(const AnnualReport& report);

// "Kết quả thực hiện kế hoạch khuyến công năm 2020"; six months: "… sáu tháng đầu năm 2020 và
// nhiệm vụ sáu tháng cuối năm 2020".
std::string annual_subject(const AnnualReport& report);

}  // namespace kc
