#include "xlsx/date_format.h"

#include <cmath>

namespace kc::xlsx {

namespace {

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

constexpr int64_t kDays1899_12_30 = -25569;  // days from 1970-01-01
constexpr int64_t kDays1904_01_01 = -24107;

}  // namespace

bool is_builtin_date_format(uint32_t id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47); }

bool is_date_format_code(std::string_view code) {
  bool day_or_year = false, month_or_minute = false, hour_or_second = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '[') {
      size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or a padding/fill character)
    } else if (c == ';') {
      break;  // the first section decides (positive numbers and dates)
    } else {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == 'd' || c == 'y') day_or_year = true;
      if (c == 'm') month_or_minute = true;
      if (c == 'h' || c == 's') hour_or_second = true;
    }
  }
  return day_or_year || (month_or_minute && !hour_or_second);
}

std::optional<CivilDate> excel_serial_to_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) return std::nullopt;
  int64_t days = static_cast<int64_t>(std::floor(serial));
  if (date1904) return civil_from_days(kDays1904_01_01 + days);
  if (days == 60) return std::nullopt;  // 29/02/1900, which never existed
  if (days < 60) ++days;                // before Lotus's phantom day the count is one behind
  return civil_from_days(kDays1899_12_30 + days);
}

}  // namespace kc::xlsx
