// RouteTable (route_table.h) finds the same route as trying each pattern in turn, as cpp-httplib
// does: checked on the product's own routes with a path made for each of them.
#include <gtest/gtest.h>

#include <regex>

#include "support/test_database.h"
#include "web/app.h"
#include "web/route_table.h"

namespace kc::test {
namespace {

using web::Route;
using web::RouteTable;

// What httplib does: the first route of the method, in order, whose pattern matches.
const Route* first_match(const std::vector<Route>& routes, const std::string& method, const std::string& path) {
  httplib::Match m;
  for (const Route& r : routes)
    if (r.method == method && std::regex_match(path, m, std::regex(r.pattern))) return &r;
  return nullptr;
}

Route route(const std::string& method, const std::string& pattern) { return Route{method, pattern, pattern, {}, false, nullptr}; }

TEST(WebRouteTable, LiteralPrefixStopsBeforeWhatIsNotCertain) {
  EXPECT_EQ(web::literal_prefix("/api/de-an"), "/api/de-an");
  EXPECT_EQ(web::literal_prefix(R"(/co-so/([^/]+))"), "/co-so/");
  EXPECT_EQ(web::literal_prefix("/tai-lieu?"), "/tai-lie");  // the u is optional
  EXPECT_EQ(web::literal_prefix("/a+"), "/a");
  EXPECT_EQ(web::literal_prefix(R"(/x\.css)"), "/x");
  EXPECT_EQ(web::literal_prefix("/a|/b"), "");  // either side may match
}

TEST(WebRouteTable, FirstRouteInOrderWithItsGroups) {
  std::vector<Route> routes = {route("GET", "/de-an/moi"), route("GET", R"(/de-an/([^/]+))"), route("POST", R"(/de-an/([^/]+))"),
                               route("GET", "/a|/b"), route("GET", "/tai-lieu?")};
  RouteTable table(routes);
  httplib::Match m;
  EXPECT_EQ(table.find("GET", "/de-an/moi", m), &routes[0]);
  ASSERT_EQ(table.find("GET", "/de-an/da-01", m), &routes[1]);
  EXPECT_EQ(m[1].str(), "da-01");
  EXPECT_EQ(table.find("POST", "/de-an/da-01", m), &routes[2]);
  EXPECT_EQ(table.find("GET", "/b", m), &routes[3]);
  EXPECT_EQ(table.find("GET", "/tai-lie", m), &routes[4]);
  EXPECT_EQ(table.find("GET", "/de-an/moi/them", m), nullptr);
  EXPECT_EQ(table.find("GET", "/de-an", m), nullptr);
  EXPECT_EQ(table.find("PUT", "/de-an/da-01", m), nullptr);
}

// Every route of the product, found from a path made from its own pattern (groups filled in),
// and a few paths no route has: the table and the one-by-one search agree on all of them.
TEST(WebRouteTable, AgreesWithTryingEachPatternOnTheProductsRoutes) {
  TestDatabase db;
  web::WebOptions options;
  options.db = db.url();
  web::App app(options);
  web::register_routes(app);
  const std::vector<Route>& routes = app.routes();
  ASSERT_GT(routes.size(), 50u);
  RouteTable table(routes);
  std::vector<std::pair<std::string, std::string>> asks;
  for (const Route& r : routes) {
    std::string path = std::regex_replace(r.pattern, std::regex(R"(\([^)]*\))"), "x-1");
    asks.emplace_back(r.method, path);
    asks.emplace_back(r.method, path + "/khac");
  }
  for (std::string path : {"/", "/khong-co", "/api/de-an/", "/api/de-an", "/static/app.css"}) asks.emplace_back("GET", path);
  size_t found = 0;
  for (const auto& [method, path] : asks) {
    httplib::Match m;
    const Route* expected = first_match(routes, method, path);
    EXPECT_EQ(table.find(method, path, m), expected) << method << " " << path;
    found += expected ? 1 : 0;
  }
  EXPECT_GT(found, routes.size() / 2);  // the made paths do reach routes
}

}  // namespace
}  // namespace kc::test
