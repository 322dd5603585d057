#include "support/legacy_encode.h"

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace kc::test {

std::string iconv_encode(std::string_view utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(std::string("iconv: no ") + charset);
  std::string in(utf8), out(in.size() * 4 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) throw std::runtime_error(std::string("iconv could not encode into ") + charset);
  out.resize(out.size() - ol);
  return out;
}

std::string to_tcvn3(std::string_view utf8) { return iconv_encode(utf8, "TCVN5712-1"); }
std::string to_cp1258(std::string_view utf8) { return iconv_encode(utf8, "WINDOWS-1258"); }

namespace {

// VNI diacritic bytes for the lower-case fonts, by tone: none, grave, acute, hook, tilde, dot.
constexpr unsigned char kToneByte[] = {0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF};
constexpr unsigned char kCircumflexByte[] = {0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4};
constexpr unsigned char kBreveByte[] = {0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB};
constexpr unsigned char kIByte[] = {'i', 0xEC, 0xED, 0xE6, 0xF3, 0xF2};

int tone_of(UChar32 mark) {
  switch (mark) {
    case 0x0300: return 1;
    case 0x0301: return 2;
    case 0x0309: return 3;
    case 0x0303: return 4;
    case 0x0323: return 5;
    default: return -1;
  }
}

unsigned char upper(unsigned char b, bool capital) { return capital && b >= 0xE0 ? static_cast<unsigned char>(b - 0x20) : b; }

}  // namespace

std::string to_vni(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s = nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), status);
  std::string out;
  for (int32_t i = 0; i < s.length();) {
    UChar32 base = s.char32At(i);
    i += U16_LENGTH(base);
    UChar32 modifier = 0;
    int tone = 0;
    while (i < s.length() && (s.char32At(i) == 0x0302 || s.char32At(i) == 0x0306 || s.char32At(i) == 0x031B ||
                              tone_of(s.char32At(i)) > 0)) {
      UChar32 m = s.char32At(i++);
      if (tone_of(m) > 0)
        tone = tone_of(m);
      else
        modifier = m;
    }
    bool capital = base >= 'A' && base <= 'Z';
    if (base == 0x0110 || base == 0x0111) {
      out += static_cast<char>(base == 0x0110 ? 0xD1 : 0xF1);
      continue;
    }
    if (base > 0x7F) throw std::runtime_error("to_vni: no VNI form");
    UChar32 lower = capital ? base + 0x20 : base;
    if (modifier == 0x031B) {  // ơ ư are whole letters
      out += static_cast<char>(upper(lower == 'o' ? 0xF4 : 0xF6, capital));
    } else if (lower == 'i' && tone > 0) {
      out += static_cast<char>(upper(kIByte[tone], capital));
      continue;
    } else if (lower == 'y' && tone == 5) {
      out += static_cast<char>(upper(0xEE, capital));
      continue;
    } else {
      out += static_cast<char>(base);
    }
    if (modifier == 0x0302) {
      out += static_cast<char>(upper(kCircumflexByte[tone], capital));
    } else if (modifier == 0x0306) {
      out += static_cast<char>(upper(kBreveByte[tone], capital));
    } else if (tone > 0) {
      out += static_cast<char>(upper(kToneByte[tone], capital));
    }
  }
  return out;
}

std::string as_font_text(std::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else {
      out += static_cast<char>(0xC0 | (b >> 6));
      out += static_cast<char>(0x80 | (b & 0x3F));
    }
  }
  return out;
}

}  // namespace kc::test
