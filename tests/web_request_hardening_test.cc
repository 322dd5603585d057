// Requests the workspace must survive and answers it must not give away (src/web/app.cc,
// src/web/request_validation.h): text that is not UTF-8 or holds a NUL, sent to every route of
// the route table in every part of a request, is a Vietnamese 400 before any handler runs;
// answers to signed-in callers and downloads are never stored by caches; a default server sends
// no internal header; the API's sign-out works exactly as docs/api.md shows it; error pages are
// headed in words.
#include <gtest/gtest.h>
#include <strings.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <utility>

#include "core/vn_format.h"
#include "support/raw_http.h"
#include "support/web_fixture.h"
#include "text/utf8.h"
#include "web/request_validation.h"

namespace kc::test {
namespace {

class WebRequestHardening : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebRequestHardening::server = nullptr;

// ---- Who calls: cookies and the CSRF token a real client would send ---------------------------

struct Caller {
  std::string label;
  std::string cookies;  // the Cookie header's value
  std::string csrf;
};

Caller visitor(const WebFixture& s) {
  Browser b(s);
  b.get("/api/csrf");
  return {"khách", "kc_csrf=" + b.cookie("kc_csrf"), b.csrf()};
}

Caller staff(const WebFixture& s) {
  Browser b(s);
  if (!b.sign_in("trungtam")) throw std::runtime_error("sign-in failed");
  return {"trungtam", "kc_session=" + b.cookie("kc_session"), b.csrf()};
}

// A whole request as bytes: `extra` header lines (each ending in \r\n) and a body, if any.
std::string request(const std::string& method, const std::string& target, const Caller& caller,
                    const std::string& extra = "", const std::string& content_type = "", const std::string& body = "") {
  std::string r = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  r += "Cookie: " + caller.cookies + "\r\nX-CSRF-Token: " + caller.csrf + "\r\n" + extra;
  if (method != "GET") r += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  return r + "\r\n" + body;
}

// ---- A route pattern made into a path that it matches -----------------------------------------

// Codes of the demo the route groups can take, by the path segment before the group.
const std::map<std::string, std::string>& known_codes() {
  static const std::map<std::string, std::string> codes = {
      {"de-an", "bg-2017-t-011"}, {"ke-hoach", "bg-2016-2020"}, {"co-so", "cs-0046"},
      {"tai-khoan", "coso"},      {"static", "app.css"},        {"bang-", "1"}};
  return codes;
}

struct SamplePath {
  std::string path;
  // Where a free group (one that accepts any text) is, to put a bad value in; npos when none.
  size_t free_at = std::string::npos, free_length = 0;
};

SamplePath sample_path(const std::string& pattern) {
  SamplePath s;
  std::string segment, previous;  // the text since the last '/', and the segment before it
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      s.path += pattern[++i];
      segment += pattern[i];
    } else if (c == '(') {
      size_t close = pattern.find(')', i);
      std::string group = pattern.substr(i + 1, close - i - 1);
      i = close;
      std::string value;
      if (group.find('[') == std::string::npos && group.find('\\') == std::string::npos) {
        value = group.substr(0, group.find('|'));  // literal alternatives: the first
      } else if (group.find('[') == std::string::npos) {
        value = std::regex_replace(group.substr(0, group.find('|')), std::regex(R"(\\(.))"), "$1");
        if (!std::regex_match(value, std::regex(group))) value = "1";  // \d{1,2}
      } else {
        std::regex accepts(group);
        auto known = known_codes().find(segment.empty() ? previous : segment);
        for (std::string candidate : {known == known_codes().end() ? std::string("x") : known->second,
                                      std::string("x"), std::string("0a1b")})
          if (value.empty() && std::regex_match(candidate, accepts)) value = candidate;
        if (s.free_at == std::string::npos && std::regex_match(std::string("\xff"), accepts)) {
          s.free_at = s.path.size();
          s.free_length = value.size();
        }
      }
      s.path += value;
      segment += value;
    } else {
      s.path += c;
      if (c == '/') previous = std::exchange(segment, "");
      else segment += c;
    }
  }
  return s;
}

