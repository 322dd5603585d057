// The ZIP container of a workbook, opened from memory with libzip and guarded against hostile
// archives: the number of entries, each part's and the total uncompressed size, the compression
// ratio (zip bombs) and encryption are checked from the directory when the archive is opened,
// and the sizes are enforced again while decompressing (a directory may lie).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace kc::xlsx {

struct Limits {
  uint64_t max_file_bytes = 100ull << 20;    // the .xlsx file itself
  uint64_t max_part_bytes = 256ull << 20;    // one part, uncompressed
  uint64_t max_total_bytes = 1ull << 30;     // all parts, uncompressed
  uint64_t max_entries = 10000;
  // Uncompressed / compressed, checked for parts above ratio_floor_bytes (tiny parts compress
  // extremely well legitimately). Real sheets compress 5–30 times; bombs a thousand times.
  double max_ratio = 200;
  uint64_t ratio_floor_bytes = 1ull << 20;
};

class ZipPackage {
 public:
  // Throws XlsxError (Vietnamese) when `bytes` is not an acceptable ZIP archive.
  ZipPackage(std::string bytes, const Limits& limits);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  bool has(std::string_view name) const;
  std::vector<std::string> names() const;
  // The part's uncompressed bytes; nullopt when there is no such part. Throws XlsxError when
  // it cannot be read or grows beyond the limits.
  std::optional<std::string> read(std::string_view name);

 private:
  std::string bytes_;  // the archive: libzip reads from it
  Limits limits_;
  zip* archive_ = nullptr;
  std::vector<std::string> names_;
  uint64_t read_total_ = 0;  // uncompressed bytes handed out so far
};

}  // namespace kc::xlsx
