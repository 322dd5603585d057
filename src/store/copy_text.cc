#include "store/copy_text.h"

#include <charconv>

namespace kc {

void append_copy_text(std::string& out, std::string_view text) {
  size_t plain = 0;  // start of the run of bytes not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    char escaped;
    switch (text[i]) {
      case '\\': escaped = '\\'; break;
      case '\t': escaped = 't'; break;
      case '\n': escaped = 'n'; break;
      case '\r': escaped = 'r'; break;
      default: continue;
    }
    out.append(text.data() + plain, i - plain);
    out += '\\';
    out += escaped;
    plain = i + 1;
  }
  out.append(text.data() + plain, text.size() - plain);
}

void append_copy_value(std::string& out, const Value& value) {
  if (const auto* n = std::get_if<int64_t>(&value)) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, *n).ptr;
    out.append(digits, end);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    append_copy_text(out, *s);
  } else {
    out += "\\N";
  }
}

void append_copy_row(std::string& out, const Row& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += '\t';
    append_copy_value(out, row[i]);
  }
  out += '\n';
}

}  // namespace kc
