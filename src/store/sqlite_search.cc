// SqliteStore's search through its trigram index (docs/databases.md, "Search"): which trigrams to
// ask the index for, and which plan reads a page.
#include <sqlite3.h>

#include <algorithm>

#include "store/sqlite_store.h"
#include "store/trigram_search.h"

namespace kc {

namespace {

// Trigram frequencies are counted up to this: beyond it a trigram is common, whatever its count.
constexpr int64_t kFrequencyCap = 2048;
// When the rarest trigram is rare (under the cap), the index is asked for this many of the
// rarest: the candidates are fewer than the cap, and each further trigram would cost a pass over
// its entries. When even the rarest is common (Vietnamese syllables are short and shared), every
// trigram is asked: reading the index's entries costs far less than looking at each candidate
// with LIKE, so the narrowest set of candidates is the cheapest.
constexpr size_t kRareTrigramsAsked = 2;
// Remembered frequencies per connection, then forgotten all at once.
constexpr size_t kFrequenciesRemembered = 100000;

}  // namespace

std::optional<SqliteStore::SearchPlan> SqliteStore::plan_search(const RecordKind& kind, const std::string& search) {
  std::optional<std::vector<std::string>> trigrams = search_trigrams(search);
  if (!trigrams) return std::nullopt;
  if (!search_kind_) {
    search_kind_ = prepare("SELECT so FROM tim_kiem_loai WHERE loai_ho_so = ?");
    search_entries_ = prepare("SELECT so FROM tim_kiem WHERE so BETWEEN ? AND ? ORDER BY so DESC LIMIT 1");
  }
  sqlite3_stmt* number = search_kind_.get();
  sqlite3_bind_text(number, 1, kind.name.data(), static_cast<int>(kind.name.size()), SQLITE_STATIC);
  int rc = sqlite3_step(number);
  int64_t k = rc == SQLITE_ROW ? sqlite3_column_int64(number, 0) : 0;
  sqlite3_reset(number);
  if (rc == SQLITE_DONE) return std::nullopt;  // no entry of this kind yet: LIKE finds nothing either
  if (rc != SQLITE_ROW) fail("không đọc được chỉ mục tìm kiếm");
  SearchPlan plan;
  plan.filter.first = kind_first_entry(k);
  plan.filter.last = kind_first_entry(k + 1) - 1;
  sqlite3_stmt* last = search_entries_.get();
  sqlite3_bind_int64(last, 1, plan.filter.first);
  sqlite3_bind_int64(last, 2, plan.filter.last);
  rc = sqlite3_step(last);
  plan.entries = rc == SQLITE_ROW ? sqlite3_column_int64(last, 0) - plan.filter.first : 0;
  sqlite3_reset(last);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail("không đọc được chỉ mục tìm kiếm");
  if (trigrams->size() > kRareTrigramsAsked) {
    std::vector<std::pair<int64_t, size_t>> rarest;  // (frequency, position in the search)
    for (size_t i = 0; i < trigrams->size(); ++i)
      rarest.emplace_back(trigram_frequency(plan.filter.first, plan.filter.last, (*trigrams)[i]), i);
    std::sort(rarest.begin(), rarest.end());
    if (rarest.front().first < kFrequencyCap) {
      std::vector<std::string> asked;
      for (size_t i = 0; i < kRareTrigramsAsked; ++i) asked.push_back((*trigrams)[rarest[i].second]);
      *trigrams = std::move(asked);
    }
  }
  plan.filter.match = trigram_query(*trigrams);
  return plan;
}

int64_t SqliteStore::trigram_frequency(int64_t first, int64_t last, const std::string& trigram) {
  std::string key = std::to_string(first) + ':' + trigram;
  if (auto it = trigram_frequencies_.find(key); it != trigram_frequencies_.end()) return it->second;
  if (!search_frequency_)
    search_frequency_ = prepare(
        "SELECT count(*) FROM (SELECT 1 FROM tim_kiem_bo_ba WHERE tim_kiem_bo_ba MATCH ? AND rowid BETWEEN ? AND ? "
        "LIMIT " + std::to_string(kFrequencyCap) + ")");
  std::string match = trigram_query({trigram});
  sqlite3_stmt* stmt = search_frequency_.get();
  sqlite3_bind_text(stmt, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  sqlite3_bind_int64(stmt, 2, first);
  sqlite3_bind_int64(stmt, 3, last);
  int rc = sqlite3_step(stmt);
  int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
  sqlite3_reset(stmt);
  if (rc != SQLITE_ROW) fail("không đọc được chỉ mục tìm kiếm");
  if (trigram_frequencies_.size() >= kFrequenciesRemembered) trigram_frequencies_.clear();
  trigram_frequencies_.emplace(std::move(key), n);
  return n;
}

bool SqliteStore::walk_in_key_order(const ListQuery& query, int64_t total, const SearchPlan& plan) {
  // Walking: about (offset + limit) × entries / total entries read before the page is full.
  // Through the index: at least `total` rows read and sorted.
  if (query.sort_field) return false;  // a sort by another field reads every match either way
  double walked = static_cast<double>(query.offset + query.limit) * static_cast<double>(plan.entries);
  return static_cast<double>(total) * static_cast<double>(total) > walked;
}

}  // namespace kc
