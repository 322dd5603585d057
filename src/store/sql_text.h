// SQL text built from the record catalog, shared by the engines; each engine passes its own
// dialect details (placeholder style, byte-order collation).
#pragma once

#include <string>
#include <vector>

#include "schema/record_kind.h"
#include "store/store.h"

namespace kc {

enum class Placeholders { Question, Numbered };  // "?, ?" (SQLite) or "$1, $2" (PostgreSQL)

// "f1, f2, …": every field of the kind, in field order.
std::string column_list(const RecordKind& kind);

// INSERT INTO kind (f1, f2, …) VALUES (…)
std::string insert_sql(const RecordKind& kind, Placeholders style);

// SELECT every field FROM kind ORDER BY the key; `text_collation` follows each text key column
// (e.g. " COLLATE \"C\"" so that text sorts in byte order).
std::string select_in_key_order_sql(const RecordKind& kind, const std::string& text_collation);

// SELECT every field FROM kind WHERE key1 = ? AND … (placeholders numbered from 1).
std::string select_by_key_sql(const RecordKind& kind, Placeholders style);
// UPDATE kind SET non-key fields = … WHERE key … ; parameters: non-key fields in field order, then key fields.
std::string update_by_key_sql(const RecordKind& kind, Placeholders style);
// DELETE FROM kind WHERE key …
std::string delete_by_key_sql(const RecordKind& kind, Placeholders style);

// The order update_by_key_sql expects its parameters in: non-key field indexes, then key indexes.
std::vector<size_t> update_parameter_order(const RecordKind& kind);

// How an engine spells the two orders of text in ORDER BY: byte order, for codes and keys, and
// Vietnamese order (text/collate.h), for names a person reads.
struct TextCollations {
  std::string bytes;  // " COLLATE \"C\"" in PostgreSQL; "" in SQLite, whose default (BINARY) is byte order
  std::string names;  // " COLLATE vi" in SQLite (registered by SqliteStore), " COLLATE \"vi-x-icu\"" in PostgreSQL
};

// SELECT … / SELECT count(*) … for a list page. Parameters, in order: the search text (when
// query.search is set; LIKE pattern with '\\' escapes), each equals value, then each any_of value,
// then each any_of_either value. A free-text sort field (a name, FieldType::Text) is ordered the
// Vietnamese way, anything else and the key that breaks ties in byte order.
struct ListSql {
  std::string select, count;
  std::vector<Value> parameters;
};
// SQLite's trigram index in front of the search (trigram_search.h): when given, the rows are found
// from the index entries matching `match` within [first, last] of tim_kiem_bo_ba, and LIKE decides
// as without it. Its parameters come before the search text: the match, first, last.
// `rows_first` (a page in key order of a search matching much of the kind): the index is not
// asked; the kind's rows are read in key order, LIKE deciding, until the page is full.
struct TrigramFilter {
  std::string match;
  int64_t first = 0, last = 0;
  bool rows_first = false;
};
ListSql list_sql(const RecordKind& kind, const ListQuery& query, Placeholders style, const TextCollations& collations,
                 const TrigramFilter* trigrams = nullptr);

// Statements that keep the search index (tim_kiem) in step with a searchable kind.
std::string search_index_upsert_delete_sql(Placeholders style);  // DELETE one entry: kind, key
std::string search_index_insert_sql(Placeholders style);         // INSERT: kind, key, text

}  // namespace kc
