// UTF-8 checks used wherever text enters the program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kc {

// Decodes the code point starting at s[i] into `cp`; returns its length in bytes, or 0 when the
// bytes there are not well-formed UTF-8.
size_t decode_utf8(std::string_view s, size_t i, uint32_t& cp);

// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or npos when all is well-formed.
size_t find_invalid_utf8(std::string_view s);

// Number of code points in well-formed UTF-8 `s` (used to report 1-based columns).
size_t count_code_points(std::string_view s);

bool is_ascii(std::string_view s);

}  // namespace kc
