// See local_time.h.
#include "audit/local_time.h"

#include <chrono>
#include <cstdio>

namespace kc {

using namespace std::chrono;

namespace {

bool digits(std::string_view s, size_t from, size_t n) {
  for (size_t i = from; i < from + n; ++i)
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(std::string_view s, size_t from, size_t n) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

sys_days days_of(const Date& d) { return sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}}; }

Date date_of(sys_days days) {
  year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

std::string local_time_text(std::string_view utc) {
  // yyyy-mm-dd hh:mm…
  if (utc.size() < 16 || !digits(utc, 0, 4) || utc[4] != '-' || !digits(utc, 5, 2) || utc[7] != '-' ||
      !digits(utc, 8, 2) || (utc[10] != ' ' && utc[10] != 'T') || !digits(utc, 11, 2) || utc[13] != ':' ||
      !digits(utc, 14, 2))
    return std::string(utc);
  Date d{number(utc, 0, 4), number(utc, 5, 2), number(utc, 8, 2)};
  if (!is_valid_date(d.year, d.month, d.day)) return std::string(utc);
  sys_seconds t = days_of(d) + hours{number(utc, 11, 2) + kVietnamUtcOffsetHours} + minutes{number(utc, 14, 2)};
  sys_days local_day = floor<days>(t);
  Date l = date_of(local_day);
  auto in_day = duration_cast<minutes>(t - local_day).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", l.day, l.month, l.year, static_cast<int>(in_day / 60),
                static_cast<int>(in_day % 60));
  return buf;
}

std::string utc_start_of_local_day(const Date& d) {
  sys_seconds t = days_of(d) - hours{kVietnamUtcOffsetHours};
  sys_days day_utc = floor<days>(t);
  Date u = date_of(day_utc);
  auto in_day = duration_cast<seconds>(t - day_utc).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", u.year, u.month, u.day, static_cast<int>(in_day / 3600),
                static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
  return buf;
}

}  // namespace kc
