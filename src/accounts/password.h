// Password hashing with argon2id (libsodium crypto_pwhash_str, m = 19 MiB, t = 2, p = 1): the
// stored string carries its own salt and parameters, so older hashes still verify.
#pragma once

#include <string>

namespace kc {

std::string hash_password(const std::string& password);
bool verify_password(const std::string& stored_hash, const std::string& password);

// A Vietnamese reason when a new password is too weak, or "" when it is acceptable.
std::string password_problem(const std::string& password);

}  // namespace kc
