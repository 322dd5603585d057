// A field's value in memory and in the bundle. Whole numbers (Int, Money, Decimal scaled by
// 10^scale, Year, Bool) are int64; everything else is a UTF-8 string (dates as yyyy-mm-dd).
// parse_field turns bundle text into a value with a Vietnamese reason when it cannot;
// format_field is its inverse and gives the canonical text that export writes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "schema/record_kind.h"

namespace kc {

using Value = std::variant<std::monostate, int64_t, std::string>;
using Row = std::vector<Value>;

bool is_null(const Value& v);
bool stored_as_integer(FieldType t);

struct ParsedField {
  Value value;
  std::string error;  // empty when the text was accepted; otherwise Vietnamese, no position
  bool ok() const { return error.empty(); }
};

// `text` is the raw cell; surrounding spaces are ignored and text is normalised to NFC.
// The caller has already checked that `text` is well-formed UTF-8.
ParsedField parse_field(const Field& field, std::string_view text);

// Canonical bundle text: "" for null, digits for whole numbers, "78.50" for Decimal(2).
std::string format_field(const Field& field, const Value& value);

// Convenience accessors that assume the value has the expected representation.
int64_t as_int(const Value& v);
const std::string& as_text(const Value& v);
std::string_view text_or_empty(const Value& v);

}  // namespace kc
