#include "xlsx/cell_ref.h"

namespace kc::xlsx {

std::optional<uint32_t> parse_row_number(std::string_view text) {
  if (text.empty() || text.size() > 7 || text[0] == '0') return std::nullopt;
  uint32_t row = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    row = row * 10 + static_cast<uint32_t>(c - '0');
  }
  if (row > kMaxRows) return std::nullopt;
  return row;
}

std::optional<CellRef> parse_cell_ref(std::string_view text) {
  size_t i = 0;
  uint32_t column = 0;
  while (i < text.size() && i < 4) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<uint32_t>(c - 'A' + 1);
    ++i;
  }
  if (i == 0 || i > 3 || column > kMaxColumns) return std::nullopt;
  auto row = parse_row_number(text.substr(i));
  if (!row) return std::nullopt;
  return CellRef{column, *row};
}

std::string column_letters(uint32_t column) {
  std::string out;
  while (column > 0) {
    uint32_t rest = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rest));
    column = (column - 1) / 26;
  }
  return out;
}

}  // namespace kc::xlsx
