#include "web/pickers.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "records/record_editing.h"
#include "schema/record_kind.h"
#include "store/store.h"
#include "text/collate.h"
#include "text/normalize.h"
#include "web/request_context.h"
#include "web/write_scope.h"

namespace kc::web {

namespace {

struct Entry {
  std::string code, name, folded;  // folded: name and code, lower case without diacritics
  int32_t unit = -1;               // where it is (establishments, organisations) or itself (units)
  int32_t item = -1;               // its index in the Dataset (units, organisations, contents)
};

// Establishments, compactly (300.000 at national scale; the server's memory target is 100 MB):
// one buffer holding, for each, its folded name, '\x01' and its code; names for display are read
// from the store for the few matches shown.
struct EstablishmentIndex {
  std::string text;
  std::vector<uint32_t> start;  // where each entry begins in `text`; one more at the end
  std::vector<int32_t> unit;
  size_t size() const { return unit.size(); }
  std::string_view entry(size_t i) const { return std::string_view(text).substr(start[i], start[i + 1] - start[i]); }
};

// Every pickable record of one Dataset, folded once. Choices are offered in Vietnamese order of
// their names (text/collate.h): establishments are stored in that order; units, organisations and
// contents stand at their Dataset position (chosen() looks them up so), and `*_order` lists them in
// the order offered — contents by their number, as the plan numbers them.
struct PickerIndex {
  EstablishmentIndex establishments;
  std::vector<Entry> units, organisations, contents;
  std::vector<size_t> unit_order, organisation_order, content_order;
};

// 0 … n-1 ordered by `less` (stable).
template <typename Less>
std::vector<size_t> positions_by(size_t n, Less less) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), less);
  return order;
}

std::string folded(const std::string& name, const std::string& code) { return fold_for_search(name + " " + code); }

EstablishmentIndex establishment_index(const Dataset& data, Store& store);

std::shared_ptr<const PickerIndex> build_index(const Dataset& data, Store& store) {
  auto index = std::make_shared<PickerIndex>();
  for (size_t i = 0; i < data.units.size(); ++i) {
    const Unit& u = data.units[i];
    index->units.push_back({u.code, data.unit_display_name(static_cast<int32_t>(i)), "", static_cast<int32_t>(i), static_cast<int32_t>(i)});
    index->units.back().folded = folded(index->units.back().name, u.code);
  }
  for (size_t i = 0; i < data.organisations.size(); ++i) {
    const Organisation& o = data.organisations[i];
    index->organisations.push_back({o.code, o.name, folded(o.name + " " + o.abbreviation, o.code), o.unit, static_cast<int32_t>(i)});
  }
  for (size_t i = 0; i < data.contents.size(); ++i) {
    const ContentItem& c = data.contents[i];
    index->contents.push_back({c.code, c.name, folded(c.name, c.code), -1, static_cast<int32_t>(i)});
  }
  index->content_order = positions_by(data.contents.size(), [&](size_t a, size_t b) { return data.contents[a].number < data.contents[b].number; });
  // Units by their own name ("Bắc Sơn"), not by "huyện"/"xã" before it; namesakes by the full name.
  index->unit_order = positions_by(data.units.size(), [&](size_t a, size_t b) {
    int by_name = compare_vi(data.units[a].name, data.units[b].name);
    return by_name ? by_name < 0 : compare_vi(index->units[a].name, index->units[b].name) < 0;
  });
  index->organisation_order = positions_by(
      data.organisations.size(), [&](size_t a, size_t b) { return compare_vi(data.organisations[a].name, data.organisations[b].name) < 0; });
  index->establishments = establishment_index(data, store);
  return index;
}