// ---- The bad values and how each part of a request carries them -----------------------------

struct BadText {
  std::string name;     // for messages
  std::string encoded;  // as a URL or a form carries it
  std::string raw;      // as a header or a multipart part carries it
};

const std::vector<BadText>& bad_texts() {
  static const std::vector<BadText> all = {{"%ff", "%ff", "\xff"},
                                           {"%c3%28", "%c3%28", std::string("\xc3\x28")},
                                           {"%00", "%00", std::string(1, '\0')}};
  return all;
}

std::string multipart(const std::string& field_value, const std::string& file_name) {
  const std::string b = "----kc-hardening";
  std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"ghi_chu\"\r\n\r\n" + field_value + "\r\n";
  body += "--" + b + "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"" + file_name +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + std::string("PK\x03\x04\xff\x00\xfe", 7) + "\r\n";
  return body + "--" + b + "--\r\n";
}
const char* kMultipartType = "multipart/form-data; boundary=----kc-hardening";

// What the test found wrong, one line each (printed together so one run shows every gap).
struct Findings {
  std::vector<std::string> lines;
  size_t requests = 0;
  std::map<int, size_t> wrong_statuses;  // status → how many answers had it instead of 400
  void check_refused(const RawAnswer& a, bool api, const std::string& what) {
    ++requests;
    std::string problem;
    if (a.status != 400) {
      problem = "status " + std::to_string(a.status);
      ++wrong_statuses[a.status];
    }
    else if (find_invalid_utf8(a.body) != std::string::npos || a.body.find('\0') != std::string::npos)
      problem = "the answer echoes the bad bytes";
    else if (api) {
      auto j = nlohmann::json::parse(a.body, nullptr, false);
      if (!j.is_object() || j.value("ma_loi", 0) != 400 || j.value("loi", "").find("không hợp lệ") == std::string::npos)
        problem = "not a Vietnamese JSON error: " + a.body.substr(0, 200);
    } else if (a.header("Content-Type").rfind("text/html", 0) != 0 ||
               a.body.find("<h1>Yêu cầu không hợp lệ</h1>") == std::string::npos ||
               a.body.find("chứa ký tự không hợp lệ") == std::string::npos) {
      problem = "not a Vietnamese error page";
    }
    if (!problem.empty()) lines.push_back(what + ": " + problem);
  }
};

// ---- Invalid UTF-8 and NUL ---------------------------------------------------------------------

