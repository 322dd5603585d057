#include "support/workbook_inspect.h"

#include <cstdio>
#include <stdexcept>

#include "support/office_support.h"
#include "support/test_support.h"

namespace kc::test {

namespace {

int column_index(const std::string& ref) {
  int c = 0;
  for (char ch : ref) {
    if (ch < 'A' || ch > 'Z') break;
    c = c * 26 + (ch - 'A' + 1);
  }
  return c - 1;
}

std::string builtin_format(int id) {
  switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 14: return "m/d/yy";
    default: return "builtin " + std::to_string(id);
  }
}

}  // namespace

InspectedWorkbook::InspectedWorkbook(const std::filesystem::path& file) : parts_(unzip(file)) { load(); }

InspectedWorkbook::InspectedWorkbook(const std::string& bytes) {
  TempDir dir;
  write_file(dir / "t.xlsx", bytes);
  parts_ = unzip(dir / "t.xlsx");
  load();
}

void InspectedWorkbook::load() {
  pugi::xml_document wb, rels, styles, strings;
  wb.load_string(parts_.at("xl/workbook.xml").c_str());
  rels.load_string(parts_.at("xl/_rels/workbook.xml.rels").c_str());
  std::map<std::string, std::string> target_of;
  for (auto r : rels.child("Relationships").children("Relationship"))
    target_of[r.attribute("Id").value()] = std::string("xl/") + r.attribute("Target").value();
  for (auto s : wb.child("workbook").child("sheets").children("sheet")) {
    names_.push_back(s.attribute("name").value());
    targets_.push_back(target_of[s.attribute("r:id").value()]);
    states_.push_back(s.attribute("state").value());
  }
  if (parts_.count("xl/sharedStrings.xml")) {
    strings.load_string(parts_.at("xl/sharedStrings.xml").c_str());
    for (auto si : strings.child("sst").children("si")) {
      std::string text;
      for (auto t : si.select_nodes(".//t")) text += t.node().text().get();
      shared_.push_back(text);
    }
  }
  styles.load_string(parts_.at("xl/styles.xml").c_str());
  std::map<int, std::string> custom;
  for (auto f : styles.child("styleSheet").child("numFmts").children("numFmt"))
    custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
  for (auto xf : styles.child("styleSheet").child("cellXfs").children("xf")) {
    int id = xf.attribute("numFmtId").as_int();
    xf_formats_.push_back(custom.count(id) ? custom[id] : builtin_format(id));
  }
}

std::string InspectedWorkbook::sheet_part(const std::string& sheet) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == sheet) return targets_[i];
  throw std::runtime_error("no sheet " + sheet);
}

std::string InspectedWorkbook::sheet_state(const std::string& sheet) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == sheet) return states_[i];
  throw std::runtime_error("no sheet " + sheet);
}

const pugi::xml_document& InspectedWorkbook::sheet_xml(const std::string& sheet) const {
  auto it = sheets_.find(sheet);
  if (it != sheets_.end()) return it->second;
  pugi::xml_document& doc = sheets_[sheet];
  doc.load_string(parts_.at(sheet_part(sheet)).c_str());
  return doc;
}

InspectedCell InspectedWorkbook::read_cell(const pugi::xml_node& c) const {
  InspectedCell out;
  out.exists = true;
  out.type = c.attribute("t").value();
  out.formula = c.child("f").text().get();
  if (out.type == "s") out.value = shared_.at(static_cast<size_t>(c.child("v").text().as_int()));
  else if (out.type == "inlineStr") {
    for (auto t : c.child("is").select_nodes(".//t")) out.value += t.node().text().get();
  } else out.value = c.child("v").text().get();
  size_t style = static_cast<size_t>(c.attribute("s").as_int());
  out.num_format = style < xf_formats_.size() ? xf_formats_[style] : "General";
  return out;
}

const std::map<int, pugi::xml_node>& InspectedWorkbook::rows_of(const std::string& sheet) const {
  auto it = rows_.find(sheet);
  if (it != rows_.end()) return it->second;
  std::map<int, pugi::xml_node>& rows = rows_[sheet];
  for (auto row : sheet_xml(sheet).child("worksheet").child("sheetData").children("row"))
    rows[row.attribute("r").as_int()] = row;
  return rows;
}

InspectedCell InspectedWorkbook::cell(const std::string& sheet, const std::string& ref) const {
  size_t digits = ref.find_first_of("0123456789");
  auto it = rows_of(sheet).find(std::stoi(ref.substr(digits)));
  if (it == rows_of(sheet).end()) return {};
  for (auto c : it->second.children("c"))
    if (ref == c.attribute("r").value()) return read_cell(c);
  return {};
}

std::vector<InspectedCell> InspectedWorkbook::row(const std::string& sheet, int row_number) const {
  std::vector<InspectedCell> out;
  auto it = rows_of(sheet).find(row_number);
  if (it == rows_of(sheet).end()) return out;
  for (auto c : it->second.children("c")) {
    size_t i = static_cast<size_t>(column_index(c.attribute("r").value()));
    if (out.size() <= i) out.resize(i + 1);
    out[i] = read_cell(c);
  }
  return out;
}

int InspectedWorkbook::last_row(const std::string& sheet) const {
  const auto& rows = rows_of(sheet);
  return rows.empty() ? 0 : rows.rbegin()->first;
}

std::string iso_of_excel_serial(int64_t serial) {
  // civil_from_days (H. Hinnant) on days since 1970-01-01; 1899-12-30 is day -25569.
  int64_t z = serial - 25569 + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buf;
}

int64_t excel_serial(int y, int m, int d) {
  // Days from 1899-12-30 (Excel's 1900 system, past its 1900-02-29 bug).
  auto days = [](int y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
  };
  return days(y, m, d) - days(1899, 12, 30);
}

}  // namespace kc::test
