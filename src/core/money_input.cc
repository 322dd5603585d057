// See money_input.h. The text is folded first (lower case, diacritics off: "Tỷ" -> "ty",
// "đồng" -> "dong"), then read as tokens: numbers (digits with their grouping and decimal marks)
// and words (units and the currency).
#include "core/money_input.h"

#include <limits>
#include <vector>

#include "text/ascii.h"
#include "text/normalize.h"

namespace kc {

const char* const kMoneyInputExamples =
    "150.000.000, 150000000, 150 000 000, 150 triệu, 150 tr, 1,5 tỷ, 2 nghìn, 1 tỷ 500 triệu "
    "(có thể thêm \"đồng\" hoặc \"đ\")";

namespace {

__extension__ using Wide = __int128;
constexpr Wide kMax = std::numeric_limits<int64_t>::max();

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

struct Token {
  bool number = false;
  std::string text;
};

// Spaces of every width people's keyboards and spreadsheets produce become plain spaces.
std::string plain_spaces(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\xAF") == 0 || s.compare(i, 3, "\xE2\x80\x89") == 0) {  // U+202F, U+2009
      out += ' ';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Wide power_of_ten(int p) {
  Wide v = 1;
  while (p-- > 0) v *= 10;
  return v;
}

bool digit(char c) { return c >= '0' && c <= '9'; }
bool letter(char c) { return c >= 'a' && c <= 'z'; }

// Splits folded text into numbers and words. A number runs over digits, dots and commas
// between digits, and single spaces followed by exactly three digits ("150 000 000").
// False when a character belongs to neither.
bool tokenize(const std::string& s, std::vector<Token>& out) {
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (digit(c)) {
      Token t{true, {}};
      while (i < s.size()) {
        if (digit(s[i])) {
          t.text += s[i++];
        } else if ((s[i] == '.' || s[i] == ',') && i + 1 < s.size() && digit(s[i + 1])) {
          t.text += s[i++];
        } else if (s[i] == ' ' && i + 3 < s.size() && digit(s[i + 1]) && digit(s[i + 2]) && digit(s[i + 3]) &&
                   (i + 4 == s.size() || !digit(s[i + 4]))) {
          t.text += s[i++];
        } else {
          break;
        }
      }
      out.push_back(std::move(t));
    } else if (letter(c)) {
      Token t{false, {}};
      while (i < s.size() && letter(s[i])) t.text += s[i++];
      out.push_back(std::move(t));
    } else {
      return false;
    }
  }
  return true;
}

// A number as written: whole part and decimal digits, or the reason it cannot be read.
struct Number {
  Wide whole = 0;
  std::string decimals;
  std::string error;
};

Number read_number(const std::string& t, std::string_view original) {
  Number n;
  size_t comma = t.find(',');
  if (comma != std::string::npos && t.find(',', comma + 1) != std::string::npos) {
    n.error = "dấu phẩy là dấu thập phân, không dùng để ngăn cách hàng nghìn; gặp " + quoted(original) +
              ". Hãy viết 150.000.000 hoặc 150000000";
    return n;
  }
  std::string whole = t.substr(0, comma);
  if (comma != std::string::npos) {
    n.decimals = t.substr(comma + 1);
    if (!all_ascii_digits(n.decimals)) {
      n.error = "sau dấu phẩy (phần lẻ) chỉ được có chữ số; gặp " + quoted(original);
      return n;
    }
  }
  bool dots = whole.find('.') != std::string::npos, spaces = whole.find(' ') != std::string::npos;
  if (dots && spaces) {
    n.error = "các nhóm chữ số phải ngăn cách cùng một kiểu (dấu chấm hoặc khoảng trắng); gặp " + quoted(original);
    return n;
  }
  if (dots || spaces) {
    // Groups of thousands: 1–3 digits, then groups of exactly three.
    char sep = dots ? '.' : ' ';
    size_t start = 0;
    bool first = true;
    while (true) {
      size_t end = whole.find(sep, start);
      size_t len = (end == std::string::npos ? whole.size() : end) - start;
      if (first ? (len < 1 || len > 3) : len != 3) {
        n.error = dots ? "dấu chấm ngăn cách hàng nghìn (các nhóm 3 chữ số); phần lẻ viết sau dấu phẩy, ví dụ "
                         "1,5 triệu; gặp " + quoted(original)
                       : "các nhóm chữ số phải có 3 chữ số; gặp " + quoted(original);
        return n;
      }
      first = false;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  for (char c : whole) {
    if (!digit(c)) continue;
    n.whole = n.whole * 10 + (c - '0');
    if (n.whole > kMax) {
      n.error = "số tiền quá lớn; gặp " + quoted(original);
      return n;
    }
  }
  return n;
}

// The power of ten a unit word stands for, or -1 for a word that is not a unit.
int unit_power(const std::string& w) {
  if (w == "nghin" || w == "ngan") return 3;
  if (w == "trieu" || w == "tr") return 6;
  if (w == "ty" || w == "ti") return 9;
  return -1;
}

bool currency(const std::string& w) { return w == "dong" || w == "d" || w == "vnd"; }

MoneyInput refuse(std::string message) { return {std::nullopt, std::move(message)}; }

std::string not_understood(std::string_view original) {
  return "không hiểu số tiền " + quoted(original) + "; cách viết được nhận: " + kMoneyInputExamples;
}

std::string out_of_order(std::string_view original) {
  return "các phần của số tiền phải theo thứ tự tỷ, triệu, nghìn, mỗi đơn vị một lần, phần sau nhỏ hơn một đơn vị "
         "của phần trước và không có phần lẻ; gặp " + quoted(original) + ". Ví dụ 1 tỷ 500 triệu";
}

}  // namespace

MoneyInput parse_money_input(std::string_view text) {
  std::string_view original = trim_blanks(text);
  if (all_ascii_digits(original) && original.size() <= 18) return {std::stoll(std::string(original)), {}};

  std::string folded = fold_for_search(to_nfc(plain_spaces(original)));
  std::string_view body = trim_blanks(folded);
  if (!body.empty() && body[0] == '-') return refuse("số tiền không được âm; gặp " + quoted(original));
  std::vector<Token> tokens;
  if (!tokenize(std::string(body), tokens) || tokens.empty()) return refuse(not_understood(original));

  // The currency may close the amount, once.
  if (!tokens.back().number && currency(tokens.back().text)) tokens.pop_back();
  if (tokens.empty()) return refuse(not_understood(original));

  Wide total = 0;
  int previous_unit = 100;  // units must go down: "1 tỷ 500 triệu"
  size_t terms = 0;
  for (size_t i = 0; i < tokens.size(); ++terms) {
    if (!tokens[i].number) {
      const std::string& w = tokens[i].text;
      if (unit_power(w) >= 0 || currency(w))
        return refuse("thiếu con số trước " + quoted(w) + " trong " + quoted(original) + "; ví dụ 150 triệu");
      return refuse("không hiểu chữ " + quoted(w) + " trong " + quoted(original) +
                    "; cách viết được nhận: " + kMoneyInputExamples);
    }
    Number n = read_number(tokens[i].text, original);
    if (!n.error.empty()) return refuse(n.error);
    ++i;
    int unit = 0;
    if (i < tokens.size() && !tokens[i].number) {
      unit = unit_power(tokens[i].text);
      if (unit < 0)
        return refuse("không hiểu chữ " + quoted(tokens[i].text) + " trong " + quoted(original) +
                      "; cách viết được nhận: " + kMoneyInputExamples);
      ++i;
    } else if (terms > 0 || i < tokens.size()) {
      // "1 tỷ 2" (1,2 tỷ or 1 tỷ 2 đồng?) and "150 triệu 20" are ambiguous.
      return refuse("mỗi con số phải có đơn vị (nghìn, triệu, tỷ) khi viết nhiều phần; gặp " + quoted(original) +
                    ". Ví dụ 1 tỷ 200 triệu hoặc 1,2 tỷ");
    }
    if (unit >= previous_unit || (terms > 0 && !n.decimals.empty())) return refuse(out_of_order(original));
    if (unit == 0 && n.decimals.size() == 3)  // "150,000": the English grouping, or 150 đồng?
      return refuse("dấu phẩy là dấu thập phân, không dùng để ngăn cách hàng nghìn; gặp " + quoted(original) +
                    ". Số nghìn viết với dấu chấm (150.000) hoặc viết liền (150000)");
    if (static_cast<int>(n.decimals.size()) > unit) {
      if (n.decimals.find_first_not_of('0') != std::string::npos)
        return refuse("số tiền tính bằng đồng, không có phần lẻ dưới một đồng; gặp " + quoted(original));
      n.decimals.clear();  // "150.000.000,00": zeros after the comma, as accounts print them
    }
    Wide term = n.whole * power_of_ten(unit);
    for (size_t d = 0; d < n.decimals.size(); ++d)
      term += (n.decimals[d] - '0') * power_of_ten(unit - 1 - static_cast<int>(d));
    if (terms > 0 && term >= power_of_ten(previous_unit)) return refuse(out_of_order(original));
    total += term;
    if (total > kMax) return refuse("số tiền quá lớn; gặp " + quoted(original));
    previous_unit = unit;
  }
  return {static_cast<int64_t>(total), {}};
}

}  // namespace kc
