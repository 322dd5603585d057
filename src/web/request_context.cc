#include "web/request_context.h"

#include <algorithm>

#include "core/clock.h"
#include "web/home_work.h"
#include "web/navigation.h"

namespace kc::web {

RequestContext::RequestContext(App& a, const Route& r, const httplib::Request& q, httplib::Response& s)
    : app(a), route(r), req(q), res(s) {}

Store& RequestContext::store() {
  if (!lease_) lease_.emplace(app.pool().lease());
  used_primary_ = true;
  return **lease_;
}

Store& RequestContext::read_store() {
  if (read_lease_) return **read_lease_;
  ReadRouter* router = app.read_router();
  if (router && replicas_allowed_ && read_source_ < 0) {
    Lsn required = user_ ? router->required(user_->username) : 0;
    if (auto replica = router->replica(required)) {
      read_source_ = replica->source;
      read_lease_.emplace(std::move(replica->lease));
      return **read_lease_;
    }
  }
  read_source_ = 0;
  return store();
}

std::string RequestContext::cookie(const std::string& name) const {
  std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return {};
}

// The session of the cookie and its active user: from the server's memory when looked up in
// the last moments (session_cache.h), otherwise from the database.
void RequestContext::identify_session(const std::string& token) {
  SessionCache& cache = app.session_cache();
  std::string now = utc_now_text();
  if (auto known = cache.find(token, now)) {
    session_ = std::move(known->session);
    user_ = std::move(known->user);
    return;
  }
  uint64_t generation = cache.generation();
  session_ = find_session(store(), token);
  if (!session_) return;
  user_ = find_user(store(), session_->username);
  if (!user_ || !user_->active) {
    user_.reset();
    session_.reset();
    return;
  }
  cache.remember(token, {*session_, *user_}, generation);
}

void RequestContext::identify() {
  if (std::string token = cookie(kSessionCookie); !token.empty()) identify_session(token);
  // The connection goes back to the pool until the handler needs one: a handler that waits for
  // the Dataset's reload (seconds at national scale) would otherwise hold it all that time, and
  // right after a change as many signed-in callers as --db-pool held every connection while
  // the others waited for one until the pool's wait ran out (503).
  lease_.reset();
  if (session_) {
    csrf_ = session_->csrf;
  } else {
    // Before sign-in, forms carry a token that must match a cookie set here (double submit).
    csrf_ = cookie(kAnonymousCsrfCookie);
    if (csrf_.size() != 64 || csrf_.find_first_not_of("0123456789abcdef") != std::string::npos) {
      csrf_ = random_token();
      set_cookie(kAnonymousCsrfCookie, csrf_, 0, true);
    }
  }
}

bool RequestContext::csrf_ok() const {
  std::string sent = req.get_header_value("X-CSRF-Token");
  if (sent.empty()) sent = param("_csrf");
  return !csrf_.empty() && tokens_equal(sent, csrf_);
}

std::string RequestContext::param(const std::string& name) const {
  if (req.has_param(name.c_str())) return req.get_param_value(name.c_str());
  if (req.is_multipart_form_data() && req.has_file(name.c_str())) return req.get_file_value(name.c_str()).content;
  return {};
}

std::string RequestContext::path(size_t i) const {
  return i < req.matches.size() ? std::string(req.matches[i]) : std::string();
}

void RequestContext::set_cookie(const std::string& name, const std::string& value, long max_age, bool http_only) {
  std::string c = name + "=" + value + "; Path=/; SameSite=Lax";
  if (http_only) c += "; HttpOnly";
  if (app.options().secure_cookies) c += "; Secure";
  if (max_age > 0) c += "; Max-Age=" + std::to_string(max_age);
  if (max_age < 0) c += "; Max-Age=0";
  res.set_header("Set-Cookie", c);
}

void RequestContext::start_session(const std::string& token) {
  set_cookie(kSessionCookie, token, app.options().session_seconds, true);
}

void RequestContext::end_session_cookie() { set_cookie(kSessionCookie, "", -1, true); }

Data RequestContext::layout(const std::string& title) {
  Data d;
  d.set("title", title);
  d.set("csrf", csrf_);
  // The count of items waiting costs a look at the records: not on a page that says the
  // database (or the server) failed.
  // "Hướng dẫn" opens the guide at the caller's own section (ids: role codes with hyphens).
  std::string section = role() ? *role() : "chung";
  std::replace(section.begin(), section.end(), '_', '-');
  d.set("guide_href", "/huong-dan#" + section);
  d.set("nav", navigation_for(role(), req.path, user_ && res.status < 500 ? (known_waiting_count ? *known_waiting_count : waiting_count(*this)) : 0));
  if (user_) {
    Data u;
    u.set("name", user_->name);
    u.set("role_label", role_label(user_->role));
    d.set("user", u);
  }
  return d;
}

void RequestContext::page(int status, const std::string& tmpl, const Data& data, const std::string& title) {
  res.status = status;
  res.set_content(render_page(tmpl, data, layout(title)), "text/html; charset=utf-8");
}

void RequestContext::page_rendered(int status, std::string content, const std::string& title) {
  res.status = status;
  res.set_content(render_layout(std::move(content), layout(title)), "text/html; charset=utf-8");
}

void RequestContext::json(int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void RequestContext::redirect(const std::string& to) {
  res.status = 303;
  res.set_header("Location", to);
}

void RequestContext::error(int status, const std::string& message) {
  if (route.api) {
    json(status, {{"loi", message}, {"ma_loi", status}});
    return;
  }
  Data d;
  d.set("status", std::to_string(status));
  d.set("message", message);
  std::string heading = status_heading(status, req.method);
  d.set("heading", heading);
  page(status, "error", d, heading);
}

}  // namespace kc::web
