// How the dossier's pages read: values for people, the audit trail's changes, HTML and CSV.
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/vn_format.h"
#include "projects/dossier_parts.h"
#include "records/record_editing.h"
#include "schema/field_display.h"
#include "report/render_text.h"
#include "store/store.h"
#include "text/csv.h"
#include "text/normalize.h"

namespace kc::dossier {

std::optional<Row> RecordText::row_of(const std::string& kind_name, const std::string& code) {
  auto key = std::make_pair(kind_name, code);
  auto it = rows_.find(key);
  if (it != rows_.end()) return it->second;
  std::optional<Row> row = find_record(store_, kind(kind_name), code);
  rows_.emplace(key, row);
  return row;
}

std::string RecordText::name_of(const std::string& kind_name, const std::string& code) {
  std::optional<Row> row = row_of(kind_name, code);
  if (!row) return {};
  const RecordKind& k = kind(kind_name);
  for (const char* name : {"ten", "ho_ten", "so_hieu"}) {
    int i = k.field_index(name);
    if (i >= 0) return std::string(text_or_empty((*row)[static_cast<size_t>(i)]));
  }
  return {};
}

std::string RecordText::value(const Field& f, const Value& v) {
  if (f.type == FieldType::Ref && !is_null(v)) {
    std::string name = name_of(std::string(f.ref_kind), as_text(v));
    return name.empty() ? as_text(v) : as_text(v) + " — " + name;
  }
  return display_field_value(f, v, "đồng");
}

std::string RecordText::field(const RecordKind& k, const Row& row, std::string_view name) {
  return value(k.field(name), row[static_cast<size_t>(k.field_index(name))]);
}

const RecordKind* any_kind(const std::string& name) {
  for (const RecordKind* k : all_kinds())
    if (k->name == name) return k;
  return nullptr;
}

std::string vn_time(const std::string& utc) {
  std::optional<Date> day = utc.size() >= 10 ? parse_date(utc.substr(0, 10)) : std::nullopt;
  if (!day) return utc;
  return to_vn(*day) + (utc.size() >= 19 ? " " + utc.substr(11, 8) : "");
}

std::string action_label(const std::string& action) {
  static const std::map<std::string, std::string> labels = {
      {"tao", "tạo"},
      {"sua", "sửa"},
      {"xoa", "xóa"},
      {"chuyen_trang_thai", "chuyển bước"},
      {"dinh_kem", "đính kèm tài liệu"},
      {"de_nghi_dieu_chinh", "đề nghị điều chỉnh"},
      {"dieu_chinh", "điều chỉnh theo phê duyệt"},
      {"duyet_dieu_chinh", "phê duyệt điều chỉnh"},
      {"tu_choi_dieu_chinh", "không phê duyệt điều chỉnh"},
      {"luu_tru", "lưu trữ"},
      {"bo_luu_tru", "bỏ lưu trữ"},
      {"tai_ho_so", "tải hồ sơ"},
  };
  auto it = labels.find(action);
  return it == labels.end() ? action : it->second;
}

std::string audit_change(const std::string& kind_name, const std::string& before, const std::string& after) {
  const RecordKind* k = any_kind(kind_name);
  auto parse = [](const std::string& s) {
    nlohmann::ordered_json j = s.empty() ? nlohmann::ordered_json::object() : nlohmann::ordered_json::parse(s, nullptr, false);
    return j.is_object() ? j : nlohmann::ordered_json::object();
  };
  nlohmann::ordered_json b = parse(before), a = parse(after);
  auto text = [](const nlohmann::ordered_json& j, const std::string& key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  auto label = [&](const std::string& name) {
    int i = k ? k->field_index(name) : -1;
    return i >= 0 ? std::string(k->fields[static_cast<size_t>(i)].label) : name;
  };
  std::vector<std::string> keys;
  for (auto& [key, value] : a.items()) keys.push_back(key);
  for (auto& [key, value] : b.items())
    if (!a.contains(key)) keys.push_back(key);
  std::string out;
  for (const std::string& key : keys) {
    std::string was = text(b, key), now = text(a, key);
    if (was == now) continue;
    std::string change;
    if (before.empty()) change = now;  // created: the values it was created with
    else if (after.empty()) change = was + " → (xóa)";
    else change = (was.empty() ? "(trống)" : was) + " → " + (now.empty() ? "(trống)" : now);
    out += (out.empty() ? "" : "; ") + label(key) + ": " + change;
  }
  return out;
}

std::string page_start(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) +
         "</title>\n<style>body{font-family:'Times New Roman',serif;margin:2em;max-width:75em;line-height:1.4}"
         "table{border-collapse:collapse;width:100%;margin-bottom:1em}th,td{border:1px solid #888;padding:.25em .5em;"
         "text-align:left;vertical-align:top}th{background:#eee}</style></head><body>\n<h1>" +
         html_escape(title) + "</h1>\n";
}

std::string page_end() { return "</body></html>\n"; }

std::string heading(const std::string& text) { return "<h2>" + html_escape(text) + "</h2>\n"; }

std::string paragraph(const std::string& text) { return "<p>" + html_escape(text) + "</p>\n"; }

std::string table(const std::vector<std::string>& header, const std::vector<std::vector<Cell>>& rows,
                  const std::string& empty) {
  if (rows.empty()) return paragraph(empty);
  std::string out = "<table><thead><tr>";
  for (const std::string& h : header) out += "<th scope=\"col\">" + html_escape(h) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (const std::vector<Cell>& row : rows) {
    out += "<tr>";
    for (const Cell& c : row) {
      out += "<td>";
      if (c.href.empty()) out += html_escape(c.text);
      else out += "<a href=\"" + html_escape(c.href) + "\">" + html_escape(c.text) + "</a>";
      out += "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string record_table(RecordText& text, const RecordKind& k, const Row& row) {
  std::string out = "<table><tbody>\n";
  for (size_t i = 0; i < k.fields.size(); ++i) {
    out += "<tr><th scope=\"row\">" + html_escape(upper_first_vi(k.fields[i].label)) + "</th><td>" +
           html_escape(text.value(k.fields[i], row[i])) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string csv_of(const RecordKind& k, const std::vector<Row>& rows, const std::vector<std::string>& extra,
                   const std::vector<std::vector<std::string>>& extra_values) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> header;
  for (const Field& f : k.fields) header.emplace_back(f.name);
  header.insert(header.end(), extra.begin(), extra.end());
  append_csv_record(out, header);
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> fields;
    for (size_t i = 0; i < k.fields.size(); ++i) fields.push_back(format_field(k.fields[i], rows[r][i]));
    if (r < extra_values.size()) fields.insert(fields.end(), extra_values[r].begin(), extra_values[r].end());
    append_csv_record(out, fields);
  }
  return out;
}

std::vector<Row> rows_where(Store& store, const std::string& kind_name, const std::string& field, const std::string& value,
                            const std::string& sort) {
  const RecordKind& k = kind(kind_name);
  ListQuery q;
  q.equals = {{static_cast<size_t>(k.field_index(field)), Value{value}}};
  if (!sort.empty()) q.sort_field = static_cast<size_t>(k.field_index(sort));
  q.include_archived = true;
  q.limit = 1'000'000;
  q.known_total = 0;  // the rows are wanted, not their count: no second query
  return store.list(k, q).rows;
}

}  // namespace kc::dossier
