// The cost of durable commits in the SQLite store (docs/performance.md, "Durable writes"):
//   build-bench/bench/bench_durability [folder on the disk to measure] [writes, default 2000]
// For synchronous = NORMAL and FULL, on a fresh WAL database in the folder: N write transactions
// through the store, each as a server write is (the record and its audit entry, one commit),
// timed one by one; then one transaction of 20.000 rows, as an import is.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "schema/record_kind.h"
#include "store/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;

double micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

kc::Row audit_entry(int64_t i) {
  return {std::string("nk-bench-") + std::to_string(i), std::string("2026-12-03 14:00:00"), std::string("quantri"),
          std::string("sua"), std::string("luu_tru"), std::string("co_so/cs-") + std::to_string(i),
          std::monostate{}, std::string("{\"ghi_chu\":\"đo\"}"), std::monostate{}};
}

kc::Row archive_mark(int64_t i) {
  return {std::string("co_so"), std::string("cs-") + std::to_string(i), std::string("2026-12-03 14:00:00"),
          std::string("quantri")};
}

void measure(const std::filesystem::path& folder, const char* mode, int writes) {
  std::filesystem::path file = folder / (std::string("bench-durability-") + mode + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  {
    kc::SqliteStore store(file.string());
    store.migrate();
    sqlite3_exec(store.handle(), (std::string("PRAGMA synchronous = ") + mode).c_str(), nullptr, nullptr, nullptr);
    const kc::RecordKind& audit = kc::kind("nhat_ky");
    const kc::RecordKind& marks = kc::kind("luu_tru");
    std::vector<double> each;
    auto start = Clock::now();
    for (int i = 0; i < writes; ++i) {
      auto t = Clock::now();
      kc::Transaction tx(store);
      store.insert(marks, archive_mark(i));
      store.insert(audit, audit_entry(i));
      tx.commit();
      each.push_back(micros(Clock::now() - t));
    }
    double total = micros(Clock::now() - start);
    std::sort(each.begin(), each.end());
    auto at = [&](double q) { return each[static_cast<size_t>(q * static_cast<double>(each.size() - 1))]; };
    std::printf("%-6s %d writes: %.0f µs per write (p50 %.0f, p99 %.0f, max %.0f), %.0f writes/s\n", mode, writes,
                total / writes, at(0.5), at(0.99), each.back(), writes * 1e6 / total);

    const int bulk = 20000;
    auto t = Clock::now();
    kc::Transaction tx(store);
    for (int i = writes; i < writes + bulk; ++i) {
      store.insert(marks, archive_mark(i));
      store.insert(audit, audit_entry(i));
    }
    tx.commit();
    std::printf("%-6s one transaction of %d writes: %.1f ms\n", mode, bulk, micros(Clock::now() - t) / 1000);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path folder = argc > 1 ? argv[1] : ".";
  int writes = argc > 2 ? std::stoi(argv[2]) : 2000;
  for (const char* mode : {"NORMAL", "FULL", "NORMAL", "FULL"}) measure(folder, mode, writes);
  return 0;
}
