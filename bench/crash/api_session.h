// One signed-in client of the server, as a script uses it (docs/api.md, "Signing in from a
// script"): the session cookie kept, the CSRF token sent with every write. Besides the JSON API
// it posts multipart forms, for the document upload of the project page's step form.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace kc::crash {

class ApiSession {
 public:
  explicit ApiSession(int port);
  // The server moved to another port (the session and its cookies go on).
  void use_port(int port);
  // Signs in through /api/csrf and /api/dang-nhap; false when refused or unanswered.
  bool sign_in(const std::string& username, const std::string& password);

  httplib::Result get(const std::string& path);
  httplib::Result post_json(const std::string& path, const nlohmann::json& body);
  httplib::Result put_json(const std::string& path, const nlohmann::json& body, const std::string& if_match);
  httplib::Result post_form(const std::string& path, httplib::MultipartFormDataItems items);

 private:
  httplib::Headers headers(bool write) const;
  void remember(const httplib::Result& r);
  std::unique_ptr<httplib::Client> client_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

}  // namespace kc::crash
