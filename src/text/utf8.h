// UTF-8 checks used wherever text enters the program.
#pragma once

#include <cstddef>
#include <string_view>

namespace kc {

// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or npos when all is well-formed.
size_t find_invalid_utf8(std::string_view s);

// Number of code points in well-formed UTF-8 `s` (used to report 1-based columns).
size_t count_code_points(std::string_view s);

bool is_ascii(std::string_view s);

}  // namespace kc
