// What the importer remembers about records, existing and newly read, to check keys,
// references and cross-record rules without holding big tables in memory:
// every kind's keys (an id per key), and whole rows of the small reference kinds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

class Store;

class RecordIndex {
 public:
  RecordIndex();

  // Loads the keys (and kept rows) already in the store.
  void load(Store& store);

  // Adds the row's key; false when that key is already known (a duplicate).
  bool add(const RecordKind& kind, const Row& row);

  bool has_key(std::string_view kind_name, std::string_view key) const;

  // The whole row of a kept kind (RecordKind::keep_rows_for_rules), or nullptr.
  const Row* row(std::string_view kind_name, std::string_view key) const;

 private:
  struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct PerKind {
    // Single-column keys: key -> ordinal id. Composite keys with two columns are packed
    // exactly into 64 bits from the components' ids; longer ones are joined as strings.
    std::unordered_map<std::string, uint32_t, TransparentHash, std::equal_to<>> ids;
    std::vector<std::unordered_map<std::string, uint32_t, TransparentHash, std::equal_to<>>> component_ids;
    std::unordered_set<uint64_t> packed_keys;
    std::unordered_set<std::string> joined_keys;
    std::unordered_map<std::string, Row, TransparentHash, std::equal_to<>> rows;
  };
  uint32_t component_id(PerKind& k, size_t position, const std::string& text);

  std::unordered_map<std::string_view, PerKind> kinds_;
};

// The text form of a key column's value ("2018" for a year) used for lookups and messages.
std::string key_text(const Field& field, const Value& v);

}  // namespace kc
