// gen_national: writes a deterministic national-scale import bundle for benchmarks:
// 34 provinces × 2016–2025, ~109.000 projects, ~1.030.000 output values, ~300.000
// establishments, with the reference data, plans, selections and statistics around them.
//
//   gen_national <out-dir> [--scale 1.0]
//
// The files are in the canonical form `khuyencong export` writes (see gen/table_writer.h),
// so import followed by export reproduces them byte for byte. Same arguments, same bytes.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "gen/national.h"

int main(int argc, char** argv) {
  kcbench::World w;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--scale" && i + 1 < argc) {
      char* end = nullptr;
      w.options.scale = std::strtod(argv[++i], &end);
      if (*end != '\0' || !(w.options.scale > 0) || w.options.scale > 20) {
        std::cerr << "gen_national: --scale must be a number in (0, 20]\n";
        return 2;
      }
    } else if (w.options.out.empty() && !a.empty() && a[0] != '-') {
      w.options.out = a;
    } else {
      std::cerr << "usage: gen_national <out-dir> [--scale 1.0]\n";
      return 2;
    }
  }
  if (w.options.out.empty()) {
    std::cerr << "usage: gen_national <out-dir> [--scale 1.0]\n";
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::filesystem::create_directories(w.options.out);
  for (const auto& entry : std::filesystem::directory_iterator(w.options.out))
    if (entry.path().extension() == ".csv") std::filesystem::remove(entry.path());

  kcbench::build_world(w);
  kcbench::write_reference(w);
  kcbench::write_activity(w);
  kcbench::write_plans(w);

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int64_t total = 0;
  for (const auto& [kind, rows] : w.rows) {
    std::cout << kind << "\t" << rows << "\n";
    total += rows;
  }
  std::cout << "total\t" << total << "\n";
  std::cerr << "gen_national: " << total << " rows in " << w.options.out.string() << " (scale "
            << w.options.scale << ", " << seconds << " s)\n";
  return 0;
}
