#include "interchange/bundle_docs.h"

#include "interchange/bundle.h"
#include "schema/record_kind.h"

namespace kc {

std::string field_type_text(const Field& f, bool markdown) {
  // Markdown quotes codes with backticks; a spreadsheet cell shows them as they are. The
  // workbook holds dates as date cells shown dd/mm/yyyy and Vietnamese-formatted numbers.
  auto quote = [markdown](std::string_view code) { return markdown ? "`" + std::string(code) + "`" : std::string(code); };
  switch (f.type) {
    case FieldType::Code: return "mã";
    case FieldType::Text: return "văn bản";
    case FieldType::Int: {
      std::string t = "số nguyên";
      if (f.min > 0 || f.max != std::numeric_limits<int64_t>::max())
        t += " " + std::to_string(f.min) + "–" + (f.max == std::numeric_limits<int64_t>::max() ? "" : std::to_string(f.max));
      else if (f.min == 0)
        t += " ≥ 0";
      return t;
    }
    case FieldType::Money: return "tiền (đồng, số nguyên ≥ 0)";
    case FieldType::Decimal:
      return "số thập phân (" + std::to_string(f.scale) + (markdown ? " chữ số sau dấu chấm)" : " chữ số thập phân)");
    case FieldType::Year: return "năm (4 chữ số)";
    case FieldType::Date: return markdown ? "ngày (yyyy-mm-dd)" : "ngày (dd/mm/yyyy)";
    case FieldType::Bool: return markdown ? "1 / 0" : "1 (có) / 0 (không)";
    case FieldType::Enum: {
      std::string t = "một trong:";
      for (const EnumValue& v : f.enum_values) t += " " + quote(v.code) + " (" + std::string(v.label) + "),";
      t.pop_back();
      return t;
    }
    case FieldType::Ref:
      return markdown ? "mã trong `" + std::string(f.ref_kind) + ".csv`" : "mã trong trang tính " + std::string(f.ref_kind);
  }
  return {};
}

std::string bundle_columns_markdown() {
  std::string out =
      "# Bundle columns\n\n"
      "Generated from `src/schema/catalog.cc` by `khuyencong schema`; `tests/docs_test.cc` fails when this file\n"
      "is out of date. Files are listed in import order: a file refers only to files above it, or to itself.\n"
      "The rules of the format are in [bundle.md](bundle.md).\n";
  int n = 0;
  for (const RecordKind& k : catalog()) {
    out += "\n## " + std::to_string(++n) + ". `" + bundle_file_name(k) + "` — " + std::string(k.label) + "\n\n";
    out += std::string(k.description) + "\n\n";
    std::string key;
    for (size_t i : k.key) key += (key.empty() ? "" : ", ") + ("`" + std::string(k.fields[i].name) + "`");
    out += "Khóa (không được trùng): " + key + ".\n\n";
    out += "| cột | bắt buộc | kiểu | ý nghĩa |\n|---|---|---|---|\n";
    for (const Field& f : k.fields)
      out += "| `" + std::string(f.name) + "` | " + (f.required ? "có" : "") + " | " + field_type_text(f) + " | " +
             std::string(f.label) + " |\n";
  }
  return out;
}

}  // namespace kc
