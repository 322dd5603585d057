// Reading an Excel workbook (.xlsx) safely: the sheets' names and order, the 1904 date system,
// the shared strings (rich text runs joined), which cell styles are dates, and each sheet's
// cells streamed row by row. Formulas are never evaluated: a formula cell gives the value
// Excel cached in it. Macros (vbaProject.bin) are never run: a macro-enabled workbook is refused.
// Every refusal is an XlsxError with a Vietnamese message. Depends only on libzip, pugixml
// and the XML scanner beside it, so a fuzz target can link it alone.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "xlsx/zip_package.h"

namespace kc::xlsx {

enum class CellType {
  Text,    // shared, inline or formula string
  Number,  // `text` is the number as stored ("1234.5", "1E-3")
  Bool,    // `text` is "1" or "0"
  Error,   // `text` is Excel's error code ("#N/A", "#DIV/0!")
};

struct Cell {
  uint32_t column = 0;  // 1-based
  CellType type = CellType::Text;
  std::string text;
  bool date_style = false;  // a Number shown as a date (its style's number format)
};

struct SheetInfo {
  std::string name;
  std::string part;  // e.g. "xl/worksheets/sheet1.xml"; empty when its relationship is missing
};

// The cells of one row with at least one cell, in column order.
using RowHandler = std::function<void(uint32_t row, const std::vector<Cell>& cells)>;

class Workbook {
 public:
  // Throws XlsxError when the bytes are not an acceptable workbook.
  explicit Workbook(std::string bytes, const Limits& limits = {});
  ~Workbook();
  Workbook(Workbook&&) noexcept;

  const std::vector<SheetInfo>& sheets() const { return sheets_; }
  bool date1904() const { return date1904_; }

  // Streams the sheet's rows in file order (Excel writes them ascending). Throws XlsxError
  // on a malformed sheet; rows already handed over stay handed over.
  void read_sheet(size_t index, const RowHandler& on_row);

 private:
  void read_relationships();
  void read_workbook_part();
  void read_shared_strings();
  void read_styles();

  std::unique_ptr<ZipPackage> package_;
  std::string workbook_part_;
  std::string shared_strings_part_, styles_part_;
  std::vector<SheetInfo> sheets_;
  bool date1904_ = false;
  std::vector<std::string> shared_strings_;
  std::vector<bool> date_styles_;  // per cellXfs index
};

}  // namespace kc::xlsx
