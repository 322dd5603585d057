// The pickers' index (pickers.h): every record a picker offers, its name folded for matching
// (lower case, no diacritics), built once per Dataset and shared by every request on it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/dataset.h"
#include "store/store.h"

namespace kc::web {

struct PickerEntry {
  std::string code, name, folded;  // folded: name and code, lower case without diacritics
  int32_t unit = -1;               // where it is (establishments, organisations…) or itself (units)
  int32_t item = -1;               // its index in the Dataset's list of its kind
  std::string owner;               // a product's establishment (its code)
};

// Many records, compactly (300.000 establishments at national scale; the server's memory target
// is 100 MB): one buffer holding, for each, its folded name, '\x01' and its code; names for
// display are read from the store for the few matches shown.
struct NameIndex {
  std::string text;
  std::vector<uint32_t> start;  // where each entry begins in `text`; one more at the end
  std::vector<int32_t> unit;
  size_t size() const { return unit.size(); }
  std::string_view entry(size_t i) const { return std::string_view(text).substr(start[i], start[i + 1] - start[i]); }
};

// Projects (108.800 at national scale) also carry their years, the picker's validity.
struct ProjectIndex : NameIndex {
  std::vector<int16_t> from_year, to_year;
};

// Every pickable record of one Dataset, folded once. Choices are offered in the Vietnamese order
// of their names (text/collate.h): establishments, projects and the entry lists are stored in that
// order, contents by their number; units stay at their Dataset position (units[u] is unit u) and
// `unit_order` lists them in the order offered.
struct PickerIndex {
  NameIndex establishments;
  ProjectIndex projects;
  std::vector<PickerEntry> units, organisations, contents, documents, plans, indicators, products, rounds;
  std::vector<size_t> unit_order;
};

// The index of `data`: built by the first picker request after a reload (reading establishments,
// projects and products' establishments from `store`), then shared.
std::shared_ptr<const PickerIndex> picker_index(const std::shared_ptr<const Dataset>& data, Store& store);

// The code in a NameIndex entry.
inline std::string_view code_in(std::string_view entry) { return entry.substr(entry.find('\x01') + 1); }

}  // namespace kc::web
