#include "store/sql_text.h"

#include "schema/value.h"

namespace kc {

std::string insert_sql(const RecordKind& kind, Placeholders style) {
  std::string columns, params;
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    columns += (i ? ", " : "") + std::string(kind.fields[i].name);
    params += i ? ", " : "";
    params += style == Placeholders::Question ? "?" : "$" + std::to_string(i + 1);
  }
  return "INSERT INTO " + std::string(kind.name) + " (" + columns + ") VALUES (" + params + ")";
}

std::string select_in_key_order_sql(const RecordKind& kind, const std::string& text_collation) {
  std::string sql = "SELECT ";
  for (size_t i = 0; i < kind.fields.size(); ++i) sql += (i ? ", " : "") + std::string(kind.fields[i].name);
  sql += " FROM " + std::string(kind.name) + " ORDER BY ";
  for (size_t i = 0; i < kind.key.size(); ++i) {
    const Field& f = kind.fields[kind.key[i]];
    sql += (i ? ", " : "") + std::string(f.name) + (stored_as_integer(f.type) ? "" : text_collation);
  }
  return sql;
}

}  // namespace kc
