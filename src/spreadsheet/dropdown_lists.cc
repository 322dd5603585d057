#include "spreadsheet/dropdown_lists.h"

#include "schema/record_key.h"
#include "schema/value.h"

namespace kc {

namespace {

// Excel's A, B, … Z, AA… for a 0-based column.
std::string column_letters(int column) {
  std::string s;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

// The field that names a record in a list: "ten" when the kind has it, else its first text field.
int name_field(const RecordKind& k) {
  int i = k.field_index("ten");
  if (i >= 0) return i;
  for (size_t f = 0; f < k.fields.size(); ++f)
    if (k.fields[f].type == FieldType::Text) return static_cast<int>(f);
  return -1;
}

}  // namespace

DropdownLists DropdownLists::collect(Store& store, int64_t small_kind_rows) {
  DropdownLists out;
  for (const RecordKind& k : catalog()) {
    for (const Field& f : k.fields) {
      if (f.type == FieldType::Enum && !out.find(f)) {
        List l;
        l.title = std::string(k.name) + "." + std::string(f.name);
        l.enum_id = f.enum_values.data();
        for (const EnumValue& v : f.enum_values) l.items.emplace_back(v.code, v.label);
        out.lists_.push_back(std::move(l));
      } else if (f.type == FieldType::Ref && !out.find(f)) {
        const RecordKind* target = find_kind(f.ref_kind);
        if (!target || !target->single_key() || store.count(*target) > small_kind_rows) continue;
        List l;
        l.title = std::string(target->name);
        l.ref_kind = target->name;
        int name = name_field(*target);
        store.scan(*target, [&](const Row& row) {
          l.items.emplace_back(record_key_text(*target, row), name >= 0 ? std::string(text_or_empty(row[name])) : "");
        });
        if (!l.items.empty()) out.lists_.push_back(std::move(l));
      }
    }
  }
  return out;
}

const DropdownLists::List* DropdownLists::find(const Field& f) const {
  for (const List& l : lists_) {
    if (f.type == FieldType::Enum && l.enum_id == f.enum_values.data()) return &l;
    if (f.type == FieldType::Ref && !l.ref_kind.empty() && l.ref_kind == f.ref_kind) return &l;
  }
  return nullptr;
}

std::string DropdownLists::source(const Field& f) const {
  const List* l = find(f);
  if (!l) return {};
  std::string col = column_letters(static_cast<int>(2 * (l - lists_.data())));
  return "='" + std::string(kListsSheetName) + "'!$" + col + "$3:$" + col + "$" + std::to_string(l->items.size() + 2);
}

void DropdownLists::write_sheet(XlsxFile& file) const {
  lxw_worksheet* ws = file.add_sheet(std::string(kListsSheetName));
  lxw_format* bold = file.format("", true);
  size_t longest = 0;
  // Row by row: in constant-memory mode a row is flushed as soon as the next one is written.
  for (size_t i = 0; i < lists_.size(); ++i) {
    lxw_col_t c = static_cast<lxw_col_t>(2 * i);
    check_xlsx(worksheet_write_string(ws, 0, c, lists_[i].title.c_str(), bold), std::string(kListsSheetName));
    worksheet_set_column(ws, c, c, 18, nullptr);
    worksheet_set_column(ws, c + 1, c + 1, 30, nullptr);
    longest = std::max(longest, lists_[i].items.size());
  }
  for (size_t i = 0; i < lists_.size(); ++i) {
    lxw_col_t c = static_cast<lxw_col_t>(2 * i);
    check_xlsx(worksheet_write_string(ws, 1, c, "Mã", bold), std::string(kListsSheetName));
    check_xlsx(worksheet_write_string(ws, 1, c + 1, "Ý nghĩa", bold), std::string(kListsSheetName));
  }
  for (size_t r = 0; r < longest; ++r) {
    for (size_t i = 0; i < lists_.size(); ++i) {
      if (r >= lists_[i].items.size()) continue;
      const auto& [code, meaning] = lists_[i].items[r];
      lxw_col_t c = static_cast<lxw_col_t>(2 * i);
      check_xlsx(worksheet_write_string(ws, static_cast<lxw_row_t>(r + 2), c, code.c_str(), nullptr), std::string(kListsSheetName));
      if (!meaning.empty())
        check_xlsx(worksheet_write_string(ws, static_cast<lxw_row_t>(r + 2), c + 1, meaning.c_str(), nullptr), std::string(kListsSheetName));
    }
  }
  worksheet_freeze_panes(ws, 2, 0);
}

}  // namespace kc
