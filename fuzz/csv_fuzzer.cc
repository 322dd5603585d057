// The CSV reader (text/csv.h) on arbitrary bytes: it must neither crash nor loop, every record
// it reads without error must survive a write and a second read unchanged, and line numbers
// must never go backwards.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  kc::CsvReader reader(input);
  kc::CsvRecord record;
  std::string error;
  size_t error_field = 0;
  size_t last_line = 0;
  size_t records = 0;
  while (reader.next(record, error, error_field)) {
    if (record.line < last_line || ++records > size + 1) std::abort();
    last_line = record.line;
    if (!error.empty()) {
      if (error_field >= record.fields.size() + 1) std::abort();
      continue;
    }
    std::string written;
    kc::append_csv_record(written, record.fields);
    kc::CsvReader again(written);
    kc::CsvRecord back;
    std::string error2;
    size_t field2 = 0;
    if (!again.next(back, error2, field2) || !error2.empty()) std::abort();
    if (back.fields != record.fields) std::abort();
  }
  return 0;
}
