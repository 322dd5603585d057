#include "text/legacy_charsets.h"

#include <cstdint>

#include "text/normalize.h"

namespace kc {

namespace {

// TCVN3 bytes 0x80..0xFF (TCVN 5712:1993 as glibc's TCVN5712-1 decodes them; 0xB0..0xB4 are
// combining tone marks). ASCII bytes are ASCII.
constexpr uint16_t kTcvn3High[128] = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // 0x80
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // 0x88
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // 0x90
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // 0x98
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // 0xA0
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // 0xA8
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // 0xB0
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // 0xB8
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // 0xC0
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // 0xC8
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // 0xD0
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // 0xD8
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // 0xE0
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // 0xE8
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // 0xF0
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // 0xF8
};

// TCVN3 bytes below 0x18 that TCVN 5712 gives to capitals (0 = the ASCII control it is in ASCII).
// .VnTime files do not use them; glibc decodes them so, and so do we.
constexpr uint16_t kTcvn3Low[24] = {
    0, 0x00DA, 0x1EE4, 0, 0x1EEA, 0x1EEC, 0x1EEE, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0x1EE8, 0x1EF0, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4,
};

// Windows-1258 bytes 0x80..0xFF (0 = undefined). 0xCC, 0xD2, 0xDE, 0xEC, 0xF2 are combining
// tone marks that follow their vowel.
constexpr uint16_t kCp1258High[128] = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
    0x02C6, 0x2030, 0x0000, 0x2039, 0x0152, 0x0000, 0x0000, 0x0000,  // 0x88
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
    0x02DC, 0x2122, 0x0000, 0x203A, 0x0153, 0x0000, 0x0000, 0x0178,  // 0x98
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,  // 0xA0
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // 0xA8
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,  // 0xB0
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,  // 0xB8
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,  // 0xC0
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,  // 0xC8
    0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,  // 0xD0
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,  // 0xD8
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,  // 0xE0
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,  // 0xE8
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,  // 0xF0
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,  // 0xF8
};

// What a Windows-1252 font shows for a byte VNI leaves without meaning (0x80..0x9F differ
// from Latin-1; Windows-1258 agrees with 1252 there except for four letters 1258 lacks).
uint32_t windows_1252_char(unsigned char b) {
  if (b < 0x80 || b >= 0xA0) return b;
  switch (b) {
    case 0x8A: return 0x0160;
    case 0x8E: return 0x017D;
    case 0x9A: return 0x0161;
    case 0x9E: return 0x017E;
    default: break;
  }
  uint32_t cp = kCp1258High[b - 0x80];
  return cp ? cp : 0xFFFD;
}

constexpr uint32_t kGrave = 0x0300, kAcute = 0x0301, kCircumflex = 0x0302, kTilde = 0x0303,
                   kBreve = 0x0306, kHook = 0x0309, kDotBelow = 0x0323;

// A VNI diacritic byte: the modifier it adds to the vowel before it (circumflex or breve,
// 0 for none) and the tone mark (0 for none). Upper-case forms (VNI's capital fonts) mean the same.
struct VniMark {
  uint32_t modifier = 0;
  uint32_t tone = 0;
};

std::optional<VniMark> vni_mark(unsigned char b) {
  switch (b) {
    case 0xF9: case 0xD9: return VniMark{0, kAcute};
    case 0xF8: case 0xD8: return VniMark{0, kGrave};
    case 0xFB: case 0xDB: return VniMark{0, kHook};
    case 0xF5: case 0xD5: return VniMark{0, kTilde};
    case 0xEF: case 0xCF: return VniMark{0, kDotBelow};
    case 0xE2: case 0xC2: return VniMark{kCircumflex, 0};
    case 0xE1: case 0xC1: return VniMark{kCircumflex, kAcute};
    case 0xE0: case 0xC0: return VniMark{kCircumflex, kGrave};
    case 0xE5: case 0xC5: return VniMark{kCircumflex, kHook};
    case 0xE3: case 0xC3: return VniMark{kCircumflex, kTilde};
    case 0xE4: case 0xC4: return VniMark{kCircumflex, kDotBelow};
    case 0xEA: case 0xCA: return VniMark{kBreve, 0};
    case 0xE9: case 0xC9: return VniMark{kBreve, kAcute};
    case 0xE8: case 0xC8: return VniMark{kBreve, kGrave};
    case 0xFA: case 0xDA: return VniMark{kBreve, kHook};
    case 0xFC: case 0xDC: return VniMark{kBreve, kTilde};
    case 0xEB: case 0xCB: return VniMark{kBreve, kDotBelow};
    default: return std::nullopt;
  }
}

