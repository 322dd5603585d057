// libsodium must be initialised once before use; every caller goes through here.
#pragma once

namespace kc {

// Initialises libsodium (thread-safe, idempotent); throws std::runtime_error when it cannot.
void ensure_sodium();

}  // namespace kc
