#include "model/dataset_update.h"

#include <algorithm>
#include <set>
#include <utility>

#include "model/dataset_parts.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace kc {

namespace {

std::optional<Row> find_by_key(Store& store, const RecordKind& k, const std::string& key) {
  Row row(k.fields.size());
  row[k.key[0]] = Value{key};
  return store.find(k, row);
}

// The rows of `kind_name` that belong to one project, in key order (its outputs, beneficiaries).
std::vector<Row> children(Store& store, const RecordKind& k, const std::string& project) {
  ListQuery q;
  q.equals.emplace_back(static_cast<size_t>(k.field_index("de_an")), Value{project});
  q.limit = 10'000'000;
  q.known_total = 0;  // no count query
  return store.list(k, q).rows;
}

template <typename T>
void insert_at(Column<T>& column, size_t i, T value) {
  std::vector<T>& v = column.mut();
  v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), std::move(value));
}

template <typename T>
void erase_at(Column<T>& column, size_t i) {
  std::vector<T>& v = column.mut();
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
}

// A position other parts refer to was added (`added`) or removed at `at`: references at or past
// it move by one, those to a removed entry become -1 (as a load finds no such code). A column
// none of whose references move is not copied.
int32_t moved(int32_t ref, int32_t at, bool added) {
  if (ref < at) return ref;
  if (added) return ref + 1;
  return ref == at ? -1 : ref - 1;
}

void shift(Column<int32_t>& refs, int32_t at, bool added) {
  const std::vector<int32_t>& now = refs;
  if (std::none_of(now.begin(), now.end(), [&](int32_t r) { return r >= at; })) return;
  for (int32_t& r : refs.mut()) r = moved(r, at, added);
}

template <typename T>
void shift(Column<T>& items, int32_t T::*ref, int32_t at, bool added) {
  const std::vector<T>& now = items;
  if (std::none_of(now.begin(), now.end(), [&](const T& item) { return item.*ref >= at; })) return;
  for (T& item : items.mut()) item.*ref = moved(item.*ref, at, added);
}

void shift_project_refs(Dataset& d, int32_t at, bool added) {
  shift(d.outputs.project, at, added);
  shift(d.beneficiaries.project, at, added);
  shift(d.amendments, &ApprovedAmendment::project, at, added);
  shift(d.fairs, &Fair::project, at, added);
  shift(d.clusters, &Cluster::project, at, added);
}

void shift_establishment_refs(Dataset& d, int32_t at, bool added) {
  shift(d.beneficiaries.establishment, at, added);
  shift(d.products, &Product::establishment, at, added);
}

void insert_project(Projects& p, size_t at, const Row& row, const Codes& codes) {
  Projects one;
  append_project(one, row, codes);
  insert_at(p.code, at, one.code[0]);
  p.names.insert(at, one.names[0]);
  insert_at(p.content, at, one.content[0]);
  insert_at(p.level, at, one.level[0]);
  insert_at(p.status, at, one.status[0]);
  insert_at(p.year_from, at, one.year_from[0]);
  insert_at(p.year_to, at, one.year_to[0]);
  insert_at(p.unit, at, one.unit[0]);
  insert_at(p.budget, at, one.budget[0]);
  insert_at(p.counterpart, at, one.counterpart[0]);
  insert_at(p.approved_on, at, one.approved_on[0]);
  insert_at(p.accepted_on, at, one.accepted_on[0]);
  insert_at(p.settled_on, at, one.settled_on[0]);
}

void erase_project(Projects& p, size_t at) {
  erase_at(p.code, at);
  p.names.erase(at);
  erase_at(p.content, at);
  erase_at(p.level, at);
  erase_at(p.status, at);
  erase_at(p.year_from, at);
  erase_at(p.year_to, at);
  erase_at(p.unit, at);
  erase_at(p.budget, at);
  erase_at(p.counterpart, at);
  erase_at(p.approved_on, at);
  erase_at(p.accepted_on, at);
  erase_at(p.settled_on, at);
}

// Where one project's entries lie in a column of project positions kept in key order (by the
// project's code, so by position): [first, last). Empty at the place they would go.
std::pair<size_t, size_t> range_of(const std::vector<int32_t>& projects, int32_t at) {
  size_t first = 0;
  while (first < projects.size() && (projects[first] < at || projects[first] < 0)) ++first;
  size_t last = first;
  while (last < projects.size() && projects[last] == at) ++last;
  return {first, last};
}

// Replaces [first, last) of each column with `values` (one vector per column), copying the
// columns only when something differs.
template <typename... T>
void replace_range(std::pair<size_t, size_t> range, std::pair<Column<T>*, std::vector<T>>... columns) {
  auto [first, last] = range;
  auto same = [&](auto& c) {
    const auto& now = std::as_const(*c.first).get();
    return last - first == c.second.size() && std::equal(c.second.begin(), c.second.end(), now.begin() + static_cast<std::ptrdiff_t>(first));
  };
  if ((same(columns) && ...)) return;
  auto replace = [&](auto& c) {
    auto& v = c.first->mut();
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(first), v.begin() + static_cast<std::ptrdiff_t>(last));
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(first), c.second.begin(), c.second.end());
  };
  (replace(columns), ...);
}

void update_outputs(Dataset& d, Store& store, const std::string& code, int32_t at, const Codes& codes) {
  const RecordKind& k = kind("de_an_ket_qua");
  size_t indicator = static_cast<size_t>(k.field_index("chi_tieu")), value = static_cast<size_t>(k.field_index("gia_tri"));
  std::vector<int32_t> projects;
  std::vector<int16_t> indicators;
  std::vector<int64_t> values;
  for (const Row& r : children(store, k, code)) {
    projects.push_back(at);
    indicators.push_back(static_cast<int16_t>(codes.indicator(text_or_empty(r[indicator]))));
    values.push_back(is_null(r[value]) ? 0 : as_int(r[value]));
  }
  Outputs& o = d.outputs;
  replace_range(range_of(o.project, at), std::pair{&o.project, std::move(projects)},
                std::pair{&o.indicator, std::move(indicators)}, std::pair{&o.value, std::move(values)});
}

