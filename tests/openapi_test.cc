// The OpenAPI description served at /api/openapi.json: valid JSON, OpenAPI 3.x, an entry for
// every /api/ route the app registers (and none for a route that does not exist), the same
// access as the route table, every field of every registry with its Vietnamese label, and
// references that all resolve.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support/web_fixture.h"
#include "web/registries.h"

namespace kc::test {
namespace {

using nlohmann::json;

class OpenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new WebFixture();
    auto r = server->client()->Get("/api/openapi.json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    ASSERT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    doc = new json(json::parse(r->body));
  }
  static void TearDownTestSuite() {
    delete doc;
    delete server;
  }
  static WebFixture* server;
  static json* doc;
};
WebFixture* OpenApi::server = nullptr;
json* OpenApi::doc = nullptr;

// "/api/(x)/([^/]+)/luu-tru" and "/api/x/{ma}/luu-tru" both become "/api/x/{}/luu-tru".
std::string normalized(const std::string& path) {
  static const std::regex group(R"(\(\[\^/\]\+\))"), param(R"(\{[^}]*\})");
  return std::regex_replace(std::regex_replace(path, group, "{}"), param, "{}");
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST_F(OpenApi, IsOpenApi3) {
  ASSERT_TRUE(doc->is_object());
  EXPECT_EQ((*doc)["openapi"].get<std::string>().rfind("3.", 0), 0u);
  EXPECT_FALSE((*doc)["info"]["title"].get<std::string>().empty());
  EXPECT_FALSE((*doc)["info"]["version"].get<std::string>().empty());
  EXPECT_TRUE((*doc)["paths"].is_object());
}

TEST_F(OpenApi, DescribesEveryApiRouteAndNothingElse) {
  std::map<std::string, json> paths;  // normalized path -> path item
  for (const auto& [path, item] : (*doc)["paths"].items()) paths[normalized(path)] = item;
  std::set<std::pair<std::string, std::string>> described;
  size_t api_routes = 0;
  for (const web::Route& route : server->app().routes()) {
    if (!route.api) continue;
    ++api_routes;
    std::string path = normalized(route.pattern);
    ASSERT_TRUE(paths.count(path)) << route.method << " " << route.pattern << " (" << route.name << ") is not in openapi.json";
    const json& item = paths[path];
    std::string method = lower(route.method);
    ASSERT_TRUE(item.contains(method)) << route.method << " " << route.pattern;
    const json& op = item[method];
    described.insert({path, method});
    // Who may call, as the route table says.
    std::vector<std::string> expected;
    if (!route.access.signed_in) expected.push_back("cong_chung");
    for (const std::string& role : route.access.roles) expected.push_back(role);
    EXPECT_EQ(op["x-vai-tro"].get<std::vector<std::string>>(), expected) << route.name;
    // State changes need the session's CSRF header.
    if (route.method != "GET") {
      bool csrf = false;
      for (const json& alternative : op["security"]) csrf = csrf || alternative.contains("csrf");
      EXPECT_TRUE(csrf) << route.name;
    }
    EXPECT_FALSE(op["responses"].empty()) << route.name;
  }
  EXPECT_GT(api_routes, 6 * web::registries().size());
  for (const auto& [path, item] : paths) {
    for (const auto& [method, op] : item.items()) {
      if (method != "parameters") {
        EXPECT_TRUE(described.count({path, method})) << method << " " << path << " has no route";
      }
    }
  }
}

TEST_F(OpenApi, EveryRegistryFieldIsDescribedInVietnamese) {
  const json& schemas = (*doc)["components"]["schemas"];
  for (const web::Registry& r : web::registries()) {
    const RecordKind& k = r.record_kind();
    std::string name(k.name);
    ASSERT_TRUE(schemas.contains(name)) << name;
    const json& props = schemas[name]["properties"];
    EXPECT_EQ(props.size(), k.fields.size()) << name;
    for (const Field& f : k.fields) {
      ASSERT_TRUE(props.contains(std::string(f.name))) << name << "." << f.name;
      EXPECT_EQ(props[std::string(f.name)]["description"].get<std::string>().rfind(std::string(f.label), 0), 0u)
          << name << "." << f.name;
      if (f.type == FieldType::Enum) {
        auto codes = props[std::string(f.name)]["enum"];
        for (const EnumValue& e : f.enum_values) EXPECT_NE(std::find(codes.begin(), codes.end(), std::string(e.code)), codes.end());
      }
    }
    for (std::string suffix : {"_moi", "_cap_nhat", "_danh_sach", "_chi_tiet", "_da_luu", "_xung_dot"})
      EXPECT_TRUE(schemas.contains(name + suffix)) << name + suffix;
  }
  const json& co_so = schemas["co_so"]["properties"];
  EXPECT_EQ(co_so["so_lao_dong"]["type"], json::array({"integer", "null"}));
  EXPECT_EQ(co_so["ten"]["type"], "string");
  EXPECT_NE(co_so["loai"]["description"].get<std::string>().find("ho_kinh_doanh ("), std::string::npos);
  EXPECT_EQ(schemas["lang_nghe"]["properties"]["truyen_thong"]["type"], "boolean");
  EXPECT_EQ(schemas["cum_cong_nghiep"]["properties"]["dien_tich_ha"]["type"], json::array({"number", "null"}));
  EXPECT_EQ(schemas["lang_nghe"]["properties"]["ngay_cong_nhan"]["format"], "date");
}

TEST_F(OpenApi, SecuritySchemesAndReferencesResolve) {
  const json& schemes = (*doc)["components"]["securitySchemes"];
  EXPECT_EQ(schemes["phien"]["in"], "cookie");
  EXPECT_EQ(schemes["phien"]["name"], "kc_session");
  EXPECT_EQ(schemes["csrf"]["in"], "header");
  EXPECT_EQ(schemes["csrf"]["name"], "X-CSRF-Token");
  // Every "$ref" points at something in the document.
  std::function<void(const json&)> check = [&](const json& j) {
    if (j.is_object()) {
      if (j.contains("$ref")) {
        std::string ref = j["$ref"];
        ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
        EXPECT_TRUE(doc->contains(json::json_pointer(ref.substr(1)))) << ref;
      }
      for (const auto& [k, v] : j.items()) check(v);
    } else if (j.is_array()) {
      for (const json& v : j) check(v);
    }
  };
  check(*doc);
  // Every operation has a unique id.
  std::set<std::string> ids;
  for (const auto& [path, item] : (*doc)["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method != "parameters") {
        EXPECT_TRUE(ids.insert(op["operationId"].get<std::string>()).second) << path;
      }
    }
  }
}

}  // namespace
}  // namespace kc::test
