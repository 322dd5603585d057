#include "spreadsheet/record_sheet.h"

#include <algorithm>
#include <stdexcept>

#include "core/date.h"
#include "core/vn_format.h"
#include "text/utf8.h"

namespace kc {

namespace {

// Whole numbers a double holds exactly; larger ones are written as text (the reader accepts
// the canonical form), so nothing is rounded.
constexpr int64_t kExactDouble = int64_t{1} << 53;

std::string column_letters(lxw_col_t column) {
  std::string s;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

double column_width(const Field& f) {
  double label = static_cast<double>(std::max(f.label.size(), f.name.size())) * 0.8 + 2;  // UTF-8 bytes → rough characters
  double content = f.type == FieldType::Text ? 40 : f.type == FieldType::Date ? 12 : 14;
  return std::clamp(std::max(label, content), 8.0, 50.0);
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Whole-number ranges users may type, as an Excel validation (Int, Money, Year, Bool).
std::optional<std::pair<int64_t, int64_t>> integer_range(const Field& f) {
  switch (f.type) {
    case FieldType::Int: return std::pair{f.min, std::min(f.max, kExactDouble)};
    case FieldType::Money: return std::pair{int64_t{0}, kExactDouble};
    case FieldType::Year: return std::pair{int64_t{1900}, int64_t{2100}};
    case FieldType::Bool: return std::pair{int64_t{0}, int64_t{1}};
    default: return std::nullopt;
  }
}

void add_validation(lxw_worksheet* ws, lxw_col_t c, const Field& f, const DropdownLists& dropdowns) {
  lxw_data_validation v{};
  std::string source = dropdowns.source(f);
  std::string title = "Giá trị không hợp lệ";
  std::string message;
  if (!source.empty()) {
    v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    v.value_formula = source.data();
    message = "Chọn một mã trong danh sách (trang tính \"" + std::string(kListsSheetName) + "\").";
  } else if (auto range = integer_range(f); range && range->first > -kExactDouble) {
    v.validate = LXW_VALIDATION_TYPE_INTEGER;
    if (range->second >= kExactDouble) {
      v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      v.value_number = static_cast<double>(range->first);
      message = "Nhập số nguyên từ " + format_int(range->first) + " trở lên.";
    } else {
      v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      v.minimum_number = static_cast<double>(range->first);
      v.maximum_number = static_cast<double>(range->second);
      message = "Nhập số nguyên từ " + format_int(range->first) + " đến " + format_int(range->second) + ".";
    }
  } else {
    return;
  }
  // Excel caps these texts at 32 and 255 characters.
  v.error_title = title.data();
  v.error_message = message.data();
  v.show_error = LXW_VALIDATION_ON;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  check_xlsx(worksheet_data_validation_range(ws, 2, c, kXlsxMaxRows - 1, c, &v), "kiểm tra dữ liệu cột " + std::string(f.name));
}

}  // namespace

std::string record_sheet_name(std::string_view kind, int part) {
  return part <= 1 ? std::string(kind) : std::string(kind) + " (" + std::to_string(part) + ")";
}

std::string field_number_format(const Field& f) {
  switch (f.type) {
    case FieldType::Int:
    case FieldType::Money: return "#,##0";
    case FieldType::Decimal: return f.scale > 0 ? "#,##0." + std::string(static_cast<size_t>(f.scale), '0') : "#,##0";
    case FieldType::Year:
    case FieldType::Bool: return "0";
    case FieldType::Date: return "dd/mm/yyyy";
    default: return {};
  }
}

RecordSheetWriter::RecordSheetWriter(XlsxFile& file, const RecordKind& kind, const DropdownLists& dropdowns,
                                     int64_t rows_per_sheet)
    : file_(file), kind_(kind), dropdowns_(dropdowns), rows_per_sheet_(rows_per_sheet) {
  for (const Field& f : kind.fields) {
    std::string nf = field_number_format(f);
    formats_.push_back(nf.empty() ? nullptr : file.format(nf));
  }
  open_sheet();
}

void RecordSheetWriter::open_sheet() {
  if (sheet_) finish();
  sheet_name_ = record_sheet_name(kind_.name, ++part_);
  sheet_ = file_.add_sheet(sheet_name_);
  rows_in_sheet_ = 0;
  lxw_format* code = file_.format("", false);
  lxw_format* label = file_.format("", true, true);
  // Row by row: in constant-memory mode a row is flushed as soon as the next one is written.
  for (size_t i = 0; i < kind_.fields.size(); ++i) {
    std::string name(kind_.fields[i].name);
    check_xlsx(worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(i), name.c_str(), code), sheet_name_);
  }
  for (size_t i = 0; i < kind_.fields.size(); ++i) {
    const Field& f = kind_.fields[i];
    lxw_col_t c = static_cast<lxw_col_t>(i);
    std::string text = std::string(f.label) + (f.required ? " *" : "");
    check_xlsx(worksheet_write_string(sheet_, 1, c, text.c_str(), label), sheet_name_);
    worksheet_set_column(sheet_, c, c, column_width(f), nullptr);
    add_validation(sheet_, c, f, dropdowns_);
  }
  worksheet_freeze_panes(sheet_, 2, 0);
}

void RecordSheetWriter::write_cell(lxw_row_t r, lxw_col_t c, const Field& f, const Value& v) {
  lxw_format* fmt = formats_[c];
  lxw_error e = LXW_NO_ERROR;
  if (is_null(v)) return;
  if (stored_as_integer(f.type)) {
    int64_t n = as_int(v);
    if (n > kExactDouble || n < -kExactDouble) {
      e = worksheet_write_string(sheet_, r, c, format_field(f, v).c_str(), nullptr);
    } else {
      double d = static_cast<double>(n);
      for (int i = 0; f.type == FieldType::Decimal && i < f.scale; ++i) d /= 10;
      e = worksheet_write_number(sheet_, r, c, d, fmt);
    }
  } else if (f.type == FieldType::Date) {
    std::optional<Date> date = parse_date(as_text(v));
    // Excel's dates start in 1900; an earlier one stays text "dd/mm/yyyy" (the reader accepts it).
    if (date && date->year >= 1900) {
      lxw_datetime dt{date->year, date->month, date->day, 0, 0, 0};
      e = worksheet_write_datetime(sheet_, r, c, &dt, fmt);
    } else if (date) {
      e = worksheet_write_string(sheet_, r, c, (two(date->day) + "/" + two(date->month) + "/" + std::to_string(date->year)).c_str(), nullptr);
    } else {
      e = worksheet_write_string(sheet_, r, c, as_text(v).c_str(), nullptr);
    }
  } else {
    e = worksheet_write_string(sheet_, r, c, as_text(v).c_str(), nullptr);
  }
  if (e == LXW_NO_ERROR) return;
  std::string where = "trang tính " + sheet_name_ + ", hàng " + format_int(r + 1) + ", cột " + column_letters(c) + " (" +
                      std::string(f.name) + ")";
  if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    throw std::runtime_error(where + ": văn bản dài quá 32.767 ký tự, giới hạn của một ô Excel; hãy xuất ra bộ CSV");
  check_xlsx(e, where);
}

void RecordSheetWriter::add(const Row& row) {
  if (rows_in_sheet_ >= rows_per_sheet_) open_sheet();
  lxw_row_t r = static_cast<lxw_row_t>(rows_in_sheet_ + 2);
  for (size_t i = 0; i < kind_.fields.size(); ++i) write_cell(r, static_cast<lxw_col_t>(i), kind_.fields[i], row[i]);
  ++rows_in_sheet_;
  ++rows_;
}

void RecordSheetWriter::finish() {
  check_xlsx(worksheet_autofilter(sheet_, 1, 0, static_cast<lxw_row_t>(rows_in_sheet_ + 1),
                                  static_cast<lxw_col_t>(kind_.fields.size() - 1)),
             sheet_name_);
}

}  // namespace kc

namespace kc {

namespace {

void fill_record_list(XlsxFile& file, const RecordKind& kind, const std::vector<Row>& rows, ProgressSink& progress) {
  static const DropdownLists kNoLists;
  RecordSheetWriter sheet(file, kind, kNoLists);
  for (size_t i = 0; i < rows.size(); ++i) {
    sheet.add(rows[i]);
    progress.set_done(static_cast<int64_t>(i + 1));
  }
  sheet.finish();
}

}  // namespace

std::string record_list_workbook(const RecordKind& kind, const std::vector<Row>& rows) {
  return XlsxFile::to_bytes(true, [&](XlsxFile& file) { fill_record_list(file, kind, rows, no_progress()); });
}

void write_record_list_workbook(const RecordKind& kind, const std::vector<Row>& rows, const std::filesystem::path& target,
                                ProgressSink& progress) {
  XlsxFile file(target, true);
  fill_record_list(file, kind, rows, progress);
  // Closing the workbook compresses its sheet (57 MB of XML for 300.000 establishments): a
  // step of its own, which counts nothing but its time.
  progress.stage("Đang nén sổ tính Excel", "", 0);
  file.commit();
}

}  // namespace kc
