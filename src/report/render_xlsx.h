// The phase report as an XLSX workbook: a "Thông tin" sheet (plan, area, period, totals), then
// each appendix table on its own sheet with typed cells and Vietnamese-looking number formats,
// total rows as SUM formulas that carry their computed values, and native Excel charts of the
// main series (by content and funding level, by area, by year). See docs/xlsx-export.md.
#pragma once

#include <filesystem>

#include "report/phase_report.h"
#include "report/phase_report_sheets.h"
#include "spreadsheet/xlsx_file.h"

namespace kc {

void fill_phase_workbook(XlsxFile& file, const PhaseReport& report);

// One appendix table on a sheet of its own: typed cells, the total row as SUM formulas where
// the rows add up to it exactly, the table's charts (the annual reports' workbooks use it too).
void write_sheet_table(XlsxFile& file, const SheetTable& table);

}  // namespace kc
