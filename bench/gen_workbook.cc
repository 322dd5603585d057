// Writes a workbook of `rows` establishments (co_so) for the workbook import benchmark
// (bench/xlsx_import_benchmark.sh), and the same rows as a CSV bundle folder: the rows repeat
// the demo's establishments (data/demo/co_so.csv) under new codes, so they are valid on a
// database holding the demo. Years and labour counts are numeric cells, the rest text, with the
// contract's two header rows (codes, labels).
//
//   gen_workbook <demo co_so.csv> <rows> <out.xlsx> <out csv folder>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "schema/record_kind.h"
#include "text/csv.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: gen_workbook <demo co_so.csv> <rows> <out.xlsx> <out csv folder>\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string data = buffer.str();
  kc::CsvReader reader(data);
  kc::CsvRecord record;
  std::string error;
  size_t error_field = 0;
  std::vector<std::vector<std::string>> demo;
  std::vector<std::string> header;
  while (reader.next(record, error, error_field)) {
    if (header.empty()) header = record.fields;
    else demo.push_back(record.fields);
  }
  long rows = std::stol(argv[2]);
  const kc::RecordKind& kind = kc::kind("co_so");

  // Constant memory: rows are written as they come, strings inline (not shared).
  lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = nullptr, .use_zip64 = LXW_FALSE};
  lxw_workbook* wb = workbook_new_opt(argv[3], &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "co_so");
  std::filesystem::create_directories(argv[4]);
  std::ofstream csv(std::filesystem::path(argv[4]) / "co_so.csv", std::ios::binary);
  std::string line;
  kc::append_csv_record(line, header);
  csv << line;
  // Constant memory writes a row once the next one starts: row 1 whole, then row 2.
  for (size_t c = 0; c < header.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(), nullptr);
  for (size_t c = 0; c < header.size(); ++c) {
    const kc::Field& f = kind.field(header[c]);
    std::string label = std::string(f.label) + (f.required ? " *" : "");
    worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), label.c_str(), nullptr);
  }
  for (long r = 0; r < rows; ++r) {
    std::vector<std::string> fields = demo[static_cast<size_t>(r) % demo.size()];
    char code[32];
    std::snprintf(code, sizeof code, "bench-%07ld", r + 1);
    fields[0] = code;
    fields[1] += " " + std::to_string(r + 1);
    line.clear();
    kc::append_csv_record(line, fields);
    csv << line;
    auto row = static_cast<lxw_row_t>(r + 2);
    for (size_t c = 0; c < fields.size(); ++c) {
      if (fields[c].empty()) continue;
      kc::FieldType t = kind.field(header[c]).type;
      auto col = static_cast<lxw_col_t>(c);
      if (t == kc::FieldType::Year || t == kc::FieldType::Int)
        worksheet_write_number(ws, row, col, std::stod(fields[c]), nullptr);
      else
        worksheet_write_string(ws, row, col, fields[c].c_str(), nullptr);
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) {
    std::cerr << "could not write " << argv[3] << "\n";
    return 1;
  }
  std::cout << "wrote " << rows << " rows to " << argv[3] << " and " << argv[4] << "/co_so.csv\n";
  return 0;
}
