// Workbooks for the reader and import tests: hand-made ZIP packages (for hostile and unusual
// files Excel would never write) and a workbook written with libxlsxwriter from a CSV bundle,
// with numbers as numeric cells, dates as date cells and booleans as booleans.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kc::test {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;  // name, content

// A ZIP archive holding the entries (deflated), as bytes.
std::string zip_bytes(const ZipEntries& entries);

struct HandSheet {
  std::string name;
  std::string xml;  // the whole worksheet part
};

// The parts of a workbook around the given sheets: content types, relationships, workbook.xml
// (with date1904 when asked), and sharedStrings.xml / styles.xml when non-empty.
ZipEntries hand_workbook_parts(const std::vector<HandSheet>& sheets, const std::string& shared_strings = "",
                               const std::string& styles = "", bool date1904 = false);
std::string hand_workbook(const std::vector<HandSheet>& sheets, const std::string& shared_strings = "",
                          const std::string& styles = "", bool date1904 = false);

// A worksheet part with `sheet_data` inside <sheetData>.
std::string sheet_xml(const std::string& sheet_data);

// A workbook of one new content area (noi_dung) the demo does not have, valid from `valid_from`
// (dd/mm/yyyy as typed).
std::string new_content_workbook(const std::string& code, const std::string& valid_from);

// Writes the bundle in `bundle_dir` as a workbook at `out` the way the contract describes:
// a sheet per CSV file in catalog order, row 1 the codes, row 2 the labels (" *" when
// required), then the rows with typed cells. `text_cells` ("de_an!I3" -> text) are written as
// text cells holding that text instead.
void write_workbook_from_bundle(const std::filesystem::path& bundle_dir, const std::filesystem::path& out,
                                const std::map<std::string, std::string>& text_cells = {});

}  // namespace kc::test
