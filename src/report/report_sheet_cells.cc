#include "report/report_sheet_cells.h"

#include "core/vn_format.h"
#include "text/normalize.h"

namespace kc {

SheetCell cell_text(std::string t) { return {upper_first_vi(t), std::nullopt, {}, std::nullopt}; }

SheetCell cell_money(int64_t dong) { return {format_million_dong(dong), static_cast<double>(dong) / 1e6, "#,##0.0", dong}; }

SheetCell cell_count(int64_t n) { return {format_int(n), static_cast<double>(n), "#,##0", n}; }

SheetCell cell_plain(int64_t n) { return {std::to_string(n), static_cast<double>(n), "0", std::nullopt}; }

SheetCell cell_percent(int64_t numerator, int64_t denominator, int decimals) {
  if (denominator <= 0) return cell_text("–");
  return {format_ratio_percent(numerator, denominator, decimals),
          100.0 * static_cast<double>(numerator) / static_cast<double>(denominator),
          decimals > 0 ? "#,##0." + std::string(static_cast<size_t>(decimals), '0') : "#,##0", std::nullopt};
}

void add_level_cells(std::vector<SheetCell>& row, const std::array<Totals, kFundingLevels>& by_level) {
  Totals total;
  for (const Totals& t : by_level) {
    row.push_back(cell_count(t.projects));
    row.push_back(cell_money(t.budget));
    total.add(t);
  }
  row.push_back(cell_count(total.projects));
  row.push_back(cell_money(total.budget));
}

const std::vector<std::string> kLevelHeader = {"Đề án QG", "Kinh phí QG", "Đề án tỉnh", "Kinh phí tỉnh",
                                               "Đề án huyện", "Kinh phí huyện", "Tổng số đề án", "Tổng kinh phí"};

std::string sheet_name_of(const std::string& caption) { return caption.substr(0, caption.find('.')); }

doc::Table document_table(SheetTable s) {
  doc::Table t;
  t.caption = std::move(s.caption);
  t.header = std::move(s.header);
  t.numeric = std::move(s.numeric);
  t.last_row_is_total = s.last_row_is_total;
  for (auto& row : s.rows) {
    std::vector<std::string> cells;
    for (SheetCell& c : row) cells.push_back(std::move(c.text));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

}  // namespace kc
