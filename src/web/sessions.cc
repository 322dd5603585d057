#include "core/sodium.h"
#include "web/sessions.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "core/clock.h"
#include "core/digest.h"
#include "core/random.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace kc::web {

namespace {

const RecordKind& sessions() { return kind("phien"); }

std::string token_hash(const std::string& token) { return blake2b_hex(token); }

Row key_row(const std::string& hash) {
  Row r(sessions().fields.size());
  r[0] = hash;
  return r;
}

}  // namespace

std::string random_token(size_t bytes) { return random_hex(bytes); }

std::string create_session(Store& store, const std::string& username, long lifetime_seconds, Session& out) {
  std::string token = random_token();
  out = {token_hash(token), username, random_token(), utc_text_in(lifetime_seconds)};
  Transaction tx(store);
  store.insert(sessions(), Row{out.token_hash, out.username, out.csrf, utc_now_text(), out.expires});
  tx.commit();
  return token;
}

std::optional<Session> find_session(Store& store, const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  auto row = store.find(sessions(), key_row(token_hash(token)));
  if (!row) return std::nullopt;
  Session s{as_text((*row)[0]), as_text((*row)[1]), as_text((*row)[2]), as_text((*row)[4])};
  if (s.expires < utc_now_text()) return std::nullopt;
  return s;
}

void end_session(Store& store, const std::string& token) {
  Transaction tx(store);
  store.remove(sessions(), key_row(token_hash(token)));
  tx.commit();
}

int64_t purge_expired_sessions(Store& store) {
  std::string now = utc_now_text();
  std::vector<std::string> expired;
  store.scan(sessions(), [&](const Row& row) {
    if (as_text(row[4]) < now) expired.push_back(as_text(row[0]));
  });
  if (expired.empty()) return 0;
  Transaction tx(store);
  int64_t removed = 0;
  for (const std::string& hash : expired) removed += store.remove(sessions(), key_row(hash)) ? 1 : 0;
  tx.commit();
  return removed;
}

int64_t count_active_sessions(Store& store) {
  std::string now = utc_now_text();
  int64_t active = 0;
  store.scan(sessions(), [&](const Row& row) { active += as_text(row[4]) < now ? 0 : 1; });
  return active;
}

bool tokens_equal(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kc::web
