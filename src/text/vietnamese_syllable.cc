#include "text/vietnamese_syllable.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "text/normalize.h"
#include "text/utf8.h"

namespace kc {

namespace {

// The twelve vowels, each with its six tones (none, huyền, sắc, hỏi, ngã, nặng).
constexpr std::string_view kVowelsLower[] = {"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
                                              "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"};
constexpr std::string_view kVowelsUpper[] = {"AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
                                              "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ"};
enum Tone { kNone = 0, kHuyen, kSac, kHoi, kNga, kNang };

struct Letter {
  std::string base;  // lower case, toneless, UTF-8
  int tone = kNone;
};

// Vietnamese letters outside ASCII, by code point.
const std::unordered_map<uint32_t, Letter>& letters() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<uint32_t, Letter>;
    for (size_t v = 0; v < std::size(kVowelsLower); ++v) {
      uint32_t first = 0;
      std::string base(kVowelsLower[v].substr(0, decode_utf8(kVowelsLower[v], 0, first)));
      for (std::string_view row : {kVowelsLower[v], kVowelsUpper[v]}) {
        size_t i = 0;
        for (int tone = kNone; tone <= kNang; ++tone) {
          uint32_t cp = 0;
          i += decode_utf8(row, i, cp);
          (*t)[cp] = Letter{base, tone};
        }
      }
    }
    (*t)[0x0111] = Letter{"đ", kNone};
    (*t)[0x0110] = Letter{"đ", kNone};
    return t;
  }();
  return *table;
}

constexpr std::string_view kInitials[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                                          "b",   "c",  "d",  "đ",  "g",  "h",  "k",  "l",  "m",  "n",  "p",
                                          "r",   "s",  "t",  "v",  "x",  ""};

// Every rhyme of the language, toneless.
constexpr std::string_view kRhymes[] = {
    "a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
    "e", "eo", "ec", "em", "en", "eng", "ep", "et",
    "ê", "êu", "êch", "êm", "ên", "ênh", "êp", "êt",
    "i", "ia", "iu", "ich", "im", "in", "inh", "ip", "it", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
    "o", "oi", "oc", "om", "on", "ong", "op", "ot", "oong", "ooc",
    "oa", "oai", "oao", "oay", "oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat",
    "oăc", "oăm", "oăn", "oăng", "oăp", "oăt", "oe", "oeo", "oen", "oet",
    "ô", "ôi", "ôc", "ôm", "ôn", "ông", "ôp", "ôt",
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
    "u", "ua", "ui", "uc", "um", "un", "ung", "up", "ut", "uôi", "uôc", "uôm", "uôn", "uông", "uôt",
    "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uơ",
    "uy", "uya", "uyu", "uych", "uynh", "uyt", "uyên", "uyêt",
    "ư", "ưa", "ưi", "ưu", "ưc", "ưng", "ưt", "ưm", "ưn",
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
    "y", "yêm", "yên", "yêt", "yêu"};

bool is_rhyme(std::string_view r) {
  return std::find(std::begin(kRhymes), std::end(kRhymes), r) != std::end(kRhymes);
}

bool starts_with_front_vowel(std::string_view rhyme) {
  return rhyme.starts_with("e") || rhyme.starts_with("ê") || rhyme.starts_with("i") || rhyme.starts_with("y");
}

bool ends_in_stop(std::string_view rhyme) {
  return rhyme.ends_with("c") || rhyme.ends_with("ch") || rhyme.ends_with("p") || rhyme.ends_with("t");
}

bool spelling_fits(std::string_view initial, std::string_view rhyme) {
  bool front = starts_with_front_vowel(rhyme);
  if (initial == "k" || initial == "gh" || initial == "ngh") return front;
  if (initial == "c" || initial == "ng") return !front;
  if (initial == "g") return !rhyme.starts_with("e") && !rhyme.starts_with("ê");
  if (initial == "qu") return !rhyme.starts_with("u") && !rhyme.starts_with("o");
  return true;
}

}  // namespace

bool is_vietnamese_syllable(std::string_view word) {
  if (word.empty() || word.size() > 40) return false;
  std::string nfc;
  if (!is_ascii(word)) {
    if (find_invalid_utf8(word) != std::string_view::npos) return false;
    nfc = to_nfc(word);
    word = nfc;
  }
  std::string base;
  int tone = kNone;
  const auto& table = letters();
  for (size_t i = 0; i < word.size();) {
    uint32_t cp = 0;
    size_t len = decode_utf8(word, i, cp);
    i += len;
    if (cp < 0x80) {
      char c = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
      if (c < 'a' || c > 'z' || c == 'f' || c == 'j' || c == 'w' || c == 'z') return false;
      base += c;
      continue;
    }
    auto it = table.find(cp);
    if (it == table.end()) return false;
    if (it->second.tone != kNone) {
      if (tone != kNone) return false;  // two tone marks
      tone = it->second.tone;
    }
    base += it->second.base;
  }
  std::string_view b = base;
  for (std::string_view initial : kInitials) {
    if (!b.starts_with(initial)) continue;
    std::string_view rhyme = b.substr(initial.size());
    if (!is_rhyme(rhyme) || !spelling_fits(initial, rhyme)) continue;
    if (ends_in_stop(rhyme) && tone != kSac && tone != kNang) continue;
    return true;
  }
  return false;
}

}  // namespace kc
