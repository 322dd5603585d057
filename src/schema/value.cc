#include "schema/value.h"

#include <charconv>
#include <stdexcept>

#include "core/date.h"
#include "text/ascii.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace kc {

namespace {

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Parses an optionally signed decimal integer; sets `error` when it is not one.
bool parse_whole(std::string_view s, int64_t& out, std::string& error) {
  std::string_view digits = s;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  if (!all_ascii_digits(digits)) {
    if (s.find_first_of(".,") != std::string_view::npos)
      error = "phải là số nguyên, viết liền không có dấu phân cách hàng nghìn hay phần thập phân; gặp " +
              quoted(s);
    else
      error = "phải là một số nguyên; gặp " + quoted(s);
    return false;
  }
  auto [p, ec] = std::from_chars(s.data() + (s[0] == '+' ? 1 : 0), s.data() + s.size(), out);
  if (ec != std::errc() || p != s.data() + s.size()) {
    error = "số quá lớn; gặp " + quoted(s);
    return false;
  }
  return true;
}

bool has_control_chars(std::string_view s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (c >= 0x20 || c == '\t') continue;
    if (allow_newlines && c == '\n') continue;
    return true;
  }
  return false;
}

ParsedField parse_decimal(const Field& field, std::string_view s) {
  std::string_view whole = s, frac;
  size_t mark = s.find_first_of(".,");
  if (mark != std::string_view::npos) {
    whole = s.substr(0, mark);
    frac = s.substr(mark + 1);
  }
  if (!all_ascii_digits(whole) || (mark != std::string_view::npos && !all_ascii_digits(frac)))
    return {{}, "phải là số không âm, phần thập phân sau dấu chấm; gặp " + quoted(s)};
  if (static_cast<int>(frac.size()) > field.scale)
    return {{}, "chỉ được có tối đa " + std::to_string(field.scale) + " chữ số thập phân; gặp " + quoted(s)};
  int64_t w = 0, fr = 0;
  std::string error;
  if (!parse_whole(whole, w, error)) return {{}, error};
  std::string frac_padded(frac);
  frac_padded.append(static_cast<size_t>(field.scale) - frac.size(), '0');
  if (!frac_padded.empty() && !parse_whole(frac_padded, fr, error)) return {{}, error};
  int64_t unit = 1;
  for (int i = 0; i < field.scale; ++i) unit *= 10;
  if (w > (std::numeric_limits<int64_t>::max() - fr) / unit) return {{}, "số quá lớn; gặp " + quoted(s)};
  return {w * unit + fr, {}};
}

ParsedField parse_code(std::string_view s) {
  // At most 64 bytes cannot be more than 64 code points: count only longer codes.
  if (s.size() > 64 && count_code_points(s) > 64) return {{}, "dài quá 64 ký tự"};
  bool ascii = true;
  for (unsigned char c : s) {
    if (c <= 0x20 || c == 0x7F)
      return {{}, "không được có khoảng trắng hay ký tự ẩn (ví dụ đúng: cs-0046); gặp " + quoted(s)};
    ascii = ascii && c < 0x80;
  }
  if (ascii) return {std::string(s), {}};  // ASCII is already NFC
  return {to_nfc(s), {}};
}

// "yyyy-mm-dd" with digits where digits belong: the canonical form, which parse_date reads
// and to_iso writes back unchanged.
bool looks_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

bool is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }

bool stored_as_integer(FieldType t) {
  switch (t) {
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Decimal:
    case FieldType::Year:
    case FieldType::Bool:
      return true;
    default:
      return false;
  }
}

ParsedField parse_field(const Field& field, std::string_view text) {
  std::string_view s = trim_blanks(text);
  if (s.empty()) {
    if (field.required) return {{}, "bắt buộc, không được để trống"};
    return {{}, {}};
  }
  std::string error;
  int64_t n = 0;
  switch (field.type) {
    case FieldType::Code:
    case FieldType::Ref:
      return parse_code(s);
    case FieldType::Text:
      if (has_control_chars(s, true))
        return {{}, "có ký tự ẩn không in được (thường do chép từ tài liệu khác); hãy xóa rồi gõ lại đoạn đó"};
      return {to_nfc(s), {}};
    case FieldType::Int:
      if (!parse_whole(s, n, error)) return {{}, error};
      if (n < field.min) return {{}, "không được nhỏ hơn " + std::to_string(field.min) + "; gặp " + quoted(s)};
      if (n > field.max) return {{}, "không được lớn hơn " + std::to_string(field.max) + "; gặp " + quoted(s)};
      return {n, {}};
    case FieldType::Money:
      if (s[0] == '-') return {{}, "số tiền không được âm; gặp " + quoted(s)};
      if (!parse_whole(s, n, error))
        return {{}, "số tiền phải là số nguyên đồng, viết liền không dấu phân cách (ví dụ 550000000); gặp " + quoted(s)};
      return {n, {}};
    case FieldType::Decimal:
      return parse_decimal(field, s);
    case FieldType::Year:
      if (s.size() != 4 || !all_ascii_digits(s)) return {{}, "năm phải có 4 chữ số; gặp " + quoted(s)};
      parse_whole(s, n, error);
      if (n < 1900 || n > 2100) return {{}, "năm phải trong khoảng 1900–2100; gặp " + quoted(s)};
      return {n, {}};
    case FieldType::Date: {
      auto d = parse_date(s);
      if (!d) return {{}, "ngày không hợp lệ (dùng yyyy-mm-dd hoặc dd/mm/yyyy); gặp " + quoted(s)};
      if (looks_iso(s)) return {std::string(s), {}};  // to_iso(*d) would give s again
      return {to_iso(*d), {}};
    }
    case FieldType::Bool: {
      // The canonical 1 / 0 need no folding (folding creates an ICU transliterator).
      if (s == "1") return {int64_t{1}, {}};
      if (s == "0") return {int64_t{0}, {}};
      std::string v = fold_for_search(s);
      if (v == "1" || v == "co" || v == "true" || v == "x") return {int64_t{1}, {}};
      if (v == "0" || v == "khong" || v == "false") return {int64_t{0}, {}};
      return {{}, "phải là 1 (có) hoặc 0 (không); gặp " + quoted(s)};
    }
    case FieldType::Enum: {
      if (field.enum_label(s)) return {std::string(s), {}};
      std::string allowed;
      for (const EnumValue& e : field.enum_values) {
        if (!allowed.empty()) allowed += ", ";
        allowed += std::string(e.code) + " (" + std::string(e.label) + ")";
      }
      return {{}, "giá trị " + quoted(s) + " không có trong danh mục; dùng một trong: " + allowed};
    }
  }
  throw std::logic_error("unhandled field type");
}

std::string format_field(const Field& field, const Value& value) {
  if (is_null(value)) return {};
  if (!stored_as_integer(field.type)) return as_text(value);
  int64_t n = as_int(value);
  if (field.type != FieldType::Decimal || field.scale == 0) return std::to_string(n);
  int64_t unit = 1;
  for (int i = 0; i < field.scale; ++i) unit *= 10;
  std::string frac = std::to_string(n % unit);
  frac.insert(0, static_cast<size_t>(field.scale) - frac.size(), '0');
  return std::to_string(n / unit) + "." + frac;
}

int64_t as_int(const Value& v) { return std::get<int64_t>(v); }
const std::string& as_text(const Value& v) { return std::get<std::string>(v); }
std::string_view text_or_empty(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

}  // namespace kc
