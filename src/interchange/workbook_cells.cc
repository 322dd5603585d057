#include "interchange/workbook_cells.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/date.h"
#include "core/vn_format.h"
#include "text/legacy_text.h"
#include "text/ascii.h"
#include "text/utf8.h"
#include "xlsx/date_format.h"

namespace kc {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53: doubles are exact below it

// "1.234.567" with every group after the first of exactly three digits.
bool grouped_thousands(std::string_view s) {
  size_t dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 3 || !all_ascii_digits(s.substr(0, dot))) return false;
  while (dot != std::string_view::npos) {
    size_t next = s.find('.', dot + 1);
    std::string_view group = s.substr(dot + 1, (next == std::string_view::npos ? s.size() : next) - dot - 1);
    if (group.size() != 3 || !all_ascii_digits(group)) return false;
    dot = next;
  }
  return true;
}

std::string without_dots(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '.') out += c;
  return out;
}

// The number as Vietnamese text, for messages ("12,345").
std::string shown(double v) { return format_double(v, 10); }

std::string shortest(double v) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, end) : std::string();
}

CellText number_to_text(const xlsx::Cell& cell, const Field& field, bool date1904) {
  double v = 0;
  std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), v);  // checked by the reader
  bool whole = std::floor(v) == v && std::fabs(v) < kMaxExactInteger;
  switch (field.type) {
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Year:
    case FieldType::Bool:
      if (!whole) return {{}, "phải là số nguyên; ô chứa " + shown(v)};
      return {std::to_string(static_cast<int64_t>(v)), {}};
    case FieldType::Decimal: {
      double unit = std::pow(10.0, field.scale);
      double scaled = v * unit;
      double rounded = std::round(scaled);
      if (!(std::fabs(rounded) < kMaxExactInteger)) return {{}, "số quá lớn; ô chứa " + shown(v)};
      if (std::fabs(scaled - rounded) > 1e-6 * std::max(1.0, std::fabs(scaled)))
        return {{}, "chỉ được có tối đa " + std::to_string(field.scale) + " chữ số thập phân; ô chứa " + shown(v)};
      auto n = static_cast<int64_t>(rounded);
      std::string sign = n < 0 ? "-" : "";
      uint64_t magnitude = n < 0 ? static_cast<uint64_t>(-n) : static_cast<uint64_t>(n);
      auto u = static_cast<uint64_t>(unit);
      if (field.scale == 0) return {sign + std::to_string(magnitude), {}};
      std::string frac = std::to_string(magnitude % u);
      frac.insert(0, static_cast<size_t>(field.scale) - frac.size(), '0');
      return {sign + std::to_string(magnitude / u) + "." + frac, {}};
    }
    case FieldType::Date: {
      if (!cell.date_style)
        return {{}, "ô chứa số " + shown(v) + ", không phải ngày; hãy định dạng ô kiểu ngày hoặc gõ dd/mm/yyyy"};
      auto d = xlsx::excel_serial_to_date(v, date1904);
      if (!d) return {{}, "ô ngày có giá trị không hợp lệ (" + shown(v) + ")"};
      return {to_iso(Date{d->year, d->month, d->day}), {}};
    }
    case FieldType::Text:
      if (cell.date_style) {
        if (auto d = xlsx::excel_serial_to_date(v, date1904)) return {to_vn(Date{d->year, d->month, d->day}), {}};
      }
      if (whole) return {std::to_string(static_cast<int64_t>(v)), {}};
      return {shown(v), {}};
    case FieldType::Code:
    case FieldType::Ref:
    case FieldType::Enum:
      if (whole) return {std::to_string(static_cast<int64_t>(v)), {}};
      return {shortest(v), {}};
  }
  return {cell.text, {}};
}

bool is_number_field(const Field& field) {
  return field.type == FieldType::Int || field.type == FieldType::Money || field.type == FieldType::Decimal ||
         field.type == FieldType::Year;
}

}  // namespace

std::string vietnamese_number_to_bundle(std::string_view text, const Field& field) {
  std::string_view s = trim_blanks(text);
  std::string_view sign;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    sign = s.substr(0, 1);
    s.remove_prefix(1);
  }
  size_t comma = s.find(',');
  if (comma != std::string_view::npos) {
    // A comma is the decimal mark; the dots before it group thousands.
    std::string_view whole = s.substr(0, comma), frac = s.substr(comma + 1);
    bool whole_ok = all_ascii_digits(whole) || grouped_thousands(whole);
    if (!whole_ok || !all_ascii_digits(frac)) return std::string(text);
    return std::string(sign) + without_dots(whole) + "." + std::string(frac);
  }
  size_t dots = static_cast<size_t>(std::count(s.begin(), s.end(), '.'));
  // One dot is the canonical decimal point of a Decimal field ("78.50"); in a whole-number
  // field, or with several dots, dots group thousands.
  bool thousands = dots > 1 || (dots == 1 && field.type != FieldType::Decimal);
  if (thousands && grouped_thousands(s)) return std::string(sign) + without_dots(s);
  return std::string(text);
}

bool is_legacy_suspect_cell(std::string_view text) { return !is_ascii(text) && may_hold_legacy_text(text); }

std::optional<std::string> convert_legacy_cell_text(std::string_view text, LegacyEncoding encoding) {
  if (!is_legacy_suspect_cell(text)) return std::nullopt;
  LegacyDecoding d = decode_legacy_text(text, encoding);
  if (d.outcome != LegacyDecoding::Outcome::Converted || d.text == text) return std::nullopt;
  return std::move(d.text);
}

CellText cell_to_bundle_text(const xlsx::Cell& cell, const Field* field, bool date1904) {
  switch (cell.type) {
    case xlsx::CellType::Error:
      return {{}, "ô có lỗi công thức " + cell.text + "; hãy sửa công thức hoặc nhập giá trị"};
    case xlsx::CellType::Bool:
      return {cell.text, {}};
    case xlsx::CellType::Number:
      if (!field) return {cell.text, {}};
      return number_to_text(cell, *field, date1904);
    case xlsx::CellType::Text:
      break;
  }
  if (field && is_number_field(*field)) return {vietnamese_number_to_bundle(cell.text, *field), {}};
  return {cell.text, {}};
}

}  // namespace kc
