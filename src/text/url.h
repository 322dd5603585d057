// Percent-encoding (RFC 3986): every byte outside the unreserved characters (letters, digits,
// "-", ".", "_", "~") becomes %XX. Used for filename*= in Content-Disposition (RFC 5987) and
// for links to files whose names hold spaces or Vietnamese letters.
#pragma once

#include <string>
#include <string_view>

namespace kc {

std::string percent_encoded(std::string_view text);

}  // namespace kc
