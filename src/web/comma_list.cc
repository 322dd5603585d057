// See comma_list.h.
#include "web/comma_list.h"

namespace kc::web {

std::vector<std::string> comma_separated(const std::string& text) {
  std::vector<std::string> entries;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    std::string entry = text.substr(pos, comma - pos);
    size_t b = entry.find_first_not_of(" \t"), e = entry.find_last_not_of(" \t");
    entries.push_back(b == std::string::npos ? "" : entry.substr(b, e - b + 1));
    pos = comma + 1;
  }
  return entries;
}

}  // namespace kc::web
