// What the cross-record rules (rules.h) need to know about other records: whether a key exists,
// and the whole row of the small reference kinds (units, contents, indicators, plans). The
// importer answers from its in-memory RecordIndex; a single edit from the web answers from the
// database (StoreLookup), so both apply the same rules.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

class Store;

class RecordLookup {
 public:
  virtual ~RecordLookup() = default;
  virtual bool has_key(std::string_view kind_name, std::string_view key) const = 0;
  // The row of a record with a single-column key, or nullptr.
  virtual const Row* row(std::string_view kind_name, std::string_view key) const = 0;
};

// Answers from the database, remembering what it read.
class StoreLookup final : public RecordLookup {
 public:
  explicit StoreLookup(Store& store) : store_(store) {}
  bool has_key(std::string_view kind_name, std::string_view key) const override { return row(kind_name, key) != nullptr; }
  const Row* row(std::string_view kind_name, std::string_view key) const override;

 private:
  Store& store_;
  mutable std::map<std::pair<std::string, std::string>, std::optional<Row>> cache_;
};

}  // namespace kc
