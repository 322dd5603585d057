#include "support/web_fixture.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>

#include "accounts/accounts.h"
#include "interchange/bundle.h"

namespace kc::test {

void seed_demo_with_users(const std::string& database_url) {
  auto store = open_store(database_url);
  if (!import_bundle(*store, demo_dir()).ok()) throw std::runtime_error("demo import failed");
  const std::vector<NewUser> users = {
      {"quantri", "Quản trị", "quan_tri", "", "", kPassword},
      {"socongthuong", "Cán bộ Sở", "so_cong_thuong", "", "", kPassword},
      {"trungtam", "Cán bộ Trung tâm", "trung_tam", "", "", kPassword},
      {"diaphuong", "Cán bộ Lục Ngạn", "dia_phuong", "bg-luc-ngan", "", kPassword},
      {"coso", "Chủ cơ sở", "co_so", "", "cs-0046", kPassword},
  };
  for (const NewUser& u : users)
    if (!add_user(*store, u, "test").empty()) throw std::runtime_error("cannot create user " + u.username);
}

WebFixture::WebFixture() : WebFixture([](web::WebOptions&) {}) {}

WebFixture::WebFixture(const std::function<void(web::WebOptions&)>& configure) {
  seed_demo_with_users(db_.url());
  web::WebOptions options;
  options.db = db_.url();
  options.port = 0;
  options.threads = 4;
  options.quiet_requests = true;
  configure(options);
  app_ = std::make_unique<web::App>(options);
  web::register_routes(*app_);
  port_ = app_->bind();
  if (port_ <= 0) throw std::runtime_error("cannot bind a port");
  thread_ = std::thread([this] { app_->run(); });
  if (!app_->wait_until_running()) throw std::runtime_error("the server did not start");
}

WebFixture::~WebFixture() {
  app_->stop();
  if (thread_.joinable()) thread_.join();
}

std::unique_ptr<httplib::Client> WebFixture::client() const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
  c->set_read_timeout(30, 0);
  return c;
}

std::string WebFixture::user_for(const std::string& role) {
  static const std::map<std::string, std::string> users = {{"quan_tri", "quantri"},   {"so_cong_thuong", "socongthuong"},
                                                           {"trung_tam", "trungtam"}, {"dia_phuong", "diaphuong"},
                                                           {"co_so", "coso"}};
  return users.at(role);
}

Browser::Browser(const WebFixture& server) : client_(server.client()) {}

void Browser::remember(const httplib::Result& r) {
  if (!r) return;
  for (const auto& [name, value] : r->headers) {
    if (name != "Set-Cookie") continue;
    std::string pair = value.substr(0, value.find(';'));
    size_t eq = pair.find('=');
    std::string cookie_name = pair.substr(0, eq), cookie_value = pair.substr(eq + 1);
    if (value.find("Max-Age=0") != std::string::npos)
      cookies_.erase(cookie_name);
    else
      cookies_[cookie_name] = cookie_value;
  }
  static const std::regex token(R"re(name="csrf-token" content="([0-9a-f]{64})")re");
  std::smatch m;
  if (std::regex_search(r->body, m, token)) csrf_ = m[1];
  if (r->get_header_value("Content-Type").rfind("application/json", 0) == 0) {
    auto j = nlohmann::json::parse(r->body, nullptr, false);
    if (j.is_object() && j.contains("csrf") && j["csrf"].is_string()) csrf_ = j["csrf"].get<std::string>();
  }
}

static httplib::Headers cookie_header(const std::map<std::string, std::string>& cookies) {
  std::string c;
  for (const auto& [k, v] : cookies) c += (c.empty() ? "" : "; ") + k + "=" + v;
  return c.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", c}};
}

httplib::Result Browser::get(const std::string& path) {
  auto r = client_->Get(path, cookie_header(cookies_));
  remember(r);
  return r;
}

httplib::Result Browser::post(const std::string& path, httplib::Params form, bool with_csrf) {
  if (with_csrf) form.emplace("_csrf", csrf_);
  auto r = client_->Post(path, cookie_header(cookies_), form);
  remember(r);
  return r;
}

httplib::Result Browser::post_multipart(const std::string& path, httplib::MultipartFormDataItems items, bool with_csrf) {
  if (with_csrf) items.push_back({"_csrf", csrf_, "", ""});
  auto r = client_->Post(path, cookie_header(cookies_), items);
  remember(r);
  return r;
}

httplib::Result Browser::get(const std::string& path, httplib::Headers headers) {
  headers.merge(cookie_header(cookies_));
  auto r = client_->Get(path, headers);
  remember(r);
  return r;
}

httplib::Result Browser::post_json(const std::string& path, const std::string& body, httplib::Headers headers,
                                   bool with_csrf) {
  headers.merge(cookie_header(cookies_));
  if (with_csrf) headers.emplace("X-CSRF-Token", csrf_);
  auto r = client_->Post(path, headers, body, "application/json");
  remember(r);
  return r;
}

httplib::Result Browser::put_json(const std::string& path, const std::string& body, httplib::Headers headers,
                                  bool with_csrf) {
  headers.merge(cookie_header(cookies_));
  if (with_csrf) headers.emplace("X-CSRF-Token", csrf_);
  auto r = client_->Put(path, headers, body, "application/json");
  remember(r);
  return r;
}

bool Browser::sign_in(const std::string& username, const std::string& password) {
  get("/dang-nhap");
  auto r = post("/dang-nhap", {{"ten_dang_nhap", username}, {"mat_khau", password}});
  if (!r || r->status != 303) return false;
  std::string to = r->get_header_value("Location");
  if (to.rfind("http", 0) == 0) to = to.substr(to.find('/', 8));
  get(to);
  return !cookie("kc_session").empty();
}

std::string Browser::cookie(const std::string& name) const {
  auto it = cookies_.find(name);
  return it == cookies_.end() ? std::string() : it->second;
}

void Browser::set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }

}  // namespace kc::test
