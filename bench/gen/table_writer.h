// Writes one record kind of an import bundle (<kind>.csv) in the canonical form that
// `khuyencong export` produces: the catalogue's columns in order, rows ordered by the kind's
// key (text in byte order, numbers by value), RFC 4180 quoting only where needed, LF line
// ends. Cells are given already in canonical text (dates yyyy-mm-dd, Decimal with exactly
// `scale` decimals, Bool 1/0, NFC text).
//
// Streamed tables must be fed in key order (checked: the generator aborts on a row out of
// order or a duplicate key); sorted tables are collected and sorted when closed, for the
// small kinds whose natural generation order is not the key order.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "schema/record_kind.h"

namespace kcbench {

class TableWriter {
 public:
  enum class Order { Streamed, Sorted };

  TableWriter(const std::filesystem::path& dir, std::string_view kind_name, Order order);
  ~TableWriter();
  TableWriter(const TableWriter&) = delete;
  TableWriter& operator=(const TableWriter&) = delete;

  // Cells of the current row, in the kind's field order.
  TableWriter& text(std::string_view s);
  TableWriter& num(int64_t n);
  TableWriter& null() { return text({}); }
  TableWriter& date(int year, int month, int day);
  TableWriter& decimal(int64_t scaled, int scale);  // 7850, 2 -> "78.50"
  TableWriter& boolean(bool b) { return num(b ? 1 : 0); }
  void end_row();

  // Sorts (Sorted tables), writes what is left and closes the file. Returns the row count.
  int64_t close();
  int64_t rows() const { return rows_; }
  std::string_view name() const { return kind_.name; }

 private:
  bool key_less(const std::vector<std::string>& a, const std::vector<std::string>& b) const;
  void write_row(const std::vector<std::string>& cells);
  void flush();

  const kc::RecordKind& kind_;
  Order order_;
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  std::vector<std::string> cells_;
  size_t cell_count_ = 0;
  std::vector<std::string> previous_;  // Streamed: the last row's cells, for the order check
  std::vector<std::vector<std::string>> collected_;  // Sorted
  int64_t rows_ = 0;
  bool closed_ = false;
};

}  // namespace kcbench
