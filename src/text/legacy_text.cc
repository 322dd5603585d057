#include "text/legacy_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/vn_format.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "text/vietnamese_syllable.h"

namespace kc {

namespace {

constexpr size_t kMaxScoredWords = 20000;  // enough evidence; keeps big files fast
constexpr size_t kQuickWords = 2000;       // may_hold_legacy_text reads this many
constexpr double kReadsWell = 0.8;         // share of syllables for a reading to count as right
constexpr double kPlausible = 0.5;         // share for a reading to be offered as a candidate
constexpr size_t kSampleChars = 120;

enum class Mode { Bytes, Text };

size_t index_of(LegacyEncoding e) { return static_cast<size_t>(e); }

bool is_ascii_letter(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Where a cell of a CSV (or a field of any delimited text) ends. All ASCII, so the same in
// every reading.
bool is_cell_break(char c) { return c == ',' || c == ';' || c == '"' || c == '\t' || c == '\r' || c == '\n'; }

// Non-ASCII characters that separate words in Unicode text: no-break space, the byte order mark,
// the general punctuation block (dashes, typographic quotes, ellipsis).
bool is_unicode_separator(uint32_t cp) { return cp == 0xA0 || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x206F); }

// Calls f(begin, end, marked) for each word of `s`: a maximal run of ASCII letters and non-ASCII
// characters (bytes, in bytes mode) other than separators; `marked` when it holds non-ASCII.
// Stops when f returns false.
template <class F>
void for_each_word(std::string_view s, Mode mode, F&& f) {
  size_t i = 0, begin = std::string_view::npos;
  bool marked = false;
  while (i <= s.size()) {
    size_t len = 1;
    bool word_char = false, non_ascii = false;
    if (i < s.size()) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        word_char = is_ascii_letter(c);
      } else if (mode == Mode::Bytes) {
        word_char = c != 0xA0;
        non_ascii = true;
      } else {
        uint32_t cp = 0;
        len = decode_utf8(s, i, cp);
        if (len == 0) len = 1;  // not reached for well-formed input
        word_char = !is_unicode_separator(cp);
        non_ascii = true;
      }
    }
    if (word_char) {
      if (begin == std::string_view::npos) begin = i, marked = false;
      marked = marked || non_ascii;
    } else if (begin != std::string_view::npos) {
      if (!f(begin, i, marked)) return;
      begin = std::string_view::npos;
    }
    i += len;
  }
}

// One word read in encoding `e`. Text mode maps each character to the font byte it shows;
// a word with a character no legacy font has stays as it is. `unreadable` counts bytes
// without meaning in `e`.
std::string read_word(std::string_view word, Mode mode, LegacyEncoding e, size_t& unreadable) {
  if (mode == Mode::Bytes) return decode_legacy_bytes_as(word, e, &unreadable);
  std::string bytes;
  for (size_t i = 0; i < word.size();) {
    uint32_t cp = 0;
    size_t len = decode_utf8(word, i, cp);
    int b = len ? legacy_font_byte(cp) : -1;
    if (b < 0) return std::string(word);
    bytes += static_cast<char>(b);
    i += len;
  }
  return decode_legacy_bytes_as(bytes, e, &unreadable);
}

bool reads_as_syllable(std::string_view word, Mode mode, LegacyEncoding e) {
  size_t unreadable = 0;
  std::string r = read_word(word, mode, e, unreadable);
  return unreadable == 0 && is_vietnamese_syllable(r);
}

// Which cells a reading applies to. A text that mostly reads as Vietnamese Unicode may still
// hold a few cells typed with a legacy font: then only those (the suspects) are looked at.
enum class Scope { AllCells, SuspectCells };

// Calls f(begin, end, line, line_start) for each cell of `s` (see is_cell_break).
template <class F>
void for_each_cell(std::string_view s, F&& f) {
  size_t line = 1, line_start = 0;
  for (size_t pos = 0; pos <= s.size();) {
    size_t end = pos;
    while (end < s.size() && !is_cell_break(s[end])) ++end;
    if (!f(pos, end, line, line_start) || end == s.size()) return;
    if (s[end] == '\n') ++line, line_start = end + 1;
    pos = end + 1;
  }
}

// True when UTF-8 `w` has a character above U+00FF (its lead byte is 0xC4 or more).
bool beyond_latin1(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xC4; });
}

// A Unicode cell that may be legacy text: none of its words has a letter no legacy font has
// (such as "ộ"), and some word with non-ASCII letters is not a syllable.
bool is_suspect_cell(std::string_view cell) {
  if (is_ascii(cell)) return false;
  bool not_syllable = false, genuine = false;
  for_each_word(cell, Mode::Text, [&](size_t b, size_t e, bool marked) {
    if (!marked) return true;
    std::string_view w = cell.substr(b, e - b);
    genuine = beyond_latin1(w);
    not_syllable = not_syllable || !is_vietnamese_syllable(w);
    return !genuine;
  });
  return not_syllable && !genuine;
}

