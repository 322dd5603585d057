// Unicode normalisation (ICU). Every text that enters a record is stored in NFC, so that
// "Đình Trì" typed with combining marks and with precomposed letters is one string.
#pragma once

#include <string>
#include <string_view>

namespace kc {

// NFC form of well-formed UTF-8 `s`. ASCII and already-NFC text take a fast path.
std::string to_nfc(std::string_view s);

// Lower-case, diacritics removed, đ -> d: the key for search that ignores accents and case
// ("Đình Trì" -> "dinh tri").
std::string fold_for_search(std::string_view s);

// Upper case with Vietnamese rules ("Sở Công Thương" -> "SỞ CÔNG THƯƠNG").
std::string to_upper_vi(std::string_view s);

// The first letter in lower case ("Phê duyệt kế hoạch" -> "phê duyệt kế hoạch").
std::string lower_first_vi(std::string_view s);
// The first letter in upper case.
std::string upper_first_vi(std::string_view s);

}  // namespace kc
