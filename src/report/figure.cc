#include "report/figure.h"

#include "core/vn_format.h"

namespace kc {

std::string Figure::text() const {
  if (numerator && denominator) return format_scaled(rounded_ratio(*numerator, *denominator, decimals), decimals, decimals);
  return format_double(value, decimals);
}

Figure count_figure(std::string id, std::string label, std::string unit, int64_t n) {
  Figure f{std::move(id), std::move(label), std::move(unit), static_cast<double>(n), 0, n, 1, {}};
  return f;
}

Figure million_dong_figure(std::string id, std::string label, int64_t dong) {
  return Figure{std::move(id), std::move(label), "triệu đồng", static_cast<double>(dong) / 1e6, 1, dong,
                1000000, {}};
}

Figure billion_dong_figure(std::string id, std::string label, int64_t dong) {
  return Figure{std::move(id), std::move(label), "tỷ đồng", static_cast<double>(dong) / 1e9, 0, dong,
                1000000000, {}};
}

Figure percent_figure(std::string id, std::string label, int64_t part, int64_t whole, int decimals,
                      std::string method) {
  if (method.empty()) method = format_int(part) + " / " + format_int(whole) + " × 100";
  return Figure{std::move(id), std::move(label), "%", 100.0 * static_cast<double>(part) / static_cast<double>(whole),
                decimals, part * 100, whole, std::move(method)};
}

Figure real_figure(std::string id, std::string label, std::string unit, double value, int decimals,
                   std::string method) {
  return Figure{std::move(id), std::move(label), std::move(unit), value, decimals, std::nullopt, std::nullopt,
                std::move(method)};
}

}  // namespace kc
