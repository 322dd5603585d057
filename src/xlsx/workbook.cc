#include "xlsx/workbook.h"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>

#include "xlsx/cell_ref.h"
#include "xlsx/date_format.h"
#include "xlsx/xlsx_error.h"
#include "xlsx/xml_scanner.h"

namespace kc::xlsx {

namespace {

constexpr const char* kRelOfficeDocument = "/officeDocument";
constexpr const char* kRelWorksheet = "/worksheet";
constexpr const char* kRelSharedStrings = "/sharedStrings";
constexpr const char* kRelStyles = "/styles";

std::string_view local_name(const char* qualified) {
  std::string_view q(qualified);
  size_t colon = q.rfind(':');
  return colon == std::string_view::npos ? q : q.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c : node.children())
    if (local_name(c.name()) == local) return c;
  return {};
}

const char* attribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view name(a.name());
    if (name.starts_with("xmlns")) continue;
    if (local_name(a.name()) == local) return a.value();
  }
  return "";
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i], b = suffix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

// The folder of a part ("xl/workbook.xml" -> "xl/").
std::string folder_of(std::string_view part) {
  size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// A relationship target resolved against the folder of the part that holds it; "" when it
// leaves the package.
std::string resolve_target(std::string_view source_folder, std::string_view target) {
  std::string joined = target.starts_with("/") ? std::string(target.substr(1)) : std::string(source_folder) + std::string(target);
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (segments.empty()) return {};
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"
std::string rels_part_of(std::string_view part) {
  size_t slash = part.rfind('/');
  std::string folder = slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
  std::string file(slash == std::string_view::npos ? part : part.substr(slash + 1));
  return folder + "_rels/" + file + ".rels";
}

struct Relationship {
  std::string id, type, target;
};

// Excel writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
std::string unescape_ooxml(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      int value = 0;
      bool ok = true;
      for (size_t k = 2; k < 6; ++k) {
        int h = hex(text[i + k]);
        ok = ok && h >= 0;
        value = value * 16 + std::max(h, 0);
      }
      if (ok && value < 0x80) {  // only ASCII is escaped this way in practice
        out += static_cast<char>(value);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

bool valid_number(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Workbook::Workbook(std::string bytes, const Limits& limits)
    : package_(std::make_unique<ZipPackage>(std::move(bytes), limits)) {
  for (const std::string& name : package_->names())
    if (ends_with_ci(name, "vbaproject.bin"))
      throw XlsxError(
          "sổ tính có macro (vbaProject.bin); khuyencong không chạy macro và không nhận tệp .xlsm — hãy lưu lại "
          "thành \"Excel Workbook (*.xlsx)\" rồi tải lên");
  read_relationships();
  read_workbook_part();
  read_shared_strings();
  read_styles();
}

Workbook::~Workbook() = default;
Workbook::Workbook(Workbook&&) noexcept = default;

namespace {

pugi::xml_document parse_small_part(ZipPackage& package, const std::string& part, bool required) {
  pugi::xml_document doc;
  auto bytes = package.read(part);
  if (!bytes) {
    if (required) throw XlsxError("sổ tính thiếu phần " + part + "; tệp không phải là sổ tính Excel .xlsx hợp lệ");
    return doc;
  }
  check_xml_part(*bytes, part);
  pugi::xml_parse_result ok = doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default, pugi::encoding_utf8);
  if (!ok) throw XlsxError("phần " + part + " của sổ tính không phải XML hợp lệ (" + ok.description() + ")");
  return doc;
}

std::vector<Relationship> read_rels(ZipPackage& package, const std::string& source_part, bool required) {
  std::string rels_part = source_part.empty() ? "_rels/.rels" : rels_part_of(source_part);
  pugi::xml_document doc = parse_small_part(package, rels_part, required);
  std::vector<Relationship> out;
  std::string folder = folder_of(source_part);
  for (pugi::xml_node r : child(doc, "Relationships").children()) {
    if (local_name(r.name()) != "Relationship") continue;
    if (std::string_view(attribute(r, "TargetMode")) == "External") continue;  // never followed
    out.push_back({attribute(r, "Id"), attribute(r, "Type"), resolve_target(folder, attribute(r, "Target"))});
  }
  return out;
}

}  // namespace

void Workbook::read_relationships() {
  for (const Relationship& r : read_rels(*package_, "", true))
    if (r.type.ends_with(kRelOfficeDocument)) workbook_part_ = r.target;
  if (workbook_part_.empty() || !package_->has(workbook_part_))
    throw XlsxError("sổ tính thiếu phần workbook.xml; tệp không phải là sổ tính Excel .xlsx hợp lệ");
}

void Workbook::read_workbook_part() {
  std::map<std::string, std::string> sheet_parts;  // relationship id -> part
  for (const Relationship& r : read_rels(*package_, workbook_part_, true)) {
    if (r.type.ends_with(kRelWorksheet)) sheet_parts[r.id] = r.target;
    if (r.type.ends_with(kRelSharedStrings)) shared_strings_part_ = r.target;
    if (r.type.ends_with(kRelStyles)) styles_part_ = r.target;
  }
  pugi::xml_document doc = parse_small_part(*package_, workbook_part_, true);
  pugi::xml_node workbook = child(doc, "workbook");
  std::string_view date1904 = attribute(child(workbook, "workbookPr"), "date1904");
  date1904_ = date1904 == "1" || date1904 == "true";
  for (pugi::xml_node sheet : child(workbook, "sheets").children()) {
    if (local_name(sheet.name()) != "sheet") continue;
    auto part = sheet_parts.find(attribute(sheet, "id"));
    sheets_.push_back({attribute(sheet, "name"), part == sheet_parts.end() ? std::string() : part->second});
  }
}

void Workbook::read_shared_strings() {
  if (shared_strings_part_.empty()) return;
  auto bytes = package_->read(shared_strings_part_);
  if (!bytes) return;
  XmlScanner xml(*bytes, shared_strings_part_);
  bool in_si = false, in_t = false;
  int phonetic = 0;
  std::string current;
  for (auto e = xml.next(); e != XmlScanner::Event::Eof; e = xml.next()) {
    if (e == XmlScanner::Event::Start) {
      if (xml.name() == "si") {
        in_si = true;
        current.clear();
      } else if (xml.name() == "rPh") {
        ++phonetic;
      } else if (xml.name() == "t" && in_si && phonetic == 0) {
        in_t = true;
      }
    } else if (e == XmlScanner::Event::End) {
      if (xml.name() == "si" && in_si) {
        shared_strings_.push_back(unescape_ooxml(std::move(current)));
        current.clear();
        in_si = false;
      } else if (xml.name() == "rPh") {
        --phonetic;
      } else if (xml.name() == "t") {
        in_t = false;
      }
    } else if (e == XmlScanner::Event::Text && in_t) {
      current += xml.text();
    }
  }
}

void Workbook::read_styles() {
  if (styles_part_.empty()) return;
  pugi::xml_document doc = parse_small_part(*package_, styles_part_, false);
  pugi::xml_node sheet = child(doc, "styleSheet");
  std::map<uint32_t, bool> custom_date;  // numFmtId -> date
  for (pugi::xml_node f : child(sheet, "numFmts").children()) {
    if (local_name(f.name()) != "numFmt") continue;
    custom_date[static_cast<uint32_t>(std::strtoul(attribute(f, "numFmtId"), nullptr, 10))] =
        is_date_format_code(attribute(f, "formatCode"));
  }
  for (pugi::xml_node xf : child(sheet, "cellXfs").children()) {
    if (local_name(xf.name()) != "xf") continue;
    auto id = static_cast<uint32_t>(std::strtoul(attribute(xf, "numFmtId"), nullptr, 10));
    auto custom = custom_date.find(id);
    date_styles_.push_back(custom != custom_date.end() ? custom->second : is_builtin_date_format(id));
  }
}

void Workbook::read_sheet(size_t index, const RowHandler& on_row) {
  const SheetInfo& sheet = sheets_.at(index);
  auto fail = [&](const std::string& why) -> void { throw XlsxError("trang tính " + sheet.name + ": " + why); };
  if (sheet.part.empty()) fail("không tìm thấy nội dung trang tính trong tệp (quan hệ tới phần trang tính bị thiếu)");
  auto bytes = package_->read(sheet.part);
  if (!bytes) fail("thiếu phần " + sheet.part + " trong tệp");
  XmlScanner xml(*bytes, sheet.part);

  std::vector<bool> rows_seen;  // sized on the first row; a bit per possible row
  std::vector<Cell> cells;
  bool in_data = false, in_row = false, in_cell = false, in_v = false, in_is = false, in_t = false;
  int phonetic = 0;
  uint32_t row = 0, last_row = 0, column = 0, last_column = 0;
  std::string type, value, inline_text, style;

  for (auto e = xml.next(); e != XmlScanner::Event::Eof; e = xml.next()) {
    std::string_view name = xml.name();
    if (e == XmlScanner::Event::Text) {
      if (in_v) value += xml.text();
      else if (in_t) inline_text += xml.text();
      continue;
    }
    bool start = e == XmlScanner::Event::Start;
    if (name == "sheetData") {
      in_data = start;
    } else if (name == "row" && in_data) {
      if (start) {
        std::string r = xml.attribute("r");
        if (r.empty()) {
          row = last_row + 1;
          if (row > kMaxRows) fail("quá số dòng tối đa của Excel");
        } else {
          auto parsed = parse_row_number(r);
          if (!parsed) fail("số dòng \"" + r + "\" không hợp lệ");
          row = *parsed;
        }
        if (rows_seen.empty()) rows_seen.resize(kMaxRows + 1);
        if (rows_seen[row]) fail("dòng " + std::to_string(row) + " xuất hiện hai lần");
        rows_seen[row] = true;
        last_row = row;
        in_row = true;
        cells.clear();
        last_column = 0;
      } else if (in_row) {
        in_row = false;
        std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.column < b.column; });
        for (size_t i = 1; i < cells.size(); ++i)
          if (cells[i].column == cells[i - 1].column)
            fail("ô " + column_letters(cells[i].column) + std::to_string(row) + " xuất hiện hai lần");
        if (!cells.empty()) on_row(row, cells);
      }
    } else if (name == "c" && in_row) {
      if (start) {
        std::string r = xml.attribute("r");
        if (r.empty()) {
          column = last_column + 1;
          if (column > kMaxColumns) fail("dòng " + std::to_string(row) + " có quá số cột tối đa của Excel");
        } else {
          auto ref = parse_cell_ref(r);
          if (!ref) fail("địa chỉ ô \"" + r + "\" không hợp lệ");
          if (ref->row != row) fail("ô " + r + " nằm trong dòng " + std::to_string(row));
          column = ref->column;
        }
        last_column = column;
        type = xml.attribute("t");
        style = xml.attribute("s");
        value.clear();
        inline_text.clear();
        in_cell = true;
      } else if (in_cell) {
        in_cell = false;
        auto where = [&] { return "ô " + column_letters(column) + std::to_string(row); };
        Cell cell;
        cell.column = column;
        if (type == "s") {
          size_t i = 0;
          auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), i);
          if (ec != std::errc() || end != value.data() + value.size() || i >= shared_strings_.size())
            fail(where() + " trỏ tới chuỗi dùng chung không tồn tại");
          cell.text = shared_strings_[i];
        } else if (type == "inlineStr") {
          cell.text = unescape_ooxml(std::move(inline_text));
        } else if (type == "str") {
          cell.text = unescape_ooxml(std::move(value));
        } else if (type == "b") {
          cell.type = CellType::Bool;
          if (value != "0" && value != "1") fail(where() + " có giá trị đúng/sai không hợp lệ");
          cell.text = value;
        } else if (type == "e") {
          cell.type = CellType::Error;
          cell.text = value;
        } else if (type == "d") {
          // An ISO 8601 date (strict OOXML); the day is what a record keeps.
          cell.text = value.size() >= 10 ? value.substr(0, 10) : value;
        } else if (type.empty() || type == "n") {
          if (value.empty()) continue;  // a formatted but empty cell
          if (!valid_number(value)) fail(where() + " có giá trị số không hợp lệ \"" + value + "\"");
          cell.type = CellType::Number;
          cell.text = value;
          uint32_t s = 0;
          auto [end, ec] = std::from_chars(style.data(), style.data() + style.size(), s);
          cell.date_style = ec == std::errc() && end == style.data() + style.size() && s < date_styles_.size() && date_styles_[s];
        } else {
          fail(where() + " có kiểu \"" + type + "\" không biết");
        }
        if (cell.type == CellType::Text && cell.text.empty()) continue;
        cells.push_back(std::move(cell));
      }
    } else if (name == "v" && in_cell) {
      in_v = start;
    } else if (name == "is" && in_cell) {
      in_is = start;
    } else if (name == "rPh" && in_is) {
      phonetic += start ? 1 : -1;
    } else if (name == "t" && in_is) {
      in_t = start && phonetic == 0;
    }
  }
}

}  // namespace kc::xlsx
