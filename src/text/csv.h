// RFC 4180 CSV as the import bundle uses it: comma-separated, fields with a comma, quote or
// line break are quoted, a quote inside is doubled. A UTF-8 byte order mark at the start is
// skipped and CRLF line ends are accepted, so files saved by spreadsheet programs load; a line
// break inside a quoted field (CRLF, CR or LF) is read as LF.
// The writer emits LF line ends and quotes only where needed: its output is canonical.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

struct CsvRecord {
  size_t line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  // `data` must outlive the reader.
  explicit CsvReader(std::string_view data);

  // Reads the next record into `record`. Returns false at the end of the data.
  // A malformed record sets `error` (Vietnamese, without position) and `error_field`
  // (0-based) and is still returned with what could be read; the reader resynchronises at
  // the next line.
  bool next(CsvRecord& record, std::string& error, size_t& error_field);

 private:
  std::string_view data_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

// Appends `field` to `out`, quoted if it holds a comma, quote or line break, or starts with a
// byte order mark.
void append_csv_field(std::string& out, std::string_view field);

// Appends a whole record and its LF line end (a record of one empty field as "").
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace kc
