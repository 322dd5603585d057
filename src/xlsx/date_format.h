// Whether an Excel number format shows a date: a number cell is a date only through its
// format (the stored value is a serial day count). Built-in formats 14–22 and 45–47 are
// dates or times; a custom format is a date when it has a day, month or year code (d, m, y)
// outside quoted text, [brackets] and escaped characters — "m" with hours or seconds and no
// d or y is minutes, not a month.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kc::xlsx {

bool is_builtin_date_format(uint32_t num_fmt_id);
bool is_date_format_code(std::string_view code);

// An Excel serial day number as a civil date (time of day dropped): the 1900 system counts
// from 1899-12-31 and keeps Lotus's 29 February 1900 (serial 60, refused), the 1904 system
// counts from 1904-01-01. nullopt for serials before day 1 or after 9999-12-31.
struct CivilDate {
  int year, month, day;
};
std::optional<CivilDate> excel_serial_to_date(double serial, bool date1904);

}  // namespace kc::xlsx
