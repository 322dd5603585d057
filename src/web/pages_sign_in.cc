// Sign-in and sign-out. A successful sign-in always creates a new session (new random token),
// whatever cookie the browser came with; failures are throttled per account and per address.
#include "web/home_work.h"
#include "web/pages.h"
#include "web/password_pages.h"
#include "web/request_context.h"
#include "web/sign_in.h"

namespace kc::web {

namespace {

// Only paths of this site are followed after sign-in (no open redirect); "" when none is given.
std::string safe_next(const std::string& next) {
  if (next.empty() || next[0] != '/' || next.rfind("//", 0) == 0 || next.find('\\') != std::string::npos) return "";
  return next;
}

void show_form(RequestContext& ctx, int status, const std::string& error, const std::string& username) {
  Data d;
  d.set("csrf", ctx.csrf());
  d.set("next", safe_next(ctx.param("tiep")));
  d.set("username", username);
  if (!error.empty()) d.set("error", error);
  if (!ctx.param("da-dat-lai").empty()) d.set("notice", "Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu đó.");
  ctx.page(status, "sign_in", d, "Đăng nhập");
}

void sign_in(RequestContext& ctx) {
  std::string username = ctx.param("ten_dang_nhap");
  SignInOutcome outcome = sign_in_with_password(ctx, username, ctx.param("mat_khau"));
  if (!outcome.user) {
    show_form(ctx, outcome.status, outcome.error, username);
    return;
  }
  std::string next = safe_next(ctx.param("tiep"));
  ctx.redirect(next.empty() ? home_path_for(outcome.user->role) : next);
}

void sign_out(RequestContext& ctx) {
  if (std::string token = ctx.cookie(kSessionCookie); !token.empty()) end_session(ctx.store(), token);
  ctx.end_session_cookie();
  ctx.redirect("/");
}

}  // namespace

void register_sign_in_pages(App& app) {
  app.add({"GET", "/dang-nhap", "dang_nhap", Access::public_access(), false,
           [](RequestContext& ctx) { show_form(ctx, 200, "", ""); }});
  app.add({"POST", "/dang-nhap", "dang_nhap_gui", Access::public_access(), false, sign_in});
  app.add({"POST", "/dang-xuat", "dang_xuat", Access::any_user(), false, sign_out});
  register_password_pages(app);
}

}  // namespace kc::web
