#include "projects/dossier_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "text/normalize.h"
#include "text/utf8.h"

namespace kc {

namespace {

// Characters a file name must not hold: separators and what Windows refuses, the C0 and C1
// controls, and the invisible or direction-changing marks that can disguise an extension
// ("hop-dong\u202Efdp.exe" shows as "hop-dongexe.pdf").
bool forbidden(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return true;
  switch (cp) {
    case '<': case '>': case ':': case '"': case '/': case '\\': case '|': case '?': case '*':
      return true;
    default:
      break;
  }
  return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0xfeff;
}

// Well-formed UTF-8 of `s`, each ill-formed byte replaced by "_".
std::string well_formed(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t n = decode_utf8(s, i, cp);
    if (n == 0) {
      out += '_';
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string trimmed(const std::string& s) {
  size_t a = s.find_first_not_of(" ."), b = s.find_last_not_of(" .");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

bool reserved_device(const std::string& name) {
  std::string stem = name.substr(0, name.find('.'));
  std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  while (!stem.empty() && stem.back() == ' ') stem.pop_back();
  static const std::array<const char*, 4> plain = {"CON", "PRN", "AUX", "NUL"};
  for (const char* r : plain)
    if (stem == r) return true;
  return stem.size() == 4 && (stem.rfind("COM", 0) == 0 || stem.rfind("LPT", 0) == 0) && stem[3] >= '0' && stem[3] <= '9';
}

// The longest prefix of `s` of at most `bytes` bytes that ends on a code point boundary.
std::string cut(const std::string& s, size_t bytes) {
  if (s.size() <= bytes) return s;
  size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xc0) == 0x80) --end;
  return s.substr(0, end);
}

// "bien-ban.pdf" -> {"bien-ban", ".pdf"}; a name without a dot (or a dot only at the start)
// has no extension. Extensions longer than 16 bytes are not treated as one.
std::pair<std::string, std::string> split_extension(const std::string& name) {
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0 || name.size() - dot > 16) return {name, ""};
  return {name.substr(0, dot), name.substr(dot)};
}

}  // namespace

std::string safe_file_name(std::string_view name, std::string_view fallback, bool last_component) {
  std::string text = to_nfc(well_formed(name));
  if (last_component) {
    size_t sep = text.find_last_of("/\\");
    if (sep != std::string::npos) text = text.substr(sep + 1);
  }
  std::string clean;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t n = decode_utf8(text, i, cp);
    if (forbidden(cp)) clean += '_';
    else clean.append(text, i, n);
    i += n;
  }
  clean = trimmed(clean);  // no hidden files, no "." or "..", no name Windows would trim
  if (clean.empty()) clean = std::string(fallback);
  if (reserved_device(clean)) clean = "_" + clean;
  if (clean.size() > kMaxNameBytes) {
    auto [stem, ext] = split_extension(clean);
    clean = trimmed(cut(stem, kMaxNameBytes - ext.size())) + ext;
  }
  return clean;
}

std::string UniqueNames::claim(const std::string& name) {
  auto [stem, ext] = split_extension(name);
  std::string candidate = name;
  for (int n = 2; !taken_.insert(fold_for_search(candidate)).second; ++n) {
    std::string suffix = " (" + std::to_string(n) + ")";
    candidate = cut(stem, kMaxNameBytes - ext.size() - suffix.size()) + suffix + ext;
  }
  return candidate;
}

}  // namespace kc
