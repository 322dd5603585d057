#include "store/sql_text.h"

#include "schema/value.h"

namespace kc {

std::string column_list(const RecordKind& kind) {
  std::string columns;
  for (size_t i = 0; i < kind.fields.size(); ++i) columns += (i ? ", " : "") + std::string(kind.fields[i].name);
  return columns;
}

std::string insert_sql(const RecordKind& kind, Placeholders style) {
  std::string params;
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    params += i ? ", " : "";
    params += style == Placeholders::Question ? "?" : "$" + std::to_string(i + 1);
  }
  return "INSERT INTO " + std::string(kind.name) + " (" + column_list(kind) + ") VALUES (" + params + ")";
}

std::string select_in_key_order_sql(const RecordKind& kind, const std::string& text_collation) {
  std::string sql = "SELECT " + column_list(kind) + " FROM " + std::string(kind.name) + " ORDER BY ";
  for (size_t i = 0; i < kind.key.size(); ++i) {
    const Field& f = kind.fields[kind.key[i]];
    sql += (i ? ", " : "") + std::string(f.name) + (stored_as_integer(f.type) ? "" : text_collation);
  }
  return sql;
}

namespace {

std::string placeholder(Placeholders style, size_t n) {
  return style == Placeholders::Question ? "?" : "$" + std::to_string(n);
}

bool is_key(const RecordKind& kind, size_t field) {
  for (size_t k : kind.key)
    if (k == field) return true;
  return false;
}

// "a = $n AND b = $n+1" over the key columns, numbering from `first`.
std::string key_condition(const RecordKind& kind, Placeholders style, size_t first) {
  std::string out;
  for (size_t i = 0; i < kind.key.size(); ++i)
    out += (i ? " AND " : "") + std::string(kind.fields[kind.key[i]].name) + " = " + placeholder(style, first + i);
  return out;
}

}  // namespace

std::string select_by_key_sql(const RecordKind& kind, Placeholders style) {
  return "SELECT " + column_list(kind) + " FROM " + std::string(kind.name) + " WHERE " + key_condition(kind, style, 1);
}

std::string update_by_key_sql(const RecordKind& kind, Placeholders style) {
  std::string sets;
  size_t n = 0;
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    if (is_key(kind, i)) continue;
    if (n) sets += ", ";
    ++n;
    sets += std::string(kind.fields[i].name) + " = " + placeholder(style, n);
  }
  return "UPDATE " + std::string(kind.name) + " SET " + sets + " WHERE " + key_condition(kind, style, n + 1);
}

std::string delete_by_key_sql(const RecordKind& kind, Placeholders style) {
  return "DELETE FROM " + std::string(kind.name) + " WHERE " + key_condition(kind, style, 1);
}

std::vector<size_t> update_parameter_order(const RecordKind& kind) {
  std::vector<size_t> order;
  for (size_t i = 0; i < kind.fields.size(); ++i)
    if (!is_key(kind, i)) order.push_back(i);
  order.insert(order.end(), kind.key.begin(), kind.key.end());
  return order;
}

