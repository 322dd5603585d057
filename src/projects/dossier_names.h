// Names of the files inside a dossier (projects/dossier.h). A document keeps the name its
// uploader gave it, made safe: one path component (no "/", "\", "..", drive letters), NFC, no
// control or bidirectional-override characters, none of the characters Windows refuses, no
// reserved device name, not hidden, at most kMaxNameBytes bytes with its extension kept — and
// unique within its folder, compared the way case-insensitive file systems compare.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace kc {

inline constexpr size_t kMaxNameBytes = 120;

// `name` made safe as one file name; `fallback` when nothing usable is left.
// When `last_component` is true, anything up to the last "/" or "\" is dropped (an uploaded
// name); otherwise separators become "_" (a record code used as a folder name).
std::string safe_file_name(std::string_view name, std::string_view fallback, bool last_component = true);

// Hands out names that differ from every name handed out before in the same folder:
// "bien-ban.pdf", then "bien-ban (2).pdf", "bien-ban (3).pdf"…
class UniqueNames {
 public:
  std::string claim(const std::string& name);

 private:
  std::set<std::string> taken_;  // folded: lower case without diacritics
};

}  // namespace kc
