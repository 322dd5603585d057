// Times as people in Vietnam read them. The records store UTC text ("2026-11-28 07:30:12",
// core/clock.h); pages show local time of Asia/Ho_Chi_Minh, which is UTC+7 all year (no
// daylight saving since 1975), so a fixed offset is exact and needs no time-zone database.
#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/date.h"

namespace kc {

// "2026-11-28 17:30:12[.123456]" (UTC) → "29/11/2026 00:30"; text that is not such a time is
// returned unchanged.
std::string local_time_text(std::string_view utc);

// The UTC text of the first moment of a local day: 28/11/2026 → "2026-11-27 17:00:00". A
// local day d covers the UTC texts t with start(d) <= t < start(d + 1).
std::string utc_start_of_local_day(const Date& day);


}  // namespace kc