ListSql list_sql(const RecordKind& kind, const ListQuery& query, Placeholders style, const TextCollations& collations,
                 const TrigramFilter* trigrams) {
  ListSql out;
  std::string table = std::string(kind.name);
  std::string key_column = "t." + std::string(kind.fields[kind.key[0]].name);
  std::string from = " FROM " + table + " t";
  std::string where;
  auto add = [&](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
  size_t n = 0;
  if (!query.search.empty() && kind.searchable) {
    std::string pattern = "%";
    for (char c : query.search) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    pattern += "%";
    if (trigrams && trigrams->rows_first) {
      from = " FROM " + table + " t CROSS JOIN tim_kiem s";  // CROSS JOIN: the rows' key order drives
      add("s.loai_ho_so = '" + table + "' AND s.khoa = " + key_column);
    } else if (trigrams) {
      // CROSS JOIN keeps this order: the index's few candidates first, then their rows. Left to
      // itself, SQLite's planner walks the kind's entries and asks the index for each.
      from = " FROM tim_kiem_bo_ba f CROSS JOIN tim_kiem s CROSS JOIN " + table + " t";
      add("f.tim_kiem_bo_ba MATCH " + placeholder(style, ++n));
      std::string first = placeholder(style, ++n);
      add("f.rowid BETWEEN " + first + " AND " + placeholder(style, ++n));
      add("s.so = f.rowid AND s.loai_ho_so = '" + table + "' AND " + key_column + " = s.khoa");
      out.parameters.insert(out.parameters.end(), {trigrams->match, trigrams->first, trigrams->last});
    } else {
      from += " JOIN tim_kiem s ON s.loai_ho_so = '" + table + "' AND s.khoa = " + key_column;
    }
    add("s.noi_dung LIKE " + placeholder(style, ++n) + " ESCAPE '\\'");
    out.parameters.push_back(pattern);
  }
  for (const auto& [field, value] : query.equals) {
    add("t." + std::string(kind.fields[field].name) + " = " + placeholder(style, ++n));
    out.parameters.push_back(value);
  }
  for (const auto& [field, values] : query.any_of) {
    if (values.empty()) {
      add("1 = 0");
      continue;
    }
    std::string in;
    for (const Value& v : values) {
      in += (in.empty() ? "" : ", ") + placeholder(style, ++n);
      out.parameters.push_back(v);
    }
    add("t." + std::string(kind.fields[field].name) + " IN (" + in + ")");
  }
  std::string either;
  for (const auto& [field, values] : query.any_of_either) {
    if (values.empty()) continue;  // an empty alternative matches no row
    std::string in;
    for (const Value& v : values) {
      in += (in.empty() ? "" : ", ") + placeholder(style, ++n);
      out.parameters.push_back(v);
    }
    either += (either.empty() ? "" : " OR ") + ("t." + std::string(kind.fields[field].name) + " IN (" + in + ")");
  }
  if (!query.any_of_either.empty()) add(either.empty() ? "1 = 0" : "(" + either + ")");
  if (!query.include_archived && kind.single_key())
    add("NOT EXISTS (SELECT 1 FROM luu_tru a WHERE a.loai_ho_so = '" + table + "' AND a.khoa = " + key_column + ")");
  std::string columns;
  for (size_t i = 0; i < kind.fields.size(); ++i) columns += (i ? ", t." : "t.") + std::string(kind.fields[i].name);
  auto order_term = [&](size_t field, const std::string& text_collation) {
    const Field& f = kind.fields[field];
    return "t." + std::string(f.name) + (stored_as_integer(f.type) ? "" : text_collation) + (query.descending ? " DESC" : "");
  };
  std::string order = " ORDER BY ";
  if (query.sort_field) {
    bool name = kind.fields[*query.sort_field].type == FieldType::Text;
    order += order_term(*query.sort_field, name ? collations.names : collations.bytes) + ", ";
  }
  for (size_t i = 0; i < kind.key.size(); ++i) order += (i ? ", " : "") + order_term(kind.key[i], collations.bytes);
  out.select = "SELECT " + columns + from + where + order + " LIMIT " + std::to_string(query.limit) + " OFFSET " +
               std::to_string(query.offset);
  out.count = "SELECT count(*)" + from + where;
  return out;
}

std::string search_index_upsert_delete_sql(Placeholders style) {
  return "DELETE FROM tim_kiem WHERE loai_ho_so = " + placeholder(style, 1) + " AND khoa = " + placeholder(style, 2);
}

std::string search_index_insert_sql(Placeholders style) {
  return "INSERT INTO tim_kiem (loai_ho_so, khoa, noi_dung) VALUES (" + placeholder(style, 1) + ", " +
         placeholder(style, 2) + ", " + placeholder(style, 3) + ")";
}

}  // namespace kc
