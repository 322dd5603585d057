// Why a workbook was refused, in Vietnamese, ready to show to the person who uploaded it.
#pragma once

#include <stdexcept>
#include <string>

namespace kc::xlsx {

class XlsxError : public std::runtime_error {
 public:
  explicit XlsxError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace kc::xlsx
