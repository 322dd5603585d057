// A running khuyencong web server for tests: the demo imported into a fresh test database,
// one account per role (password kPassword), the server on a free loopback port in a thread,
// stopped when the fixture goes away. Clients sign in with sign_in().
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "support/test_database.h"
#include "web/app.h"

namespace kc::test {

// Fills `database_url` with the demo bundle and one account per role (usernames in
// WebFixture::user_for, password kPassword).
void seed_demo_with_users(const std::string& database_url);

inline constexpr const char* kPassword = "mat-khau-thu-nghiem";

class WebFixture {
 public:
  // The request log is left out (quiet_requests): tests that read it turn it on in `configure`,
  // which may change any option (and may write to the seeded database, options.db) before the
  // server starts.
  WebFixture();
  explicit WebFixture(const std::function<void(web::WebOptions&)>& configure);
  ~WebFixture();

  int port() const { return port_; }
  web::App& app() { return *app_; }
  std::unique_ptr<httplib::Client> client() const;
  const TestDatabase& database() const { return db_; }

  // Usernames: quantri, socongthuong, trungtam, diaphuong (bg-luc-ngan), coso (an establishment of the demo).
  static std::string user_for(const std::string& role);

 private:
  TestDatabase db_;
  std::unique_ptr<web::App> app_;
  std::thread thread_;
  int port_ = 0;
};

// A browser-like session: keeps cookies, knows the CSRF token of the last page it loaded.
class Browser {
 public:
  explicit Browser(const WebFixture& server);
  httplib::Result get(const std::string& path);
  // POSTs a form, adding the CSRF token unless `with_csrf` is false.
  httplib::Result post(const std::string& path, httplib::Params form, bool with_csrf = true);
  // POSTs a multipart/form-data form (what a browser sends for enctype="multipart/form-data",
  // free of cpp-httplib's 8 KB limit on urlencoded forms), with the CSRF token unless told not to.
  httplib::Result post_multipart(const std::string& path, httplib::MultipartFormDataItems items, bool with_csrf = true);
  // JSON API calls: `body` is sent as application/json, with the CSRF token in X-CSRF-Token
  // unless `with_csrf` is false, and `headers` added. A JSON answer's "csrf" is remembered.
  httplib::Result get(const std::string& path, httplib::Headers headers);
  httplib::Result post_json(const std::string& path, const std::string& body, httplib::Headers headers = {},
                            bool with_csrf = true);
  httplib::Result put_json(const std::string& path, const std::string& body, httplib::Headers headers = {},
                           bool with_csrf = true);
  // Signs in (loading the form first for its token); true when redirected away from the form.
  bool sign_in(const std::string& username, const std::string& password = kPassword);
  std::string cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value);
  const std::string& csrf() const { return csrf_; }

 private:
  void remember(const httplib::Result& r);
  std::unique_ptr<httplib::Client> client_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

}  // namespace kc::test
