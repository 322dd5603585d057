#include "interchange/bundle_encoding.h"

#include "core/vn_format.h"
#include "text/legacy_text.h"
#include "text/utf8.h"

namespace kc {

namespace {

std::string quoted(const std::string& s) { return "«" + s + "»"; }

std::string how_to_choose(bool utf8) {
  std::string out = "hãy chọn bảng mã khi nhập: khuyencong import --ma-hoa tcvn3|vni|cp1258";
  if (utf8) out += " (hoặc --ma-hoa utf8 để giữ nguyên văn bản)";
  return out + " <thư mục>; không có dữ liệu nào được ghi";
}

Problem ambiguity_problem(const std::string& file, const LegacyDecoding& d, bool utf8) {
  std::string m = utf8 ? "tệp UTF-8 có ô gõ bằng phông chữ của bảng mã cũ, nhưng " : "tệp không phải UTF-8 và ";
  m += d.candidates.size() > 1 ? "không chắc chắn là bảng mã nào" : "có quá ít chữ để chắc chắn bảng mã";
  if (d.sample_line > 0) {
    m += "; dòng " + std::to_string(d.sample_line) + " đọc";
    for (size_t i = 0; i < d.candidates.size(); ++i)
      m += std::string(i == 0 ? "" : ",") + " theo " + std::string(legacy_encoding_name(d.candidates[i].encoding)) +
           " (--ma-hoa " + std::string(legacy_encoding_option(d.candidates[i].encoding)) + ") là " +
           quoted(d.candidates[i].sample);
  }
  return Problem{file, 0, 0, "", m + "; " + how_to_choose(utf8)};
}

}  // namespace

std::string format_conversion(const TextConversion& c) {
  std::string out = (c.sheet ? "trang tính " : "") + c.file + ": ";
  out += c.from_bytes ? "tệp không phải UTF-8, đã đọc theo bảng mã " : "có ô gõ bằng phông chữ của bảng mã ";
  out += std::string(legacy_encoding_name(c.encoding)) + " và chuyển sang Unicode " +
         format_int(static_cast<int64_t>(c.changed_cells)) + " ô trên " +
         format_int(static_cast<int64_t>(c.changed_lines)) + " dòng";
  if (c.sample_line > 0) {
    out += " (ví dụ " + (c.sample_cell.empty() ? "dòng " + std::to_string(c.sample_line) : "ô " + c.sample_cell) + ": ";
    if (!c.sample_before.empty()) out += quoted(c.sample_before) + " → ";
    out += quoted(c.sample_after) + ")";
  }
  return out;
}

BundleFileText decode_bundle_file(const std::string& file, std::string_view bytes, const ImportOptions& options) {
  BundleFileText out;
  if (!may_hold_legacy_text(bytes)) return out;  // plain UTF-8: one quick scan
  bool utf8 = find_invalid_utf8(bytes) == std::string_view::npos;
  if (utf8 && options.keep_unicode) return out;
  LegacyDecoding d = decode_legacy_bytes(bytes, options.legacy_encoding);
  switch (d.outcome) {
    case LegacyDecoding::Outcome::Unicode:
    case LegacyDecoding::Outcome::Unreadable:
      break;
    case LegacyDecoding::Outcome::Ambiguous:
      out.problem = ambiguity_problem(file, d, utf8);
      break;
    case LegacyDecoding::Outcome::Converted:
      out.conversion = TextConversion{file,          *d.encoding,     !utf8,
                                      d.changed_lines, d.changed_cells, d.sample_line,
                                      d.sample_before, d.sample_after,   false,
                                      {}};
      out.converted = std::move(d.text);
      break;
  }
  return out;
}

}  // namespace kc
