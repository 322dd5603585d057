// The bundle's column reference (docs/bundle-columns.md), generated from the record catalog
// so that the documentation cannot drift from what import accepts.
#pragma once

#include <string>

#include "schema/record_kind.h"

namespace kc {

// A field's type and constraints in Vietnamese ("số nguyên ≥ 0", "một trong: …"), for the column
// reference (markdown) and the workbook's "Hướng dẫn" sheet (plain text).
std::string field_type_text(const Field& f, bool markdown = true);

std::string bundle_columns_markdown();

}  // namespace kc
