// Times sorting names in Vietnamese order (text/collate.h), one name a line on stdin:
//   sqlite3 national.db "SELECT ten FROM co_so" | build-bench/bench/bench_collation [national.db]
// Prints the time of std::sort with the comparator, of computing the sort keys and sorting by them,
// and of UTF-8 byte order for comparison; given the database, also the time of a list page of
// establishments sorted by name in SQLite, with the "vi" collation as the store registers it and
// in byte order (docs/performance.md, "Vietnamese order").
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "text/collate.h"

namespace {

template <typename F>
double millis(F f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int collate(void*, int an, const void* a, int bn, const void* b) {
  return kc::compare_vi(std::string_view(static_cast<const char*>(a), static_cast<size_t>(an)),
                        std::string_view(static_cast<const char*>(b), static_cast<size_t>(bn)));
}

void time_pages(const char* path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "cannot open %s\n", path);
    return;
  }
  sqlite3_create_collation_v2(db, "vi", SQLITE_UTF8, nullptr, collate, nullptr);
  for (const char* collation : {" COLLATE vi", ""})
    for (int offset : {0, 25000, 150000}) {
      std::string sql = "SELECT ma FROM co_so ORDER BY ten" + std::string(collation) + ", ma LIMIT 50 OFFSET " + std::to_string(offset);
      sqlite3_stmt* stmt = nullptr;
      sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
      double ms = millis([&] { while (sqlite3_step(stmt) == SQLITE_ROW) {} });
      sqlite3_finalize(stmt);
      std::printf("page at %d, %s: %.0f ms\n", offset, *collation ? "Vietnamese order" : "byte order", ms);
    }
  sqlite3_close(db);
}

}  // namespace

int main(int argc, char** argv) {
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
  if (argc > 1) time_pages(argv[1]);
  return by_compare == by_key ? 0 : 1;  // both ways must give one order
}
