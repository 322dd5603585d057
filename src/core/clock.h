// Wall-clock time as the records store it: UTC text "2026-11-28 07:30:12", which sorts in
// time order as text on every engine.
#pragma once

#include <string>

#include "core/date.h"

namespace kc {

std::string utc_now_text();
// With microseconds ("2026-11-28 07:30:12.345678"): orders entries written within one second.
std::string utc_now_precise();
// The time `seconds` from now (negative for the past).
std::string utc_text_in(long seconds);
// Vietnam's time is UTC+7 all year (no daylight saving since 1975): a fixed offset is exact.
inline constexpr int kVietnamUtcOffsetHours = 7;
// Today's date in Vietnam: the day decisions and proposals made now are dated, deadlines counted
// and "not in the future" checked (from 00:00 to 07:00 local time the UTC date is still yesterday).
Date today_in_vietnam();

}  // namespace kc
