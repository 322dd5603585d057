// The whole bundle as one XLSX workbook (docs/xlsx-export.md): one sheet per record kind in
// catalog order (continuation sheets past Excel's row limit), then "Hướng dẫn" (what every
// column holds) and "Danh mục" (the dropdown lists). The template is the same workbook without
// data rows. Written in libxlsxwriter's constant-memory mode, so the national dataset exports
// with bounded memory; all or nothing (a failure leaves no file).
#pragma once

#include <filesystem>
#include <string>

#include "interchange/bundle.h"
#include "interchange/workbook_layout.h"  // the sheet names shared with the reader
#include "spreadsheet/record_sheet.h"
#include "store/store.h"

namespace kc {


struct WorkbookExportOptions {
  bool template_only = false;                        // headers, notes and lists; no data rows
  int64_t rows_per_sheet = kMaxDataRowsPerSheet;     // lowered only by tests
  ProgressSink* progress = nullptr;                  // told of each row written
};

ExportResult export_bundle_workbook(Store& store, const std::filesystem::path& file,
                                    const WorkbookExportOptions& options = {});

// The template's bytes, for the web download.
std::string bundle_template_bytes(Store& store);

}  // namespace kc