bool in_scope(std::string_view cell, Scope scope) {
  return scope == Scope::AllCells ? !is_ascii(cell) : is_suspect_cell(cell);
}

struct Scores {
  size_t words = 0;     // words with non-ASCII characters
  size_t original = 0;  // of those, syllables as they are (text mode)
  std::array<size_t, 3> legacy{};  // syllables in each legacy reading
};

// Calls fn(word, offset in s) for every marked word of the cells in `scope`, until fn returns false.
template <class Fn>
void for_each_marked_word(std::string_view s, Mode mode, Scope scope, Fn fn) {
  bool go_on = true;
  for_each_cell(s, [&](size_t cb, size_t ce, size_t, size_t) {
    std::string_view cell = s.substr(cb, ce - cb);
    if (!in_scope(cell, scope)) return true;
    for_each_word(cell, mode, [&](size_t b, size_t e, bool marked) {
      if (!marked) return true;
      go_on = fn(cell.substr(b, e - b), cb + b);
      return go_on;
    });
    return go_on;
  });
}

Scores score(std::string_view s, Mode mode, Scope scope, size_t limit, bool legacy_too) {
  Scores sc;
  for_each_marked_word(s, mode, scope, [&](std::string_view w, size_t) {
    ++sc.words;
    if (mode == Mode::Text && is_vietnamese_syllable(w)) ++sc.original;
    if (legacy_too)
      for (LegacyEncoding enc : kLegacyEncodings) sc.legacy[index_of(enc)] += reads_as_syllable(w, mode, enc);
    return sc.words < limit;
  });
  return sc;
}

// Characters a legacy font shows for its Vietnamese letters but Vietnamese Unicode text does not
// use: U+0080..U+00FF other than the Vietnamese letters (à á â ã è é ê ì í ò ó ô õ ù ú ý and
// capitals) and a few common signs.
bool is_legacy_mark(uint32_t cp) {
  static const std::array<bool, 128> vietnamese_or_sign = [] {
    std::array<bool, 128> t{};  // by code point - 0x80
    for (uint32_t c : {0xC0, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCC, 0xCD, 0xD2, 0xD3, 0xD4, 0xD5, 0xD9, 0xDA, 0xDD})
      t[c - 0x80] = t[c + 0x20 - 0x80] = true;  // the capital and its small letter
    for (uint32_t c : {0xA0, 0xB0, 0xD7}) t[c - 0x80] = true;  // nbsp ° ×
    return t;
  }();
  return cp >= 0x80 && cp <= 0xFF && !vietnamese_or_sign[cp - 0x80];
}

