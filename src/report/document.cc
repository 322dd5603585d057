#include "report/document.h"

#include <algorithm>

namespace kc::doc {

namespace {

// Decimals of a number printed the Vietnamese way ("1.234,5" → 1, "860" → 0), or -1 when the
// cell is not such a number.
int decimals_of(const std::string& cell) {
  if (cell.empty()) return -1;
  size_t start = cell[0] == '-' ? 1 : 0;
  if (start >= cell.size()) return -1;
  size_t comma = std::string::npos;
  for (size_t i = start; i < cell.size(); ++i) {
    char c = cell[i];
    if (c == ',' && comma == std::string::npos && i > start && i + 1 < cell.size()) {
      comma = i;
    } else if (c == '.' && comma == std::string::npos && i > start) {
      continue;  // thousands separator
    } else if (c < '0' || c > '9') {
      return -1;
    }
  }
  return comma == std::string::npos ? 0 : static_cast<int>(cell.size() - comma - 1);
}

}  // namespace

void align_decimals(Table& t) {
  for (size_t c = 0; c < t.numeric.size(); ++c) {
    if (!t.numeric[c]) continue;
    int most = 0;
    for (const auto& row : t.rows)
      if (c < row.size()) most = std::max(most, decimals_of(row[c]));
    if (most == 0) continue;
    for (auto& row : t.rows) {
      if (c >= row.size()) continue;
      int has = decimals_of(row[c]);
      if (has < 0 || has == most) continue;
      if (has == 0) row[c] += ',';
      row[c].append(static_cast<size_t>(most - has), '0');
    }
  }
}

}  // namespace kc::doc
