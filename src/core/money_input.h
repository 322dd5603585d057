// Money as people type it into a form: "150.000.000", "150000000", "150 000 000", "150 triệu",
// "1,5 tỷ", "150 tr", "2 nghìn" / "2 ngàn", "1 tỷ 500 triệu", with or without "đồng" / "đ".
// The import bundle stays strict (docs/bundle.md); forms and the JSON API go through this.
//
// Decisions (docs/web.md, "Typing money and dates"):
//  - a dot groups thousands (groups of exactly three digits), a comma is the decimal mark, as
//    the application itself prints numbers; "1.5 triệu" is refused with the hint "1,5 triệu";
//  - "150,000,000" (commas grouping thousands, the English way) is refused with a hint;
//  - negative amounts and fractions of a đồng ("1,5", "1,0000005 triệu") are refused;
//  - several terms must go down in unit ("1 tỷ 500 triệu"), each with its unit: "1 tỷ 2" is
//    ambiguous and refused.
// Every refusal is a Vietnamese sentence that quotes the value and says what is accepted; the
// caller puts the field's label in front of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

struct MoneyInput {
  std::optional<int64_t> dong;  // the amount understood, in whole đồng
  std::string error;            // Vietnamese, empty when understood
};

// `text` is well-formed UTF-8 and not blank (a blank field is the caller's rule).
MoneyInput parse_money_input(std::string_view text);

// What the forms accept, for hints and messages: "150.000.000, 150000000, 150 triệu, 1,5 tỷ…".
extern const char* const kMoneyInputExamples;

}  // namespace kc