// VNI bytes that are whole letters: ơ ư đ and the i/y vowels with their tone.
uint32_t vni_letter(unsigned char b) {
  switch (b) {
    case 0xF4: return 0x01A1;  // ơ
    case 0xD4: return 0x01A0;  // Ơ
    case 0xF6: return 0x01B0;  // ư
    case 0xD6: return 0x01AF;  // Ư
    case 0xF1: return 0x0111;  // đ
    case 0xD1: return 0x0110;  // Đ
    case 0xED: return 0x00ED;  // í
    case 0xCD: return 0x00CD;  // Í
    case 0xEC: return 0x00EC;  // ì
    case 0xCC: return 0x00CC;  // Ì
    case 0xE6: return 0x1EC9;  // ỉ
    case 0xC6: return 0x1EC8;  // Ỉ
    case 0xF3: return 0x0129;  // ĩ
    case 0xD3: return 0x0128;  // Ĩ
    case 0xF2: return 0x1ECB;  // ị
    case 0xD2: return 0x1ECA;  // Ị
    case 0xEE: return 0x1EF5;  // ỵ
    case 0xCE: return 0x1EF4;  // Ỵ
    default: return 0;
  }
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// What may follow the last letter written: which VNI diacritics it can still take.
enum class VniBase { None, ToneOnly, Any, CircumflexOrTone };

VniBase vni_base_of(uint32_t cp) {
  switch (cp | 0x20) {  // ASCII letters: lower-case
    case 'a': return VniBase::Any;
    case 'e': case 'o': return VniBase::CircumflexOrTone;
    case 'u': case 'y': return VniBase::ToneOnly;
    default: break;
  }
  if (cp == 0x01A1 || cp == 0x01A0 || cp == 0x01B0 || cp == 0x01AF) return VniBase::ToneOnly;  // ơ ư
  return VniBase::None;
}

std::string decode_vni(std::string_view bytes, size_t& unreadable) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  VniBase base = VniBase::None;
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out += ch;
      base = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ? vni_base_of(b) : VniBase::None;
      continue;
    }
    if (auto mark = vni_mark(b)) {
      bool fits = base == VniBase::Any || (base == VniBase::CircumflexOrTone && mark->modifier != kBreve) ||
                  (base == VniBase::ToneOnly && mark->modifier == 0);
      if (fits) {
        if (mark->modifier) append_utf8(out, mark->modifier);
        if (mark->tone) append_utf8(out, mark->tone);
        // A vowel that took a modifier without a tone (â, ê, ô, ă) may still take a tone byte.
        base = mark->tone ? VniBase::None : VniBase::ToneOnly;
        continue;
      }
      ++unreadable;
      append_utf8(out, windows_1252_char(b));
      base = VniBase::None;
      continue;
    }
    if (uint32_t letter = vni_letter(b)) {
      append_utf8(out, letter);
      base = vni_base_of(letter);
      continue;
    }
    append_utf8(out, windows_1252_char(b));
    base = VniBase::None;
  }
  return out;
}

std::string decode_with_table(std::string_view bytes, const uint16_t (&high)[128], const uint16_t* low,
                              size_t& unreadable) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      if (low && b < 24 && low[b])
        append_utf8(out, low[b]);
      else
        out += ch;
      continue;
    }
    uint32_t cp = high[b - 0x80];
    if (cp == 0) {
      ++unreadable;
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  return out;
}

bool equals_ascii_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view legacy_encoding_name(LegacyEncoding e) {
  switch (e) {
    case LegacyEncoding::Tcvn3: return "TCVN3 (ABC)";
    case LegacyEncoding::Vni: return "VNI";
    case LegacyEncoding::Windows1258: return "Windows-1258";
  }
  return "";
}

std::string_view legacy_encoding_option(LegacyEncoding e) {
  switch (e) {
    case LegacyEncoding::Tcvn3: return "tcvn3";
    case LegacyEncoding::Vni: return "vni";
    case LegacyEncoding::Windows1258: return "cp1258";
  }
  return "";
}

bool parse_encoding_choice(std::string_view value, std::optional<LegacyEncoding>& legacy, bool& keep_unicode) {
  if (value == "utf8" || value == "utf-8" || value == "UTF-8" || value == "unicode") {
    keep_unicode = true;
    return true;
  }
  legacy = parse_legacy_encoding(value);
  return legacy.has_value();
}

std::optional<LegacyEncoding> parse_legacy_encoding(std::string_view name) {
  for (std::string_view n : {"tcvn3", "abc", "tcvn"})
    if (equals_ascii_ci(name, n)) return LegacyEncoding::Tcvn3;
  if (equals_ascii_ci(name, "vni")) return LegacyEncoding::Vni;
  for (std::string_view n : {"cp1258", "windows-1258", "windows1258", "1258"})
    if (equals_ascii_ci(name, n)) return LegacyEncoding::Windows1258;
  return std::nullopt;
}

std::string decode_legacy_bytes_as(std::string_view bytes, LegacyEncoding e, size_t* unreadable) {
  size_t bad = 0;
  std::string out;
  switch (e) {
    case LegacyEncoding::Tcvn3: out = decode_with_table(bytes, kTcvn3High, kTcvn3Low, bad); break;
    case LegacyEncoding::Vni: out = decode_vni(bytes, bad); break;
    case LegacyEncoding::Windows1258: out = decode_with_table(bytes, kCp1258High, nullptr, bad); break;
  }
  if (unreadable) *unreadable += bad;
  return to_nfc(out);
}

}  // namespace kc
