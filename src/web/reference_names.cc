#include "web/reference_names.h"

#include "records/record_editing.h"
#include "web/record_view.h"
#include "web/reorganisation.h"

namespace kc::web {

namespace {

// The field that names a record of `kind`, or "" when it has none.
std::string_view name_field(const RecordKind& kind) {
  for (std::string_view candidate : {"ten", "ho_ten", "so_hieu"})
    if (kind.field_index(candidate) >= 0) return candidate;
  return "";
}

// The name of the item at `index` of one of the Dataset's small kinds; "" for -1 (not there).
template <typename Item>
std::string name_at(const std::vector<Item>& items, int32_t index) {
  return index < 0 ? "" : items[static_cast<size_t>(index)].name;
}

}  // namespace

std::string record_name(const RecordKind& kind, const Row& row, const std::string& fallback) {
  std::string_view field = name_field(kind);
  std::string name = field.empty() ? "" : std::string(text_or_empty(row[static_cast<size_t>(kind.field_index(field))]));
  return name.empty() ? fallback : name;
}

std::string ReferenceNames::name_of(std::string_view kind_name, const std::string& code) {
  if (kind_name == "don_vi_hanh_chinh") {
    int32_t u = data_.unit_index(code);
    return u < 0 ? "" : data_.unit_display_name(u);
  }
  if (kind_name == "noi_dung") return name_at(data_.contents, data_.content_index(code));
  if (kind_name == "to_chuc") return name_at(data_.organisations, data_.organisation_index(code));
  if (kind_name == "chi_tieu") return name_at(data_.indicators, data_.indicator_index(code));
  if (kind_name == "ke_hoach") return name_at(data_.plans, data_.plan_index(code));
  auto key = std::make_pair(std::string(kind_name), code);
  if (auto it = known_.find(key); it != known_.end()) return it->second;
  const RecordKind* k = find_kind(kind_name);
  std::string name;
  if (k && k->single_key() && !name_field(*k).empty())
    if (std::optional<Row> row = find_record(store_, *k, code)) name = record_name(*k, *row, "");
  known_.emplace(std::move(key), name);
  return name;
}

Data ReferenceNames::cell(const Field& field, const Value& value, bool link) {
  Data d;
  std::string name = field.type == FieldType::Ref && !is_null(value) ? name_of(field.ref_kind, as_text(value)) : "";
  if (name.empty()) {
    d.set("value", display_value(field, value, data_));
  } else {
    // A unit that ended shows the name of its time with what took it over (history pages).
    if (field.ref_kind == "don_vi_hanh_chinh") name += successor_suffix(data_, data_.unit_index(as_text(value)));
    d.set("value", name);
    d.set("ref_code", as_text(value));
  }
  if (link)
    if (std::string href = reference_link(field, value); !href.empty()) d.set("href", href);
  return d;
}

}  // namespace kc::web
