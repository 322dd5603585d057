#include "interchange/workbook_import.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

#include "interchange/kind_importer.h"
#include "interchange/workbook_cells.h"
#include "interchange/workbook_encoding.h"
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

// What the sheets of one kind share: the header read from the first, whether it was right.
struct KindHeader {
  std::vector<std::string> names;
  bool ok = false;
  std::string first_sheet;
};

// Feeds one worksheet to the row checker: row 1 is the header, then the data rows. A
// continuation sheet (part 2, 3, …) must repeat the first sheet's two header rows.
class SheetRows {
 public:
  SheetRows(KindImporter& importer, KindHeader& header, bool continuation, bool date1904)
      : importer_(importer), header_(header), continuation_(continuation), date1904_(date1904) {
    if (continuation_) width_ = static_cast<uint32_t>(header_.names.size());
  }

  // Legacy text (workbook_encoding.h), unless --ma-hoa utf8. Rows are checked as they come
  // until a row holds a suspect cell; from there they wait until the sheet's encoding is
  // decided from its suspects (at the sheet's end, or once there is enough evidence or too
  // much waiting), then go on converted. Rows before the first suspect hold no cell a
  // conversion would change, so they need not wait. A sheet whose encoding is uncertain adds
  // to `encoding_problems`; once that list is not empty, rows are no longer checked.
  void check_legacy_text(const std::string& sheet, const ImportOptions& options,
                         std::vector<Problem>& encoding_problems) {
    sheet_ = sheet;
    options_ = &options;
    encoding_problems_ = &encoding_problems;
  }
  std::optional<TextConversion> conversion() const { return converter_ ? converter_->conversion() : std::nullopt; }

  void operator()(uint32_t row, const std::vector<xlsx::Cell>& cells) {
    if (!header_seen_) {
      header_seen_ = true;
      if (continuation_) {
        read_repeated_header(row, cells);
      } else {
        read_header(row, cells);
      }
      return;
    }
    if (!header_.ok || !rows_ok_) return;  // the header problem says the rows were not checked
    if (continuation_ && !labels_seen_) {
      labels_seen_ = true;
      if (row != 2 || !is_label_row(cells, importer_)) {
        rows_ok_ = false;
        importer_.report(2, 0, "", "dòng 2 phải là dòng tên cột như ở trang tính " + header_.first_sheet +
                                       " (trang tính nối tiếp có cùng hai dòng tiêu đề); các dòng dữ liệu của "
                                       "trang tính chưa được kiểm tra");
      }
      return;
    }
    if (row == 2 && is_label_row(cells, importer_)) return;
    read_data_row(row, cells);
  }

  // Returns the number of data rows read.
  int64_t finish() {
    if (options_ && !decided_ && !suspects_.empty()) decide_encoding();
    if (!header_seen_) {
      if (continuation_) {
        importer_.report(0, 0, "", "trang tính nối tiếp rỗng: thiếu hai dòng tiêu đề như ở trang tính " + header_.first_sheet);
      } else {
        importer_.report_empty_source();
      }
      return 0;
    }
    if (continuation_ && header_.ok && rows_ok_ && !labels_seen_)
      importer_.report(2, 0, "", "thiếu dòng 2 (tên cột) như ở trang tính " + header_.first_sheet);
    return rows_;
  }

 private:
  std::vector<std::string> header_names(const std::vector<xlsx::Cell>& cells) {
    std::vector<std::string> names(cells.back().column);
    for (const xlsx::Cell& cell : cells) names[cell.column - 1] = trimmed_nfc(cell.text);
    // Trailing columns with an empty name (formatting only) are not columns.
    while (!names.empty() && names.back().empty()) names.pop_back();
    return names;
  }

  void read_header(uint32_t row, const std::vector<xlsx::Cell>& cells) {
    if (row != 1) {
      importer_.report(1, 0, "", "dòng 1 phải là dòng mã cột (tên cột như trong tệp CSV); các dòng dữ liệu chưa được kiểm tra");
      return;
    }
    header_.names = header_names(cells);
    width_ = static_cast<uint32_t>(header_.names.size());
    header_.ok = importer_.read_header(1, header_.names);
    texts_.resize(width_);
    errors_.resize(width_);
  }

  void read_repeated_header(uint32_t row, const std::vector<xlsx::Cell>& cells) {
    texts_.resize(width_);
    errors_.resize(width_);
    if (!header_.ok) return;  // the first sheet's header problem covers its parts
    if (row != 1 || header_names(cells) != header_.names) {
      rows_ok_ = false;
      importer_.report(1, 0, "", "dòng 1 (mã cột) phải giống hệt dòng 1 của trang tính " + header_.first_sheet +
                                     "; các dòng dữ liệu của trang tính chưa được kiểm tra");
    }
  }

  bool rows_checked() const { return !encoding_problems_ || encoding_problems_->empty(); }

