#include "support/list_rows.h"

#include <cmath>

#include "core/date.h"
#include "schema/value.h"
#include "text/csv.h"

namespace kc::test {

std::string canonical(const Field& f, const InspectedCell& c) {
  if (!c.exists) return "";
  if (c.type == "inlineStr" || c.type == "s" || c.type == "str") {
    if (f.type == FieldType::Date) {  // dates before 1900 are text dd/mm/yyyy
      std::optional<Date> d = parse_date(c.value);
      return d ? to_iso(*d) : c.value;
    }
    return c.value;
  }
  double v = std::stod(c.value);
  if (f.type == FieldType::Date) {
    return iso_of_excel_serial(std::llround(v));
  }
  double scaled = v;
  for (int i = 0; f.type == FieldType::Decimal && i < f.scale; ++i) scaled *= 10;
  return format_field(f, Value(static_cast<int64_t>(std::llround(scaled))));
}

std::vector<std::vector<std::string>> csv_rows(const std::string& body) {
  std::vector<std::vector<std::string>> out;
  CsvReader reader(body);  // skips the byte order mark
  CsvRecord record;
  std::string error;
  size_t field = 0;
  while (reader.next(record, error, field)) out.push_back(record.fields);
  return out;
}

std::vector<std::vector<std::string>> xlsx_rows(const std::string& body, const RecordKind& k) {
  InspectedWorkbook wb(body);
  std::string sheet(k.name);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> header;
  for (const auto& c : wb.row(sheet, 1)) header.push_back(c.value);
  out.push_back(header);
  for (int r = 3; r <= wb.last_row(sheet); ++r) {
    std::vector<InspectedCell> cells = wb.row(sheet, r);
    cells.resize(k.fields.size());
    std::vector<std::string> row;
    for (size_t i = 0; i < k.fields.size(); ++i) row.push_back(canonical(k.fields[i], cells[i]));
    out.push_back(row);
  }
  return out;
}

}  // namespace kc::test
