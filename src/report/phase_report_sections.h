// Parts of the phase report document that stand on their own: the assessment (3.), the
// plan's directions text (Part II) and the appendix tables.
#pragma once

#include <string>
#include <vector>

#include "report/document.h"
#include "report/phase_report.h"
#include "report/report_issue.h"

namespace kc {

// "3. Đánh giá chung": 3.1 the main results and the results by area (priority areas against the
// rest), 3.2 the limitations starting with the targets not reached, each followed by its
// narrative ("I.3.1", "I.3.2"); 3.3 causes and 3.4 lessons learned only when written.
void append_assessment(const PhaseReport& report, const NarrativeSections& narratives, std::vector<doc::Block>& body);

// The assessment's narrative sections "I.3.1" … "I.3.4" with their headings.
std::vector<ReportSection> assessment_sections();

// Projects and money in the priority areas against the rest (and province-wide), the kinds of
// priority area named from the records; `appendix` ("Phụ lục 4") is where the table is, or "".
void append_area_comparison(const PhaseReport& report, std::vector<doc::Block>& body, const std::string& appendix);

// Plan text with light markup: "## " starts a heading, "- " a bullet, other lines paragraphs.
void append_marked_text(const std::string& text, std::vector<doc::Block>& body);

}  // namespace kc
