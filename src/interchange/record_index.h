// What the importer remembers about records, existing and newly read, to check keys,
// references and cross-record rules without holding big tables in memory:
// every kind's keys (an id per key), and whole rows of the small reference kinds.
//
// A national bundle has millions of keys, so the tables are flat open-addressing hash
// tables: key texts packed in one buffer, no allocation per key (30–40 bytes a key,
// against about 80 in node-based std::unordered_map).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "records/record_lookup.h"
#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

class Store;

class RecordIndex final : public RecordLookup {
 public:
  RecordIndex();

  // Loads the keys (and kept rows) already in the store.
  void load(Store& store);

  // Adds the row's key; false when that key is already known (a duplicate).
  bool add(const RecordKind& kind, const Row& row);

  // Makes room for about `rows` more keys of `kind` (a hint: avoids growing big tables
  // step by step while a file is read).
  void reserve(const RecordKind& kind, size_t rows);

  bool has_key(std::string_view kind_name, std::string_view key) const override;
  bool has_key(const RecordKind& kind, std::string_view key) const;  // the same, no name lookup

  // The whole row of a kept kind (RecordKind::keep_rows_for_rules), or nullptr.
  const Row* row(std::string_view kind_name, std::string_view key) const override;

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  // Key text -> dense id (0, 1, 2… in insertion order).
  class KeyIds {
   public:
    // The key's id and whether it was added now.
    std::pair<uint32_t, bool> insert(std::string_view key);
    uint32_t find(std::string_view key) const;  // kNone when absent
    size_t size() const { return spans_.size(); }
    void reserve(size_t keys);

   private:
    struct Slot {
      uint32_t id_plus_one = 0;  // 0: empty
      uint32_t hash = 0;
    };
    std::string_view text(uint32_t id) const {
      return std::string_view(texts_).substr(spans_[id].first, spans_[id].second);
    }
    void rehash(size_t slot_count);

    std::string texts_;  // all keys, back to back
    std::vector<std::pair<uint32_t, uint32_t>> spans_;  // id -> (offset, length) in texts_
    std::vector<Slot> slots_;  // power-of-two size, linear probing
  };

  // A set of 64-bit values (composite keys packed from two component ids).
  class PackedSet {
   public:
    bool insert(uint64_t v);  // false when already present
    void reserve(size_t values);
    size_t size() const { return size_ + (has_empty_value_ ? 1 : 0); }

   private:
    static constexpr uint64_t kEmpty = ~uint64_t{0};
    void rehash(size_t slot_count);
    std::vector<uint64_t> slots_;
    size_t size_ = 0;
    bool has_empty_value_ = false;  // kEmpty itself, kept aside
  };

  struct PerKind {
    // Single-column keys: key -> ordinal id. Composite keys with two columns are packed
    // exactly into 64 bits from the components' ids; longer ones are joined as strings.
    KeyIds ids;
    std::vector<KeyIds> component_ids;
    std::vector<int> component_targets;  // per key column: index in kinds_ of a Ref's kind, or -1
    PackedSet packed_keys;
    std::unordered_set<std::string> joined_keys;
    std::deque<Row> rows;  // kept kinds: id -> row (a deque keeps row pointers stable)
  };

  const PerKind* find_kind(std::string_view kind_name) const;
  size_t kind_position(const RecordKind& kind) const;

  std::vector<PerKind> kinds_;                           // catalogue order
  std::unordered_map<std::string_view, size_t> by_name_;  // kind name -> index in kinds_
};

// The text form of a key column's value ("2018" for a year) used for lookups and messages.
std::string key_text(const Field& field, const Value& v);

}  // namespace kc
