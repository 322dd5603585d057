// Signing in and out from a script: GET /api/csrf gives the token a client without a session
// sends back (with the cookie it sets), POST /api/dang-nhap checks the password with the same
// throttle as the form and answers the session's own token, POST /api/dang-xuat ends it.
#include "web/api_json.h"
#include "web/pages.h"
#include "web/request_context.h"
#include "web/sign_in.h"

namespace kc::web {

namespace {

OrderedJson user_json(const User& u) {
  auto opt = [](const std::string& s) { return s.empty() ? OrderedJson(nullptr) : OrderedJson(s); };
  return {{"ten_dang_nhap", u.username}, {"ho_ten", u.name},           {"vai_tro", u.role},
          {"ten_vai_tro", role_label(u.role)}, {"don_vi", opt(u.unit)}, {"co_so", opt(u.establishment)}};
}

void csrf(RequestContext& ctx) {
  ctx.res.set_header("Cache-Control", "no-store");
  send_json(ctx, 200, {{"csrf", ctx.csrf()}, {"nguoi_dung", ctx.user() ? user_json(*ctx.user()) : OrderedJson(nullptr)}});
}

void sign_in(RequestContext& ctx) {
  std::optional<nlohmann::json> body = json_object_body(ctx);
  if (!body) return;
  auto text = [&](const char* name) {
    auto it = body->find(name);
    return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::string username = text("ten_dang_nhap"), password = text("mat_khau");
  if (username.empty() || password.empty()) {
    ctx.error(422, "Cần gửi \"ten_dang_nhap\" và \"mat_khau\" (chuỗi ký tự).");
    return;
  }
  SignInOutcome outcome = sign_in_with_password(ctx, username, password);
  if (!outcome.user) {
    ctx.error(outcome.status, outcome.error);
    return;
  }
  ctx.res.set_header("Cache-Control", "no-store");
  send_json(ctx, 200, {{"csrf", outcome.session.csrf}, {"nguoi_dung", user_json(*outcome.user)}});
}

void sign_out(RequestContext& ctx) {
  if (std::string token = ctx.cookie(kSessionCookie); !token.empty()) end_session(ctx.store(), token);
  ctx.end_session_cookie();
  send_json(ctx, 200, {{"da_dang_xuat", true}});
}

}  // namespace

void register_api_sign_in(App& app) {
  app.add({"GET", "/api/csrf", "api_csrf", Access::public_access(), true, csrf});
  app.add({"POST", "/api/dang-nhap", "api_dang_nhap", Access::public_access(), true, sign_in});
  app.add({"POST", "/api/dang-xuat", "api_dang_xuat", Access::any_user(), true, sign_out});
}

}  // namespace kc::web
