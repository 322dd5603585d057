// See vn_money_words.h.
#include "core/vn_money_words.h"

#include <stdexcept>

namespace kc {

namespace {

constexpr const char* kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

void append(std::string& out, std::string_view word) {
  if (!out.empty()) out += ' ';
  out += word;
}

// A group of three digits (1..999). `inner`: a group that follows a spoken one, so its hundreds
// and its zero tens are said ("không trăm linh năm").
void read_group(std::string& out, int g, bool inner) {
  int h = g / 100, t = g / 10 % 10, u = g % 10;
  if (h > 0 || inner) {
    append(out, kDigits[h]);
    append(out, "trăm");
  }
  if (t == 0) {
    if (u == 0) return;
    if (h > 0 || inner) append(out, "linh");
    append(out, kDigits[u]);
    return;
  }
  if (t == 1) {
    append(out, "mười");
  } else {
    append(out, kDigits[t]);
    append(out, "mươi");
  }
  if (u == 0) return;
  if (u == 5) append(out, "lăm");
  else if (u == 1 && t > 1) append(out, "mốt");
  else append(out, kDigits[u]);
}

// Up to nine digits: triệu, nghìn and the last group; groups of zeros are skipped.
void read_block(std::string& out, int64_t block, bool inner) {
  static constexpr const char* kScales[] = {"triệu", "nghìn", ""};
  int groups[] = {static_cast<int>(block / 1000000), static_cast<int>(block / 1000 % 1000),
                  static_cast<int>(block % 1000)};
  bool said = false;
  for (int i = 0; i < 3; ++i) {
    if (groups[i] == 0) continue;
    read_group(out, groups[i], inner || said);
    if (*kScales[i]) append(out, kScales[i]);
    said = true;
  }
}

// Blocks of nine digits joined by "tỷ": the part above 10^9 is itself read as a number.
void read_number(std::string& out, int64_t n, bool inner) {
  if (n < 1000000000) return read_block(out, n, inner);
  read_number(out, n / 1000000000, inner);
  append(out, "tỷ");
  read_block(out, n % 1000000000, true);
}

}  // namespace

std::string number_in_words(int64_t n) {
  if (n < 0) throw std::invalid_argument("number_in_words: negative");
  if (n == 0) return kDigits[0];
  std::string out;
  read_number(out, n, false);
  return out;
}

std::string money_in_words(int64_t dong) { return number_in_words(dong) + " đồng"; }

}  // namespace kc
