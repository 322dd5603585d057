// One request as a handler sees it: who is calling (user, CSRF token), the parameters, a
// database connection leased for the request, and the ways to answer (page, JSON, redirect,
// error) with the product's headers, in HTML or JSON as the route is a page or an API.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "accounts/accounts.h"
#include "web/app.h"
#include "web/sessions.h"
#include "web/templates.h"

namespace kc::web {

inline constexpr const char* kSessionCookie = "kc_session";
inline constexpr const char* kAnonymousCsrfCookie = "kc_csrf";

class RequestContext {
 public:
  RequestContext(App& app, const Route& route, const httplib::Request& req, httplib::Response& res);

  App& app;
  const Route& route;
  const httplib::Request& req;
  httplib::Response& res;

  // Reads the session cookie and the user behind it (done by the dispatcher before access checks).
  void identify();
  const std::optional<User>& user() const { return user_; }
  const std::string* role() const { return user_ ? &user_->role : nullptr; }
  bool has_role(const std::string& r) const { return user_ && user_->role == r; }
  // The token forms and htmx requests must send back (per session, or per browser before sign-in).
  const std::string& csrf() const { return csrf_; }
  bool csrf_ok() const;

  // The primary database: every write, and reads that must see this request's own writes.
  Store& store();
  // For reads that tolerate a replica's small lag (lists, details, dashboards, reports): the
  // same connection as store() unless read replicas are configured; then a replica that has
  // this user's own last write (read-your-writes), or the primary when none has.
  Store& read_store();
  std::string param(const std::string& name) const;  // query or urlencoded form field
  std::string path(size_t i) const;                  // i-th regex group of the route pattern
  std::string cookie(const std::string& name) const;

  void page(int status, const std::string& tmpl, const Data& data, const std::string& title);
  // The navigation's count of items waiting, when the page computed it already (the home page);
  // otherwise the layout asks waiting_count().
  std::optional<int64_t> known_waiting_count;
  // A page whose own template was rendered already (`content`), in the layout.
  void page_rendered(int status, std::string content, const std::string& title);
  void json(int status, const nlohmann::json& body);
  void redirect(const std::string& to);
  // An error answer in the route's language: a Vietnamese page, or {"loi": message} for the API.
  void error(int status, const std::string& message);

  void start_session(const std::string& token);
  void end_session_cookie();

  // Layout fields shared by every page (navigation for the caller's role with the number of
  // items waiting for them, the user, CSRF token).
  Data layout(const std::string& title);

 private:
  void set_cookie(const std::string& name, const std::string& value, long max_age, bool http_only);
  void identify_session(const std::string& token);

  std::optional<User> user_;
  std::optional<Session> session_;
  std::string csrf_;
  std::optional<StorePool::Lease> lease_;
  bool used_primary_ = false;  // store() was called (the primary answered some of this request)
  // Reads routed to replicas (ReadRouter, store/store_pool.h); App::dispatch reads these to retry a GET
  // whose replica failed and to name the database that answered (X-Khuyencong-Nguon-Doc).
  friend class App;
  std::optional<StorePool::Lease> read_lease_;
  int read_source_ = -1;          // -1: no read_store() yet; 0: the primary; n: replica n
  bool replicas_allowed_ = true;  // false on the retry of a GET whose replica failed
};

}  // namespace kc::web
