// DOCX renderer: turns a kc::doc::Document into a WordprocessingML package laid out per
// Nghị định 30/2020/NĐ-CP, Phụ lục I (A4 portrait, margins 20/20/30/15 mm, Times New Roman
// 14 pt justified body, two-column letterhead, page numbers top centre from page 2, recipients
// and signature block). Opens in Word and LibreOffice; see render_docx_test.cc.
#pragma once

#include <filesystem>

#include "report/document.h"

namespace kc::doc {

// Writes `d` to `out` as a .docx file. The file is replaced atomically (written under a
// temporary name next to it, then renamed). Throws std::runtime_error with a Vietnamese message
// when the file cannot be written.
void render_docx(const Document& d, const std::filesystem::path& out);

}  // namespace kc::doc
