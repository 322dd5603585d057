#include "core/sodium.h"
#include "core/digest.h"

#include <sodium.h>

namespace kc {

std::string blake2b_hex(std::string_view data) {
  ensure_sodium();
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  char hex[2 * sizeof hash + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

}  // namespace kc
