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

// Plan text with light markup: "## " starts a heading, "- " a bullet, other lines paragraphs.
void append_marked_text(const std::string& text, std::vector<doc::Block>& body);

}  // namespace kc
