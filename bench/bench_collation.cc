// Times sorting names in Vietnamese order (text/collate.h), one name a line on stdin:
//   sqlite3 national.db "SELECT ten FROM co_so" | build-bench/bench/bench_collation
// Prints the time of std::sort with the comparator, of computing the sort keys and sorting by them,
// and of UTF-8 byte order for comparison (docs/performance.md, "Vietnamese order").
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "text/collate.h"

namespace {

template <typename F>
double millis(F f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main() {
  std::vector<std::string> names;
  for (std::string line; std::getline(std::cin, line);) names.push_back(line);
  kc::compare_vi("a", "b");  // load the collator outside the timings

  std::vector<std::string> by_bytes = names, by_compare = names, by_key = names;
  double bytes = millis([&] { std::sort(by_bytes.begin(), by_bytes.end()); });
  double compare = millis([&] { std::sort(by_compare.begin(), by_compare.end(), kc::ViLess{}); });
  size_t key_bytes = 0;
  double keys = millis([&] {
    kc::sort_by_name_vi(by_key, [](const std::string& s) { return std::string_view(s); });
  });
  for (const std::string& n : names) key_bytes += kc::sort_key_vi(n).size();
  std::printf("names: %zu\nbyte order: %.0f ms\ncollator comparisons: %.0f ms\nsort keys: %.0f ms (%.1f MB of keys)\n",
              names.size(), bytes, compare, keys, static_cast<double>(key_bytes) / 1e6);
  return by_compare == by_key ? 0 : 1;  // both ways must give one order
}
