#include "interchange/problem.h"

namespace kc {

std::string format_problem(const Problem& p) {
  std::string out = p.file.empty() ? "bộ dữ liệu" : p.file;
  if (p.line) out += ", dòng " + std::to_string(p.line);
  if (p.column) out += ", cột " + std::to_string(p.column);
  if (!p.field.empty()) out += " (" + p.field + ")";
  return out + ": " + p.message;
}

}  // namespace kc
