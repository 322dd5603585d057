// SQL text built from the record catalog, shared by the engines; each engine passes its own
// dialect details (placeholder style, byte-order collation).
#pragma once

#include <string>

#include "schema/record_kind.h"

namespace kc {

enum class Placeholders { Question, Numbered };  // "?, ?" (SQLite) or "$1, $2" (PostgreSQL)

// INSERT INTO kind (f1, f2, …) VALUES (…)
std::string insert_sql(const RecordKind& kind, Placeholders style);

// SELECT every field FROM kind ORDER BY the key; `text_collation` follows each text key column
// (e.g. " COLLATE \"C\"" so that text sorts in byte order).
std::string select_in_key_order_sql(const RecordKind& kind, const std::string& text_collation);

}  // namespace kc
