// A figure a report states: an id that claims files and machines use, a Vietnamese label,
// the exact value where it is rational (numerator / denominator, so that rounding to any
// number of decimals is exact), and how it was computed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kc {

struct Figure {
  std::string id;     // "de_an.tinh.kinh_phi"
  std::string label;  // Vietnamese
  std::string unit;   // "triệu đồng", "%", "đề án"…
  double value = 0;   // in `unit`
  int decimals = 0;   // decimals the report prints
  std::optional<int64_t> numerator, denominator;  // value = numerator / denominator, exactly
  std::string method;  // Vietnamese: how the value was computed
  std::string text() const;  // as printed: "30.722,3"
};

Figure count_figure(std::string id, std::string label, std::string unit, int64_t n);
Figure million_dong_figure(std::string id, std::string label, int64_t dong);
Figure billion_dong_figure(std::string id, std::string label, int64_t dong);
Figure percent_figure(std::string id, std::string label, int64_t part, int64_t whole, int decimals,
                      std::string method = {});
Figure real_figure(std::string id, std::string label, std::string unit, double value, int decimals,
                   std::string method);

}  // namespace kc
