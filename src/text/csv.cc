#include "text/csv.h"

namespace kc {

CsvReader::CsvReader(std::string_view data) : data_(data) {
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::next(CsvRecord& record, std::string& error, size_t& error_field) {
  error.clear();
  error_field = 0;
  record.fields.clear();
  // Skip blank lines between records.
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= data_.size()) return false;
  record.line = line_;

  auto at_line_end = [&](size_t p) { return p >= data_.size() || data_[p] == '\n' || data_[p] == '\r'; };
  auto finish_line = [&] {
    // Consume the line end of this record (CRLF, LF or CR).
    if (pos_ < data_.size() && data_[pos_] == '\r') ++pos_;
    if (pos_ < data_.size() && data_[pos_] == '\n') ++pos_;
    ++line_;
  };
  auto fail = [&](const char* message) {
    if (error.empty()) {
      error = message;
      error_field = record.fields.size() - 1;
    }
  };

  while (true) {
    record.fields.emplace_back();
    std::string& field = record.fields.back();
    if (pos_ < data_.size() && data_[pos_] == '"') {
      ++pos_;
      size_t start_line = line_;
      bool closed = false;
      while (pos_ < data_.size()) {
        char c = data_[pos_];
        if (c == '"') {
          if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
            field += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        if (c == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') {
          ++pos_;  // CRLF inside a quoted field is stored as LF
          continue;
        }
        if (c == '\n') ++line_;
        field += c;
        ++pos_;
      }
      if (!closed) {
        line_ = start_line;
        fail("trường trong dấu ngoặc kép không được đóng đến hết tệp");
        return true;
      }
      if (!at_line_end(pos_) && data_[pos_] != ',') {
        fail("có ký tự ngay sau dấu ngoặc kép đóng (thiếu dấu phẩy?)");
        while (!at_line_end(pos_)) ++pos_;
      }
    } else {
      size_t start = pos_;
      while (!at_line_end(pos_) && data_[pos_] != ',') {
        if (data_[pos_] == '"') fail("dấu ngoặc kép giữa trường không có ngoặc kép bao quanh");
        ++pos_;
      }
      field.assign(data_.substr(start, pos_ - start));
    }
    if (pos_ < data_.size() && data_[pos_] == ',') {
      ++pos_;
      continue;
    }
    finish_line();
    return true;
  }
}

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    append_csv_field(out, fields[i]);
  }
  out += '\n';
}

}  // namespace kc