// Establishments in the Vietnamese order of their names.
EstablishmentIndex establishment_index(const Dataset& data, Store& store) {
  const RecordKind& k = kind("co_so");
  size_t code = static_cast<size_t>(k.field_index("ma")), name = static_cast<size_t>(k.field_index("ten")),
         place = static_cast<size_t>(k.field_index("dia_ban"));
  // Dataset::unit_index looks a code up by scanning the units: fine for one, not for 300.000.
  std::unordered_map<std::string_view, int32_t> unit_of;
  for (size_t i = 0; i < data.units.size(); ++i) unit_of.emplace(data.units[i].code, static_cast<int32_t>(i));
  // Read in code order, with the names (only while building), then stored in name order.
  EstablishmentIndex scanned;
  std::string names;
  std::vector<uint32_t> name_start;
  scanned.start.reserve(data.establishments.size() + 1);
  scanned.unit.reserve(data.establishments.size());
  name_start.reserve(data.establishments.size() + 1);
  store.scan(k, [&](const Row& r) {
    scanned.start.push_back(static_cast<uint32_t>(scanned.text.size()));
    name_start.push_back(static_cast<uint32_t>(names.size()));
    names += text_or_empty(r[name]);
    scanned.text += fold_for_search(text_or_empty(r[name]));
    scanned.text += '\x01';
    scanned.text += text_or_empty(r[code]);
    auto unit = unit_of.find(text_or_empty(r[place]));
    scanned.unit.push_back(unit == unit_of.end() ? -1 : unit->second);
  });
  scanned.start.push_back(static_cast<uint32_t>(scanned.text.size()));
  name_start.push_back(static_cast<uint32_t>(names.size()));
  // Comparing names in place costs what precomputed sort keys cost here, without their ~20 MB
  // (docs/performance.md, "Vietnamese order").
  std::vector<uint32_t> order(scanned.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  auto name_of = [&](uint32_t i) { return std::string_view(names).substr(name_start[i], name_start[i + 1] - name_start[i]); };
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return compare_vi(name_of(a), name_of(b)) < 0; });
  EstablishmentIndex e;
  e.text.reserve(scanned.text.size());
  e.start.reserve(scanned.start.size());
  e.unit.reserve(scanned.unit.size());
  for (uint32_t i : order) {
    e.start.push_back(static_cast<uint32_t>(e.text.size()));
    e.text += scanned.entry(i);
    e.unit.push_back(scanned.unit[i]);
  }
  e.start.push_back(static_cast<uint32_t>(e.text.size()));
  return e;
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

IndexCache& index_cache() {
  static IndexCache cache;
  return cache;
}

std::vector<std::string> words_of(const std::string& folded_text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded_text + " ") {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

// Whether a record valid over `validity` is valid at some day of the project's years.
bool valid_during(const DateRange& validity, const PickerQuery& q) {
  if (q.from_year == 0) return true;
  return validity.overlaps(Date::first_of_year(q.from_year), Date::last_of_year(q.to_year ? q.to_year : q.from_year));
}

bool allowed(const Entry& e, PickerKind kind, const PickerQuery& q, const WriteScope& scope) {
  const Dataset& data = scope.data();
  switch (kind) {
    case PickerKind::Unit:
      return valid_during(data.units[static_cast<size_t>(e.item)].validity, q) && scope.place_allowed(e.item);
    case PickerKind::Organisation: {
      const Organisation& o = data.organisations[static_cast<size_t>(e.item)];
      DateRange active{o.from.value_or(Date{1, 1, 1}), o.to};
      return valid_during(active, q) && scope.implementer_allowed(e.item);
    }
    case PickerKind::Content:
      return valid_during(data.contents[static_cast<size_t>(e.item)].validity, q);
    case PickerKind::Establishment:
      break;  // not an Entry
  }
  return false;
}

std::string detail_of(const Entry& e, PickerKind kind, const Dataset& data) {
  switch (kind) {
    case PickerKind::Organisation:
      return e.unit >= 0 ? data.unit_display_name(e.unit) : "";
    case PickerKind::Unit: {
      int32_t parent = data.units[static_cast<size_t>(e.item)].parent;
      return parent >= 0 ? data.unit_display_name(parent) : "";
    }
    case PickerKind::Content:
      return "Nội dung " + std::to_string(data.contents[static_cast<size_t>(e.item)].number);
    case PickerKind::Establishment:
      break;
  }
  return "";
}

const std::vector<Entry>& entries_of(const PickerIndex& index, PickerKind kind) {
  switch (kind) {
    case PickerKind::Unit: return index.units;
    case PickerKind::Organisation: return index.organisations;
    default: return index.contents;
  }
}

const std::vector<size_t>& order_of(const PickerIndex& index, PickerKind kind) {
  switch (kind) {
    case PickerKind::Unit: return index.unit_order;
    case PickerKind::Organisation: return index.organisation_order;
    default: return index.content_order;
  }
}

// The matches of `q` among `count` candidates: `text(i)` is candidate i's folded text, `ok(i)`
// whether the caller may choose it. Names that start with what was typed come first, then those
// with a word starting so, then any other match; within each, the index's order.
template <typename Text, typename Ok>
std::vector<size_t> matching(size_t count, const PickerQuery& q, Text text, Ok ok, bool& more) {
  std::string wanted = fold_for_search(q.text);
  std::vector<std::string> words = words_of(wanted);
  std::vector<size_t> starts, word_starts, others;
  size_t matched = 0;
  for (size_t i = 0; i < count; ++i) {
    std::string_view t = text(i);
    bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) { return t.find(w) != std::string_view::npos; });
    if (!all || !ok(i)) continue;
    ++matched;
    if (words.empty() || t.substr(0, wanted.size()) == wanted) {
      if (starts.size() < q.limit) starts.push_back(i);
    } else if (t.find(" " + words.front()) != std::string_view::npos) {
      if (word_starts.size() < q.limit) word_starts.push_back(i);
    } else if (others.size() < q.limit) {
      others.push_back(i);
    }
  }
  std::vector<size_t> out;
  for (const auto* bucket : {&starts, &word_starts, &others})
    for (size_t i : *bucket)
      if (out.size() < q.limit) out.push_back(i);
  more = matched > out.size();
  return out;
}

