// Calendar dates as the program's records use them: whole days, no time zone.
// Parsed from ISO "2015-07-15" (the bundle's canonical form) or the Vietnamese
// "15/7/2015"; printed either way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // yyyymmdd as one integer: orders like the date itself.
  int ordinal() const { return year * 10000 + month * 100 + day; }
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date& a, const Date& b) { return a.ordinal() <=> b.ordinal(); }

  static Date first_of_year(int y) { return {y, 1, 1}; }
  static Date last_of_year(int y) { return {y, 12, 31}; }
};

bool is_valid_date(int year, int month, int day);

// Accepts "yyyy-mm-dd" and "d/m/yyyy" (day and month with or without a leading zero).
std::optional<Date> parse_date(std::string_view text);

// The day after `d` (months and leap years counted).
Date next_day(const Date& d);

// "2015-07-15"
std::string to_iso(const Date& d);

// Nghị định 30/2020 style: day always two digits, month two digits only for 1 and 2
// ("01/8/2014", "15/7/2015", "05/02/2019").
std::string to_vn(const Date& d);

// "01/03/2020": day and month always two digits, as forms and tables write a date (dd/mm/yyyy).
std::string to_dd_mm_yyyy(const Date& d);

// "ngày 15 tháng 7 năm 2015" (the place-and-date line of an official document).
std::string to_vn_words(const Date& d);

// A closed interval of days; an open end is represented by nullopt.
struct DateRange {
  Date from;
  std::optional<Date> to;
  bool contains(const Date& d) const { return from <= d && (!to || d <= *to); }
  bool overlaps(const Date& a, const Date& b) const { return from <= b && (!to || a <= *to); }
  bool operator==(const DateRange&) const = default;
};

}  // namespace kc