TEST_F(WebRequestHardening, InvalidTextAnywhereOnEveryRouteIsAVietnamese400) {
  const auto& routes = server->app().routes();
  std::vector<Caller> callers = {visitor(*server), staff(*server)};
  Findings found;
  for (const web::Route& route : routes) {
    SamplePath sample = sample_path(route.pattern);
    ASSERT_TRUE(std::regex_match(sample.path, std::regex(route.pattern))) << route.pattern << " → " << sample.path;
    bool body = route.method != "GET";
    for (const Caller& caller : callers) {
      for (const BadText& bad : bad_texts()) {
        // An unknown path answers in the language of its prefix (/api/: JSON), a route in its own.
        auto send = [&](const std::string& part, const std::string& target, const std::string& extra = "",
                        const std::string& type = "application/x-www-form-urlencoded", const std::string& content = "") {
          bool routed = std::regex_match(target.substr(0, target.find('?')), std::regex(route.pattern));
          bool api = routed ? route.api : target.rfind("/api/", 0) == 0;
          found.check_refused(raw_exchange(server->port(), request(route.method, target, caller, extra, type, content)),
                              api, route.method + " " + route.pattern + " (" + caller.label + ", " + bad.name +
                                             " in " + part + ")");
        };
        send("a query value", sample.path + "?loai=" + bad.encoded);
        send("a query name", sample.path + "?" + bad.encoded + "=1");
        // A path segment: in the route's own free group when it has one (its handler would run),
        // otherwise the path becomes an unknown one (httplib's error handler answers).
        std::string bad_path = sample.free_at == std::string::npos
                                   ? sample.path + bad.encoded
                                   : sample.path.substr(0, sample.free_at) + "a" + bad.encoded +
                                         sample.path.substr(sample.free_at + sample.free_length);
        send("a path segment", bad_path);
        send("a header", sample.path, "X-Ghi-Chu: a" + bad.raw + "b\r\n");
        if (body) {
          send("a form field", sample.path, "", "application/x-www-form-urlencoded", "ten=" + bad.encoded + "&_csrf=" + caller.csrf);
          send("a multipart field", sample.path, "", kMultipartType, multipart("a" + bad.raw, "so-tinh.xlsx"));
          send("a multipart file name", sample.path, "", kMultipartType, multipart("ghi chú", "so" + bad.raw + ".xlsx"));
        }
      }
    }
  }
  std::cout << "[ walked    ] " << routes.size() << " routes, " << format_int(static_cast<int64_t>(found.requests))
            << " requests with invalid UTF-8 or NUL\n";
  EXPECT_GE(routes.size(), 60u) << "the route table lost routes?";
  for (size_t i = 0; i < found.lines.size() && i < 40; ++i) ADD_FAILURE() << found.lines[i];
  std::string statuses;
  for (const auto& [status, count] : found.wrong_statuses) statuses += " " + std::to_string(status) + "×" + std::to_string(count);
  EXPECT_TRUE(found.lines.empty()) << found.lines.size() << " requests were not refused as they should be; statuses instead of 400:"
                                   << statuses;
}

TEST_F(WebRequestHardening, TheReportedCaseNamesTheParameter) {
  auto a = raw_exchange(server->port(), request("GET", "/api/van-ban?loai=%ff", visitor(*server)));
  ASSERT_EQ(a.status, 400);
  auto j = nlohmann::json::parse(a.body);
  EXPECT_EQ(j["ma_loi"], 400);
  EXPECT_EQ(j["loi"].get<std::string>().rfind("Tham số \"loai\" chứa ký tự không hợp lệ (không phải UTF-8).", 0), 0u)
      << j["loi"];
}

