#include "support/workbook_support.h"

#include <xlsxwriter.h>
#include <zip.h>

#include <cmath>
#include <stdexcept>

#include "core/date.h"
#include "schema/record_kind.h"
#include "support/test_support.h"
#include "text/csv.h"
#include "xlsx/cell_ref.h"

namespace kc::test {

std::string zip_bytes(const ZipEntries& entries) {
  TempDir dir;
  std::string path = (dir / "a.zip").string();
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0)
      throw std::runtime_error("zip_file_add failed");
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  return read_file(path);
}

std::string sheet_xml(const std::string& sheet_data) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
         R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>)" +
         sheet_data + "</sheetData></worksheet>";
}

std::string new_content_workbook(const std::string& code, const std::string& valid_from) {
  auto cell = [](const std::string& ref, const std::string& t) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  std::string data = "<row r=\"1\">" + cell("A1", "ma") + cell("B1", "so_thu_tu") + cell("C1", "ten") +
                     cell("D1", "ten_bao_cao") + cell("E1", "can_cu") + cell("F1", "hieu_luc_tu") +
                     cell("G1", "hieu_luc_den") + "</row><row r=\"3\">" + cell("A3", code) +
                     "<c r=\"B3\"><v>99</v></c>" + cell("C3", "Nội dung thử nghiệm") + cell("D3", "Thử nghiệm") +
                     cell("E3", "nd-45-2012") + cell("F3", valid_from) + "</row>";
  return hand_workbook({{"noi_dung", sheet_xml(data)}});
}

ZipEntries hand_workbook_parts(const std::vector<HandSheet>& sheets, const std::string& shared_strings,
                               const std::string& styles, bool date1904) {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  ZipEntries parts;
  parts.emplace_back("[Content_Types].xml",
                     R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)");
  parts.emplace_back("_rels/.rels", R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                                    R"(<Relationship Id="rId1" Type=")" + rel + R"(/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
  std::string wb = R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r=")" + rel + "\">";
  if (date1904) wb += R"(<workbookPr date1904="1"/>)";
  wb += "<sheets>";
  std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    parts.emplace_back("xl/worksheets/sheet" + n + ".xml", sheets[i].xml);
  }
  wb += "</sheets></workbook>";
  if (!shared_strings.empty()) {
    rels += "<Relationship Id=\"rIdS\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    parts.emplace_back("xl/sharedStrings.xml", shared_strings);
  }
  if (!styles.empty()) {
    rels += "<Relationship Id=\"rIdT\" Type=\"" + rel + "/styles\" Target=\"/xl/styles.xml\"/>";
    parts.emplace_back("xl/styles.xml", styles);
  }
  rels += "</Relationships>";
  parts.emplace_back("xl/workbook.xml", wb);
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels);
  return parts;
}

std::string hand_workbook(const std::vector<HandSheet>& sheets, const std::string& shared_strings,
                          const std::string& styles, bool date1904) {
  return zip_bytes(hand_workbook_parts(sheets, shared_strings, styles, date1904));
}

void write_workbook_from_bundle(const std::filesystem::path& bundle_dir, const std::filesystem::path& out,
                                const std::map<std::string, std::string>& text_cells) {
  lxw_workbook* wb = workbook_new(out.string().c_str());
  lxw_format* date_format = workbook_add_format(wb);
  format_set_num_format(date_format, "dd/mm/yyyy");
  lxw_format* number_format = workbook_add_format(wb);
  format_set_num_format(number_format, "#,##0.##");
  for (const RecordKind& kind : catalog()) {
    auto path = bundle_dir / (std::string(kind.name) + ".csv");
    if (!std::filesystem::exists(path)) continue;
    std::string data = read_file(path);
    lxw_worksheet* ws = workbook_add_worksheet(wb, std::string(kind.name).c_str());
    CsvReader reader(data);
    CsvRecord record;
    std::string error;
    size_t error_field = 0;
    std::vector<const Field*> fields;
    lxw_row_t row = 0;
    while (reader.next(record, error, error_field)) {
      if (row == 0) {
        for (size_t c = 0; c < record.fields.size(); ++c) {
          const Field& f = kind.field(record.fields[c]);
          fields.push_back(&f);
          worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), record.fields[c].c_str(), nullptr);
          std::string label = std::string(f.label) + (f.required ? " *" : "");
          worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), label.c_str(), nullptr);
        }
        row = 2;
        continue;
      }
      for (size_t c = 0; c < record.fields.size(); ++c) {
        const std::string& v = record.fields[c];
        auto col = static_cast<lxw_col_t>(c);
        auto text = text_cells.find(std::string(kind.name) + "!" + xlsx::column_letters(static_cast<uint32_t>(c + 1)) +
                                    std::to_string(row + 1));
        if (text != text_cells.end()) {
          worksheet_write_string(ws, row, col, text->second.c_str(), nullptr);
          continue;
        }
        if (v.empty()) continue;
        switch (fields[c]->type) {
          case FieldType::Int:
          case FieldType::Money:
          case FieldType::Year:
          case FieldType::Decimal:
            worksheet_write_number(ws, row, col, std::stod(v), number_format);
            break;
          case FieldType::Date: {
            auto d = parse_date(v);
            lxw_datetime dt = {d->year, d->month, d->day, 0, 0, 0};
            worksheet_write_datetime(ws, row, col, &dt, date_format);
            break;
          }
          case FieldType::Bool:
            worksheet_write_boolean(ws, row, col, v == "1", nullptr);
            break;
          default:
            worksheet_write_string(ws, row, col, v.c_str(), nullptr);
        }
      }
      ++row;
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("workbook_close failed");
}

}  // namespace kc::test
