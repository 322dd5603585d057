#include "interchange/workbook_encoding.h"

#include <algorithm>

#include "interchange/workbook_cells.h"
#include "text/legacy_text.h"
#include "xlsx/cell_ref.h"

namespace kc {

namespace {

// Enough evidence for the decision (decode_legacy_text scores at most 20.000 words).
constexpr size_t kMaxEvidenceBytes = 256 << 10;
constexpr size_t kSampleChars = 120;

std::string quoted(const std::string& s) { return "«" + s + "»"; }

// At most kSampleChars characters, cut at a character boundary.
std::string clipped(std::string_view s) {
  size_t chars = 0, i = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > kSampleChars) return std::string(s.substr(0, i)) + "…";
    ++i;
  }
  return std::string(s);
}

}  // namespace

bool SheetSuspects::enough() const { return evidence_.size() >= kMaxEvidenceBytes; }

bool SheetSuspects::look(uint32_t row, uint32_t column, std::string_view field, std::string_view text) {
  if (!is_legacy_suspect_cell(text)) return false;
  ++cells_;
  if (evidence_.size() >= kMaxEvidenceBytes) return true;
  for (char c : text) evidence_ += c == '\n' || c == '\r' ? ' ' : c;
  evidence_ += '\n';
  where_.push_back({row, column, std::string(field)});
  return true;
}

SheetEncoding decide_sheet_encoding(const std::string& sheet, const SheetSuspects& suspects,
                                    const ImportOptions& options) {
  SheetEncoding out;
  if (suspects.empty() || options.keep_unicode) return out;
  LegacyDecoding d = decode_legacy_text(suspects.evidence_, options.legacy_encoding);
  if (d.outcome == LegacyDecoding::Outcome::Converted) out.encoding = d.encoding;
  if (d.outcome != LegacyDecoding::Outcome::Ambiguous) return out;

  Problem p{sheet, 0, 0, "", ""};
  p.sheet = true;
  std::string m = "có " + std::to_string(suspects.cells()) + " ô không đọc được thành tiếng Việt Unicode, có thể gõ bằng "
                  "phông chữ của bảng mã cũ, nhưng ";
  m += d.candidates.size() > 1 ? "không chắc chắn là bảng mã nào" : "có quá ít chữ để chắc chắn bảng mã";
  if (d.sample_line > 0 && d.sample_line <= suspects.where_.size()) {
    const SheetSuspects::Where& w = suspects.where_[d.sample_line - 1];
    p.line = w.row;
    p.column = w.column;
    p.field = w.field;
    m += "; ô " + xlsx::column_letters(w.column) + std::to_string(w.row) + " đọc";
    for (size_t i = 0; i < d.candidates.size(); ++i)
      m += std::string(i == 0 ? "" : ",") + " theo " + std::string(legacy_encoding_name(d.candidates[i].encoding)) +
           " (--ma-hoa " + std::string(legacy_encoding_option(d.candidates[i].encoding)) + ") là " +
           quoted(d.candidates[i].sample);
  }
  p.message = m + "; hãy chọn bảng mã khi nhập (ô \"Bảng mã\" của trang nhập dữ liệu, hoặc khuyencong import --ma-hoa "
                  "tcvn3|vni|cp1258, --ma-hoa utf8 để giữ nguyên văn bản); không có dữ liệu nào được ghi";
  out.problem = std::move(p);
  return out;
}

SheetConverter::SheetConverter(std::string sheet, LegacyEncoding encoding) {
  c_.file = std::move(sheet);
  c_.encoding = encoding;
  c_.sheet = true;
}

std::optional<std::string> SheetConverter::convert(uint32_t row, uint32_t column, std::string_view text) {
  std::optional<std::string> out = convert_legacy_cell_text(text, c_.encoding);
  if (!out) return out;
  ++c_.changed_cells;
  if (row != last_row_) ++c_.changed_lines, last_row_ = row;
  if (c_.sample_line == 0) {
    c_.sample_line = row;
    c_.sample_cell = xlsx::column_letters(column) + std::to_string(row);
    c_.sample_before = clipped(text);
    c_.sample_after = clipped(*out);
  }
  return out;
}

std::optional<TextConversion> SheetConverter::conversion() const {
  if (c_.changed_cells == 0) return std::nullopt;
  return c_;
}

}  // namespace kc
