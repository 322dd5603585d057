// See table_writer.h.
#include "gen/table_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>

#include "schema/value.h"
#include "text/csv.h"

namespace kcbench {

namespace {

constexpr size_t kFlushBytes = 8u << 20;

[[noreturn]] void die(const std::string& message) {
  std::cerr << "gen_national: " << message << "\n";
  std::exit(3);
}

int64_t to_int(const std::string& s) {
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

TableWriter::TableWriter(const std::filesystem::path& dir, std::string_view kind_name, Order order)
    : kind_(kc::kind(kind_name)), order_(order), path_(dir / (std::string(kind_name) + ".csv")) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_) die("cannot write " + path_.string());
  buffer_.reserve(kFlushBytes + (1u << 16));
  cells_.resize(kind_.fields.size());
  for (size_t i = 0; i < kind_.fields.size(); ++i) cells_[i] = kind_.fields[i].name;
  kc::append_csv_record(buffer_, cells_);
}

TableWriter::~TableWriter() {
  if (!closed_) close();
}

TableWriter& TableWriter::text(std::string_view s) {
  if (cell_count_ >= cells_.size()) die(std::string(kind_.name) + ": too many cells in a row");
  cells_[cell_count_++].assign(s);
  return *this;
}

TableWriter& TableWriter::num(int64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  return text(std::string_view(buf, static_cast<size_t>(end - buf)));
}

TableWriter& TableWriter::date(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return text(buf);
}

TableWriter& TableWriter::decimal(int64_t scaled, int scale) {
  int64_t unit = 1;
  for (int i = 0; i < scale; ++i) unit *= 10;
  std::string frac = std::to_string(scaled % unit);
  frac.insert(0, static_cast<size_t>(scale) - frac.size(), '0');
  return text(std::to_string(scaled / unit) + "." + frac);
}

bool TableWriter::key_less(const std::vector<std::string>& a, const std::vector<std::string>& b) const {
  for (size_t pos : kind_.key) {
    const std::string& x = a[pos];
    const std::string& y = b[pos];
    if (kc::stored_as_integer(kind_.fields[pos].type)) {
      int64_t u = to_int(x), v = to_int(y);
      if (u != v) return u < v;
    } else if (int c = x.compare(y); c != 0) {
      return c < 0;
    }
  }
  return false;
}

void TableWriter::end_row() {
  if (cell_count_ != cells_.size())
    die(std::string(kind_.name) + ": a row has " + std::to_string(cell_count_) + " cells, expected " +
        std::to_string(cells_.size()));
  cell_count_ = 0;
  ++rows_;
  if (order_ == Order::Sorted) {
    collected_.push_back(cells_);
    return;
  }
  if (rows_ > 1 && !key_less(previous_, cells_)) {
    std::string key;
    for (size_t pos : kind_.key) key += cells_[pos] + " ";
    die(std::string(kind_.name) + ": row out of key order or duplicate key: " + key);
  }
  write_row(cells_);
  previous_.swap(cells_);
  cells_.resize(kind_.fields.size());
}

void TableWriter::write_row(const std::vector<std::string>& cells) {
  kc::append_csv_record(buffer_, cells);
  if (buffer_.size() >= kFlushBytes) flush();
}

void TableWriter::flush() {
  if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
    die("write failed: " + path_.string());
  buffer_.clear();
}

int64_t TableWriter::close() {
  if (closed_) return rows_;
  closed_ = true;
  if (cell_count_ != 0) die(std::string(kind_.name) + ": unfinished row at close");
  if (order_ == Order::Sorted) {
    std::sort(collected_.begin(), collected_.end(),
              [&](const auto& a, const auto& b) { return key_less(a, b); });
    for (size_t i = 0; i < collected_.size(); ++i) {
      if (i > 0 && !key_less(collected_[i - 1], collected_[i]))
        die(std::string(kind_.name) + ": duplicate key " + collected_[i][kind_.key[0]]);
      write_row(collected_[i]);
    }
    collected_.clear();
  }
  flush();
  if (std::fclose(file_) != 0) die("cannot close " + path_.string());
  file_ = nullptr;
  return rows_;
}

}  // namespace kcbench
