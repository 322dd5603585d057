#include "core/sodium.h"
#include "accounts/password.h"

#include <sodium.h>

#include <stdexcept>

#include "text/utf8.h"

namespace kc {

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("không đủ bộ nhớ để băm mật khẩu");
  return out;
}

bool verify_password(const std::string& stored_hash, const std::string& password) {
  ensure_sodium();
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
