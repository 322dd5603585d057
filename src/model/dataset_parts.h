// The Dataset's parts as the loader builds them (model/dataset_loader.cc) and a write rebuilds
// them (model/dataset_update.cc): which kinds each part reads, which parts' positions it refers
// to, and the code lookups those references go through. Internal to the model.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/dataset.h"
#include "schema/value.h"

namespace kc {

class Store;

enum class Part {
  units, documents, contents, indicators, organisations, staff, plans, targets, establishments, projects,
  outputs, amendments, beneficiaries, activities, craft_villages, products, rounds, results, fairs, clusters,
  statistics
};

// Positions of codes in sorted codes (the stores scan in key order, text keys in byte order):
// a binary search, no memory beyond the codes — a hash map of 300.000 establishment codes cost
// ~24 MB more, held by every Dataset. Unsorted codes (a store that scanned otherwise) get a
// sorted permutation.
template <typename Codes>
class CodeIndex {
 public:
  explicit CodeIndex(const Codes& codes) : codes_(codes) {
    bool sorted = true;
    for (size_t i = 1; i < codes.size() && sorted; ++i)
      sorted = std::string_view(codes[i - 1]) <= std::string_view(codes[i]);
    if (sorted) return;
    order_.resize(codes.size());
    for (size_t i = 0; i < codes.size(); ++i) order_[i] = static_cast<int32_t>(i);
    std::sort(order_.begin(), order_.end(), [&](int32_t a, int32_t b) {
      return std::string_view(codes[static_cast<size_t>(a)]) < std::string_view(codes[static_cast<size_t>(b)]);
    });
  }

  int32_t find(std::string_view code) const {
    if (code.empty()) return -1;
    size_t lo = 0, hi = codes_.size();
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (at(mid) < code) lo = mid + 1;
      else hi = mid;
    }
    if (lo == codes_.size() || at(lo) != code) return -1;
    return order_.empty() ? static_cast<int32_t>(lo) : order_[lo];
  }

 private:
  std::string_view at(size_t sorted_position) const {
    return codes_[order_.empty() ? sorted_position : static_cast<size_t>(order_[sorted_position])];
  }
  const Codes& codes_;
  std::vector<int32_t> order_;  // empty when the codes are sorted
};

// Code → position for the parts others refer to, built from a Dataset's parts as they are.
class Codes {
 public:
  explicit Codes(const Dataset& d) : d_(d) {}
  // (Re)builds the lookup of `part` from the Dataset (after the part was loaded).
  void index(Part part);
  int32_t unit(std::string_view code) const { return find(units_, code); }
  int32_t content(std::string_view code) const { return find(contents_, code); }
  int32_t indicator(std::string_view code) const { return find(indicators_, code); }
  int32_t organisation(std::string_view code) const { return find(organisations_, code); }
  int32_t plan(std::string_view code) const { return find(plans_, code); }
  int32_t product(std::string_view code) const { return find(products_, code); }
  int32_t round(std::string_view code) const { return find(rounds_, code); }
  int32_t establishment(std::string_view code) const;
  int32_t project(std::string_view code) const;

 private:
  using Map = std::unordered_map<std::string, int32_t>;
  static int32_t find(const Map& map, std::string_view code);
  template <typename T>
  static void fill(Map& map, const Column<T>& items);
  const Dataset& d_;
  Map units_, contents_, indicators_, organisations_, plans_, products_, rounds_;
  std::unique_ptr<CodeIndex<TextColumn>> establishments_;
  std::unique_ptr<CodeIndex<Column<std::string>>> projects_;
};

using PartLoader = void (*)(Store&, Dataset&, const Codes&);

struct PartInfo {
  Part part;
  std::vector<std::string_view> kinds;  // the record kinds it is read from
  std::vector<Part> refers_to;          // parts whose positions it holds
  PartLoader load;                      // clears the part and reads it again
};

// Every part, in an order where each comes after those it refers to.
const std::vector<PartInfo>& dataset_parts();

// What the part loaders share with the updater: one project's or establishment's columns from
// its row, and the approved amendments.
void append_project(Projects& p, const Row& row, const Codes& codes);
void set_project(Projects& p, size_t i, const Row& row, const Codes& codes);
int32_t settlement_day(Store& store, std::string_view project);
int32_t establishment_unit(const Row& row, const Codes& codes);
void load_amendments(Store& store, Dataset& d, const Codes& codes);

}  // namespace kc
