#include "text/csv.h"

#include <array>

namespace kc {

CsvReader::CsvReader(std::string_view data) : data_(data) {
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

namespace {

// Bytes that end an unquoted field or are refused inside one.
constexpr auto kUnquotedStop = [] {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(',')] = t[static_cast<unsigned char>('\n')] = true;
  t[static_cast<unsigned char>('\r')] = t[static_cast<unsigned char>('"')] = true;
  return t;
}();

// Bytes a quoted field cannot copy as they are.
constexpr auto kQuotedStop = [] {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>('"')] = t[static_cast<unsigned char>('\n')] = true;
  t[static_cast<unsigned char>('\r')] = true;
  return t;
}();

}  // namespace

bool CsvReader::next(CsvRecord& record, std::string& error, size_t& error_field) {
  error.clear();
  error_field = 0;
  const char* d = data_.data();
  const size_t n = data_.size();
  // The position lives in a local while scanning: a char pointer may alias the member, which
  // would make the compiler store it back on every byte.
  size_t pos = pos_;
  // Skip blank lines between records.
  while (pos < n && (d[pos] == '\n' || d[pos] == '\r')) {
    if (d[pos] == '\n') ++line_;
    ++pos;
  }
  if (pos >= n) {
    pos_ = pos;
    record.fields.clear();
    return false;
  }
  record.line = line_;

  // The record's strings are reused from one record to the next (no allocation per field
  // once they have grown); `count` is how many belong to this record.
  size_t count = 0;
  auto at_line_end = [&](size_t p) { return p >= n || d[p] == '\n' || d[p] == '\r'; };
  auto fail = [&](const char* message) {
    if (error.empty()) {
      error = message;
      error_field = count - 1;
    }
  };

  while (true) {
    if (count == record.fields.size()) record.fields.emplace_back();
    std::string& field = record.fields[count++];
    field.clear();
    if (pos < n && d[pos] == '"') {
      ++pos;
      size_t start_line = line_;
      bool closed = false;
      while (pos < n) {
        size_t run = pos;
        while (run < n && !kQuotedStop[static_cast<unsigned char>(d[run])]) ++run;
        field.append(d + pos, run - pos);
        pos = run;
        if (pos >= n) break;
        char c = d[pos];
        if (c == '"') {
          if (pos + 1 < n && d[pos + 1] == '"') {
            field += '"';
            pos += 2;
            continue;
          }
          ++pos;
          closed = true;
          break;
        }
        if (c == '\r' && pos + 1 < n && d[pos + 1] == '\n') {
          ++pos;  // CRLF inside a quoted field is stored as LF
          continue;
        }
        if (c == '\n') ++line_;
        // A lone CR is stored as LF too: a field never holds CR, so "\r\r\n" cannot become a
        // stored CRLF that the next read would shorten (found by fuzz/csv_fuzzer.cc).
        field += '\n';
        ++pos;
      }
      if (!closed) {
        line_ = start_line;
        fail("trường trong dấu ngoặc kép không được đóng đến hết tệp");
        record.fields.resize(count);
        pos_ = pos;
        return true;
      }
      if (!at_line_end(pos) && d[pos] != ',') {
        fail("có ký tự ngay sau dấu ngoặc kép đóng (thiếu dấu phẩy?)");
        while (!at_line_end(pos)) ++pos;
      }
    } else {
      size_t start = pos;
      while (true) {
        while (pos < n && !kUnquotedStop[static_cast<unsigned char>(d[pos])]) ++pos;
        if (pos < n && d[pos] == '"') {
          fail("dấu ngoặc kép giữa trường không có ngoặc kép bao quanh");
          ++pos;
          continue;
        }
        break;
      }
      field.assign(d + start, pos - start);
    }
    if (pos < n && d[pos] == ',') {
      ++pos;
      continue;
    }
    // Consume the line end of this record (CRLF, LF or CR).
    if (pos < n && d[pos] == '\r') ++pos;
    if (pos < n && d[pos] == '\n') ++pos;
    ++line_;
    record.fields.resize(count);
    pos_ = pos;
    return true;
  }
}

void append_csv_field(std::string& out, std::string_view field) {
  // A field starting with a byte order mark is quoted too: at the start of a file the reader
  // would skip the mark (found by fuzz/csv_fuzzer.cc).
  if (field.find_first_of(",\"\n\r") == std::string_view::npos && !field.starts_with("\xEF\xBB\xBF")) {
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
  // One empty field is written "" : an empty line would be read as no record at all
  // (found by fuzz/csv_fuzzer.cc).
  if (fields.size() == 1 && fields[0].empty()) {
    out += "\"\"\n";
    return;
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    append_csv_field(out, fields[i]);
  }
  out += '\n';
}

}  // namespace kc
