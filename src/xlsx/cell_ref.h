// Excel cell references ("AB12"): column letters and row numbers, within Excel's own limits
// (columns A..XFD = 1..16384, rows 1..1048576). Parsing never trusts its input: anything else
// is refused rather than clamped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc::xlsx {

constexpr uint32_t kMaxColumns = 16384;
constexpr uint32_t kMaxRows = 1048576;

struct CellRef {
  uint32_t column = 0;  // 1-based
  uint32_t row = 0;     // 1-based
};

// "AB12" -> {28, 12}; letters may be lower case. nullopt when malformed or out of range.
std::optional<CellRef> parse_cell_ref(std::string_view text);

// A row number as written in a <row r="..."> attribute; nullopt when malformed or out of range.
std::optional<uint32_t> parse_row_number(std::string_view text);

// 1 -> "A", 28 -> "AB", 16384 -> "XFD".
std::string column_letters(uint32_t column);

}  // namespace kc::xlsx
