// The text form of a record's key, used wherever a record is named outside its table: the audit
// trail, the search index, the archive marks, URLs. "bg-2017-t-003" for a single-column key;
// "de_an=…|chi_tieu=…" for a composite one.
#pragma once

#include <string>

#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

std::string record_key_text(const RecordKind& kind, const Row& row);

// The folded (no diacritics, lower case) text of the row's text, code and reference fields, for
// the search index of searchable kinds.
std::string record_search_text(const RecordKind& kind, const Row& row);

}  // namespace kc
