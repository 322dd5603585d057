// What every report structure prints besides its computed figures: the narrative staff wrote,
// by section, and the issue details (number, date, signer, recipients). Shared by the phase
// document (phase_report_document.h) and the report kinds (report_kinds.h).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "report/document.h"

namespace kc {

// A section staff write a narrative for. Its id is stable (stored in bao_cao_muc.muc): "I.1.1",
// "I.2.3", "I.3.2", "II.1"…; the title is the heading the document prints ("3.2. Tồn tại, hạn chế").
struct ReportSection {
  std::string id;
  std::string title;
  std::string hint;  // Vietnamese: what the section is for, shown in the editor
};

// What the document prints once the report is issued (or what a draft has so far): the
// letterhead's number, the date, the signature and the recipients. Empty fields print the
// defaults of an unissued report: "Số: …/BC-SCT", a dotted date, the agency head from the
// staff records, the default recipients.
struct ReportIssueDetails {
  std::string number_symbol;             // "125/BC-SCT"
  std::optional<Date> date;              // issue date
  std::string signing_authority;         // "KT. GIÁM ĐỐC" when a deputy signs; empty otherwise
  std::string signer_title;              // "PHÓ GIÁM ĐỐC"
  std::string signer_name;               // "Nguyễn Văn A"
  std::vector<std::string> recipients;   // "Nơi nhận" lines, "- Bộ Công Thương (b/c);", "- Bản điện tử: …"
  bool charts = false;                   // the charts appendix
};

// The narrative staff wrote, already turned into document blocks (narrative::to_blocks), by
// section id. A section without an entry prints only its computed text.
using NarrativeSections = std::map<std::string, std::vector<doc::Block>, std::less<>>;

}  // namespace kc