// matching() over `entries` taken in `order` (the order they are offered); answers positions in `entries`.
template <typename Ok>
std::vector<size_t> matching_entries(const std::vector<Entry>& entries, const std::vector<size_t>& order, const PickerQuery& q,
                                     Ok ok, bool& more) {
  std::vector<size_t> picked = matching(
      order.size(), q, [&](size_t p) { return std::string_view(entries[order[p]].folded); }, [&](size_t p) { return ok(order[p]); },
      more);
  for (size_t& p : picked) p = order[p];
  return picked;
}

std::string_view code_in(std::string_view entry) { return entry.substr(entry.find('\x01') + 1); }

// Names and places of the establishments shown, read from the store in one query.
std::vector<Choice> establishment_choices(const EstablishmentIndex& e, const std::vector<size_t>& picked, const Dataset& data,
                                          Store& store) {
  const RecordKind& k = kind("co_so");
  ListQuery q;
  std::vector<Value> codes;
  for (size_t i : picked) codes.emplace_back(std::string(code_in(e.entry(i))));
  q.any_of.emplace_back(k.key[0], codes);
  q.limit = static_cast<int64_t>(codes.size());
  q.include_archived = true;
  std::map<std::string, std::string> names;
  size_t name = static_cast<size_t>(k.field_index("ten"));
  if (!codes.empty())
    for (const Row& r : store.list(k, q).rows) names[as_text(r[k.key[0]])] = std::string(text_or_empty(r[name]));
  std::vector<Choice> out;
  for (size_t i : picked) {
    std::string code(code_in(e.entry(i)));
    int32_t unit = e.unit[i];
    out.push_back({code, names.count(code) ? names[code] : code, unit >= 0 ? data.unit_display_name(unit) : ""});
  }
  return out;
}

// The 2025 reorganisation: a unit named as typed that ended before the project's years offers
// the units that took it over and are valid then ("kế thừa xã Nam Dương (huyện Lục Ngạn)").
void add_successor_choices(PickerAnswer& answer, const PickerIndex& index, const PickerQuery& q, const WriteScope& scope) {
  const Dataset& data = scope.data();
  const std::vector<Entry>& entries = index.units;
  bool more = false;
  std::vector<size_t> ended = matching_entries(
      entries, index.unit_order, q,
      [&](size_t i) { return !valid_during(data.units[static_cast<size_t>(entries[i].item)].validity, q); }, more);
  for (size_t i : ended) {
    int32_t old = entries[i].item;
    int32_t parent = data.units[static_cast<size_t>(old)].parent;
    std::string detail = "kế thừa " + data.unit_display_name(old) + (parent >= 0 ? " (" + data.unit_display_name(parent) + ")" : "");
    for (int32_t s : data.unit_and_successors(old)) {
      if (s == old || !allowed(entries[static_cast<size_t>(s)], PickerKind::Unit, q, scope)) continue;
      const std::string& code = data.units[static_cast<size_t>(s)].code;  // entries[u] is unit u
      auto it = std::find_if(answer.choices.begin(), answer.choices.end(), [&](const Choice& c) { return c.code == code; });
      if (it != answer.choices.end()) {
        if (it->detail.find(detail) == std::string::npos) it->detail += (it->detail.empty() ? "" : "; ") + detail;
      } else if (answer.choices.size() < q.limit) {
        answer.choices.push_back({code, entries[static_cast<size_t>(s)].name, detail});
      }
    }
  }
}

}  // namespace

