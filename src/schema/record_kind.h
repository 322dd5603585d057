// One description per kind of record (field names, types, Vietnamese labels, constraints,
// references). It drives the bundle's CSV columns, import validation, export, the
// documentation of the bundle and the check that the database schema matches.
// A new field is one line in catalog.cc plus a migration that adds the column.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace kc {

enum class FieldType {
  Code,     // identifier: 1..64 characters, no spaces or control characters
  Text,     // free text (NFC); may hold line breaks
  Int,      // whole number within [min, max]
  Money,    // whole đồng, >= 0
  Decimal,  // fixed point with `scale` decimals, written with '.' in the bundle
  Year,     // 1900..2100
  Date,     // yyyy-mm-dd in the bundle; d/m/yyyy accepted on import
  Bool,     // 1 / 0 in the bundle; "có" / "không" accepted on import
  Enum,     // one of a fixed list of codes
  Ref,      // the key of a record of another (or the same) kind
};

struct EnumValue {
  std::string_view code;
  std::string_view label;  // Vietnamese
};

struct Field {
  std::string_view name;   // CSV column and database column
  FieldType type;
  bool required;
  std::string_view label;  // Vietnamese, for messages, forms and documentation
  std::string_view ref_kind = {};             // FieldType::Ref
  std::span<const EnumValue> enum_values = {};  // FieldType::Enum
  int scale = 0;                              // FieldType::Decimal
  int64_t min = 0;                            // FieldType::Int
  int64_t max = std::numeric_limits<int64_t>::max();

  std::optional<std::string_view> enum_label(std::string_view code) const;
};

struct RecordKind {
  std::string_view name;   // table name; the bundle file is name + ".csv"
  std::string_view label;  // Vietnamese, plural noun
  std::string_view description;
  std::vector<Field> fields;
  std::vector<size_t> key;  // indexes into fields, all required
  // Small reference tables whose whole rows the importer keeps in memory for
  // cross-record rules (validity dates, indicator sources); big ones keep only keys.
  bool keep_rows_for_rules = false;
  // Lists of this kind can be searched ignoring diacritics and case: the engines keep a folded
  // text of its text and code fields in the search index table (tim_kiem).
  bool searchable = false;
  // Rows the program puts in every database (a migration inserts them: the kinds of report).
  // An import listing such a row again, the same in every field but free text, names the same
  // record: not a duplicate key; its free text (a name) replaces the stored one.
  bool built_in_rows = false;

  int field_index(std::string_view field_name) const;  // -1 when absent
  const Field& field(std::string_view field_name) const;  // throws when absent
  bool single_key() const { return key.size() == 1; }
};

// All kinds of the program's records, in import order: a kind refers only to kinds before
// it, or to itself. These are what the bundle holds.
const std::vector<RecordKind>& catalog();

// The system's own records, kept beside the program's but never in the bundle: user accounts,
// sessions, the audit trail, archive marks.
const std::vector<RecordKind>& system_catalog();

// catalog() then system_catalog(): everything a database holds (what migrate-db copies).
std::vector<const RecordKind*> all_kinds();
const RecordKind* find_kind(std::string_view name);  // program kinds only
const RecordKind* find_any_kind(std::string_view name);  // program and system kinds; nullptr when absent
const RecordKind& kind(std::string_view name);  // throws when absent

}  // namespace kc
