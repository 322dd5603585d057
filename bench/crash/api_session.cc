#include "crash/api_session.h"

namespace kc::crash {

ApiSession::ApiSession(int port) { use_port(port); }

void ApiSession::use_port(int port) {
  client_ = std::make_unique<httplib::Client>("127.0.0.1", port);
  client_->set_connection_timeout(2, 0);
  client_->set_read_timeout(15, 0);
  client_->set_keep_alive(true);
}

httplib::Headers ApiSession::headers(bool write) const {
  httplib::Headers h;
  std::string cookie;
  for (const auto& [name, value] : cookies_) cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
  if (!cookie.empty()) h.emplace("Cookie", cookie);
  if (write) h.emplace("X-CSRF-Token", csrf_);
  return h;
}

void ApiSession::remember(const httplib::Result& r) {
  if (!r) return;
  for (const auto& [name, value] : r->headers) {
    if (name != "Set-Cookie") continue;
    std::string pair = value.substr(0, value.find(';'));
    size_t eq = pair.find('=');
    if (eq == std::string::npos) continue;
    if (value.find("Max-Age=0") != std::string::npos)
      cookies_.erase(pair.substr(0, eq));
    else
      cookies_[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  if (r->get_header_value("Content-Type").find("application/json") == std::string::npos) return;
  auto body = nlohmann::json::parse(r->body, nullptr, false);
  if (body.is_object() && body.contains("csrf") && body["csrf"].is_string()) csrf_ = body["csrf"];
}

bool ApiSession::sign_in(const std::string& username, const std::string& password) {
  remember(get("/api/csrf"));
  auto r = post_json("/api/dang-nhap", {{"ten_dang_nhap", username}, {"mat_khau", password}});
  return r && r->status == 200 && cookies_.count("kc_session") > 0;
}

httplib::Result ApiSession::get(const std::string& path) {
  auto r = client_->Get(path, headers(false));
  remember(r);
  return r;
}

httplib::Result ApiSession::post_json(const std::string& path, const nlohmann::json& body) {
  auto r = client_->Post(path, headers(true), body.dump(), "application/json");
  remember(r);
  return r;
}

httplib::Result ApiSession::put_json(const std::string& path, const nlohmann::json& body, const std::string& if_match) {
  httplib::Headers h = headers(true);
  h.emplace("If-Match", if_match);
  auto r = client_->Put(path, h, body.dump(), "application/json");
  remember(r);
  return r;
}

httplib::Result ApiSession::post_form(const std::string& path, httplib::MultipartFormDataItems items) {
  auto r = client_->Post(path, headers(true), items);
  remember(r);
  return r;
}

}  // namespace kc::crash
