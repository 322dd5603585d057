// The import bundle as one Excel workbook (docs/xlsx-import.md): one worksheet per record
// kind, named like the kind's CSV file stem, row 1 the column codes, row 2 optionally the
// Vietnamese labels, data from there on. A kind past Excel's row limit goes on in
// continuation sheets "<kind> (2)", "<kind> (3)"…, each right after the one before, with the
// same two header rows; they are read as one source. Every cell becomes the canonical CSV text of its
// field (workbook_cells.h) and goes through the CSV bundle's own row checker and
// all-or-nothing transaction (kind_importer.h). Problems name the sheet, the Excel row and
// the column letters with the column code.
#pragma once

#include <filesystem>
#include <string>

#include "interchange/bundle.h"
#include "interchange/workbook_layout.h"
#include "xlsx/zip_package.h"

namespace kc {

// A path the import command reads as a workbook rather than a bundle folder.
bool is_workbook_path(const std::filesystem::path& path);

// `options` is the import's --ma-hoa choice for cells typed in a legacy Vietnamese encoding
// (workbook_encoding.h): converted sheets are listed in ImportResult::conversions.
ImportResult import_workbook(Store& store, const std::filesystem::path& file, const ImportOptions& options = {},
                             const xlsx::Limits& limits = {});

// The same from bytes already in memory (an upload); `file_name` names it in problems.
ImportResult import_workbook_bytes(Store& store, std::string bytes, const std::string& file_name,
                                   const ImportOptions& options = {}, const xlsx::Limits& limits = {});


}  // namespace kc
