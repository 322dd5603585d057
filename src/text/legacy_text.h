// Rescuing Vietnamese text typed in the legacy encodings TCVN3 (ABC), VNI and Windows-1258
// (docs/legacy-text.md). Two kinds of input:
//   - bytes that are not UTF-8: a CSV or text file saved in a legacy encoding;
//   - Unicode text that is legacy text seen through a legacy font: an Excel cell typed with
//     .VnTime holds "Hµ Néi" for "Hà Nội", one typed with VNI-Times "Baéc Giang" for "Bắc Giang".
//     Each character is mapped back to the font byte it shows (U+0000..U+00FF), then decoded.
//
// The encoding is found by reading the text every possible way and counting the words that come
// out as Vietnamese syllables (text/vietnamese_syllable.h). The detector never guesses: when the
// original already reads as Vietnamese it is kept, and when two readings are about as good or
// the evidence is too thin the outcome is Ambiguous, with a sample of each reading so a person
// can choose (and call again with `chosen`).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/legacy_charsets.h"

namespace kc {

struct LegacyCandidate {
  LegacyEncoding encoding;
  std::string sample;  // the sample line (LegacyDecoding::sample_line) in this reading
  double share = 0;    // share of the words with non-ASCII letters that read as Vietnamese
};

struct LegacyDecoding {
  enum class Outcome {
    Unicode,     // already Unicode (or nothing reads better): `text` is the input, unchanged
    Converted,   // `text` is the conversion to UTF-8 NFC, `encoding` the one used
    Ambiguous,   // several readings, or too little evidence: `candidates`, nothing converted
    Unreadable,  // bytes that are neither UTF-8 nor any legacy encoding; `text` is empty
  };
  Outcome outcome = Outcome::Unicode;
  std::string text;  // Unicode: the input; Converted: the result; Ambiguous: the input when it
                     // is UTF-8, else empty; Unreadable: empty
  std::optional<LegacyEncoding> encoding;  // Converted: the encoding read
  std::vector<LegacyCandidate> candidates;  // Ambiguous: the plausible readings, best first
  size_t sample_line = 0;       // 1-based line of the input the samples come from (0: none)
  std::string sample_before;    // Converted: that line before (UTF-8 input only; else empty)
  std::string sample_after;     // Converted: that line after
  size_t changed_lines = 0;     // Converted: lines of the input that changed
  size_t changed_cells = 0;     // Converted: cells (runs between , ; " tab and line breaks) changed
  std::string message;          // Vietnamese, one sentence, without the file's name
};

// Reads a file's bytes. Well-formed UTF-8 goes to decode_legacy_text; other bytes are read in
// each legacy encoding (or only in `chosen`). Converted text is in NFC.
LegacyDecoding decode_legacy_bytes(std::string_view bytes, std::optional<LegacyEncoding> chosen = {});

// Reads UTF-8 text (a spreadsheet cell, a whole CSV file) that may hold font-mapped legacy text.
// (Ill-formed UTF-8 is read as bytes, as decode_legacy_bytes does.) Stable API, also used for
// XLSX cells:
//   - text that already reads as Vietnamese, or has no letters outside ASCII: Unicode, unchanged;
//   - text that reads as Vietnamese in exactly one legacy encoding, clearly better than any
//     other reading: Converted (each cell converted alone; a cell holding letters no legacy font
//     has, such as "ộ", is kept, as is one the conversion would make read worse);
//   - several plausible readings or thin evidence: Ambiguous, nothing converted;
//   - nothing reads as Vietnamese: Unicode, unchanged (with a message saying so).
// `chosen` replaces the guess, except that text already reading as Vietnamese is still kept.
LegacyDecoding decode_legacy_text(std::string_view utf8, std::optional<LegacyEncoding> chosen = {});

// Cheap test for the import's fast path, on any bytes: false when `bytes` are well-formed UTF-8
// that surely needs no conversion (no characters typical of legacy fonts, and the first words
// read as Vietnamese, or no letters outside ASCII at all); true otherwise (ill-formed UTF-8 too).
// When true, call decode_legacy_bytes.
bool may_hold_legacy_text(std::string_view bytes);

}  // namespace kc
