/* The leak that scripts/lsan-suppressions.txt suppresses, with libxlsxwriter alone (no code of
 * ours): a list validation's source formula, copied by worksheet_data_validation_range(), is
 * never freed by libxlsxwriter 1.1.4 (Debian 12). Whole-number validations do not leak.
 *   cc -g -fsanitize=address tests/sanitizers/xlsxwriter_list_validation_leak.c \
 *      $(pkg-config --cflags --libs xlsxwriter) -o /tmp/leak && /tmp/leak /tmp/leak.xlsx
 * reports "10 byte(s) leaked in 1 allocation(s)" from lxw_strdup (the copy of "$A$1:$A$3"). */
#include <string.h>
#include <xlsxwriter.h>

int main(int argc, char** argv) {
  lxw_workbook* workbook = workbook_new(argc > 1 ? argv[1] : "leak.xlsx");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "a");
  lxw_data_validation v;
  memset(&v, 0, sizeof v);
  v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  v.value_formula = "=$A$1:$A$3";
  worksheet_data_validation_range(sheet, 2, 0, 100, 0, &v);
  return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}
