// Numbers the way Vietnamese official reports print them: a dot groups thousands and a
// comma is the decimal mark ("30.722,3 triệu đồng", "79,17%", "17.174").
// Rounding is half away from zero on the exact decimal value, computed with integers
// wherever the inputs are integers, so that 153/107 prints the same on every machine.
#pragma once

#include <cstdint>
#include <string>

namespace kc {

// 17174 -> "17.174"; -2073 -> "-2.073".
std::string format_int(int64_t v);

// A count in running text: single digits get a leading zero ("09 đề án"), as in the seed.
std::string format_count_prose(int64_t v);

// A fixed-point value `scaled` / 10^scale printed with at most `decimals` decimals,
// trailing zeros after the comma dropped: (307223, 1, 1) -> "30.722,3"; (161500, 1, 1) -> "16.150".
std::string format_scaled(int64_t scaled, int scale, int decimals);

// Like format_scaled with scale == decimals, but keeps trailing zeros: (1430, 1) -> "143,0".
std::string format_fixed(int64_t scaled, int decimals);

// Money given in đồng, printed in million đồng with at most one decimal: 30722300000 -> "30.722,3".
std::string format_million_dong(int64_t dong, int decimals = 1);

// Money in đồng printed in billion đồng (tỷ đồng) with at most `decimals` decimals.
std::string format_billion_dong(int64_t dong, int decimals = 0);

// numerator/denominator as a percentage rounded to `decimals` places, trailing zeros dropped,
// without the % sign: (16150, 20400, 2) -> "79,17"; (1377, 900, 1) -> "153".
// Requires denominator > 0.
std::string format_ratio_percent(int64_t numerator, int64_t denominator, int decimals);

// A double printed with at most `decimals` decimals (trailing zeros dropped), Vietnamese marks.
std::string format_double(double v, int decimals);

// Rounds numerator/denominator * 10^decimals half away from zero, exactly.
int64_t rounded_ratio(int64_t numerator, int64_t denominator, int decimals);

}  // namespace kc