  void read_data_row(uint32_t row, const std::vector<xlsx::Cell>& cells) {
    if (options_ && !decided_) {
      bool suspect = false;
      for (const xlsx::Cell& cell : cells)
        if (const Field* field = cell.type == xlsx::CellType::Text ? importer_.field_at(cell.column - 1) : nullptr)
          suspect = suspects_.look(row, cell.column, field->name, cell.text) || suspect;
      if (suspect || !waiting_.empty() || !rows_checked()) {
        if (rows_checked()) {
          for (const xlsx::Cell& cell : cells) waiting_bytes_ += cell.text.size() + sizeof cell;
          waiting_.emplace_back(row, cells);
        }
        if (suspects_.enough() || waiting_bytes_ > kMaxWaitingBytes) decide_encoding();
        return;
      }
    }
    if (rows_checked()) check_row(row, cells);
  }

  void decide_encoding() {
    decided_ = true;
    SheetEncoding e = decide_sheet_encoding(sheet_, suspects_, *options_);
    if (e.problem) encoding_problems_->push_back(std::move(*e.problem));
    if (e.encoding) converter_.emplace(sheet_, *e.encoding);
    std::vector<std::pair<uint32_t, std::vector<xlsx::Cell>>> waiting = std::move(waiting_);
    waiting_.clear();
    waiting_bytes_ = 0;
    if (rows_checked())
      for (const auto& [row, cells] : waiting) check_row(row, cells);
  }

  void check_row(uint32_t row, const std::vector<xlsx::Cell>& cells) {
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
      const Field* field = importer_.field_at(c);
      CellText converted = cell_to_bundle_text(legacy_checked(row, cell, field), field, date1904_);
      texts_[c] = std::move(converted.text);
      errors_[c] = std::move(converted.error);
      any = any || !errors_[c].empty() || texts_[c].find_first_not_of(" \t") != std::string::npos;
    }
    if (!any) return;  // an empty row (formatting only), like the trailing ones
    ++rows_;
    importer_.read_row(row, texts_, &errors_);
  }

  // The cell as the row checker should see it: converted from the sheet's legacy encoding.
  const xlsx::Cell& legacy_checked(uint32_t row, const xlsx::Cell& cell, const Field* field) {
    if (!converter_ || cell.type != xlsx::CellType::Text || !field) return cell;
    std::optional<std::string> text = converter_->convert(row, cell.column, cell.text);
    if (!text) return cell;
    converted_cell_ = cell;
    converted_cell_.text = std::move(*text);
    return converted_cell_;
  }

  KindImporter& importer_;
  KindHeader& header_;
  bool continuation_;
  bool date1904_;
  bool header_seen_ = false, labels_seen_ = false, rows_ok_ = true;
  uint32_t width_ = 0;
  std::vector<std::string> texts_, errors_;
  int64_t rows_ = 0;
  xlsx::Cell converted_cell_;
  // Legacy text
  static constexpr size_t kMaxWaitingBytes = size_t{64} << 20;
  std::string sheet_;
  const ImportOptions* options_ = nullptr;
  std::vector<Problem>* encoding_problems_ = nullptr;
  SheetSuspects suspects_;
  bool decided_ = false;
  std::optional<SheetConverter> converter_;
  std::vector<std::pair<uint32_t, std::vector<xlsx::Cell>>> waiting_;
  size_t waiting_bytes_ = 0;
};

// "de_an (2)" -> {"de_an", 2}: a continuation sheet's kind and part (2 or more); nullopt
// for any other name.
std::optional<std::pair<std::string, int>> continuation_name(const std::string& sheet) {
  size_t open = sheet.rfind(" (");
  if (open == std::string::npos || sheet.back() != ')') return std::nullopt;
  std::string digits = sheet.substr(open + 2, sheet.size() - open - 3);
  if (digits.empty() || digits.size() > 6 || digits[0] == '0' ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  int part = std::stoi(digits);
  if (part < 2) return std::nullopt;
  return std::make_pair(sheet.substr(0, open), part);
}

// The sheets that hold each kind, in order: the kind's sheet, then its continuation sheets.
struct SheetPlan {
  std::map<std::string_view, std::vector<size_t>> sheets_of_kind;
  std::vector<std::string> names;  // per sheet index: the trimmed NFC name
};

SheetPlan plan_sheets(const std::vector<xlsx::SheetInfo>& sheets, std::vector<Problem>& problems) {
  SheetPlan plan;
  for (const auto& s : sheets) plan.names.push_back(trimmed_nfc(s.name));
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string& sheet = plan.names[i];
    if (sheet == kNotesSheetName || sheet == kListsSheetName) continue;
    Problem p{sheet, 0, 0, "", ""};
    p.sheet = true;
    if (const RecordKind* kind = find_kind(sheet)) {
      if (plan.sheets_of_kind.emplace(kind->name, std::vector<size_t>{i}).second) continue;
      p.message = "trang tính bị lặp";
    } else if (auto cont = continuation_name(sheet); cont && find_kind(cont->first)) {
      std::string before = cont->second == 2 ? cont->first : cont->first + " (" + std::to_string(cont->second - 1) + ")";
      auto parts = plan.sheets_of_kind.find(find_kind(cont->first)->name);
      bool follows = i > 0 && plan.names[i - 1] == before && parts != plan.sheets_of_kind.end() &&
                     parts->second.size() == static_cast<size_t>(cont->second - 1) && parts->second.back() == i - 1;
      if (follows) {
        parts->second.push_back(i);
        continue;
      }
      p.message = "trang tính nối tiếp phải nằm ngay sau trang tính \"" + before +
                  "\" (phần tiếp theo của một loại hồ sơ quá 1.048.574 dòng; xem docs/xlsx-import.md)";
    } else {
      p.message = "trang tính không thuộc định dạng sổ tính nhập liệu (tên trang tính phải là tên một loại hồ sơ "
                  "như de_an, hoặc \"Hướng dẫn\", \"Danh mục\"; xem docs/xlsx-import.md)";
    }
    problems.push_back(std::move(p));
  }
  return plan;
}

