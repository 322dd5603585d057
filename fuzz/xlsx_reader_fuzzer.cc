// libFuzzer target for the workbook reader (src/xlsx): any bytes are opened as a workbook and
// every sheet is read. Refusals (XlsxError) are the expected outcome for most inputs; a crash,
// a sanitizer report, a hang or unbounded memory is a bug. Links src/xlsx, src/text, src/core,
// libzip and pugixml only. Seeds: fuzz/corpus/xlsx_reader/ (tiny valid workbooks).
#include <cstddef>
#include <cstdint>
#include <string>

#include "xlsx/workbook.h"
#include "xlsx/xlsx_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kc::xlsx::Limits limits;
  // Smaller than the product's limits, so that one input cannot take the fuzzer's memory.
  limits.max_part_bytes = 16u << 20;
  limits.max_total_bytes = 64u << 20;
  try {
    kc::xlsx::Workbook workbook(std::string(reinterpret_cast<const char*>(data), size), limits);
    size_t cells = 0;
    for (size_t i = 0; i < workbook.sheets().size(); ++i) {
      try {
        workbook.read_sheet(i, [&](uint32_t, const std::vector<kc::xlsx::Cell>& row) { cells += row.size(); });
      } catch (const kc::xlsx::XlsxError&) {
        // A malformed sheet; the others are still read.
      }
    }
  } catch (const kc::xlsx::XlsxError&) {
  }
  return 0;
}
