// A worksheet cell turned into the bundle's canonical CSV text for its field, so that the
// rows of a workbook go through exactly the CSV bundle's checks (kind_importer.h). Numeric
// cells become whole numbers or fixed-point text, date-formatted cells ISO dates, booleans 1/0;
// text typed the Vietnamese way ("1.234,5", "550.000.000") becomes the canonical number.
// A cell that cannot stand for its field gets a Vietnamese reason instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/record_kind.h"
#include "text/legacy_charsets.h"
#include "xlsx/workbook.h"

namespace kc {

struct CellText {
  std::string text;
  std::string error;  // non-empty when the cell is refused before parsing
};

// `field` is nullptr for a column the kind does not have (the header check reports it).
CellText cell_to_bundle_text(const xlsx::Cell& cell, const Field* field, bool date1904);

// Number text as a Vietnamese person types it, in the bundle's form for a number field:
// dots group thousands and a comma is the decimal mark ("1.234,5" -> "1234.5",
// "550.000.000" -> "550000000"). The canonical form passes unchanged ("1234.5" for a Decimal
// field). Anything else is returned as given, for parse_field to explain.
std::string vietnamese_number_to_bundle(std::string_view text, const Field& field);

// Text cells typed with a legacy Vietnamese font (.VnTime for TCVN3/ABC, VNI-Times, or
// Windows-1258), docs/legacy-text.md. The import decides the encoding once per sheet from all
// its suspect cells (workbook_encoding.h), then converts each cell with it.

// A text cell worth a closer look: it does not already read as Vietnamese Unicode (or holds
// characters typical of a legacy font). ASCII and ordinary Vietnamese cells are not.
bool is_legacy_suspect_cell(std::string_view text);

// The cell read in `encoding` (decode_legacy_text with that choice), or nullopt when it stays
// as it is (already Vietnamese, a letter no legacy font has, or a reading no better).
std::optional<std::string> convert_legacy_cell_text(std::string_view text, LegacyEncoding encoding);

}  // namespace kc
