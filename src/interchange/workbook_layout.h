// The sheets a bundle workbook holds beside one sheet per record kind (docs/xlsx-import.md,
// docs/xlsx-export.md): the writer adds them, the reader passes over them.
#pragma once

namespace kc {

inline constexpr const char* kNotesSheetName = "Hướng dẫn";  // one line per column
inline constexpr const char* kListsSheetName = "Danh mục";   // the dropdowns' values

}  // namespace kc
