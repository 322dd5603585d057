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
std::string name_at(const Column<Item>& items, int32_t index) {
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
  prefetch(kind_name, {code});
  return known_[key];
}

void ReferenceNames::prefetch(std::string_view kind_name, const std::vector<std::string>& codes) {
  for (std::string_view in_dataset : {"don_vi_hanh_chinh", "noi_dung", "to_chuc", "chi_tieu", "ke_hoach"})
    if (kind_name == in_dataset) return;  // name_of reads these from the Dataset
  const RecordKind* k = find_kind(kind_name);
  std::vector<Value> wanted;
  for (const std::string& code : codes)
    if (!known_.count({std::string(kind_name), code})) {
      known_[{std::string(kind_name), code}] = "";  // unless read below: no such record, or no name
      wanted.emplace_back(code);
    }
  if (!k || !k->single_key() || name_field(*k).empty() || wanted.empty()) return;
  ListQuery q;
  q.limit = static_cast<int64_t>(wanted.size());
  q.include_archived = true;
  q.any_of.emplace_back(k->key[0], std::move(wanted));
  for (const Row& row : store_.list(*k, q).rows)
    known_[{std::string(kind_name), as_text(row[k->key[0]])}] = record_name(*k, row, "");
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
