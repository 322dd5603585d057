// See sign_in.h.
#include "web/sign_in.h"

#include <algorithm>

#include "web/request_context.h"

namespace kc::web {

SignInOutcome sign_in_with_password(RequestContext& ctx, const std::string& username, const std::string& password) {
  SignInOutcome out;
  std::vector<std::string> account = {username}, address = {ctx.req.remote_addr};
  long wait = std::max(ctx.app.account_throttle().wait_seconds(account), ctx.app.address_throttle().wait_seconds(address));
  if (wait > 0) {
    ctx.res.set_header("Retry-After", std::to_string(wait));
    out.status = 429;
    out.retry_after = wait;
    out.error = "Đăng nhập sai quá nhiều lần; hãy thử lại sau " + std::to_string((wait + 59) / 60) + " phút.";
    return out;
  }
  out.user = check_password(ctx.store(), username, password);
  if (!out.user) {
    ctx.app.account_throttle().failed(account);
    ctx.app.address_throttle().failed(address);
    out.status = 422;
    out.error = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.";
    return out;
  }
  ctx.app.account_throttle().succeeded(account);
  std::string token = create_session(ctx.store(), out.user->username, ctx.app.options().session_seconds, out.session);
  ctx.start_session(token);
  return out;
}

}  // namespace kc::web