TEST_F(WebRequestHardening, VietnameseTextAndBinaryFilesPass) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  auto r = b.get("/api/co-so?q=l%E1%BB%A5c%20ng%E1%BA%A1n&kich_thuoc=5", {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;

  httplib::Request req;
  req.path = "/de-an/bg-2017-t-011";
  req.params.emplace("ten", "Hỗ trợ máy sấy chè");
  req.headers.emplace("User-Agent", "Trình duyệt");
  req.files.emplace("tep", httplib::MultipartFormData{"tep", std::string("PK\x03\x04\xff\x00", 6), "hồ sơ.xlsx", ""});
  EXPECT_EQ(web::malformed_text(req), std::nullopt) << "file contents are binary";
}

TEST_F(WebRequestHardening, MessagesSayWhatWasWrongWithoutEchoingIt) {
  auto message = [](auto fill) {
    httplib::Request req;
    req.path = "/";
    fill(req);
    return web::malformed_text(req).value_or("(accepted)");
  };
  EXPECT_EQ(message([](httplib::Request& r) { r.params.emplace("ten", std::string("a\0b", 3)); }).rfind(
                "Tham số \"ten\" chứa ký tự không hợp lệ (ký tự rỗng).", 0),
            0u);
  EXPECT_EQ(message([](httplib::Request& r) { r.params.emplace("l\xffi", "1"); }).rfind(
                "Tham số có tên \"l\xEF\xBF\xBDi\" chứa ký tự không hợp lệ", 0),
            0u);
  EXPECT_EQ(message([](httplib::Request& r) { r.path = "/co-so/cs-\xc3\x28"; }).rfind(
                "Địa chỉ trang có đoạn \"cs-\xEF\xBF\xBD(\" chứa ký tự không hợp lệ (không phải UTF-8)", 0),
            0u);
  EXPECT_EQ(message([](httplib::Request& r) {
              r.files.emplace("tep", httplib::MultipartFormData{"tep", "", "t\xff.xlsx", ""});
            }).rfind("Tên tệp \"t\xEF\xBF\xBD.xlsx\" (trường \"tep\") chứa ký tự không hợp lệ", 0),
            0u);
  EXPECT_EQ(message([](httplib::Request& r) { r.headers.emplace("Referer", "\xff"); }).rfind(
                "Trường tiêu đề \"Referer\" của yêu cầu chứa ký tự không hợp lệ", 0),
            0u);
}

// ---- Caching -----------------------------------------------------------------------------------

// Static files are the same for everyone: they keep their public caching.
const std::set<std::string> kSharedAssets = {"tep_tinh", "thu_vien"};

TEST_F(WebRequestHardening, NothingASignedInCallerIsAnsweredIsStored) {
  Caller caller = staff(*server);
  size_t walked = 0;
  for (const web::Route& route : server->app().routes()) {
    if (route.method != "GET") continue;
    auto a = raw_exchange(server->port(), request("GET", sample_path(route.pattern).path, caller));
    ASSERT_NE(a.status, 0) << route.pattern;
    ++walked;
    if (kSharedAssets.count(route.name)) {
      EXPECT_EQ(a.header("Cache-Control").rfind("public", 0), 0u) << route.pattern;
      continue;
    }
    EXPECT_EQ(a.header("Cache-Control"), "no-store") << route.pattern << " answered " << a.status;
  }
  EXPECT_GE(walked, 30u);
  // Error answers too, pages and API, and a POST.
  EXPECT_EQ(raw_exchange(server->port(), request("GET", "/de-an/khong-co", caller)).header("Cache-Control"), "no-store");
  EXPECT_EQ(raw_exchange(server->port(), request("GET", "/api/co-so/khong-co", caller)).header("Cache-Control"), "no-store");
  auto post = raw_exchange(server->port(), request("POST", "/api/de-an", caller, "", "application/json", "{}"));
  EXPECT_EQ(post.header("Cache-Control"), "no-store") << post.status;
  auto refused = raw_exchange(server->port(), request("GET", "/de-an?q=%ff", caller));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.header("Cache-Control"), "no-store");
}

TEST_F(WebRequestHardening, DownloadsAreNotStoredWhoeverAsks) {
  // Signed in: a dossier, a report, an export.
  Caller caller = staff(*server);
  // (A plan's dossier, a background job's file: tests/web_jobs_test.cc.)
  for (std::string path : {"/de-an/bg-2017-t-011/ho-so.zip", "/nhap-du-lieu/mau.xlsx"}) {
    auto a = raw_exchange(server->port(), request("GET", path, caller));
    EXPECT_EQ(a.status, 200) << path;
    EXPECT_FALSE(a.header("Content-Disposition").empty()) << path;
    EXPECT_EQ(a.header("Cache-Control"), "no-store") << path;
  }
  // Signed out: every download a visitor may take (public registries' lists as CSV or XLSX).
  Caller guest = visitor(*server);
  size_t downloads = 0;
  for (const web::Route& route : server->app().routes()) {
    if (route.method != "GET") continue;
    for (std::string query : {"", "?dinh_dang=csv", "?dinh_dang=xlsx"}) {
      auto a = raw_exchange(server->port(), request("GET", sample_path(route.pattern).path + query, guest));
      if (a.header("Content-Disposition").empty()) continue;
      ++downloads;
      EXPECT_EQ(a.header("Cache-Control"), "no-store") << route.pattern << query;
    }
  }
  EXPECT_GE(downloads, 2u) << "no public download found to check";
  std::cout << "[ downloads ] " << downloads << " public downloads checked\n";
}

