// A field's value as a Vietnamese reader sees it: enum labels instead of codes, "có"/"không",
// Vietnamese numbers and dd/mm/yyyy dates. A reference shows its code: what else to show of the
// record it names (a name, a link) depends on what the caller has at hand.
#pragma once

#include <string>
#include <string_view>

#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

// The field's label as pages and messages show it: the catalog writes labels in lower case
// (they also run inside sentences), a label standing alone starts with a capital letter
// ("đơn vị thực hiện" -> "Đơn vị thực hiện").
std::string field_label(const Field& field);

// `money_unit` follows money amounts ("đ" in tables, "đồng" in documents); "" for none.
std::string display_field_value(const Field& field, const Value& value, std::string_view money_unit);

}  // namespace kc
