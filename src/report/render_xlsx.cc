#include "report/render_xlsx.h"

#include "core/vn_format.h"
#include "report/phase_report_sheets.h"

namespace kc {

namespace {

constexpr lxw_row_t kHeaderRow = 2;  // row 0: caption, row 1: blank, row 2: header, data below

std::string column_letters(int column) {
  std::string s;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

// "='Phụ lục 1'!$B$4:$B$12" (1-based Excel rows from 0-based ones).
std::string range(const std::string& sheet, int col1, lxw_row_t row1, int col2, lxw_row_t row2) {
  return "='" + sheet + "'!$" + column_letters(col1) + "$" + std::to_string(row1 + 1) + ":$" + column_letters(col2) + "$" +
         std::to_string(row2 + 1);
}

void write_info(XlsxFile& file, const PhaseReport& r) {
  lxw_worksheet* ws = file.add_sheet("Thông tin");
  lxw_format* bold = file.format("", true);
  lxw_row_t row = 0;
  auto text = [&](const std::string& label, const std::string& value) {
    check_xlsx(worksheet_write_string(ws, row, 0, label.c_str(), bold), "Thông tin");
    check_xlsx(worksheet_write_string(ws, row++, 1, value.c_str(), nullptr), "Thông tin");
  };
  auto number = [&](const std::string& label, double value, const char* format) {
    check_xlsx(worksheet_write_string(ws, row, 0, label.c_str(), bold), "Thông tin");
    check_xlsx(worksheet_write_number(ws, row++, 1, value, file.format(format)), "Thông tin");
  };
  text("Báo cáo", "Kết quả hoạt động khuyến công giai đoạn " + std::to_string(r.from_year) + "–" + std::to_string(r.to_year));
  text("Kế hoạch", r.plan_code + " — " + r.plan_name);
  text("Địa bàn", r.area_name);
  text("Cơ quan báo cáo", r.agency_name);
  number("Số đề án", static_cast<double>(r.total.projects), "#,##0");
  number("Kinh phí ngân sách nhà nước (triệu đồng)", static_cast<double>(r.total.budget) / 1e6, "#,##0.0");
  number("Kinh phí đối ứng (triệu đồng)", static_cast<double>(r.total.counterpart) / 1e6, "#,##0.0");
  ++row;
  text("Ghi chú", "Số liệu tính từ hồ sơ tại thời điểm lập; các phụ lục ở các trang tính tiếp theo.");
  worksheet_set_column(ws, 0, 0, 42, nullptr);
  worksheet_set_column(ws, 1, 1, 70, nullptr);
}

// A total cell is written as =SUM(…) of the rows above when the rows add up to it exactly, with
// the computed value cached so that readers which never recalculate show the right figure.
bool total_is_sum(const SheetTable& t, size_t col) {
  const SheetCell& total = t.rows.back()[col];
  if (!total.exact || t.summed_rows == 0) return false;
  int64_t sum = 0;
  for (int i = 0; i < t.summed_rows; ++i) {
    const SheetCell& c = t.rows[static_cast<size_t>(i)][col];
    if (!c.exact) return false;
    sum += *c.exact;
  }
  return sum == *total.exact;
}

void add_chart(XlsxFile& file, lxw_worksheet* ws, const SheetTable& t, const SheetChart& spec, int index) {
  const std::string& s = t.sheet_name;
  lxw_row_t first = kHeaderRow + 1, last = kHeaderRow + static_cast<lxw_row_t>(t.summed_rows);
  uint8_t type = spec.type == SheetChart::Type::Pie      ? LXW_CHART_PIE
                 : spec.type == SheetChart::Type::Column ? (spec.stacked ? LXW_CHART_COLUMN_STACKED : LXW_CHART_COLUMN)
                                                         : (spec.stacked ? LXW_CHART_BAR_STACKED : LXW_CHART_BAR);
  lxw_chart* chart = workbook_add_chart(file.workbook(), type);
  chart_title_set_name(chart, spec.title.c_str());
  if (spec.type == SheetChart::Type::Pie) {
    lxw_row_t total = kHeaderRow + static_cast<lxw_row_t>(t.rows.size());
    std::string cats = range(s, spec.columns.front(), kHeaderRow, spec.columns.back(), kHeaderRow);
    std::string vals = range(s, spec.columns.front(), total, spec.columns.back(), total);
    lxw_chart_series* series = chart_add_series(chart, cats.c_str(), vals.c_str());
    chart_series_set_labels(series);
    chart_series_set_labels_percentage(series);
  } else {
    for (int col : spec.columns) {
      std::string cats = range(s, 0, first, 0, last), vals = range(s, col, first, col, last);
      lxw_chart_series* series = chart_add_series(chart, cats.c_str(), vals.c_str());
      std::string name = range(s, col, kHeaderRow, col, kHeaderRow);
      name = name.substr(0, name.find(':'));  // a single cell
      chart_series_set_name(series, name.c_str());
    }
    // Bars list categories bottom-up by default; reversed they read in the table's order.
    if (spec.type == SheetChart::Type::Bar) chart_axis_set_reverse(chart->y_axis);
    if (spec.columns.size() == 1) chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    else chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  }
  lxw_chart_options options{};
  options.x_scale = 1.6;
  options.y_scale = 1.4;
  options.description = const_cast<char*>(spec.title.c_str());
  lxw_col_t col = static_cast<lxw_col_t>(t.header.size() + 1);
  check_xlsx(worksheet_insert_chart_opt(ws, kHeaderRow + static_cast<lxw_row_t>(22 * index), col, chart, &options),
             "biểu đồ " + spec.title);
}

}  // namespace

void write_sheet_table(XlsxFile& file, const SheetTable& t) {
  lxw_worksheet* ws = file.add_sheet(t.sheet_name);
  const std::string& s = t.sheet_name;
  check_xlsx(worksheet_write_string(ws, 0, 0, t.caption.c_str(), file.format("", true)), s);
  lxw_format* header = file.format("", true, true);
  for (size_t c = 0; c < t.header.size(); ++c) {
    check_xlsx(worksheet_write_string(ws, kHeaderRow, static_cast<lxw_col_t>(c), t.header[c].c_str(), header), s);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), t.numeric[c] ? 15 : (c == 0 ? 48 : 24), nullptr);
  }
  for (size_t i = 0; i < t.rows.size(); ++i) {
    bool bold = t.last_row_is_total && i + 1 == t.rows.size();
    lxw_row_t row = kHeaderRow + 1 + static_cast<lxw_row_t>(i);
    for (size_t c = 0; c < t.rows[i].size(); ++c) {
      const SheetCell& cell = t.rows[i][c];
      lxw_col_t col = static_cast<lxw_col_t>(c);
      if (!cell.number) {
        check_xlsx(worksheet_write_string(ws, row, col, cell.text.c_str(), file.format("", bold, !t.numeric[c])), s);
      } else if (bold && total_is_sum(t, c)) {
        std::string letters = column_letters(static_cast<int>(c));
        std::string formula = "=SUM(" + letters + std::to_string(kHeaderRow + 2) + ":" + letters +
                              std::to_string(kHeaderRow + 1 + t.summed_rows) + ")";
        check_xlsx(worksheet_write_formula_num(ws, row, col, formula.c_str(), file.format(cell.num_format, bold), *cell.number), s);
      } else {
        check_xlsx(worksheet_write_number(ws, row, col, *cell.number, file.format(cell.num_format, bold)), s);
      }
    }
  }
  worksheet_freeze_panes(ws, kHeaderRow + 1, 1);
  for (size_t i = 0; i < t.charts.size(); ++i) add_chart(file, ws, t, t.charts[i], static_cast<int>(i));
}

void fill_phase_workbook(XlsxFile& file, const PhaseReport& report) {
  write_info(file, report);
  for (const SheetTable& t : phase_sheet_tables(report)) write_sheet_table(file, t);
}

}  // namespace kc
