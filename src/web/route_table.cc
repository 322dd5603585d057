// See route_table.h.
#include "web/route_table.h"

#include "web/app.h"

namespace kc::web {

std::string literal_prefix(const std::string& pattern) {
  if (pattern.find('|') != std::string::npos) return "";  // "a|b": "b" matches without starting with "a"
  size_t end = pattern.find_first_of(R"(\^$.|?*+()[]{})");
  // A quantifier applies to the character before it: that one is not certain either.
  if (end != std::string::npos && end > 0 && std::string_view("?*{").find(pattern[end]) != std::string_view::npos) --end;
  return pattern.substr(0, end);
}

RouteTable::RouteTable(const std::vector<Route>& routes) {
  entries_.reserve(routes.size());
  for (const Route& r : routes) {
    std::string prefix = literal_prefix(r.pattern);
    bool literal = prefix.size() == r.pattern.size();
    entries_.push_back({&r, std::move(prefix), literal, std::regex(r.pattern)});
  }
}

const Route* RouteTable::find(const std::string& method, const std::string& path, httplib::Match& matches) const {
  for (const Entry& e : entries_) {
    if (e.route->method != method || path.compare(0, e.prefix.size(), e.prefix) != 0) continue;
    if (e.literal && path.size() != e.prefix.size()) continue;
    if (std::regex_match(path, matches, e.pattern)) return e.route;
  }
  return nullptr;
}

}  // namespace kc::web
