#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "text/utf8.h"

namespace kc {

namespace {

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normaliser unavailable");
  return *n;
}

}  // namespace

std::string to_nfc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  const icu::Normalizer2& n = nfc();
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(s);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  n.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error("NFC normalisation failed");
  return out;
}

std::string fold_for_search(std::string_view s) {
  // Transliterator instances are not thread-safe; one per thread.
  thread_local std::unique_ptr<icu::Transliterator> fold = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Any-Latin; Latin-ASCII; Lower; NFC", UTRANS_FORWARD,
        status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU folding transliterator unavailable");
    return t;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  fold->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string to_upper_vi(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toUpper(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return to_nfc(out);
}

namespace {

std::string change_first(std::string_view s, bool upper) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (u.isEmpty()) return {};
  int32_t first_len = U16_LENGTH(u.char32At(0));
  icu::UnicodeString head(u, 0, first_len);
  if (upper)
    head.toUpper(icu::Locale("vi"));
  else
    head.toLower(icu::Locale("vi"));
  u.replace(0, first_len, head);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string lower_first_vi(std::string_view s) { return change_first(s, false); }
std::string upper_first_vi(std::string_view s) { return change_first(s, true); }

}  // namespace kc
