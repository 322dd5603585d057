// Standard base64 (RFC 4648, with padding): bytes as text where only text can be stored (an
// issued report's documents in a TEXT column, which on PostgreSQL cannot hold a NUL byte) or
// embedded (data: URIs).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc {

std::string base64_encode(std::string_view bytes);
// nullopt when `text` is not valid base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace kc
