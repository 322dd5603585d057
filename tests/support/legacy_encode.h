// Encoders for the legacy Vietnamese encodings, for tests only: they make the inputs that the
// decoders of text/legacy_text.h must read back. TCVN3 and Windows-1258 come from glibc's iconv
// (an implementation independent of ours); VNI, which iconv lacks, from the VNI table here.
// Each throws std::runtime_error on a character the encoding lacks.
#pragma once

#include <string>
#include <string_view>

namespace kc::test {

// UTF-8 text as bytes of `charset` through iconv.
std::string iconv_encode(std::string_view utf8, const char* charset);
std::string to_tcvn3(std::string_view utf8);
std::string to_cp1258(std::string_view utf8);
std::string to_vni(std::string_view utf8);

// What a program showing `bytes` with a legacy font holds: each byte as the code point of the same
// value (U+0000..U+00FF), in UTF-8 ("Hà Nội" in TCVN3 -> "Hµ Néi").
std::string as_font_text(std::string_view bytes);

}  // namespace kc::test
