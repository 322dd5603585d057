// A problem found in user input: where it is and why it is refused, in Vietnamese.
// Validation reports problems as values and keeps going, so a user sees all of them at once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kc {

struct Problem {
  std::string file;    // bundle file name, e.g. "de_an.csv" (empty for the bundle as a whole)
  size_t line = 0;     // 1-based; 0 when the problem concerns the whole file
  size_t column = 0;   // 1-based column of the file; 0 when not tied to a column
  std::string field;   // column name, when known
  std::string message;
  // `file` names a worksheet of a workbook: printed "trang tính de_an", the column as Excel
  // letters ("cột AB").
  bool sheet = false;
};

// "de_an.csv, dòng 12, cột 9 (kinh_phi_nsnn): số tiền không được âm; gặp \"-5\""
// "trang tính de_an, dòng 12, cột I (kinh_phi_nsnn): …" for a worksheet.
std::string format_problem(const Problem& p);

}  // namespace kc
