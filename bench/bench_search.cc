// Times list searches through the store, without the web server (docs/performance.md, "Search
// on SQLite"): one search a line on stdin (as bench/search/queries.py --plain writes them), each a
// page of 50 projects with its total, as the project list asks for a new search.
//   bench/search/queries.py bench/data/national/de_an.csv names 2000 --plain | build-bench/bench/bench_search <database> [kind]
// Prints the mean, median, 99th percentile and slowest time, the searches per second of one
// thread, and the slowest searches with their totals.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "schema/record_kind.h"
#include "store/store.h"
#include "text/normalize.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_search <database> [kind] < searches\n");
    return 2;
  }
  auto store = kc::open_store(argv[1]);
  const kc::RecordKind& kind = kc::kind(argc > 2 ? argv[2] : "de_an");
  struct Timed {
    double ms;
    int64_t total;
    std::string search;
  };
  std::vector<Timed> times;
  std::string line;
  while (std::getline(std::cin, line)) {
    kc::ListQuery q;
    q.search = kc::fold_for_search(line);
    auto start = std::chrono::steady_clock::now();
    kc::ListPage page = store->list(kind, q);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    times.push_back({ms, page.total, q.search});
  }
  if (times.empty()) return 0;
  double sum = 0;
  for (const Timed& t : times) sum += t.ms;
  std::sort(times.begin(), times.end(), [](const Timed& a, const Timed& b) { return a.ms < b.ms; });
  auto at = [&](double p) { return times[std::min(times.size() - 1, static_cast<size_t>(p * static_cast<double>(times.size())))].ms; };
  std::printf("%zu searches: mean %.3f ms, median %.3f ms, p99 %.3f ms, slowest %.3f ms; %.0f searches/s (one thread)\n",
              times.size(), sum / static_cast<double>(times.size()), at(0.5), at(0.99), times.back().ms,
              1000.0 * static_cast<double>(times.size()) / sum);
  for (size_t i = times.size(); i > 0 && i + 5 > times.size(); --i)
    std::printf("  %.3f ms  %lld rows  \"%s\"\n", times[i - 1].ms, static_cast<long long>(times[i - 1].total),
                times[i - 1].search.c_str());
  return 0;
}
