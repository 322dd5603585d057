#include "interchange/record_index.h"

#include "store/store.h"

namespace kc {

std::string key_text(const Field& field, const Value& v) { return format_field(field, v); }

RecordIndex::RecordIndex() {
  for (const RecordKind& k : catalog()) {
    PerKind& per = kinds_[k.name];
    per.component_ids.resize(k.key.size());
  }
}

void RecordIndex::load(Store& store) {
  for (const RecordKind& k : catalog()) store.scan(k, [&](const Row& row) { add(k, row); });
}

uint32_t RecordIndex::component_id(PerKind& k, size_t position, const std::string& text) {
  auto& ids = k.component_ids[position];
  auto [it, inserted] = ids.try_emplace(text, static_cast<uint32_t>(ids.size()));
  return it->second;
}

bool RecordIndex::add(const RecordKind& kind, const Row& row) {
  PerKind& per = kinds_.at(kind.name);
  if (kind.single_key()) {
    std::string key = key_text(kind.fields[kind.key[0]], row[kind.key[0]]);
    auto [it, inserted] = per.ids.try_emplace(key, static_cast<uint32_t>(per.ids.size()));
    if (inserted && kind.keep_rows_for_rules) per.rows.emplace(std::move(key), row);
    return inserted;
  }
  if (kind.key.size() == 2) {
    // A component that references another kind reuses that kind's id for the key.
    uint64_t packed = 0;
    for (size_t pos = 0; pos < 2; ++pos) {
      const Field& f = kind.fields[kind.key[pos]];
      std::string text = key_text(f, row[kind.key[pos]]);
      uint32_t id;
      auto& target = f.type == FieldType::Ref ? kinds_.at(f.ref_kind).ids : per.component_ids[pos];
      if (auto it = target.find(text); it != target.end() && f.type == FieldType::Ref)
        id = it->second;
      else
        id = component_id(per, pos, text) | (f.type == FieldType::Ref ? 0x80000000u : 0u);
      packed = (packed << 32) | id;
    }
    return per.packed_keys.insert(packed).second;
  }
  std::string joined;
  for (size_t pos : kind.key) {
    joined += key_text(kind.fields[pos], row[pos]);
    joined += '\x1f';
  }
  return per.joined_keys.insert(std::move(joined)).second;
}

bool RecordIndex::has_key(std::string_view kind_name, std::string_view key) const {
  auto it = kinds_.find(kind_name);
  return it != kinds_.end() && it->second.ids.find(key) != it->second.ids.end();
}

const Row* RecordIndex::row(std::string_view kind_name, std::string_view key) const {
  auto it = kinds_.find(kind_name);
  if (it == kinds_.end()) return nullptr;
  auto r = it->second.rows.find(key);
  return r == it->second.rows.end() ? nullptr : &r->second;
}

}  // namespace kc
