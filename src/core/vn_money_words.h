// An amount of money read out in Vietnamese words, as finance documents print it under the
// figure ("Bằng chữ: một trăm năm mươi triệu đồng"): 1.050.000.000 -> "một tỷ không trăm năm
// mươi triệu đồng". The usual rules: "mốt" for a one after "mươi", "lăm" for a five after a
// ten, "linh" for a zero ten before a unit, "không trăm" inside the number, empty groups skipped,
// nine-digit blocks joined by "tỷ" (so 10^12 is "một nghìn tỷ").
#pragma once

#include <cstdint>
#include <string>

namespace kc {

// A whole number in words, lower case: 21 -> "hai mươi mốt", 0 -> "không". Requires n >= 0.
std::string number_in_words(int64_t n);

// number_in_words + " đồng".
std::string money_in_words(int64_t dong);

}  // namespace kc
