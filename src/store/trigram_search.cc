#include "store/trigram_search.h"

#include <set>

#include "text/utf8.h"

namespace kc {

std::optional<std::vector<std::string>> search_trigrams(std::string_view folded) {
  if (find_invalid_utf8(folded) != std::string_view::npos) return std::nullopt;
  std::vector<size_t> starts;  // byte offset of each character
  for (size_t i = 0; i < folded.size();) {
    uint32_t cp = 0;
    starts.push_back(i);
    i += decode_utf8(folded, i, cp);
  }
  if (starts.size() < 3) return std::nullopt;
  starts.push_back(folded.size());
  std::set<std::string_view> seen;
  std::vector<std::string> out;
  for (size_t c = 0; c + 3 < starts.size(); ++c) {
    std::string_view trigram = folded.substr(starts[c], starts[c + 3] - starts[c]);
    if (seen.insert(trigram).second) out.emplace_back(trigram);
  }
  return out;
}

std::string trigram_query(const std::vector<std::string>& trigrams) {
  std::string match;
  for (const std::string& trigram : trigrams) {
    match += match.empty() ? "\"" : " AND \"";
    for (char ch : trigram) match += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    match += '"';
  }
  return match;
}

std::optional<std::string> trigram_match(std::string_view folded) {
  std::optional<std::vector<std::string>> trigrams = search_trigrams(folded);
  if (!trigrams) return std::nullopt;
  return trigram_query(*trigrams);
}

std::string_view sqlite_search_kind_sql() {
  return "INSERT OR IGNORE INTO tim_kiem_loai (loai_ho_so) VALUES (?1)";
}

std::string_view sqlite_search_insert_sql() {
  return "INSERT INTO tim_kiem (so, loai_ho_so, khoa, noi_dung) "
         "SELECT coalesce((SELECT s.so FROM tim_kiem s WHERE s.so > l.so << 32 AND s.so < (l.so + 1) << 32 "
         "ORDER BY s.so DESC LIMIT 1), l.so << 32) + 1, l.loai_ho_so, ?2, ?3 "
         "FROM tim_kiem_loai l WHERE l.loai_ho_so = ?1";
}

}  // namespace kc
