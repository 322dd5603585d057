#include "web/reference_names.h"

#include "records/record_editing.h"
#include "web/record_view.h"

namespace kc::web {

namespace {

// The field that names a record of `kind`, or "" when it has none.
std::string_view name_field(const RecordKind& kind) {
  for (std::string_view candidate : {"ten", "ho_ten", "so_hieu"})
    if (kind.field_index(candidate) >= 0) return candidate;
  return "";
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
  if (kind_name == "noi_dung") {
    int32_t i = data_.content_index(code);
    return i < 0 ? "" : data_.contents[static_cast<size_t>(i)].name;
  }
  if (kind_name == "to_chuc") {
    int32_t i = data_.organisation_index(code);
    return i < 0 ? "" : data_.organisations[static_cast<size_t>(i)].name;
  }
  if (kind_name == "chi_tieu") {
    int32_t i = data_.indicator_index(code);
    return i < 0 ? "" : data_.indicators[static_cast<size_t>(i)].name;
  }
  if (kind_name == "ke_hoach") {
    int32_t i = data_.plan_index(code);
    return i < 0 ? "" : data_.plans[static_cast<size_t>(i)].name;
  }
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
    d.set("value", name);
    d.set("ref_code", as_text(value));
  }
  if (link)
    if (std::string href = reference_link(field, value); !href.empty()) d.set("href", href);
  return d;
}

}  // namespace kc::web
