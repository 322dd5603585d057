#include "schema/record_key.h"

#include "text/normalize.h"

namespace kc {

std::string record_key_text(const RecordKind& kind, const Row& row) {
  if (kind.single_key()) return format_field(kind.fields[kind.key[0]], row[kind.key[0]]);
  std::string out;
  for (size_t k : kind.key)
    out += (out.empty() ? "" : "|") + std::string(kind.fields[k].name) + "=" + format_field(kind.fields[k], row[k]);
  return out;
}

std::string record_search_text(const RecordKind& kind, const Row& row) {
  std::string text;
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    FieldType t = kind.fields[i].type;
    if ((t != FieldType::Text && t != FieldType::Code && t != FieldType::Ref) || is_null(row[i])) continue;
    if (!text.empty()) text += ' ';
    text += as_text(row[i]);
  }
  return fold_for_search(text);
}

}  // namespace kc
