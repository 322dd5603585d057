#include "interchange/problem.h"

#include "xlsx/cell_ref.h"

namespace kc {

std::string format_problem(const Problem& p) {
  std::string out = p.file.empty() ? "bộ dữ liệu" : (p.sheet ? "trang tính " : "") + p.file;
  if (p.line) out += ", dòng " + std::to_string(p.line);
  if (p.column)
    out += ", cột " + (p.sheet ? xlsx::column_letters(static_cast<uint32_t>(p.column)) : std::to_string(p.column));
  if (!p.field.empty()) out += " (" + p.field + ")";
  return out + ": " + p.message;
}

}  // namespace kc
