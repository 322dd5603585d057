// Writes records of one kind as worksheets of the bundle workbook (docs/xlsx-export.md and the
// workbook contract): row 1 the column codes, row 2 the Vietnamese labels (" *" when required),
// data from row 3 as typed cells (numbers with Vietnamese-looking formats by the field's scale,
// dates as date cells shown dd/mm/yyyy, text as text), the two header rows frozen, an autofilter
// on the labels, and validations: dropdowns from "Danh mục", whole-number ranges.
//
// A sheet holds at most 1.048.574 data rows; past that the rows go on in continuation sheets
// named "<kind> (2)", "<kind> (3)", … with the same two header rows.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/progress.h"

#include "schema/value.h"
#include "spreadsheet/dropdown_lists.h"
#include "spreadsheet/xlsx_file.h"

namespace kc {

inline constexpr int64_t kMaxDataRowsPerSheet = kXlsxMaxRows - 2;

// "de_an" for part 1, "de_an (2)" for part 2, …
std::string record_sheet_name(std::string_view kind, int part);

// The number format of a numeric field ("#,##0", "#,##0.00", "0" for years, "dd/mm/yyyy"), "" for text.
std::string field_number_format(const Field& f);

class RecordSheetWriter {
 public:
  // `dropdowns` must outlive the writer; `rows_per_sheet` is lowered only by tests.
  RecordSheetWriter(XlsxFile& file, const RecordKind& kind, const DropdownLists& dropdowns,
                    int64_t rows_per_sheet = kMaxDataRowsPerSheet);
  // Appends one record (fields in catalog order). Throws std::runtime_error naming the sheet,
  // row and column when a value cannot be written (e.g. text over Excel's 32.767 characters).
  void add(const Row& row);
  // Sets the autofilter of the last sheet; call once after the last row.
  void finish();
  int64_t rows() const { return rows_; }
  int sheets() const { return part_; }

 private:
  void open_sheet();
  void write_cell(lxw_row_t r, lxw_col_t c, const Field& f, const Value& v);

  XlsxFile& file_;
  const RecordKind& kind_;
  const DropdownLists& dropdowns_;
  int64_t rows_per_sheet_;
  lxw_worksheet* sheet_ = nullptr;
  std::string sheet_name_;
  int part_ = 0;
  int64_t rows_ = 0, rows_in_sheet_ = 0;
  std::vector<lxw_format*> formats_;  // per field
};

}  // namespace kc

namespace kc {

// A list of records (a registry list as filtered and sorted on screen) as a one-sheet workbook
// in the same layout: codes, labels, typed cells, frozen headers, autofilter; no dropdowns.
std::string record_list_workbook(const RecordKind& kind, const std::vector<Row>& rows);
// The same workbook written to `target`, each row counted to `progress` (a background job's
// progress, which may throw to cancel: the partial file is then removed).
void write_record_list_workbook(const RecordKind& kind, const std::vector<Row>& rows, const std::filesystem::path& target,
                                ProgressSink& progress);

}  // namespace kc
