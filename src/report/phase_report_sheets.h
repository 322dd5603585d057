// The phase report's appendix tables with typed cells, for spreadsheets (render_xlsx.h): every
// cell keeps the text the document prints and, when it is a number, the value and number format
// a spreadsheet cell holds; each table names the charts that show its main series. The
// document's tables (phase_appendix_tables) are the text of these, so both say the same.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/phase_report.h"

namespace kc {

struct SheetCell {
  std::string text;                 // as printed in the document
  std::optional<double> number;     // million đồng, a count, a percentage, a year
  std::string num_format;           // Excel format code ("#,##0.0"); Vietnamese Excel shows "1.234,5"
  std::optional<int64_t> exact;     // whole value (đồng, count): a total row is a SUM only when it is exact
};

struct SheetChart {
  enum class Type { Bar, Column, Pie };
  Type type = Type::Bar;
  bool stacked = false;
  std::string title;
  // Bar/Column: one series per column over the summed rows, named by its header, categories
  // from column 0. Pie: one series over the total row's cells of these columns.
  std::vector<int> columns;
};

struct SheetTable {
  std::string caption, sheet_name;  // "Phụ lục 1. …", "Phụ lục 1"
  std::vector<std::string> header;
  std::vector<std::vector<SheetCell>> rows;
  std::vector<bool> numeric;
  bool last_row_is_total = false;
  int summed_rows = 0;  // the leading rows the total row adds up (0: no total)
  std::vector<SheetChart> charts;
};

std::vector<SheetTable> phase_sheet_tables(const PhaseReport& report);

}  // namespace kc
