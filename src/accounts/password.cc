#include "core/sodium.h"
#include "accounts/password.h"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

#include "text/utf8.h"

namespace kc {

namespace {

// argon2id with OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1) rather than libsodium's
// "interactive" 64 MiB: the hash is computed in the web server at each sign-in, and the server's
// whole working set at national scale is about 50 MiB.
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19 * 1024 * 1024;

// At most two hashes are computed at once (each holds its memory and a core for ~50 ms): a burst
// of sign-ins waits its turn instead of multiplying the server's memory.
std::counting_semaphore<2> hashing_slots(2);

class HashingSlot {
 public:
  HashingSlot() { hashing_slots.acquire(); }
  ~HashingSlot() { hashing_slots.release(); }
  HashingSlot(const HashingSlot&) = delete;
  HashingSlot& operator=(const HashingSlot&) = delete;
};

}  // namespace

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  HashingSlot slot;
  if (crypto_pwhash_str(out, password.data(), password.size(), kOpsLimit, kMemLimit) != 0)
    throw std::runtime_error("không đủ bộ nhớ để băm mật khẩu");
  return out;
}

bool verify_password(const std::string& stored_hash, const std::string& password) {
  ensure_sodium();
  HashingSlot slot;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

std::string password_problem(const std::string& password) {
  if (find_invalid_utf8(password) != std::string::npos) return "mật khẩu phải là văn bản UTF-8";
  size_t length = count_code_points(password);
  if (length < 10) return "mật khẩu phải có ít nhất 10 ký tự";
  if (length > 200) return "mật khẩu dài quá 200 ký tự";
  return {};
}

}  // namespace kc
