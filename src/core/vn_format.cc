#include "core/vn_format.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace kc {

namespace {

int64_t pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

std::string group_digits(uint64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  int lead = static_cast<int>(digits.size() % 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (static_cast<int>(i) - lead) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string format_int(int64_t v) {
  if (v < 0) return "-" + group_digits(static_cast<uint64_t>(-(v + 1)) + 1);
  return group_digits(static_cast<uint64_t>(v));
}

std::string format_count_prose(int64_t v) {
  if (v >= 0 && v < 10) return "0" + std::to_string(v);
  return format_int(v);
}

int64_t rounded_ratio(int64_t numerator, int64_t denominator, int decimals) {
  if (denominator == 0) throw std::invalid_argument("rounded_ratio: zero denominator");
  // 128-bit intermediate: numerators in đồng times 10^decimals overflow 64 bits.
  __extension__ using Wide = __int128;
  Wide n = static_cast<Wide>(numerator) * pow10(decimals);
  Wide d = denominator;
  bool negative = (n < 0) != (d < 0);
  if (n < 0) n = -n;
  if (d < 0) d = -d;
  Wide q = (2 * n + d) / (2 * d);  // half away from zero
  return static_cast<int64_t>(negative ? -q : q);
}

std::string format_scaled(int64_t scaled, int scale, int decimals) {
  // Reduce to `decimals` places first (rounding), then print and drop trailing zeros.
  int64_t value = decimals >= scale ? scaled * pow10(decimals - scale)
                                    : rounded_ratio(scaled, pow10(scale - decimals), 0);
  bool negative = value < 0;
  uint64_t mag = negative ? static_cast<uint64_t>(-(value + 1)) + 1 : static_cast<uint64_t>(value);
  uint64_t unit = static_cast<uint64_t>(pow10(decimals));
  std::string out = (negative ? "-" : "") + group_digits(mag / unit);
  if (decimals > 0) {
    std::string frac = std::to_string(mag % unit);
    frac.insert(0, static_cast<size_t>(decimals) - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += "," + frac;
  }
  if (out == "-0") out = "0";
  return out;
}

std::string format_fixed(int64_t scaled, int decimals) {
  std::string out = format_scaled(scaled, decimals, decimals);
  if (decimals == 0) return out;
  size_t comma = out.find(',');
  size_t have = comma == std::string::npos ? 0 : out.size() - comma - 1;
  if (comma == std::string::npos) out += ',';
  out.append(static_cast<size_t>(decimals) - have, '0');
  return out;
}

std::string format_million_dong(int64_t dong, int decimals) {
  return format_scaled(dong, 6, decimals);
}

std::string format_billion_dong(int64_t dong, int decimals) {
  return format_scaled(dong, 9, decimals);
}

std::string format_ratio_percent(int64_t numerator, int64_t denominator, int decimals) {
  return format_scaled(rounded_ratio(numerator, denominator, decimals + 2), decimals, decimals);
}

std::string format_double(double v, int decimals) {
  double scaled = std::round(v * static_cast<double>(pow10(decimals)));
  return format_scaled(static_cast<int64_t>(scaled), decimals, decimals);
}

}  // namespace kc