// One pass over `s`: false when it is well-formed UTF-8 without legacy font marks. Runs of ASCII
// are skipped eight bytes at a time: this runs on every file of every import.
bool ill_formed_or_marked(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size(), i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t chunk;
      std::memcpy(&chunk, p + i, 8);
      if ((chunk & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Inline fast path for the two- and three-byte letters of Vietnamese (U+0080..U+07FF and
    // U+0800..U+FFFF outside the surrogates); anything else goes through decode_utf8.
    auto cont = [&](size_t k) { return i + k < n && (static_cast<unsigned char>(p[i + k]) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF && cont(1)) {
      if (c <= 0xC3 && is_legacy_mark(((c & 0x1Fu) << 6) | (static_cast<unsigned char>(p[i + 1]) & 0x3Fu))) return true;
      i += 2;
      continue;
    }
    if (c >= 0xE1 && c <= 0xEC && cont(1) && cont(2)) {
      i += 3;
      continue;
    }
    uint32_t cp = 0;
    size_t len = decode_utf8(s, i, cp);
    if (len == 0 || is_legacy_mark(cp)) return true;
    i += len;
  }
  return false;
}

// Converts one cell into `out`; false when it is to be kept as it is. A Unicode cell is kept when
// a word has a letter no legacy font has, or when the conversion makes fewer words syllables
// (in SuspectCells scope: when it does not make more).
bool convert_cell(std::string_view cell, Mode mode, LegacyEncoding e, Scope scope, std::string& out) {
  if (!in_scope(cell, scope)) return false;
  size_t unreadable = 0;
  if (mode == Mode::Bytes) {
    out = decode_legacy_bytes_as(cell, e, &unreadable);
  } else {
    out.clear();
    size_t pos = 0, before = 0, after = 0;
    bool genuine_unicode = false;
    for_each_word(cell, mode, [&](size_t b, size_t end, bool marked) {
      out.append(cell.substr(pos, b - pos));
      std::string_view w = cell.substr(b, end - b);
      pos = end;
      if (!marked) {
        out.append(w);
        return true;
      }
      if (beyond_latin1(w)) {
        genuine_unicode = true;
        return false;
      }
      std::string r = read_word(w, mode, e, unreadable);
      before += is_vietnamese_syllable(w);
      after += is_vietnamese_syllable(r);
      out.append(r);
      return true;
    });
    if (genuine_unicode || after < before || (scope == Scope::SuspectCells && after == before)) return false;
    out.append(cell.substr(pos));
  }
  // Capitals typed with .VnTimeH use the lower-case codes: a cell whose ASCII letters are all
  // capitals is upper case throughout.
  if (e == LegacyEncoding::Tcvn3) {
    size_t upper = 0, lower = 0;
    for (char c : cell) upper += c >= 'A' && c <= 'Z', lower += c >= 'a' && c <= 'z';
    if (upper >= 2 && lower == 0) out = to_upper_vi(out);
  }
  return out != cell;
}

struct Conversion {
  std::string text;
  size_t changed_lines = 0, changed_cells = 0;
  size_t first_line = 0;         // 1-based line of the first change
  size_t first_line_offset = 0;  // where that line starts in the input
};

Conversion convert(std::string_view s, Mode mode, LegacyEncoding e, Scope scope) {
  Conversion c;
  c.text.reserve(s.size() + s.size() / 4);
  size_t last_changed_line = 0;
  std::string converted;
  for_each_cell(s, [&](size_t b, size_t end, size_t line, size_t line_start) {
    std::string_view cell = s.substr(b, end - b);
    if (convert_cell(cell, mode, e, scope, converted)) {
      c.text += converted;
      ++c.changed_cells;
      if (last_changed_line != line) ++c.changed_lines, last_changed_line = line;
      if (c.first_line == 0) c.first_line = line, c.first_line_offset = line_start;
    } else {
      c.text += cell;  // ASCII, or Unicode kept
    }
    if (end < s.size()) c.text += s[end];
    return true;
  });
  return c;
}

// The line holding byte `offset`, without its line end.
std::string_view line_at(std::string_view s, size_t offset) {
  size_t b = offset == 0 ? std::string_view::npos : s.rfind('\n', offset - 1);
  b = b == std::string_view::npos ? 0 : b + 1;
  size_t e = s.find('\n', offset);
  std::string_view line = s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

size_t line_number(std::string_view s, size_t offset) {
  return 1 + static_cast<size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// At most kSampleChars characters of well-formed UTF-8.
std::string clip(std::string s) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t len = decode_utf8(s, i, cp);
    if (len == 0) return s.substr(0, i);
    if (++chars > kSampleChars) return s.substr(0, i) + "…";
    i += len;
  }
  return s;
}

std::string read_line(std::string_view line, Mode mode, LegacyEncoding e, Scope scope) {
  return clip(convert(line, mode, e, scope).text);
}

std::string names_of(const std::vector<LegacyCandidate>& cs) {
  std::string out;
  for (size_t i = 0; i < cs.size(); ++i)
    out += (i == 0 ? "" : i + 1 == cs.size() ? " hoặc " : ", ") + std::string(legacy_encoding_name(cs[i].encoding));
  return out;
}

LegacyDecoding unchanged(std::string_view s, std::string message = {}) {
  LegacyDecoding d;
  d.text = std::string(s);
  d.message = std::move(message);
  return d;
}

LegacyDecoding converted(std::string_view s, Mode mode, LegacyEncoding e, Scope scope) {
  Conversion c = convert(s, mode, e, scope);
  if (mode == Mode::Text && c.changed_cells == 0)
    return unchanged(s, "không có ô nào cần chuyển từ bảng mã " + std::string(legacy_encoding_name(e)));
  LegacyDecoding d;
  d.outcome = LegacyDecoding::Outcome::Converted;
  d.encoding = e;
  d.text = std::move(c.text);
  d.changed_lines = c.changed_lines;
  d.changed_cells = c.changed_cells;
  if (c.first_line > 0) {
    std::string_view line = line_at(s, c.first_line_offset);
    d.sample_line = c.first_line;
    if (mode == Mode::Text) d.sample_before = clip(std::string(line));
    d.sample_after = read_line(line, mode, e, scope);
  }
  std::string what = mode == Mode::Bytes ? "văn bản không phải UTF-8, đã đọc theo bảng mã "
                                         : "văn bản gõ bằng phông chữ của bảng mã ";
  d.message = what + std::string(legacy_encoding_name(e)) + " và đã chuyển sang Unicode: " +
              format_int(static_cast<int64_t>(d.changed_cells)) + " ô trên " +
              format_int(static_cast<int64_t>(d.changed_lines)) + " dòng";
  return d;
}

// The first line where the candidates read a word differently (or, in Unicode text, differently
// from the text itself), read by each of them.
void add_samples(std::string_view s, Mode mode, Scope scope, LegacyDecoding& d) {
  size_t offset = std::string_view::npos;
  for_each_marked_word(s, mode, scope, [&](std::string_view w, size_t at) {
    size_t bad = 0;
    std::string first = read_word(w, mode, d.candidates[0].encoding, bad);
    bool differ = mode == Mode::Text && first != w;
    for (const LegacyCandidate& c : d.candidates) differ = differ || read_word(w, mode, c.encoding, bad) != first;
    if (differ) offset = at;
    return !differ;
  });
  if (offset == std::string_view::npos) return;
  std::string_view line = line_at(s, offset);
  d.sample_line = line_number(s, offset);
  for (LegacyCandidate& c : d.candidates) c.sample = read_line(line, mode, c.encoding, scope);
}

LegacyDecoding decide(std::string_view s, Mode mode, std::optional<LegacyEncoding> chosen) {
  Scope scope = Scope::AllCells;
  Scores sc = score(s, mode, scope, kMaxScoredWords, true);
  if (mode == Mode::Text) {
    if (sc.words == 0) return unchanged(s);
    if (static_cast<double>(sc.original) >= kReadsWell * static_cast<double>(sc.words)) {
      // Mostly Vietnamese Unicode: look only at the cells that do not read as Vietnamese.
      scope = Scope::SuspectCells;
      sc = score(s, mode, scope, kMaxScoredWords, true);
      if (sc.words == 0) return unchanged(s);
    }
  }
  if (chosen) return converted(s, mode, *chosen, scope);
  if (sc.words == 0) return converted(s, mode, LegacyEncoding::Windows1258, scope);  // only no-break spaces

  double words = static_cast<double>(sc.words);
  std::array<LegacyEncoding, 3> order{kLegacyEncodings[0], kLegacyEncodings[1], kLegacyEncodings[2]};
  std::stable_sort(order.begin(), order.end(), [&](LegacyEncoding a, LegacyEncoding b) {
    return sc.legacy[index_of(a)] > sc.legacy[index_of(b)];
  });
  size_t best = sc.legacy[index_of(order[0])];
  size_t rival = std::max(sc.legacy[index_of(order[1])], mode == Mode::Text ? sc.original : 0);
  size_t margin_needed = std::max<size_t>(1, static_cast<size_t>(std::ceil(0.25 * words)));
  if (static_cast<double>(best) >= kReadsWell * words && best >= rival + margin_needed)
    return converted(s, mode, order[0], scope);

  LegacyDecoding d;
  for (LegacyEncoding e : order) {
    double share = static_cast<double>(sc.legacy[index_of(e)]) / words;
    if (share >= kPlausible) d.candidates.push_back({e, "", share});
  }
  if (!d.candidates.empty()) {
    d.outcome = LegacyDecoding::Outcome::Ambiguous;
    if (mode == Mode::Text) d.text = std::string(s);
    add_samples(s, mode, scope, d);
    d.message = (d.candidates.size() > 1 ? "không chắc chắn bảng mã: có thể là "
                                         : "quá ít chữ để chắc chắn bảng mã: có thể là ") +
                names_of(d.candidates);
    return d;
  }
  if (mode == Mode::Text)
    return unchanged(s, "văn bản có chữ không đọc được thành tiếng Việt theo bảng mã cũ nào; giữ nguyên");
  d.outcome = LegacyDecoding::Outcome::Unreadable;
  d.message = "văn bản không phải UTF-8 và không đọc được theo bảng mã TCVN3 (ABC), VNI hay Windows-1258";
  return d;
}

}  // namespace

bool may_hold_legacy_text(std::string_view utf8) {
  if (ill_formed_or_marked(utf8)) return true;
  Scores sc = score(utf8, Mode::Text, Scope::AllCells, kQuickWords, false);
  return static_cast<double>(sc.original) < kReadsWell * static_cast<double>(sc.words);
}

LegacyDecoding decode_legacy_text(std::string_view utf8, std::optional<LegacyEncoding> chosen) {
  if (find_invalid_utf8(utf8) != std::string_view::npos) return decide(utf8, Mode::Bytes, chosen);
  if (!may_hold_legacy_text(utf8)) return unchanged(utf8);
  return decide(utf8, Mode::Text, chosen);
}

LegacyDecoding decode_legacy_bytes(std::string_view bytes, std::optional<LegacyEncoding> chosen) {
  return decode_legacy_text(bytes, chosen);  // which reads ill-formed UTF-8 as bytes
}

}  // namespace kc
