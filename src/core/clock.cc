#include "core/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace kc {

std::string utc_text_in(long seconds) {
  std::time_t t = std::time(nullptr) + seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::string utc_now_text() { return utc_text_in(0); }

std::string utc_now_precise() {
  auto now = std::chrono::system_clock::now();
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%06lld", static_cast<long long>(micros));
  return buf;
}

Date today_in_vietnam() { return *parse_date(utc_text_in(kVietnamUtcOffsetHours * 3600L).substr(0, 10)); }

}  // namespace kc