std::optional<PickerKind> picker_kind(const std::string& slug) {
  for (PickerKind k : {PickerKind::Establishment, PickerKind::Unit, PickerKind::Organisation, PickerKind::Content})
    if (picker_slug(k) == slug) return k;
  return std::nullopt;
}

std::optional<PickerKind> picker_kind_for(std::string_view ref_kind) {
  if (ref_kind == "co_so") return PickerKind::Establishment;
  if (ref_kind == "don_vi_hanh_chinh") return PickerKind::Unit;
  if (ref_kind == "to_chuc") return PickerKind::Organisation;
  if (ref_kind == "noi_dung") return PickerKind::Content;
  return std::nullopt;
}

std::string picker_slug(PickerKind kind) {
  switch (kind) {
    case PickerKind::Establishment: return "co-so";
    case PickerKind::Unit: return "don-vi-hanh-chinh";
    case PickerKind::Organisation: return "to-chuc";
    case PickerKind::Content: return "noi-dung";
  }
  return "";
}

PickerAnswer find_choices(RequestContext& ctx, const PickerQuery& q) {
  WriteScope scope(ctx);
  std::shared_ptr<const Dataset> data = scope.data_ptr();
  std::shared_ptr<const PickerIndex> index = index_cache().get(data, ctx.read_store());
  PickerAnswer answer;
  if (q.kind == PickerKind::Establishment) {
    const EstablishmentIndex& e = index->establishments;
    std::vector<size_t> picked = matching(
        e.size(), q, [&](size_t i) { return e.entry(i); },
        [&](size_t i) { return scope.beneficiary_allowed(code_in(e.entry(i)), e.unit[i]); }, answer.more);
    answer.choices = establishment_choices(e, picked, *data, ctx.read_store());
    return answer;
  }
  const std::vector<Entry>& entries = entries_of(*index, q.kind);
  std::vector<size_t> picked = matching_entries(
      entries, order_of(*index, q.kind), q, [&](size_t i) { return allowed(entries[i], q.kind, q, scope); }, answer.more);
  for (size_t i : picked) answer.choices.push_back({entries[i].code, entries[i].name, detail_of(entries[i], q.kind, *data)});
  if (q.kind == PickerKind::Unit && !q.text.empty()) add_successor_choices(answer, *index, q, scope);
  return answer;
}

std::optional<Choice> chosen(RequestContext& ctx, PickerKind kind, const std::string& code) {
  if (code.empty()) return std::nullopt;
  WriteScope scope(ctx);
  const Dataset& data = scope.data();
  if (kind == PickerKind::Establishment) {  // one record: read it, not the whole index
    std::optional<Row> row = find_record(ctx.read_store(), kc::kind("co_so"), code);
    if (!row) return std::nullopt;
    const RecordKind& k = kc::kind("co_so");
    int32_t unit = data.unit_index(std::string(text_or_empty((*row)[static_cast<size_t>(k.field_index("dia_ban"))])));
    if (!scope.beneficiary_allowed(code, unit)) return std::nullopt;
    return Choice{code, std::string(text_or_empty((*row)[static_cast<size_t>(k.field_index("ten"))])),
                  unit >= 0 ? data.unit_display_name(unit) : ""};
  }
  // The index's entries of the Dataset's kinds stand at the record's own position.
  int32_t item = kind == PickerKind::Unit           ? data.unit_index(code)
                 : kind == PickerKind::Organisation ? data.organisation_index(code)
                                                    : data.content_index(code);
  if (item < 0) return std::nullopt;
  std::shared_ptr<const PickerIndex> index = index_cache().get(scope.data_ptr(), ctx.read_store());
  const Entry& e = entries_of(*index, kind)[static_cast<size_t>(item)];
  if (!allowed(e, kind, PickerQuery{}, scope)) return std::nullopt;  // any years: it was chosen before
  return Choice{e.code, e.name, detail_of(e, kind, data)};
}

}  // namespace kc::web
