#include "core/sodium.h"

#include <sodium.h>

#include <stdexcept>

namespace kc {

void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("không khởi tạo được thư viện libsodium");
}

}  // namespace kc
