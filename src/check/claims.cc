#include "check/claims.h"

#include <sstream>

#include "text/utf8.h"

namespace kc {

namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return {};
  size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

// Parses "30.722,3", "19,8%", "297 đề án"; false when the text does not start with a number.
bool parse_vn_number(const std::string& text, int64_t& scaled, int& decimals) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  std::string digits;
  decimals = 0;
  bool in_fraction = false, any = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      any = true;
      if (in_fraction) ++decimals;
    } else if (c == '.' && !in_fraction && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      continue;  // thousands separator
    } else if (c == ',' && !in_fraction) {
      in_fraction = true;
    } else {
      break;
    }
  }
  if (!any || digits.size() > 17) return false;
  // Whatever follows the number (a "%" or a unit) is allowed and ignored.
  scaled = std::stoll(digits) * (negative ? -1 : 1);
  return true;
}

}  // namespace

ClaimsFile parse_claims(const std::string& file_name, const std::string& content) {
  ClaimsFile out;
  if (find_invalid_utf8(content) != std::string::npos) {
    out.problems.push_back({file_name, 0, 0, "", "tệp không phải văn bản UTF-8 hợp lệ"});
    return out;
  }
  std::istringstream in(content);
  std::string raw;
  size_t line = 0;
  while (std::getline(in, raw)) {
    ++line;
    std::string text = trim(raw.substr(0, raw.find('#')));
    if (line == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text = trim(text.substr(3));
    if (text.empty()) continue;
    size_t eq = text.find('=');
    if (eq == std::string::npos) {
      out.problems.push_back({file_name, line, 0, "", "thiếu dấu \"=\"; mỗi dòng có dạng: mã_số_liệu = giá trị"});
      continue;
    }
    Claim c;
    c.line = line;
    c.id = trim(text.substr(0, eq));
    c.text = trim(text.substr(eq + 1));
    if (c.id.empty()) {
      out.problems.push_back({file_name, line, 0, "", "thiếu mã số liệu trước dấu \"=\""});
      continue;
    }
    if (!parse_vn_number(c.text, c.scaled, c.decimals)) {
      out.problems.push_back({file_name, line, 0, c.id, "giá trị \"" + c.text + "\" không phải là số (viết kiểu 30.722,3)"});
      continue;
    }
    out.claims.push_back(std::move(c));
  }
  return out;
}

}  // namespace kc
