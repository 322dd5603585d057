#include "web/picker_index.h"

#include <malloc.h>

#include <algorithm>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "records/record_editing.h"
#include "schema/field_display.h"
#include "schema/record_kind.h"
#include "text/collate.h"
#include "text/normalize.h"

namespace kc::web {

namespace {

std::string folded(const std::string& name, const std::string& code) { return fold_for_search(name + " " + code); }

// "Nghị định về khuyến công": what a legal document is called in a sentence (its number is the detail).
std::string document_name(const LegalDocument& d) { return display_field_value(kind("van_ban").field("loai"), Value{d.type}, "") + " " + d.subject; }

// `index` with its entries in the order `order` gives (positions in `index`).
NameIndex reordered(const NameIndex& index, const std::vector<uint32_t>& order) {
  NameIndex out;
  out.text.reserve(index.text.size());
  out.start.reserve(index.start.size());
  out.unit.reserve(index.unit.size());
  for (uint32_t i : order) {
    out.start.push_back(static_cast<uint32_t>(out.text.size()));
    out.text += index.entry(i);
    out.unit.push_back(index.unit[i]);
  }
  out.start.push_back(static_cast<uint32_t>(out.text.size()));
  return out;
}

template <typename T>
std::vector<T> reordered(const std::vector<T>& values, const std::vector<uint32_t>& order) {
  std::vector<T> out;
  out.reserve(values.size());
  for (uint32_t i : order) out.push_back(values[i]);
  return out;
}

// Reads records of `kind_name` into `index` (folded name, code, unit of its `place` field), and
// `more(row)` for anything else the index keeps of each, then stores them in the Vietnamese order
// of their names (text/collate.h): answers that order (positions as read) so that what `more`
// kept can follow it.
template <typename More>
std::vector<uint32_t> fill_name_index(NameIndex& index, Store& store, std::string_view kind_name, const char* place,
                                      const std::unordered_map<std::string_view, int32_t>& unit_of, More more) {
  const RecordKind& k = kind(kind_name);
  size_t code = static_cast<size_t>(k.field_index("ma")), name = static_cast<size_t>(k.field_index("ten")),
         unit_field = static_cast<size_t>(k.field_index(place));
  std::string names;  // the names as written, only while building
  std::vector<uint32_t> name_start;
  store.scan(k, [&](const Row& r) {
    index.start.push_back(static_cast<uint32_t>(index.text.size()));
    name_start.push_back(static_cast<uint32_t>(names.size()));
    names += text_or_empty(r[name]);
    index.text += fold_for_search(text_or_empty(r[name]));
    index.text += '\x01';
    index.text += text_or_empty(r[code]);
    auto unit = unit_of.find(text_or_empty(r[unit_field]));
    index.unit.push_back(unit == unit_of.end() ? -1 : unit->second);
    more(r);
  });
  index.start.push_back(static_cast<uint32_t>(index.text.size()));
  name_start.push_back(static_cast<uint32_t>(names.size()));
  // Comparing names in place costs what precomputed sort keys cost here, without their ~20 MB
  // (docs/performance.md, "Vietnamese order").
  std::vector<uint32_t> order(index.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  auto name_of = [&](uint32_t i) { return std::string_view(names).substr(name_start[i], name_start[i + 1] - name_start[i]); };
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return compare_vi(name_of(a), name_of(b)) < 0; });
  index = reordered(index, order);
  return order;
}

// Entries offered in the Vietnamese order of their names.
void sort_by_name(std::vector<PickerEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const PickerEntry& a, const PickerEntry& b) { return compare_vi(a.name, b.name) < 0; });
}

void add_reference_data(PickerIndex& index, const Dataset& data, Store& store) {
  for (size_t i = 0; i < data.documents.size(); ++i) {
    const LegalDocument& d = data.documents[i];
    index.documents.push_back({d.code, document_name(d), folded(document_name(d) + " " + d.number + " " + d.issuer, d.code),
                               d.unit, static_cast<int32_t>(i), ""});
  }
  for (size_t i = 0; i < data.plans.size(); ++i) {
    const Plan& p = data.plans[i];
    index.plans.push_back({p.code, p.name, folded(p.name, p.code), p.unit, static_cast<int32_t>(i), ""});
  }
  for (size_t i = 0; i < data.indicators.size(); ++i) {
    const Indicator& x = data.indicators[i];
    index.indicators.push_back({x.code, x.name, folded(x.name, x.code), -1, static_cast<int32_t>(i), ""});
  }
  for (size_t i = 0; i < data.rounds.size(); ++i) {
    const SelectionRound& r = data.rounds[i];
    index.rounds.push_back({r.code, r.name, folded(r.name, r.code), r.unit, static_cast<int32_t>(i), ""});
  }
  // A product's establishment is kept by code (the Dataset keeps only its position), for the scope.
  const RecordKind& pk = kind("san_pham");
  std::unordered_map<std::string, std::string> maker;
  size_t pcode = static_cast<size_t>(pk.field_index("ma")), pmaker = static_cast<size_t>(pk.field_index("co_so"));
  store.scan(pk, [&](const Row& r) { maker[std::string(text_or_empty(r[pcode]))] = std::string(text_or_empty(r[pmaker])); });
  for (size_t i = 0; i < data.products.size(); ++i) {
    const Product& p = data.products[i];
    int32_t unit = p.establishment >= 0 ? data.establishments.unit[static_cast<size_t>(p.establishment)] : -1;
    index.products.push_back({p.code, p.name, folded(p.name, p.code), unit, static_cast<int32_t>(i), maker[p.code]});
  }
  for (auto* entries : {&index.documents, &index.plans, &index.indicators, &index.rounds, &index.products}) sort_by_name(*entries);
}

