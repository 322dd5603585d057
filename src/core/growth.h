// Growth rates of a yearly series (production value, number of establishments).
// Two methods, and a report says which one it used:
//  - compound annual growth from the endpoints: (last/first)^(1/years) - 1;
//  - the arithmetic mean of the yearly rates v[t]/v[t-1] - 1, when every year is known.
// They differ: 9.656 -> 23.402 over 5 years is 19,37%/year compound, whatever the path.
#pragma once

#include <cstdint>
#include <map>
#include <optional>

namespace kc {

// Compound annual growth rate as a fraction (0.1937 for 19,37%). nullopt when the
// start value is not positive or the years are not in order.
std::optional<double> compound_annual_growth(int64_t first_value, int first_year,
                                             int64_t last_value, int last_year);

// Mean of yearly growth rates over [first_year, last_year]; nullopt unless every year
// of the range is present in `series` and every earlier value is positive.
std::optional<double> mean_yearly_growth(const std::map<int, int64_t>& series, int first_year,
                                         int last_year);

}  // namespace kc
