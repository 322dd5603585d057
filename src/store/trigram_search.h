// SQLite's search through its trigram index (migration 10, docs/databases.md "Search"). A list
// search keeps its meaning: the row's folded text contains the folded search text (LIKE over
// tim_kiem.noi_dung). The FTS5 trigram index only narrows the rows LIKE looks at: a text that
// contains the search text contains each of its three-character pieces, so asking the index for
// the entries holding all of them (within the kind's range of entries) loses no match.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

// The distinct trigrams (three consecutive characters) of `folded`, in order, or nothing when the
// index cannot narrow the search: fewer than three characters, or text that is not well-formed
// UTF-8. Then LIKE looks at every entry of the kind, as before.
std::optional<std::vector<std::string>> search_trigrams(std::string_view folded);

// The FTS5 query naming the entries that hold every one of `trigrams` ("\"san\" AND \"an \"").
// Any subset of a search's trigrams names a superset of its matches.
std::string trigram_query(const std::vector<std::string>& trigrams);

// The FTS5 query over every trigram of `folded` (search_trigrams, trigram_query).
std::optional<std::string> trigram_match(std::string_view folded);

// The entries of a kind are numbered within [kind_first_entry(k), kind_first_entry(k + 1)),
// k being the kind's number in tim_kiem_loai.
constexpr int64_t kind_first_entry(int64_t kind_number) { return kind_number << 32; }

// SQLite's statements that keep tim_kiem: the kind's number, made on first use, and an entry
// numbered after the last of its kind (the trigram index follows tim_kiem through its triggers).
std::string_view sqlite_search_kind_sql();    // parameter: kind
std::string_view sqlite_search_insert_sql();  // parameters: kind, key, folded text

}  // namespace kc
