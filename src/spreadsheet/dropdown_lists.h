// The "Danh mục" sheet of a bundle workbook: the allowed values of enum fields and the keys of
// small reference kinds (content areas, funding levels, units…), one list per pair of columns
// (code, meaning), which the record sheets' dropdown validations point at.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "interchange/workbook_layout.h"  // the sheet names shared with the reader
#include "schema/record_kind.h"
#include "spreadsheet/xlsx_file.h"
#include "store/store.h"

namespace kc {

// A reference kind with at most this many rows gets a dropdown (Excel keeps list validations
// usable up to a few thousand items; the bundle's big kinds are typed by hand).
inline constexpr int64_t kSmallKindRows = 1000;

class DropdownLists {
 public:
  // No lists: no record sheet gets a dropdown.
  DropdownLists() = default;
  // Every enum of the catalog, and every referenced kind with a single key and at most
  // `small_kind_rows` rows (read from `store`).
  static DropdownLists collect(Store& store, int64_t small_kind_rows = kSmallKindRows);

  // The validation source of `f` ("='Danh mục'!$A$3:$A$12"), or "" when it has none.
  std::string source(const Field& f) const;
  bool empty() const { return lists_.empty(); }
  // Writes the "Danh mục" sheet (rows in order, so it works in constant-memory workbooks).
  void write_sheet(XlsxFile& file) const;

 private:
  struct List {
    std::string title;  // "de_an.trang_thai" for an enum, the kind name for a reference
    const void* enum_id = nullptr;
    std::string ref_kind;
    std::vector<std::pair<std::string, std::string>> items;  // code, meaning
  };
  const List* find(const Field& f) const;
  std::vector<List> lists_;
};

}  // namespace kc
