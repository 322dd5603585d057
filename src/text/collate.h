// Vietnamese collation: the order in which names are shown to people (ICU's collator for "vi").
// In that order Ă, Â, Đ, Ê, Ô, Ơ, Ư are letters of their own ("Bắc Sơn" before "Bình Gia",
// "Đình Lập" after every name in D) and the tone marks are secondary differences ("Ba" < "Bà" <
// "Bả" < "Bã" < "Bá" < "Bạ", but "Bà A" < "Ba B"). UTF-8 byte order gets both wrong.
//
// Where it applies (docs/architecture.md, "Vietnamese order"): report lists of names, web lists
// sorted by a name column, pickers, workbook exports of names. Lists ordered by code stay in
// code (byte) order.
//
// Thread safety: every function may be called from any thread; each thread compares with its own
// clone of the collator (ICU collators must not be shared while in use).
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

// <0, 0 or >0 as `a` comes before, with or after `b` in Vietnamese order (UTF-8 input). Names
// equal for the collator (e.g. differing in ignorable characters only) compare by their bytes, so
// the order is total and a sort is the same on every run.
int compare_vi(std::string_view a, std::string_view b);

// A strict weak order for std::sort and ordered containers.
struct ViLess {
  bool operator()(std::string_view a, std::string_view b) const { return compare_vi(a, b) < 0; }
};

// A byte string whose byte order (memcmp, std::string's <) is the Vietnamese order of `s`, with
// `s` itself appended after a 0 byte as the tie-break of compare_vi. Computing it costs about
// what one comparison costs, so sorting n names by their keys runs the collator n times instead
// of n log n times: use it where many names are sorted (docs/performance.md).
std::string sort_key_vi(std::string_view s);

// Sorts `items` in the Vietnamese order of `name(item)` (anything convertible to
// std::string_view), each key computed once; items with equal names keep their order.
template <typename T, typename Name>
void sort_by_name_vi(std::vector<T>& items, Name name) {
  std::vector<std::string> keys;
  keys.reserve(items.size());
  for (const T& item : items) keys.push_back(sort_key_vi(name(item)));
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

}  // namespace kc
