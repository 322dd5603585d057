#include "interchange/record_index.h"

#include <functional>

#include "store/store.h"

namespace kc {

namespace {

uint32_t hash32(std::string_view s) {
  uint64_t h = std::hash<std::string_view>{}(s);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

uint64_t mix64(uint64_t z) {  // SplitMix64's finaliser
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// A key column's text without a copy when the value is text; integers are formatted into
// `buffer`.
std::string_view key_view(const Field& field, const Value& v, std::string& buffer) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  buffer = key_text(field, v);
  return buffer;
}

}  // namespace

std::string key_text(const Field& field, const Value& v) { return format_field(field, v); }

// Slots for `n` entries at a load factor of at most 3/4: a power of two, at least 64.
size_t slots_for(size_t n) {
  size_t slots = 64;
  while (slots * 3 < n * 4) slots *= 2;
  return slots;
}

// ---- KeyIds

uint32_t RecordIndex::KeyIds::find(std::string_view key) const {
  if (slots_.empty()) return kNone;
  uint32_t h = hash32(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id_plus_one == 0) return kNone;
    if (s.hash == h && text(s.id_plus_one - 1) == key) return s.id_plus_one - 1;
  }
}

std::pair<uint32_t, bool> RecordIndex::KeyIds::insert(std::string_view key) {
  if ((spans_.size() + 1) * 4 > slots_.size() * 3) rehash(slots_for(spans_.size() + 1));
  uint32_t h = hash32(key);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id_plus_one == 0) break;
    if (s.hash == h && text(s.id_plus_one - 1) == key) return {s.id_plus_one - 1, false};
  }
  auto id = static_cast<uint32_t>(spans_.size());
  spans_.emplace_back(static_cast<uint32_t>(texts_.size()), static_cast<uint32_t>(key.size()));
  texts_.append(key);
  slots_[i] = {id + 1, h};
  return {id, true};
}

void RecordIndex::KeyIds::reserve(size_t keys) {
  spans_.reserve(keys);
  if (slots_for(keys) > slots_.size()) rehash(slots_for(keys));
}

void RecordIndex::KeyIds::rehash(size_t slot_count) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(slot_count, Slot{});
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id_plus_one == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

// ---- PackedSet

bool RecordIndex::PackedSet::insert(uint64_t v) {
  if (v == kEmpty) {
    bool inserted = !has_empty_value_;
    has_empty_value_ = true;
    return inserted;
  }
  if ((size_ + 1) * 4 > slots_.size() * 3) rehash(slots_for(size_ + 1));
  size_t mask = slots_.size() - 1;
  for (size_t i = mix64(v) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == v) return false;
    if (slots_[i] == kEmpty) {
      slots_[i] = v;
      ++size_;
      return true;
    }
  }
}

void RecordIndex::PackedSet::reserve(size_t values) {
  if (slots_for(values) > slots_.size()) rehash(slots_for(values));
}

void RecordIndex::PackedSet::rehash(size_t slot_count) {
  std::vector<uint64_t> old;
  old.swap(slots_);
  slots_.assign(slot_count, kEmpty);
  size_t mask = slots_.size() - 1;
  for (uint64_t v : old) {
    if (v == kEmpty) continue;
    size_t i = mix64(v) & mask;
    while (slots_[i] != kEmpty) i = (i + 1) & mask;
    slots_[i] = v;
  }
}

// ---- RecordIndex

RecordIndex::RecordIndex() {
  const auto& kinds = catalog();
  kinds_.resize(kinds.size());
  for (size_t i = 0; i < kinds.size(); ++i) by_name_.emplace(kinds[i].name, i);
  for (size_t i = 0; i < kinds.size(); ++i) {
    kinds_[i].component_ids.resize(kinds[i].key.size());
    for (size_t pos : kinds[i].key) {
      const Field& f = kinds[i].fields[pos];
      auto target = f.type == FieldType::Ref ? by_name_.find(f.ref_kind) : by_name_.end();
      kinds_[i].component_targets.push_back(target == by_name_.end() ? -1 : static_cast<int>(target->second));
    }
  }
}

void RecordIndex::load(Store& store) {
  for (const RecordKind& k : catalog()) store.scan(k, [&](const Row& row) { add(k, row); });
}

const RecordIndex::PerKind* RecordIndex::find_kind(std::string_view kind_name) const {
  auto it = by_name_.find(kind_name);
  return it == by_name_.end() ? nullptr : &kinds_[it->second];
}

size_t RecordIndex::kind_position(const RecordKind& kind) const {
  // The catalogue is one vector, so a kind from it maps to its position directly.
  const auto& kinds = catalog();
  if (&kind >= kinds.data() && &kind < kinds.data() + kinds.size())
    return static_cast<size_t>(&kind - kinds.data());
  return by_name_.at(kind.name);
}

bool RecordIndex::add(const RecordKind& kind, const Row& row) {
  PerKind& per = kinds_[kind_position(kind)];
  std::string buffer;
  if (kind.single_key()) {
    std::string_view key = key_view(kind.fields[kind.key[0]], row[kind.key[0]], buffer);
    auto [id, inserted] = per.ids.insert(key);
    if (inserted && kind.keep_rows_for_rules) {
      if (per.rows.size() <= id) per.rows.resize(id + 1);
      per.rows[id] = row;
    }
    return inserted;
  }
  if (kind.key.size() == 2) {
    // A component that references another kind reuses that kind's id for the key.
    uint64_t packed = 0;
    for (size_t pos = 0; pos < 2; ++pos) {
      const Field& f = kind.fields[kind.key[pos]];
      std::string_view text = key_view(f, row[kind.key[pos]], buffer);
      uint32_t id = kNone;
      if (int target = per.component_targets[pos]; target >= 0)
        id = kinds_[static_cast<size_t>(target)].ids.find(text);
      if (id == kNone)
        id = per.component_ids[pos].insert(text).first | (f.type == FieldType::Ref ? 0x80000000u : 0u);
      packed = (packed << 32) | id;
    }
    return per.packed_keys.insert(packed);
  }
  std::string joined;
  for (size_t pos : kind.key) {
    joined += key_view(kind.fields[pos], row[pos], buffer);
    joined += '\x1f';
  }
  return per.joined_keys.insert(std::move(joined)).second;
}

bool RecordIndex::has_key(std::string_view kind_name, std::string_view key) const {
  const PerKind* per = find_kind(kind_name);
  return per && per->ids.find(key) != kNone;
}

void RecordIndex::reserve(const RecordKind& kind, size_t rows) {
  PerKind& per = kinds_[kind_position(kind)];
  if (kind.single_key())
    per.ids.reserve(per.ids.size() + rows);
  else if (kind.key.size() == 2)
    per.packed_keys.reserve(per.packed_keys.size() + rows);
}

bool RecordIndex::has_key(const RecordKind& kind, std::string_view key) const {
  return kinds_[kind_position(kind)].ids.find(key) != kNone;
}

const Row* RecordIndex::row(std::string_view kind_name, std::string_view key) const {
  const PerKind* per = find_kind(kind_name);
  if (!per) return nullptr;
  uint32_t id = per->ids.find(key);
  return id == kNone || id >= per->rows.size() ? nullptr : &per->rows[id];
}

}  // namespace kc
