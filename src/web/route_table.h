// The routes of the App, found for a request's method and path as cpp-httplib finds them (the
// first route of that method, in the order added, whose pattern matches the whole path) but
// without trying each pattern's std::regex in turn: httplib matched 100-odd patterns one after
// another for an API route added late, which cost the project list API about a fifth of its
// time (docs/performance.md, "The project list API against nginx"). Each pattern's literal start
// is compared first; only the routes whose start fits are matched as regular expressions, and a
// pattern that is all literal is compared as text.
#pragma once

#include <httplib.h>

#include <regex>
#include <string>
#include <vector>

namespace kc::web {

struct Route;

class RouteTable {
 public:
  // `routes` must outlive the table and not change.
  explicit RouteTable(const std::vector<Route>& routes);
  // The route for `method` and `path`, its groups set in `matches` (as httplib sets them); null
  // when none matches.
  const Route* find(const std::string& method, const std::string& path, httplib::Match& matches) const;

 private:
  struct Entry {
    const Route* route;
    std::string prefix;  // the pattern's text before its first special character
    bool literal;        // the whole pattern is its prefix
    std::regex pattern;
  };
  std::vector<Entry> entries_;
};

// The start of a regular expression that can only match itself: the text before the first
// character with a special meaning (R"(/co-so/([^/]+))" → "/co-so/").
std::string literal_prefix(const std::string& pattern);

}  // namespace kc::web
