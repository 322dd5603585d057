// Unpredictable identifiers and tokens (libsodium's CSPRNG), as lower-case hex.
#pragma once

#include <cstddef>
#include <string>

namespace kc {

std::string random_hex(size_t bytes);

}  // namespace kc
