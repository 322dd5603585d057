// Server-side sessions. The browser holds a random 256-bit token in an HttpOnly cookie; the
// database holds only its BLAKE2b hash, the user, a per-session CSRF token and the expiry.
// A new token is issued at every sign-in, so a token planted before sign-in is never promoted
// (no session fixation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace kc {
class Store;
}

namespace kc::web {

struct Session {
  std::string token_hash, username, csrf, expires;
};

// Random bytes as hex (for tokens).
std::string random_token(size_t bytes = 32);

// Creates a session for `username`; returns the cookie token.
std::string create_session(Store& store, const std::string& username, long lifetime_seconds, Session& out);

// The live session of a cookie token, or nullopt (unknown or expired).
std::optional<Session> find_session(Store& store, const std::string& token);

void end_session(Store& store, const std::string& token);

// Deletes every session whose expiry has passed (one transaction); returns how many. A session
// row is otherwise deleted only by signing out, so without this the table grows by every sign-in
// whose user never signed out. The server runs it at start and then periodically (App).
int64_t purge_expired_sessions(Store& store);

// Sessions not yet expired (for /metrics).
int64_t count_active_sessions(Store& store);

// Constant-time comparison for tokens.
bool tokens_equal(const std::string& a, const std::string& b);

}  // namespace kc::web
