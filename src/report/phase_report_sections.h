// Parts of the phase report document that stand on their own: the assessment (3.), the
// plan's directions text (Part II) and the appendix tables.
#pragma once

#include <string>
#include <vector>

#include "report/document.h"
#include "report/phase_report.h"

namespace kc {

// "3. Đánh giá chung": main results, results by area (priority areas against the rest),
// targets not reached.
void append_assessment(const PhaseReport& report, std::vector<doc::Block>& body);

// Projects and money in the priority areas against the rest (and province-wide), the kinds of
// priority area named from the records; `appendix` ("Phụ lục 4") is where the table is, or "".
void append_area_comparison(const PhaseReport& report, std::vector<doc::Block>& body, const std::string& appendix);

// Plan text with light markup: "## " starts a heading, "- " a bullet, other lines paragraphs.
void append_marked_text(const std::string& text, std::vector<doc::Block>& body);

}  // namespace kc
