// The phase report as an XLSX workbook: a "Thông tin" sheet (plan, area, period, totals), then
// each appendix table on its own sheet with typed cells and Vietnamese-looking number formats,
// total rows as SUM formulas that carry their computed values, and native Excel charts of the
// main series (by content and funding level, by area, by year). See docs/xlsx-export.md.
#pragma once

#include <filesystem>

#include "report/phase_report.h"
#include "spreadsheet/xlsx_file.h"

namespace kc {

void fill_phase_workbook(XlsxFile& file, const PhaseReport& report);

}  // namespace kc
