// Signing in with a user name and password, shared by the sign-in form and the JSON API: the
// throttle (account and address together, throttle.h), the password check, and a new session
// whose cookie is set on the answer. The caller only chooses how to show the outcome.
#pragma once

#include <optional>
#include <string>

#include "accounts/accounts.h"
#include "web/sessions.h"

namespace kc::web {

class RequestContext;

struct SignInOutcome {
  int status = 200;         // 200 signed in; 422 wrong name or password; 429 throttled
  std::string error;        // Vietnamese, when status is not 200
  long retry_after = 0;     // seconds, with 429 (also sent as the Retry-After header)
  std::optional<User> user; // the signed-in user
  Session session;          // the new session (its CSRF token is what the client sends from now on)
};

SignInOutcome sign_in_with_password(RequestContext& ctx, const std::string& username, const std::string& password);

// "Vui lòng thử lại sau 30 giây." — seconds under a minute, whole minutes (rounded up) above.
std::string try_again_text(long seconds);

// Seconds `account` must still wait from the caller's address (0: may try now); when waiting,
// the answer gets its Retry-After header.
long throttle_wait(RequestContext& ctx, const std::string& account);

}  // namespace kc::web
