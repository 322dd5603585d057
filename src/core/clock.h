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
// Today's date (UTC): the day decisions and proposals made now are dated.
Date today_utc();

}  // namespace kc
