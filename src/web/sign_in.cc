// See sign_in.h.
#include "web/sign_in.h"

#include <algorithm>

#include "web/request_context.h"

namespace kc::web {

std::string try_again_text(long seconds) {
  if (seconds < 60) return "Vui lòng thử lại sau " + std::to_string(std::max(1L, seconds)) + " giây.";
  return "Vui lòng thử lại sau " + std::to_string((seconds + 59) / 60) + " phút.";
}

long throttle_wait(RequestContext& ctx, const std::string& account) {
  long wait = ctx.app.sign_in_throttle().wait_seconds(account, ctx.app.client_address(ctx.req));
  if (wait > 0) ctx.res.set_header("Retry-After", std::to_string(wait));
  return wait;
}

SignInOutcome sign_in_with_password(RequestContext& ctx, const std::string& username, const std::string& password) {
  SignInOutcome out;
  SignInThrottle& throttle = ctx.app.sign_in_throttle();
  if (long wait = throttle_wait(ctx, username); wait > 0) {
    out.status = 429;
    out.retry_after = wait;
    out.error = "Đăng nhập sai nhiều lần liên tiếp. " + try_again_text(wait);
    return out;
  }
  out.user = check_password(ctx.store(), username, password);
  const std::string address = ctx.app.client_address(ctx.req);
  if (!out.user) {
    throttle.failed(username, address);
    out.status = 422;
    out.error = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.";
    return out;
  }
  throttle.succeeded(username, address);
  std::string token = create_session(ctx.store(), out.user->username, ctx.app.options().session_seconds, out.session);
  ctx.start_session(token);
  return out;
}

}  // namespace kc::web
