// A worksheet cell turned into the bundle's canonical CSV text for its field, so that the
// rows of a workbook go through exactly the CSV bundle's checks (kind_importer.h). Numeric
// cells become whole numbers or fixed-point text, date-formatted cells ISO dates, booleans 1/0;
// text typed the Vietnamese way ("1.234,5", "550.000.000") becomes the canonical number.
// A cell that cannot stand for its field gets a Vietnamese reason instead.
#pragma once

#include <string>
#include <string_view>

#include "schema/record_kind.h"
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

// The one place where text cells typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI fonts)
// will be converted to Unicode, with decode_legacy_text (src/text/legacy_text.h) and the
// import's --ma-hoa choice, once that lands. Today cells pass unchanged.
std::string convert_legacy_cell_text(std::string text);

}  // namespace kc
