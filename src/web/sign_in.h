// Signing in with a user name and password, shared by the sign-in form and the JSON API: the
// throttle (per account and per address), the password check, and a new session whose cookie
// is set on the answer. The caller only chooses how to show the outcome.
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

}  // namespace kc::web
