// A fast keyed-free digest for secrets that are already random (session tokens, reset codes):
// BLAKE2b-256 (libsodium crypto_generichash) as lower-case hex. Not for passwords (password.h).
#pragma once

#include <string>
#include <string_view>

namespace kc {

std::string blake2b_hex(std::string_view data);

}  // namespace kc
