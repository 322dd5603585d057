#include "core/growth.h"

#include <cmath>

namespace kc {

std::optional<double> compound_annual_growth(int64_t first_value, int first_year,
                                             int64_t last_value, int last_year) {
  if (first_value <= 0 || last_value < 0 || last_year <= first_year) return std::nullopt;
  double years = last_year - first_year;
  return std::pow(static_cast<double>(last_value) / static_cast<double>(first_value), 1.0 / years) -
         1.0;
}

std::optional<double> mean_yearly_growth(const std::map<int, int64_t>& series, int first_year,
                                         int last_year) {
  if (last_year <= first_year) return std::nullopt;
  double sum = 0;
  for (int y = first_year + 1; y <= last_year; ++y) {
    auto prev = series.find(y - 1);
    auto cur = series.find(y);
    if (prev == series.end() || cur == series.end() || prev->second <= 0) return std::nullopt;
    sum += static_cast<double>(cur->second) / static_cast<double>(prev->second) - 1.0;
  }
  return sum / (last_year - first_year);
}

}  // namespace kc
