// The parts every report of an agency shares, whatever its body (Nghị định 30/2020, Phụ lục I):
// the letterhead, the symbol "BC-SCT", the appendix titles with the report they go with, and the
// recipients and signature. The phase report and the annual and six-month reports build them
// from the same PhaseReport identity (agency, parent, area, signer on the period's last day).
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "report/document.h"
#include "report/phase_report.h"
#include "report/report_issue.h"

namespace kc {

// Under its parent ("UBND TỈNH BẮC GIANG") the issuing body is named without the place the
// parent already names: "Sở Công Thương" for "Sở Công Thương tỉnh Bắc Giang".
std::string letterhead_agency_name(const PhaseReport& r);

// "BC-SCT": the kind of document and the agency's abbreviation ("BC-…" without one).
std::string report_symbol(const PhaseReport& r);

// The letterhead: parent and agency in upper case, "Số: <number>/BC-SCT" ("125/BC-SCT" when
// `number_symbol` holds a slash: taken whole; else the number before the symbol; blank when
// empty), the place and the date in words (blank to fill in by hand without one).
doc::Letterhead report_letterhead(const PhaseReport& r, const std::string& number_symbol, const std::optional<Date>& date);

// "Phụ lục 1. Số đề án …" → title "Phụ lục 1", subject "Số đề án …", and the line
// "(Kèm theo Báo cáo số 125/BC-SCT ngày 05/01/2021 của Sở Công Thương tỉnh Bắc Giang)", dotted
// until issued.
doc::Appendix report_appendix(const PhaseReport& r, const std::string& caption, const std::string& number_symbol,
                              const std::optional<Date>& date);

// The default recipients (the Ministry and the parent body for their information, the archive)
// and the agency head who signs (the director active on the period's last day).
doc::Signature default_signature(const PhaseReport& r);

// The signature as issued: the defaults with what the issue details give instead (recipients,
// signer, title) and the signing authority ("KT. GIÁM ĐỐC") above the title.
doc::Signature report_signature(const PhaseReport& r, const ReportIssueDetails& issue);

// What the issue form starts from: the default signature's authority, signer, title and
// recipients (what the document prints when none are given).
ReportIssueDetails default_issue_details(const PhaseReport& r);

// The number and symbol "125/BC-SCT" from a number alone ("125") or a whole one; "" when blank.
std::string number_and_symbol(const PhaseReport& r, const std::string& number_symbol);

}  // namespace kc
