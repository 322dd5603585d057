// One XLSX workbook written with libxlsxwriter, all or nothing.
//
// Debian 12 ships libxlsxwriter 1.1.4, which can only write to a named file (writing to memory
// came later), so the workbook is written to a private temporary file (mkstemp, mode 0600)
// beside the target and renamed over it only when the library closed it without error; any
// failure removes the temporary file and leaves the target as it was. `to_bytes` does the same
// in the system's temporary folder and reads the file back, for web downloads.
#pragma once

#include <xlsxwriter.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace kc {

// Excel's sheet size: 1.048.576 rows.
inline constexpr int64_t kXlsxMaxRows = 1048576;

class XlsxFile {
 public:
  // `constant_memory`: rows are flushed to a temporary file as each row is finished (bounded
  // memory for big sheets; strings are written inline and rows must come in order).
  XlsxFile(const std::filesystem::path& target, bool constant_memory);
  ~XlsxFile();
  XlsxFile(const XlsxFile&) = delete;
  XlsxFile& operator=(const XlsxFile&) = delete;

  lxw_workbook* workbook() { return workbook_; }
  lxw_worksheet* add_sheet(const std::string& name);

  // Cached cell formats: a number format code ("#,##0.0", "dd/mm/yyyy", "" for none), bold or not.
  lxw_format* format(const std::string& num_format, bool bold = false, bool wrap = false);

  // Closes the workbook and moves it onto the target. Throws std::runtime_error (Vietnamese).
  void commit();

  // Builds a workbook with `fill` and returns its bytes.
  static std::string to_bytes(bool constant_memory, const std::function<void(XlsxFile&)>& fill);

 private:
  std::filesystem::path target_, temp_;
  lxw_workbook* workbook_ = nullptr;
  std::map<std::string, lxw_format*> formats_;
  bool committed_ = false;
};

// Throws std::runtime_error naming `what` when `error` is not LXW_NO_ERROR.
void check_xlsx(lxw_error error, const std::string& what);

// The MIME type of an XLSX download.
inline constexpr const char* kXlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace kc
