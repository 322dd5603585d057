// PDF renderer: lays out a kc::doc::Document with pango and draws it with cairo, following
// Nghị định 30/2020/NĐ-CP, Phụ lục I like the DOCX renderer: A4 portrait, margins 20/20/30/15
// mm, Liberation Serif (metric-compatible with Times New Roman) 14 pt justified body with a
// 1,27 cm first-line indent, the two-column letterhead, tables with borders whose header row
// is repeated on every page they run over, charts as vectors, page numbers centred in the top
// margin from page 2, recipients and signature. Fonts are embedded (subsets); the text is
// extractable (pdftotext) in NFC.
#pragma once

#include <filesystem>
#include <string>

#include "report/document.h"

namespace kc::doc {

// The PDF file's bytes.
std::string render_pdf(const Document& d);

// Writes `d` to `out` as PDF, replacing the file atomically. Throws std::runtime_error with a
// Vietnamese message when the file cannot be written.
void render_pdf(const Document& d, const std::filesystem::path& out);

}  // namespace kc::doc
