// Small ASCII helpers shared by the readers of typed values (CSV fields, spreadsheet cells).
#pragma once

#include <string_view>

namespace kc {

// `s` without the spaces, tabs and line breaks around it.
inline std::string_view trim_blanks(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// True when `s` is one or more of 0–9 and nothing else.
inline bool all_ascii_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace kc
