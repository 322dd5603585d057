// Typed cells of the reports' appendix tables (phase_report_sheets.h): the text the document
// prints and the number a spreadsheet cell holds, built the same way for every report.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "report/document.h"
#include "report/phase_report.h"
#include "report/phase_report_sheets.h"

namespace kc {

// Text cells start with a capital ("Huyện Lục Nam", "Miền núi"), as an office's tables do.
SheetCell cell_text(std::string text);
SheetCell cell_money(int64_t dong);  // million đồng, one decimal
SheetCell cell_count(int64_t n);
SheetCell cell_plain(int64_t n);     // a year, a row number: no thousands separator
SheetCell cell_percent(int64_t numerator, int64_t denominator, int decimals);  // "–" without a denominator

// Projects and money per funding level, then the total: the eight columns of kLevelHeader.
void add_level_cells(std::vector<SheetCell>& row, const std::array<Totals, kFundingLevels>& by_level);
extern const std::vector<std::string> kLevelHeader;

// "Phụ lục 1" from "Phụ lục 1. …": a sheet name (at most 31 characters, no ':').
std::string sheet_name_of(const std::string& caption);

// The document's table: the cells' text, one number of decimals per numeric column.
doc::Table document_table(SheetTable sheet);

}  // namespace kc
