#include "spreadsheet/bundle_workbook.h"

#include "interchange/bundle_docs.h"
#include "schema/value.h"

namespace kc {

namespace {

// "Hướng dẫn": how the workbook is laid out, then one line per column of every kind.
void write_notes(XlsxFile& file) {
  lxw_worksheet* ws = file.add_sheet(std::string(kNotesSheetName));
  lxw_format* bold = file.format("", true);
  lxw_format* wrap = file.format("", false, true);
  lxw_row_t r = 0;
  auto line = [&](const std::string& text, lxw_format* f = nullptr) {
    check_xlsx(worksheet_write_string(ws, r++, 0, text.c_str(), f), std::string(kNotesSheetName));
  };
  line("Hướng dẫn nhập dữ liệu khuyến công bằng bảng tính", bold);
  line("Mỗi trang tính mang tên một loại hồ sơ (như tệp CSV cùng tên trong bộ dữ liệu, xem docs/bundle.md).");
  line("Hàng 1: mã cột — không sửa. Hàng 2: tên cột (dấu * là cột bắt buộc). Dữ liệu bắt đầu từ hàng 3.");
  line("Số nhập dạng số (1.234,5); ngày nhập dạng ngày dd/mm/yyyy; cột có danh sách chọn lấy mã từ trang \"" +
       std::string(kListsSheetName) + "\".");
  line("Trang tính quá 1.048.574 dòng dữ liệu được nối tiếp ở trang \"<tên> (2)\", \"<tên> (3)\"…");
  line("Khi nhập, toàn bộ bảng tính được kiểm tra như bộ CSV: có lỗi thì không ghi gì.");
  ++r;
  const char* header[] = {"Trang tính", "Mã cột", "Tên cột", "Kiểu và giá trị cho phép", "Bắt buộc", "Ý nghĩa của loại hồ sơ"};
  for (lxw_col_t c = 0; c < 6; ++c) check_xlsx(worksheet_write_string(ws, r, c, header[c], bold), std::string(kNotesSheetName));
  lxw_row_t header_row = r++;
  for (const RecordKind& k : catalog()) {
    std::string sheet(k.name), description = std::string(k.label) + ": " + std::string(k.description);
    for (size_t i = 0; i < k.fields.size(); ++i) {
      const Field& f = k.fields[i];
      std::string code(f.name), label(f.label), type = field_type_text(f, false);
      check_xlsx(worksheet_write_string(ws, r, 0, sheet.c_str(), nullptr), std::string(kNotesSheetName));
      check_xlsx(worksheet_write_string(ws, r, 1, code.c_str(), nullptr), std::string(kNotesSheetName));
      check_xlsx(worksheet_write_string(ws, r, 2, label.c_str(), nullptr), std::string(kNotesSheetName));
      check_xlsx(worksheet_write_string(ws, r, 3, type.c_str(), wrap), std::string(kNotesSheetName));
      if (f.required) check_xlsx(worksheet_write_string(ws, r, 4, "có", nullptr), std::string(kNotesSheetName));
      if (i == 0) check_xlsx(worksheet_write_string(ws, r, 5, description.c_str(), wrap), std::string(kNotesSheetName));
      ++r;
    }
  }
  check_xlsx(worksheet_autofilter(ws, header_row, 0, r - 1, 5), std::string(kNotesSheetName));
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 1, 22, nullptr);
  worksheet_set_column(ws, 2, 2, 36, nullptr);
  worksheet_set_column(ws, 3, 3, 60, nullptr);
  worksheet_set_column(ws, 4, 4, 9, nullptr);
  worksheet_set_column(ws, 5, 5, 60, nullptr);
}

void fill_workbook(XlsxFile& file, Store& store, const WorkbookExportOptions& options, ExportResult& result) {
  DropdownLists dropdowns = DropdownLists::collect(store);
  ProgressSink& progress = options.progress ? *options.progress : no_progress();
  progress.stage("Đang xuất sổ tính", "dòng", options.template_only ? 0 : bundle_row_count(store));
  for (const RecordKind& k : catalog()) {
    RecordSheetWriter sheet(file, k, dropdowns, options.rows_per_sheet);
    if (!options.template_only)
      store.scan(k, [&](const Row& row) {
        sheet.add(row);
        progress.set_done(result.total_rows + sheet.rows());
      });
    sheet.finish();
    result.rows_by_kind[std::string(k.name)] = sheet.rows();
    result.total_rows += sheet.rows();
  }
  write_notes(file);
  dropdowns.write_sheet(file);
}

}  // namespace

ExportResult export_bundle_workbook(Store& store, const std::filesystem::path& path, const WorkbookExportOptions& options) {
  ExportResult result;
  XlsxFile file(path, /*constant_memory=*/true);
  fill_workbook(file, store, options, result);
  file.commit();  // libxlsxwriter zips the sheets here
  if (options.progress) options.progress->finish();
  return result;
}

std::string bundle_template_bytes(Store& store) {
  ExportResult ignored;
  return XlsxFile::to_bytes(true, [&](XlsxFile& file) { fill_workbook(file, store, {.template_only = true}, ignored); });
}

}  // namespace kc