TEST_F(WebRequestHardening, PublicPagesStayCacheableForVisitors) {
  Caller guest = visitor(*server);  // has its kc_csrf cookie already: the answer sets none
  auto home = raw_exchange(server->port(), request("GET", "/", guest));
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.header("Cache-Control"), "no-store");
  // The first visit sets the visitor's CSRF cookie: that answer is the visitor's own.
  auto first = raw_exchange(server->port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(first.has_header("Set-Cookie"));
  EXPECT_EQ(first.header("Cache-Control"), "no-store");
  // Even a static file, when it is the first request: the cookie must not be shared by a proxy.
  auto asset = raw_exchange(server->port(), "GET /static/app.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(asset.has_header("Set-Cookie"));
  EXPECT_EQ(asset.header("Cache-Control"), "no-store");
  auto again = raw_exchange(server->port(), request("GET", "/static/app.css", guest));
  EXPECT_EQ(again.header("Cache-Control"), "public, max-age=3600");
}

// ---- Internal headers --------------------------------------------------------------------------

TEST_F(WebRequestHardening, ADefaultServerSendsNoInternalHeader) {
  const std::set<std::string> allowed = {
      "content-type",      "content-length", "content-security-policy", "x-content-type-options",
      "x-frame-options",   "referrer-policy", "cache-control",          "set-cookie",
      "location",          "content-disposition", "etag",               "keep-alive",
      "connection",        "retry-after"};
  std::set<std::string> seen;
  for (const Caller& caller : {visitor(*server), staff(*server)}) {
    for (const web::Route& route : server->app().routes()) {
      if (route.method != "GET") continue;
      auto a = raw_exchange(server->port(), request("GET", sample_path(route.pattern).path, caller));
      for (const auto& [name, value] : a.headers) {
        std::string lower = name;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        seen.insert(lower);
        EXPECT_TRUE(allowed.count(lower)) << name << ": " << value << " on " << route.pattern << " (" << caller.label << ")";
      }
    }
  }
  EXPECT_FALSE(seen.count("x-khuyencong-nguon-doc"));
  EXPECT_FALSE(seen.count("server"));
  std::string names;
  for (const auto& n : seen) names += " " + n;
  std::cout << "[ headers   ]" << names << "\n";
}

TEST_F(WebRequestHardening, DiagnosticHeadersOnlyWhenAsked) {
  web::WebOptions options;
  options.db = server->database().url();
  options.port = 0;
  options.threads = 2;
  options.diagnostic_headers = true;
  web::App app(options);
  web::register_routes(app);
  int port = app.bind();
  ASSERT_GT(port, 0);
  std::thread running([&] { app.run(); });
  ASSERT_TRUE(app.wait_until_running());
  auto home = raw_exchange(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  app.stop();
  running.join();
  EXPECT_EQ(home.header("X-Khuyencong-Nguon-Doc"), "chinh");
  EXPECT_EQ(raw_exchange(server->port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .header("X-Khuyencong-Nguon-Doc"),
            "")
      << "the default server";
}

// ---- The API's sign-out, exactly as docs/api.md shows it with curl ---------------------------

// A cookie jar as curl's -b jar -c jar keeps it.
struct Jar {
  std::map<std::string, std::string> cookies;
  void take(const RawAnswer& a) {
    for (const auto& [name, value] : a.headers) {
      if (strcasecmp(name.c_str(), "Set-Cookie") != 0) continue;
      std::string pair = value.substr(0, value.find(';'));
      std::string key = pair.substr(0, pair.find('='));
      if (value.find("Max-Age=0") != std::string::npos) cookies.erase(key);
      else cookies[key] = pair.substr(pair.find('=') + 1);
    }
  }
  std::string header() const {
    std::string h;
    for (const auto& [k, v] : cookies) h += (h.empty() ? "" : "; ") + k + "=" + v;
    return "Cookie: " + h + "\r\n";
  }
};

TEST_F(WebRequestHardening, ApiSignOutWorksAsTheDocumentationShowsIt) {
  const int port = server->port();
  const std::string curl = "Host: 127.0.0.1:" + std::to_string(port) + "\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n";
  Jar jar;
  // 1. CSRF=$(curl -s -c jar -b jar $H/api/csrf | jq -r .csrf)
  auto token = raw_exchange(port, "GET /api/csrf HTTP/1.1\r\n" + curl + "\r\n");
  ASSERT_EQ(token.status, 200);
  jar.take(token);
  std::string csrf = nlohmann::json::parse(token.body)["csrf"];
  // 2. curl -s -c jar -b jar -H "$J" -H "X-CSRF-Token: $CSRF" -d '{…}' $H/api/dang-nhap
  std::string credentials = R"({"ten_dang_nhap": "trungtam", "mat_khau": ")" + std::string(kPassword) + "\"}";
  auto signed_in = raw_exchange(port, "POST /api/dang-nhap HTTP/1.1\r\n" + curl + jar.header() +
                                          "Content-Type: application/json\r\nX-CSRF-Token: " + csrf +
                                          "\r\nContent-Length: " + std::to_string(credentials.size()) + "\r\n\r\n" +
                                          credentials);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  jar.take(signed_in);
  csrf = nlohmann::json::parse(signed_in.body)["csrf"];
  std::string session = jar.cookies["kc_session"];
  ASSERT_FALSE(session.empty());
  // 4. curl -s -b jar -c jar -H "X-CSRF-Token: $CSRF" -X POST $H/api/dang-xuat
  //    (no body, no Content-Type, no Content-Length: what curl sends for -X POST without data)
  auto started = std::chrono::steady_clock::now();
  auto out = raw_exchange(port, "POST /api/dang-xuat HTTP/1.1\r\n" + curl + jar.header() + "X-CSRF-Token: " + csrf + "\r\n\r\n");
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(out.body, R"({"da_dang_xuat":true})");
  EXPECT_LT(took, std::chrono::seconds(2)) << "the server waited for a body the request does not have";
  jar.take(out);
  EXPECT_EQ(jar.cookies.count("kc_session"), 0u) << "the session cookie is cleared in the jar";
  // The session is over on the server, not only in the jar.
  auto after = raw_exchange(port, "GET /api/csrf HTTP/1.1\r\n" + curl + "Cookie: kc_session=" + session + "\r\n\r\n");
  EXPECT_TRUE(nlohmann::json::parse(after.body)["nguoi_dung"].is_null()) << after.body;
}

// ---- Error pages speak to people ---------------------------------------------------------------

TEST_F(WebRequestHardening, ErrorPagesAreHeadedInWords) {
  Browser guest(*server);
  auto missing = guest.get("/khong-co-trang-nay");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("<title>Không tìm thấy trang"), std::string::npos);
  EXPECT_NE(missing->body.find("<h1>Không tìm thấy trang</h1>"), std::string::npos);
  EXPECT_EQ(missing->body.find("Lỗi 404"), std::string::npos);

  Browser establishment(*server);
  ASSERT_TRUE(establishment.sign_in("coso"));
  auto forbidden = establishment.get("/quan-tri/tai-khoan");
  ASSERT_TRUE(forbidden);
  EXPECT_EQ(forbidden->status, 403);
  EXPECT_NE(forbidden->body.find("<h1>Bạn không có quyền xem trang này</h1>"), std::string::npos);
  EXPECT_EQ(forbidden->body.find("Lỗi 403"), std::string::npos);
  auto record = establishment.get("/de-an/khong-co");
  EXPECT_NE(record->body.find("<h1>Không tìm thấy trang</h1>"), std::string::npos) << "RequestContext::error too";

  EXPECT_EQ(web::status_heading(401, "GET"), "Cần đăng nhập");
  EXPECT_EQ(web::status_heading(400, "POST"), "Yêu cầu không hợp lệ");
  EXPECT_EQ(web::status_heading(503, "GET"), "Dịch vụ tạm thời gián đoạn");
}

}  // namespace
}  // namespace kc::test