// Reads every kind's sheets into `session`. Each sheet's legacy text is decided from the
// sheet's own cells (unless --ma-hoa utf8): a sheet whose encoding is certain is converted as
// it is read and reported in result.conversions. Once a sheet's encoding is uncertain, the
// other sheets are only checked for theirs, and only those problems are reported (as for the
// CSV bundle: the rows are checked once the encoding is chosen).
void read_kinds(xlsx::Workbook& workbook, const SheetPlan& plan, const std::string& file_name,
                const ImportOptions& options, ImportSession& session, ImportResult& result) {
  std::vector<Problem> encoding_problems;
  // Progress by sheet: a sheet's rows are only known once it has been read.
  ProgressSink& progress = options.progress ? *options.progress : no_progress();
  int64_t sheets = 0, sheets_read = 0;
  for (const auto& [kind_name, of_kind] : plan.sheets_of_kind) sheets += static_cast<int64_t>(of_kind.size());
  progress.stage("Đang nhập sổ tính", "trang tính", sheets);
  for (const RecordKind& k : catalog()) {
    auto found = plan.sheets_of_kind.find(k.name);
    if (found == plan.sheets_of_kind.end()) continue;
    size_t first_problem = result.problems.size();
    KindImporter importer(k, RowSourceForm::Sheet, session.writer(), session.index(), result.problems);
    KindHeader header;
    header.first_sheet = plan.names[found->second.front()];
    std::vector<std::string> sources;
    int64_t count = 0;
    for (size_t sheet : found->second) {
      const std::string& name = plan.names[sheet];
      bool continuation = !sources.empty();
      sources.push_back(name);
      if (continuation) importer.continue_in(name);
      SheetRows rows(importer, header, continuation, workbook.date1904());
      if (!options.keep_unicode) rows.check_legacy_text(name, options, encoding_problems);
      try {
        workbook.read_sheet(sheet, [&](uint32_t row, const std::vector<xlsx::Cell>& cells) { rows(row, cells); });
        count += rows.finish();
        if (auto c = rows.conversion()) result.conversions.push_back(std::move(*c));
      } catch (const xlsx::XlsxError& e) {
        result.problems.push_back({file_name, 0, 0, "", e.what()});
      }
      progress.set_done(++sheets_read);
    }
    if (header.ok && encoding_problems.empty()) importer.finish();
    session.end_kind(k, first_problem, count - importer.built_in_rows_kept(), sources);
  }
  progress.finish();
  if (!encoding_problems.empty()) {
    result.problems = std::move(encoding_problems);
    result.conversions.clear();
  }
}

bool ends_with_xlsx(const std::string& name) {
  if (name.size() < 5) return false;
  std::string tail = name.substr(name.size() - 5);
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".xlsx";
}

}  // namespace

bool is_workbook_path(const std::filesystem::path& path) { return ends_with_xlsx(path.filename().string()); }

ImportResult import_workbook(Store& store, const std::filesystem::path& file, const ImportOptions& options,
                             const xlsx::Limits& limits) {
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
  return import_workbook_bytes(store, std::move(bytes), name, options, limits);
}

ImportResult import_workbook_bytes(Store& store, std::string bytes, const std::string& file_name,
                                   const ImportOptions& options, const xlsx::Limits& limits) {
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
  SheetPlan plan = plan_sheets(workbook->sheets(), result.problems);
  if (plan.sheets_of_kind.empty()) return refuse("sổ tính không có trang tính nào của bộ dữ liệu (xem docs/xlsx-import.md)");

  ImportSession session(store, result, options.user);
  read_kinds(*workbook, plan, file_name, options, session, result);
  session.finish();
  return result;
}

}  // namespace kc
