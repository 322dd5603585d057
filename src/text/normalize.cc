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

namespace {

// Folding of one code point, computed once with ICU ("NFD; remove marks; Any-Latin;
// Latin-ASCII; Lower") for the Latin ranges where Vietnamese letters live; looked up after that.
class FoldTable {
 public:
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Any-Latin; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU folding transliterator unavailable");
    for (UChar32 cp = 0; cp < kSize; ++cp) {
      if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp > 0x24F && cp < 0x1E00)) continue;
      icu::UnicodeString u(cp);
      t->transliterate(u);
      u.toUTF8String(folded_[static_cast<size_t>(cp)]);
      known_[static_cast<size_t>(cp)] = true;
    }
  }
  static constexpr UChar32 kSize = 0x1F00;
  bool known(uint32_t cp) const { return cp < static_cast<uint32_t>(kSize) && known_[cp]; }
  const std::string& fold(uint32_t cp) const { return folded_[cp]; }

 private:
  std::string folded_[kSize];
  bool known_[kSize] = {};
};

}  // namespace

std::string fold_for_search(std::string_view s) {
  static const FoldTable table;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t len = decode_utf8(s, i, cp);
    if (len == 0) {  // not UTF-8: keep the byte
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36F) {  // a combining mark: dropped, like its precomposed forms
    } else if (table.known(cp)) {
      out += table.fold(cp);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
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
