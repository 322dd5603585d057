#include "core/date.h"

#include <charconv>
#include <cstdio>

namespace kc {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Parses all of `s` as a small unsigned integer with 1..max_digits digits.
std::optional<int> parse_part(std::string_view s, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  int max = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  return day <= max;
}

std::optional<Date> parse_date(std::string_view text) {
  std::optional<int> y, m, d;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    y = parse_part(text.substr(0, 4), 4);
    m = parse_part(text.substr(5, 2), 2);
    d = parse_part(text.substr(8, 2), 2);
  } else {
    size_t a = text.find('/');
    size_t b = a == std::string_view::npos ? a : text.find('/', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    d = parse_part(text.substr(0, a), 2);
    m = parse_part(text.substr(a + 1, b - a - 1), 2);
    if (text.size() - b - 1 != 4) return std::nullopt;
    y = parse_part(text.substr(b + 1), 4);
  }
  if (!y || !m || !d || !is_valid_date(*y, *m, *d)) return std::nullopt;
  return Date{*y, *m, *d};
}

std::string to_iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string to_vn(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, d.month <= 2 ? "%02d/%02d/%04d" : "%02d/%d/%04d", d.day, d.month,
                d.year);
  return buf;
}

std::string to_dd_mm_yyyy(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::string to_vn_words(const Date& d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, d.month <= 2 ? "ngày %02d tháng %02d năm %04d" : "ngày %02d tháng %d năm %04d",
                d.day, d.month, d.year);
  return buf;
}

Date next_day(const Date& d) {
  if (is_valid_date(d.year, d.month, d.day + 1)) return {d.year, d.month, d.day + 1};
  if (d.month < 12) return {d.year, d.month + 1, 1};
  return {d.year + 1, 1, 1};
}

}  // namespace kc
