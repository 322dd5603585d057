// A small deterministic pseudo-random generator for the benchmark data generator.
// SplitMix64 (Steele, Lea, Flood 2014) with integer-only helpers: the same seed gives the
// same dataset on every machine and standard library, unlike std:: distributions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace kcbench {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  // A stream derived from a base seed, a purpose and a number (e.g. a province), so that
  // each part of the dataset stays the same when another part changes.
  Rng(uint64_t seed, std::string_view purpose, uint64_t n = 0) : state_(seed) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : purpose) h = (h ^ c) * 1099511628211ull;
    state_ ^= h;
    state_ = next() ^ (n * 0x9E3779B97F4A7C15ull);
    next();
  }

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); n > 0. The modulo bias is negligible for the small n used here.
  uint64_t below(uint64_t n) { return next() % n; }

  // Uniform in [lo, hi], inclusive.
  int64_t range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo + 1)));
  }

  // True with probability per_mille / 1000.
  bool chance(int per_mille) { return below(1000) < static_cast<uint64_t>(per_mille); }

  template <typename Container>
  const auto& pick(const Container& c) {
    return c[static_cast<size_t>(below(std::size(c)))];
  }

  // An index drawn with the given integer weights.
  template <typename Container>
  size_t weighted(const Container& weights) {
    uint64_t total = 0;
    for (auto w : weights) total += static_cast<uint64_t>(w);
    uint64_t r = below(total);
    size_t i = 0;
    for (auto w : weights) {
      if (r < static_cast<uint64_t>(w)) return i;
      r -= static_cast<uint64_t>(w);
      ++i;
    }
    return i - 1;
  }

 private:
  uint64_t state_;
};

}  // namespace kcbench
