// See password_pages.h. Both forms are throttled like sign-in (throttle.h): a stolen session
// cannot guess the current password quickly, nor can anyone guess reset codes.
#include "accounts/password_reset.h"
#include "web/pages.h"
#include "web/password_pages.h"
#include "web/request_context.h"
#include "web/sign_in.h"

namespace kc::web {

namespace {

// The throttle's account key for reset codes: a code names no account until it is found, and a
// code carries 80 bits, so wrong codes are counted per address only. One key shared by every
// address would let anyone keep the page shut for everybody (its "account" limit never resets
// while someone keeps failing).
std::string reset_throttle_key(RequestContext& ctx) { return "*dat-lai-mat-khau*" + ctx.app.client_address(ctx.req); }

void change_form(RequestContext& ctx, int status, const FieldErrors& errors, const std::string& notice) {
  Data d;
  d.set("csrf", ctx.csrf());
  d.set("username", ctx.user()->username);
  d.set("rules", password_rules());
  set_field_errors(d, errors);
  if (!notice.empty()) d.set("notice", notice);
  ctx.page(status, "password_change", d, "Đổi mật khẩu");
}

void change(RequestContext& ctx) {
  const std::string& username = ctx.user()->username;
  if (long wait = throttle_wait(ctx, username); wait > 0) {
    change_form(ctx, 429, {{"mat_khau_hien_tai", "Nhập sai mật khẩu hiện tại nhiều lần. " + try_again_text(wait)}}, "");
    return;
  }
  FieldErrors errors = change_own_password(ctx.store(), username, ctx.param("mat_khau_hien_tai"),
                                           ctx.param("mat_khau_moi"), ctx.param("nhap_lai"));
  if (!errors.empty()) {
    if (errors.front().first == "mat_khau_hien_tai") ctx.app.sign_in_throttle().failed(username, ctx.app.client_address(ctx.req));
    change_form(ctx, 422, errors, "");
    return;
  }
  // Every session of the user ended with the change; this browser goes on in a new one.
  Session session;
  ctx.start_session(create_session(ctx.store(), username, ctx.app.options().session_seconds, session));
  ctx.redirect("/tai-khoan/doi-mat-khau?da-doi=1");
}

void reset_form(RequestContext& ctx, int status, const FieldErrors& errors, const std::string& code) {
  ctx.res.set_header("Cache-Control", "no-store");  // the typed code is on the page again
  Data d;
  d.set("csrf", ctx.csrf());
  d.set("ma", code);
  d.set("rules", password_rules());
  set_field_errors(d, errors);
  ctx.page(status, "password_reset", d, "Đặt lại mật khẩu");
}

void reset(RequestContext& ctx) {
  std::string code = ctx.param("ma");
  if (long wait = throttle_wait(ctx, reset_throttle_key(ctx)); wait > 0) {
    reset_form(ctx, 429, {{"ma", "Nhập sai mã nhiều lần. " + try_again_text(wait)}}, code);
    return;
  }
  ResetOutcome outcome = redeem_reset_code(ctx.store(), code, ctx.param("mat_khau_moi"), ctx.param("nhap_lai"));
  if (!outcome.errors.empty()) {
    if (!outcome.code_ok) ctx.app.sign_in_throttle().failed(reset_throttle_key(ctx), ctx.app.client_address(ctx.req));
    reset_form(ctx, 422, outcome.errors, code);
    return;
  }
  ctx.redirect("/dang-nhap?da-dat-lai=1");
}

}  // namespace

Data password_rules() {
  Data rules = list();
  for (const char* rule : {"Ít nhất 10 ký tự (tối đa 200); có thể dùng chữ có dấu và dấu cách.",
                           "Không chứa tên đăng nhập.", "Khác mật khẩu đang dùng.",
                           "Nên là một câu dễ nhớ gồm nhiều từ, không dùng lại mật khẩu của nơi khác."}) {
    Data r;
    r.set("text", rule);
    rules.push_back(r);
  }
  return rules;
}

void set_field_errors(Data& form, const FieldErrors& errors) {
  for (const auto& [field, message] : errors) form.set("error_" + field, message);
  if (!errors.empty()) form.set("has_errors", true);
}

void register_password_pages(App& app) {
  app.add({"GET", "/tai-khoan/doi-mat-khau", "doi_mat_khau", Access::any_user(), false, [](RequestContext& ctx) {
             change_form(ctx, 200, {},
                         ctx.param("da-doi").empty() ? "" : "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.");
           }});
  app.add({"POST", "/tai-khoan/doi-mat-khau", "doi_mat_khau_gui", Access::any_user(), false, change});
  app.add({"GET", "/dat-lai-mat-khau", "dat_lai_mat_khau", Access::public_access(), false,
           [](RequestContext& ctx) { reset_form(ctx, 200, {}, ""); }});
  app.add({"POST", "/dat-lai-mat-khau", "dat_lai_mat_khau_gui", Access::public_access(), false, reset});
}

}  // namespace kc::web
