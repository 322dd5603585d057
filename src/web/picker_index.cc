#include "web/picker_index.h"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "records/record_editing.h"
#include "schema/field_display.h"
#include "schema/record_kind.h"
#include "text/normalize.h"

namespace kc::web {

namespace {

std::string folded(const std::string& name, const std::string& code) { return fold_for_search(name + " " + code); }

// "Nghị định về khuyến công": what a legal document is called in a sentence (its number is the detail).
std::string document_name(const LegalDocument& d) { return display_field_value(kind("van_ban").field("loai"), Value{d.type}, "") + " " + d.subject; }

// Reads records of `kind_name` into `index` (folded name, code, unit of its `place` field), and
// `more(row)` for anything else the index keeps of each.
template <typename More>
void fill_name_index(NameIndex& index, Store& store, std::string_view kind_name, const char* place,
                     const std::unordered_map<std::string_view, int32_t>& unit_of, More more) {
  const RecordKind& k = kind(kind_name);
  size_t code = static_cast<size_t>(k.field_index("ma")), name = static_cast<size_t>(k.field_index("ten")),
         unit_field = static_cast<size_t>(k.field_index(place));
  store.scan(k, [&](const Row& r) {
    index.start.push_back(static_cast<uint32_t>(index.text.size()));
    index.text += fold_for_search(text_or_empty(r[name]));
    index.text += '\x01';
    index.text += text_or_empty(r[code]);
    auto unit = unit_of.find(text_or_empty(r[unit_field]));
    index.unit.push_back(unit == unit_of.end() ? -1 : unit->second);
    more(r);
  });
  index.start.push_back(static_cast<uint32_t>(index.text.size()));
  index.text.shrink_to_fit();
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
  fill_name_index(p, store, "de_an", "dia_ban", unit_of, [&](const Row& r) {
    p.from_year.push_back(static_cast<int16_t>(is_null(r[from]) ? 0 : as_int(r[from])));
    p.to_year.push_back(static_cast<int16_t>(is_null(r[to]) ? 0 : as_int(r[to])));
  });
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
