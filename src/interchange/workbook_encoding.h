// Legacy Vietnamese text in a workbook's cells (docs/legacy-text.md, docs/xlsx-import.md):
// cells typed with .VnTime (TCVN3/ABC), VNI-Times or in Windows-1258 hold "Hµ Néi" for
// "Hà Nội". The encoding is decided once per sheet, from the evidence of all the sheet's
// suspect cells (those that do not already read as Vietnamese) rather than cell by cell, where
// one or two words rarely tell the encodings apart; then each cell is converted with it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interchange/bundle_encoding.h"
#include "interchange/problem.h"

namespace kc {

struct SheetEncoding;

// The suspect cells of one sheet, gathered while it is read (the first 256 KB of them).
class SheetSuspects {
 public:
  // Looks at one text cell of column `field`; keeps it and returns true when it is a suspect.
  bool look(uint32_t row, uint32_t column, std::string_view field, std::string_view text);
  bool empty() const { return cells_ == 0; }
  // Enough evidence for a decision (decode_legacy_text scores at most 20.000 words).
  bool enough() const;
  size_t cells() const { return cells_; }

 private:
  friend SheetEncoding decide_sheet_encoding(const std::string& sheet, const SheetSuspects& suspects,
                                             const ImportOptions& options);
  struct Where {
    uint32_t row, column;
    std::string field;
  };
  std::string evidence_;      // one suspect cell a line (line breaks inside a cell become spaces)
  std::vector<Where> where_;  // per line of evidence_
  size_t cells_ = 0;          // all suspects, also those past the evidence's cap
};

struct SheetEncoding {
  std::optional<LegacyEncoding> encoding;  // convert the sheet's cells with it
  std::optional<Problem> problem;          // uncertain: nothing may be written
};

// Decides a sheet's encoding from its suspects and the import's --ma-hoa choice.
SheetEncoding decide_sheet_encoding(const std::string& sheet, const SheetSuspects& suspects,
                                    const ImportOptions& options);

// Converts the cells of one sheet in its encoding and keeps the counts for the report.
class SheetConverter {
 public:
  SheetConverter(std::string sheet, LegacyEncoding encoding);
  // The cell's converted text, or nullopt when it stays as it is.
  std::optional<std::string> convert(uint32_t row, uint32_t column, std::string_view text);
  // The conversion to report, when a cell changed.
  std::optional<TextConversion> conversion() const;

 private:
  TextConversion c_;
  uint32_t last_row_ = 0;
};

}  // namespace kc
