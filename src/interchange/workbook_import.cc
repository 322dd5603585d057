#include "interchange/workbook_import.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

#include "interchange/kind_importer.h"
#include "interchange/workbook_cells.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "xlsx/cell_ref.h"
#include "xlsx/xlsx_error.h"

namespace kc {

namespace {

std::string trimmed_nfc(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (find_invalid_utf8(s) != std::string_view::npos) return std::string(s);
  return to_nfc(s);
}

// Row 2 as the template writes it: each non-empty cell is its column's label, with or
// without the " *" that marks a required field.
bool is_label_row(const std::vector<xlsx::Cell>& cells, const KindImporter& importer) {
  for (const xlsx::Cell& cell : cells) {
    const Field* field = importer.field_at(cell.column - 1);
    if (!field || cell.type != xlsx::CellType::Text) return false;
    std::string text = trimmed_nfc(cell.text);
    if (text.empty()) continue;
    std::string label(field->label);
    if (text != label && text != label + " *") return false;
  }
  return true;
}

// Feeds one worksheet to the row checker: row 1 is the header, then the data rows.
class SheetRows {
 public:
  SheetRows(KindImporter& importer, bool date1904) : importer_(importer), date1904_(date1904) {}

  void operator()(uint32_t row, const std::vector<xlsx::Cell>& cells) {
    if (!header_seen_) {
      header_seen_ = true;
      read_header(row, cells);
      return;
    }
    if (!header_ok_) return;  // the header problem says the rows were not checked
    if (row == 2 && is_label_row(cells, importer_)) return;
    read_data_row(row, cells);
  }

  // Returns the number of data rows read.
  int64_t finish() {
    if (!header_seen_) {
      importer_.report_empty_source();
      return 0;
    }
    if (header_ok_) importer_.finish();
    return rows_;
  }

 private:
  void read_header(uint32_t row, const std::vector<xlsx::Cell>& cells) {
    if (row != 1) {
      importer_.report(1, 0, "", "dòng 1 phải là dòng mã cột (tên cột như trong tệp CSV); các dòng dữ liệu chưa được kiểm tra");
      return;
    }
    width_ = cells.back().column;
    std::vector<std::string> names(width_);
    for (const xlsx::Cell& cell : cells) names[cell.column - 1] = trimmed_nfc(cell.text);
    // Trailing columns with an empty name (formatting only) are not columns.
    while (!names.empty() && names.back().empty()) names.pop_back();
    width_ = static_cast<uint32_t>(names.size());
    header_ok_ = importer_.read_header(1, names);
    texts_.resize(width_);
    errors_.resize(width_);
  }

  void read_data_row(uint32_t row, const std::vector<xlsx::Cell>& cells) {
    std::fill(texts_.begin(), texts_.end(), std::string());
    std::fill(errors_.begin(), errors_.end(), std::string());
    bool any = false;
    for (const xlsx::Cell& cell : cells) {
      size_t c = cell.column - 1;
      if (c >= width_) {
        if (cell.type == xlsx::CellType::Text && trimmed_nfc(cell.text).empty()) continue;
        importer_.report(row, cell.column, "",
                         "ô " + xlsx::column_letters(cell.column) + std::to_string(row) +
                             " có dữ liệu nhưng nằm ngoài các cột của dòng tiêu đề");
        continue;
      }
      CellText converted = cell_to_bundle_text(cell, importer_.field_at(c), date1904_);
      texts_[c] = std::move(converted.text);
      errors_[c] = std::move(converted.error);
      any = any || !errors_[c].empty() || texts_[c].find_first_not_of(" \t") != std::string::npos;
    }
    if (!any) return;  // an empty row (formatting only), like the trailing ones
    ++rows_;
    importer_.read_row(row, texts_, &errors_);
  }

  KindImporter& importer_;
  bool date1904_;
  bool header_seen_ = false, header_ok_ = false;
  uint32_t width_ = 0;
  std::vector<std::string> texts_, errors_;
  int64_t rows_ = 0;
};

bool ends_with_xlsx(const std::string& name) {
  if (name.size() < 5) return false;
  std::string tail = name.substr(name.size() - 5);
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".xlsx";
}

}  // namespace

bool is_workbook_path(const std::filesystem::path& path) { return ends_with_xlsx(path.filename().string()); }

ImportResult import_workbook(Store& store, const std::filesystem::path& file, const xlsx::Limits& limits) {
  ImportResult result;
  std::string name = file.filename().string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    result.problems.push_back({"", 0, 0, "", "không tìm thấy tệp " + file.string()});
    return result;
  }
  auto size = std::filesystem::file_size(file, ec);
  if (!ec && size > limits.max_file_bytes) {
    result.problems.push_back({name, 0, 0, "",
                               "tệp quá lớn (" + std::to_string((size + (1 << 20) - 1) >> 20) +
                                   " MB); giới hạn là " + std::to_string(limits.max_file_bytes >> 20) + " MB"});
    return result;
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    result.problems.push_back({name, 0, 0, "", "không đọc được tệp"});
    return result;
  }
  return import_workbook_bytes(store, std::move(bytes), name, limits);
}

ImportResult import_workbook_bytes(Store& store, std::string bytes, const std::string& file_name,
                                   const xlsx::Limits& limits) {
  ImportResult result;
  auto refuse = [&](std::string message) {
    result.problems.push_back({file_name, 0, 0, "", std::move(message)});
    return result;
  };
  std::optional<xlsx::Workbook> workbook;
  try {
    workbook.emplace(std::move(bytes), limits);
  } catch (const xlsx::XlsxError& e) {
    return refuse(e.what());
  }

  // Which sheet holds which kind.
  std::map<std::string_view, size_t> sheet_of_kind;
  const auto& sheets = workbook->sheets();
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string sheet = trimmed_nfc(sheets[i].name);
    if (sheet == kNotesSheetName || sheet == kListsSheetName) continue;
    const RecordKind* kind = find_kind(sheet);
    Problem p{sheet, 0, 0, "", ""};
    p.sheet = true;
    if (!kind) {
      p.message = "trang tính không thuộc định dạng sổ tính nhập liệu (tên trang tính phải là tên một loại hồ sơ "
                  "như de_an, hoặc \"Hướng dẫn\", \"Danh mục\"; xem docs/xlsx-import.md)";
      result.problems.push_back(std::move(p));
    } else if (!sheet_of_kind.emplace(kind->name, i).second) {
      p.message = "trang tính bị lặp";
      result.problems.push_back(std::move(p));
    }
  }
  if (sheet_of_kind.empty()) return refuse("sổ tính không có trang tính nào của bộ dữ liệu (xem docs/xlsx-import.md)");

  ImportSession session(store, result);
  for (const RecordKind& k : catalog()) {
    auto found = sheet_of_kind.find(k.name);
    if (found == sheet_of_kind.end()) continue;
    size_t first_problem = result.problems.size();
    KindImporter importer(k, RowSourceForm::Sheet, session.writer(), session.index(), result.problems);
    SheetRows rows(importer, workbook->date1904());
    int64_t count = 0;
    try {
      workbook->read_sheet(found->second, [&](uint32_t row, const std::vector<xlsx::Cell>& cells) { rows(row, cells); });
      count = rows.finish();
    } catch (const xlsx::XlsxError& e) {
      result.problems.push_back({file_name, 0, 0, "", e.what()});
    }
    session.end_kind(k, first_problem, count);
  }
  session.finish();
  return result;
}

}  // namespace kc
