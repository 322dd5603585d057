// Times what a write costs the Dataset (docs/performance.md, "Reads after a write"): on a loaded
// database, a whole load, then `updated_dataset` for one project changed at a time (a progress
// report writes nothing the Dataset holds but reads the project again), one with a changed
// budget, and one establishment; wall and this thread's CPU time, so that a loaded machine
// shows what the update itself costs.
//
//   build-test/bench/bench_dataset_update <database> [rounds]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "model/dataset_update.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace {

struct Clock {
  double wall_ms, cpu_ms;
};

Clock now() {
  timespec cpu{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
  auto wall = std::chrono::steady_clock::now().time_since_epoch();
  return {std::chrono::duration<double, std::milli>(wall).count(), cpu.tv_sec * 1e3 + cpu.tv_nsec / 1e6};
}

void report(const char* what, std::vector<Clock> spent) {
  auto median = [&](auto field) {
    std::vector<double> v;
    for (const Clock& c : spent) v.push_back(c.*field);
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::printf("%-46s median %8.2f ms wall, %8.2f ms CPU (%zu times)\n", what, median(&Clock::wall_ms),
              median(&Clock::cpu_ms), spent.size());
}

template <typename Fn>
std::vector<Clock> timed(int rounds, Fn&& fn) {
  std::vector<Clock> out;
  for (int i = 0; i < rounds; ++i) {
    Clock a = now();
    fn(i);
    Clock b = now();
    out.push_back({b.wall_ms - a.wall_ms, b.cpu_ms - a.cpu_ms});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_dataset_update <database> [rounds]\n");
    return 2;
  }
  int rounds = argc > 2 ? std::stoi(argv[2]) : 20;
  auto store = kc::open_store(argv[1]);
  kc::Dataset base;
  report("whole load (load_dataset)", timed(3, [&](int) { base = kc::load_dataset(*store); }));
  const kc::Projects& p = base.projects;
  report("one project read again, nothing changed", timed(rounds, [&](int i) {
           auto next = kc::updated_dataset(base, *store, {{"de_an", p.code[(static_cast<size_t>(i) * 7919) % p.size()]}});
           if (!next) std::abort();
         }));
  // A changed budget: the budget column is copied once for the new version.
  const kc::RecordKind& projects = kc::kind("de_an");
  size_t budget = static_cast<size_t>(projects.field_index("kinh_phi_nsnn"));
  report("one project whose budget changed", timed(rounds, [&](int i) {
           kc::Row key(projects.fields.size());
           std::string code = p.code[(static_cast<size_t>(i) * 104729) % p.size()];
           key[projects.key[0]] = kc::Value{code};
           kc::Row row = *store->find(projects, key);
           row[budget] = kc::Value{kc::as_int(row[budget]) + 1};
           store->update(projects, row);
           auto next = kc::updated_dataset(base, *store, {{"de_an", code}});
           if (!next || next->projects.budget.shares_with(base.projects.budget)) std::abort();
         }));
  report("one establishment read again", timed(rounds, [&](int i) {
           auto next = kc::updated_dataset(base, *store, {{"co_so", std::string(base.establishments.code[(static_cast<size_t>(i) * 7919) % base.establishments.size()])}});
           if (!next) std::abort();
         }));
  report("a plan's part (ke_hoach) read again", timed(rounds, [&](int) {
           if (!kc::updated_dataset(base, *store, {{"ke_hoach", ""}})) std::abort();
         }));
  return 0;
}