void update_beneficiaries(Dataset& d, Store& store, const std::string& code, int32_t at) {
  const RecordKind& k = kind("de_an_co_so");
  size_t establishment = static_cast<size_t>(k.field_index("co_so"));
  std::vector<int32_t> projects, establishments;
  for (const Row& r : children(store, k, code)) {
    projects.push_back(at);
    establishments.push_back(static_cast<int32_t>(d.establishments.code.find_sorted(text_or_empty(r[establishment]))));
  }
  Beneficiaries& b = d.beneficiaries;
  replace_range(range_of(b.project, at), std::pair{&b.project, std::move(projects)},
                std::pair{&b.establishment, std::move(establishments)});
}

// One project read again: its row, then what belongs to it.
void update_project(Dataset& d, Store& store, const std::string& code, const Codes& codes) {
  Projects& p = d.projects;
  std::optional<Row> row = find_by_key(store, kind("de_an"), code);
  const std::vector<std::string>& codes_now = p.code;
  size_t at = static_cast<size_t>(std::lower_bound(codes_now.begin(), codes_now.end(), code) - codes_now.begin());
  bool present = at < p.size() && codes_now[at] == code;
  int32_t position = static_cast<int32_t>(at);
  if (row && !present) {
    insert_project(p, at, *row, codes);
    shift_project_refs(d, position, true);
  }
  if (!row && !present) return;
  // What belongs to it, as the store has it (for a removed project: normally nothing).
  update_outputs(d, store, code, position, codes);
  update_beneficiaries(d, store, code, position);
  if (row) {
    set_project(p, at, *row, codes);
    if (int32_t day = settlement_day(store, code); std::as_const(p.settled_on)[at] != day) p.settled_on[at] = day;
  } else {
    erase_project(p, at);
    shift_project_refs(d, position, false);
  }
}

// One establishment read again.
void update_establishment(Dataset& d, Store& store, const std::string& code, const Codes& codes) {
  Establishments& e = d.establishments;
  std::optional<Row> row = find_by_key(store, kind("co_so"), code);
  size_t at = e.code.lower_bound(code);
  bool present = at < e.size() && e.code[at] == code;
  int32_t position = static_cast<int32_t>(at);
  if (row && present) {
    if (int32_t unit = establishment_unit(*row, codes); std::as_const(e.unit)[at] != unit) e.unit[at] = unit;
  } else if (row) {
    e.code.insert(at, code);
    insert_at(e.unit, at, establishment_unit(*row, codes));
    shift_establishment_refs(d, position, true);
  } else if (present) {
    e.code.erase(at);
    erase_at(e.unit, at);
    shift_establishment_refs(d, position, false);
  }
}

const PartInfo* part_reading(const std::string& kind_name) {
  for (const PartInfo& part : dataset_parts())
    if (std::find(part.kinds.begin(), part.kinds.end(), kind_name) != part.kinds.end()) return &part;
  return nullptr;
}

// The parts to read again for `changes`, with every part that refers to one of them.
std::set<Part> parts_to_reload(const std::vector<RecordChange>& changes) {
  std::set<Part> parts;
  for (const RecordChange& c : changes) {
    bool alone = (c.kind == "de_an" || c.kind == "co_so") && !c.key.empty();
    if (const PartInfo* part = part_reading(c.kind); part && !alone) parts.insert(part->part);
  }
  for (const PartInfo& part : dataset_parts())  // in order: each after those it refers to
    for (Part referred : part.refers_to)
      if (parts.count(referred)) parts.insert(part.part);
  return parts;
}

bool refers_to_any(const std::set<Part>& parts, Part referred) {
  for (const PartInfo& part : dataset_parts())
    if (parts.count(part.part) && std::count(part.refers_to.begin(), part.refers_to.end(), referred)) return true;
  return false;
}

}  // namespace

std::optional<Dataset> updated_dataset(const Dataset& base, Store& store, const std::vector<RecordChange>& changes) {
  for (const RecordChange& c : changes)
    if (c.kind.empty()) return std::nullopt;
  std::set<Part> parts = parts_to_reload(changes);
  if (parts.count(Part::units)) return std::nullopt;  // every part refers to the units
  if (base.establishments.code.size() != base.establishments.size() || base.projects.names.size() != base.projects.size())
    return std::nullopt;  // a Dataset not loaded from a store
  Dataset d = base;  // shares every column
  Codes codes(d);
  for (Part p : {Part::units, Part::contents, Part::indicators}) codes.index(p);
  for (const RecordChange& c : changes) {
    if (c.key.empty()) continue;
    if (c.kind == "co_so" && !parts.count(Part::establishments)) update_establishment(d, store, c.key, codes);
  }
  for (const RecordChange& c : changes) {
    if (c.key.empty()) continue;
    if (c.kind == "de_an" && !parts.count(Part::projects)) update_project(d, store, c.key, codes);
  }
  bool projects_changed = std::any_of(changes.begin(), changes.end(), [](const RecordChange& c) { return c.kind == "de_an"; });
  if (projects_changed) parts.insert(Part::amendments);  // few rows; an approval also changes its project
  for (const PartInfo& part : dataset_parts()) {
    if (parts.count(part.part)) part.load(store, d, codes);
    if (refers_to_any(parts, part.part)) codes.index(part.part);
  }
  return d;
}

}  // namespace kc