std::shared_ptr<const PickerIndex> build_index(const Dataset& data, Store& store) {
  auto index = std::make_shared<PickerIndex>();
  for (size_t i = 0; i < data.units.size(); ++i) {
    const Unit& u = data.units[i];
    index->units.push_back({u.code, data.unit_display_name(static_cast<int32_t>(i)), "", static_cast<int32_t>(i), static_cast<int32_t>(i), ""});
    index->units.back().folded = folded(index->units.back().name, u.code);
  }
  for (size_t i = 0; i < data.organisations.size(); ++i) {
    const Organisation& o = data.organisations[i];
    index->organisations.push_back({o.code, o.name, folded(o.name + " " + o.abbreviation, o.code), o.unit, static_cast<int32_t>(i), ""});
  }
  for (size_t i = 0; i < data.contents.size(); ++i) {
    const ContentItem& c = data.contents[i];
    index->contents.push_back({c.code, c.name, folded(c.name, c.code), -1, static_cast<int32_t>(i), ""});
  }
  // Contents by their number, as the plan numbers them; units stay at their Dataset position
  // (unit u is units[u]) and are offered in `unit_order`.
  std::stable_sort(index->contents.begin(), index->contents.end(), [&](const PickerEntry& a, const PickerEntry& b) {
    return data.contents[static_cast<size_t>(a.item)].number < data.contents[static_cast<size_t>(b.item)].number;
  });
  sort_by_name(index->organisations);
  index->unit_order.resize(data.units.size());
  for (size_t i = 0; i < data.units.size(); ++i) index->unit_order[i] = i;
  // Units by their own name ("Bắc Sơn"), not by "huyện"/"xã" before it; namesakes by the full name.
  std::stable_sort(index->unit_order.begin(), index->unit_order.end(), [&](size_t a, size_t b) {
    int by_name = compare_vi(data.units[a].name, data.units[b].name);
    return by_name ? by_name < 0 : compare_vi(index->units[a].name, index->units[b].name) < 0;
  });
  add_reference_data(*index, data, store);
  // Dataset::unit_index looks a code up by scanning the units: fine for one, not for 300.000.
  std::unordered_map<std::string_view, int32_t> unit_of;
  for (size_t i = 0; i < data.units.size(); ++i) unit_of.emplace(data.units[i].code, static_cast<int32_t>(i));
  index->establishments.start.reserve(data.establishments.size() + 1);
  index->establishments.unit.reserve(data.establishments.size());
  fill_name_index(index->establishments, store, "co_so", "dia_ban", unit_of, [](const Row&) {});
  const RecordKind& pk = kind("de_an");
  size_t from = static_cast<size_t>(pk.field_index("nam_bat_dau")), to = static_cast<size_t>(pk.field_index("nam_ket_thuc"));
  ProjectIndex& p = index->projects;
  std::vector<uint32_t> order = fill_name_index(p, store, "de_an", "dia_ban", unit_of, [&](const Row& r) {
    p.from_year.push_back(static_cast<int16_t>(is_null(r[from]) ? 0 : as_int(r[from])));
    p.to_year.push_back(static_cast<int16_t>(is_null(r[to]) ? 0 : as_int(r[to])));
  });
  p.from_year = reordered(p.from_year, order);
  p.to_year = reordered(p.to_year, order);
  return index;
}

// The index of the current Dataset: built by the first picker request after a reload, shared by
// every request on that Dataset.
class IndexCache {
 public:
  std::shared_ptr<const PickerIndex> get(const std::shared_ptr<const Dataset>& data, Store& store) {
    {
      std::shared_lock lock(mutex_);
      if (owner_.lock() == data && index_) return index_;
    }
    std::unique_lock lock(mutex_);
    if (owner_.lock() != data || !index_) {
      index_.reset();
      index_ = build_index(*data, store);
      owner_ = data;
      malloc_trim(0);  // the names read to sort the index, freed, go back to the system
    }
    return index_;
  }

 private:
  std::shared_mutex mutex_;
  std::weak_ptr<const Dataset> owner_;
  std::shared_ptr<const PickerIndex> index_;
};

}  // namespace

std::shared_ptr<const PickerIndex> picker_index(const std::shared_ptr<const Dataset>& data, Store& store) {
  static IndexCache cache;
  return cache.get(data, store);
}

}  // namespace kc::web
