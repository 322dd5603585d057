// The three legacy Vietnamese encodings still found in old files, and their byte decoders.
// They share one property the detector relies on: ASCII bytes mean ASCII, so word and CSV
// boundaries (spaces, commas, quotes, line breaks) are the same in every reading.
//   TCVN3 (ABC, .VnTime fonts): one byte per letter, tones included (TCVN 5712:1993, VN3).
//   VNI (VNI-Times fonts): a base letter followed by separate diacritic bytes ("Ba" + 0xE9 = "Bắc").
//   Windows-1258: precomposed vowels with combining tone marks (code page 1258).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

enum class LegacyEncoding { Tcvn3, Vni, Windows1258 };

inline constexpr LegacyEncoding kLegacyEncodings[] = {LegacyEncoding::Tcvn3, LegacyEncoding::Vni,
                                                      LegacyEncoding::Windows1258};

// Name shown to users: "TCVN3 (ABC)", "VNI", "Windows-1258".
std::string_view legacy_encoding_name(LegacyEncoding e);
// Name of the --ma-hoa option value: "tcvn3", "vni", "cp1258".
std::string_view legacy_encoding_option(LegacyEncoding e);
// Reads an option value, case-insensitive: "tcvn3" (or "abc"), "vni", "cp1258" or "windows-1258".
std::optional<LegacyEncoding> parse_legacy_encoding(std::string_view name);
// Reads a user's choice (`--ma-hoa`, the import page's "Bảng mã"): a legacy encoding sets
// `legacy`, "utf8" sets `keep_unicode` (text kept as it is); false for anything else.
bool parse_encoding_choice(std::string_view value, std::optional<LegacyEncoding>& legacy, bool& keep_unicode);

// Decodes legacy `bytes` into UTF-8 in NFC. A byte that means nothing in `e` (a VNI mark after a
// letter that cannot take it, a byte Windows-1258 leaves undefined) is kept as the character a
// Windows-1252 font shows for it (U+FFFD when there is none) and counted in `*unreadable`.
std::string decode_legacy_bytes_as(std::string_view bytes, LegacyEncoding e, size_t* unreadable = nullptr);

// The byte a legacy font showed as code point `cp` (text typed with a legacy font in a Unicode
// program holds the font's byte values as U+0000..U+00FF); -1 when `cp` is above U+00FF.
inline int legacy_font_byte(uint32_t cp) { return cp <= 0xFF ? static_cast<int>(cp) : -1; }

}  // namespace kc
