// Reading the XLSX files the product writes, in tests, with libzip + pugixml only: sheets by
// name in workbook order, cells by reference (type, value, formula, number format).
#pragma once

#include <filesystem>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace kc::test {

struct InspectedCell {
  std::string type;        // the c/@t attribute: "" (number), "s", "inlineStr", "str", "b"
  std::string value;       // number text, or the string itself (shared and inline resolved)
  std::string formula;     // c/f, without "="
  std::string num_format;  // the style's number format code ("General" when none)
  bool exists = false;
};

class InspectedWorkbook {
 public:
  explicit InspectedWorkbook(const std::filesystem::path& file);
  explicit InspectedWorkbook(const std::string& bytes);  // an HTTP body

  const std::map<std::string, std::string>& parts() const { return parts_; }
  std::vector<std::string> sheet_names() const { return names_; }
  // The sheet's XML part name ("xl/worksheets/sheet3.xml"); throws when there is no such sheet.
  std::string sheet_part(const std::string& sheet) const;
  const pugi::xml_document& sheet_xml(const std::string& sheet) const;
  InspectedCell cell(const std::string& sheet, const std::string& ref) const;  // "B3"
  // The cells of one row by column index (0-based; missing cells left empty).
  std::vector<InspectedCell> row(const std::string& sheet, int row_number) const;  // 1-based
  int last_row(const std::string& sheet) const;  // 0 when empty
  // Hidden state of a sheet ("" when visible).
  std::string sheet_state(const std::string& sheet) const;

 private:
  void load();
  InspectedCell read_cell(const pugi::xml_node& c) const;
  std::map<std::string, std::string> parts_;
  std::vector<std::string> names_, targets_, states_;
  std::vector<std::string> shared_;
  std::vector<std::string> xf_formats_;
  const std::map<int, pugi::xml_node>& rows_of(const std::string& sheet) const;
  mutable std::map<std::string, pugi::xml_document> sheets_;
  mutable std::map<std::string, std::map<int, pugi::xml_node>> rows_;  // row number → <row>
};

// Excel's 1900-system serial day number of a yyyy-mm-dd date.
int64_t excel_serial(int year, int month, int day);
// Its inverse: "yyyy-mm-dd".
std::string iso_of_excel_serial(int64_t serial);

}  // namespace kc::test
