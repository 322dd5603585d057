#include "web/pickers.h"

#include <algorithm>
#include <map>
#include <memory>

#include "records/record_editing.h"
#include "schema/field_display.h"
#include "schema/record_kind.h"
#include "store/store.h"
#include "text/normalize.h"
#include "web/picker_index.h"
#include "web/reference_names.h"
#include "web/request_context.h"
#include "web/write_scope.h"

namespace kc::web {

namespace {

std::string years_text(int from, int to) {
  return from == to ? "năm " + std::to_string(from) : std::to_string(from) + "–" + std::to_string(to);
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

// Whether records of the years [from, to] belong to the project's years.
bool years_during(int from, int to, const PickerQuery& q) {
  return q.from_year == 0 || (from <= (q.to_year ? q.to_year : q.from_year) && to >= q.from_year);
}

bool allowed(const PickerEntry& e, PickerKind kind, const PickerQuery& q, const WriteScope& scope) {
  const Dataset& data = scope.data();
  size_t item = static_cast<size_t>(e.item);
  switch (kind) {
    case PickerKind::Unit:
      return valid_during(data.units[item].validity, q) && scope.place_allowed(e.item);
    case PickerKind::Organisation: {
      const Organisation& o = data.organisations[item];
      DateRange active{o.from.value_or(Date{1, 1, 1}), o.to};
      return valid_during(active, q) && scope.implementer_allowed(e.item);
    }
    case PickerKind::Content:
      return valid_during(data.contents[item].validity, q);
    case PickerKind::Document:  // a project cites what was issued by the end of its years
      return q.from_year == 0 || data.documents[item].issued <= Date::last_of_year(q.to_year ? q.to_year : q.from_year);
    case PickerKind::Plan:
      return years_during(data.plans[item].from_year, data.plans[item].to_year, q);
    case PickerKind::Round:
      return years_during(data.rounds[item].year, data.rounds[item].year, q);
    case PickerKind::Indicator:
      return true;
    case PickerKind::Product:  // named by whoever may name its establishment
      return scope.beneficiary_allowed(e.owner, e.unit);
    case PickerKind::Establishment:
    case PickerKind::Project:
      break;  // not a PickerEntry
  }
  return false;
}

// The small line beside a choice that tells namesakes apart ("số 45/2012/NĐ-CP, 21/5/2012").
// Products' establishments are named by entry_choices, which reads their names.
std::string detail_of(const PickerEntry& e, PickerKind kind, const Dataset& data) {
  size_t item = static_cast<size_t>(e.item);
  switch (kind) {
    case PickerKind::Organisation:
      return e.unit >= 0 ? data.unit_display_name(e.unit) : "";
    case PickerKind::Unit: {
      int32_t parent = data.units[item].parent;
      return parent >= 0 ? data.unit_display_name(parent) : "";
    }
    case PickerKind::Content:
      return "Nội dung " + std::to_string(data.contents[item].number);
    case PickerKind::Document:
      return "số " + data.documents[item].number + ", " + to_vn(data.documents[item].issued);
    case PickerKind::Plan: {
      const Plan& p = data.plans[item];
      return (p.type == "giai_doan" ? "giai đoạn " : "") + years_text(p.from_year, p.to_year) +
             (p.unit >= 0 ? ", " + data.unit_display_name(p.unit) : "");
    }
    case PickerKind::Indicator:
      return "đơn vị tính: " + data.indicators[item].unit;
    case PickerKind::Round:
      return display_field_value(kc::kind("dot_binh_chon").field("cap"), Value{data.rounds[item].level}, "") + ", năm " +
             std::to_string(data.rounds[item].year);
    case PickerKind::Product:
    case PickerKind::Establishment:
    case PickerKind::Project:
      break;
  }
  return "";
}

const std::vector<PickerEntry>& entries_of(const PickerIndex& index, PickerKind kind) {
  switch (kind) {
    case PickerKind::Unit: return index.units;
    case PickerKind::Organisation: return index.organisations;
    case PickerKind::Document: return index.documents;
    case PickerKind::Plan: return index.plans;
    case PickerKind::Indicator: return index.indicators;
    case PickerKind::Product: return index.products;
    case PickerKind::Round: return index.rounds;
    default: return index.contents;
  }
}

// The choices of the entries at `picked`, with their details (a product's establishment by name,
// the names of all read in one query).
std::vector<Choice> entry_choices(const std::vector<PickerEntry>& entries, const std::vector<size_t>& picked, PickerKind kind,
                                  const Dataset& data, Store& store) {
  ReferenceNames names(data, store);
  if (kind == PickerKind::Product) {
    std::vector<std::string> makers;
    for (size_t i : picked) makers.push_back(entries[i].owner);
    names.prefetch("co_so", makers);
  }
  std::vector<Choice> out;
  for (size_t i : picked) {
    const PickerEntry& e = entries[i];
    std::string detail = kind == PickerKind::Product ? names.name_of("co_so", e.owner) : detail_of(e, kind, data);
    out.push_back({e.code, e.name, detail});
  }
  return out;
}

// The matches of `q` among `count` candidates: `text(i)` is candidate i's folded text, `ok(i)`
// whether the caller may choose it. Names that start with what was typed come first, then those
// with a word starting so, then any other match; within each, the index's order.
template <typename Text, typename Ok>
std::vector<size_t> matching(size_t count, const PickerQuery& q, Text text, Ok ok, bool& more) {
  std::string wanted = fold_for_search(q.text);
  std::vector<std::string> words = words_of(wanted);
  std::vector<size_t> starts, word_starts, others;
  std::string word_start = words.empty() ? "" : " " + words.front();
  size_t matched = 0;
  bool full = false;
  for (size_t i = 0; i < count; ++i) {
    // The caller's scope first: for a local officer it leaves few of the 300.000 to read.
    if (!ok(i)) continue;
    std::string_view t = text(i);
    if (!std::all_of(words.begin(), words.end(), [&](const std::string& w) { return t.find(w) != std::string_view::npos; })) continue;
    // With the first bucket full, every later match ranks below what is shown: one more is
    // enough to know there are more (a single letter matches most of 300.000 names).
    if (starts.size() == q.limit) {
      full = true;
      break;
    }
    ++matched;
    if (words.empty() || t.substr(0, wanted.size()) == wanted) {
      starts.push_back(i);
    } else if (t.find(word_start) != std::string_view::npos) {
      if (word_starts.size() < q.limit) word_starts.push_back(i);
    } else if (others.size() < q.limit) {
      others.push_back(i);
    }
  }
  std::vector<size_t> out;
  for (const auto* bucket : {&starts, &word_starts, &others})
    for (size_t i : *bucket)
      if (out.size() < q.limit) out.push_back(i);
  more = full || matched > out.size();
  return out;
}

// matching() over `entries` in the order they are offered (units through the index's
// `unit_order`); answers positions in `entries`.
template <typename Ok>
std::vector<size_t> matching_entries(const PickerIndex& index, PickerKind kind, const std::vector<PickerEntry>& entries,
                                     const PickerQuery& q, Ok ok, bool& more) {
  auto at = [&](size_t p) { return kind == PickerKind::Unit ? index.unit_order[p] : p; };
  std::vector<size_t> picked = matching(
      entries.size(), q, [&](size_t p) { return std::string_view(entries[at(p)].folded); }, [&](size_t p) { return ok(at(p)); }, more);
  for (size_t& p : picked) p = at(p);
  return picked;
}

// Whether a local officer may name what lies in each unit, decided once per unit per keystroke:
// a scan asks it for each of 300.000 establishments, and the answer depends only on the unit
// (a unit outside the area walks its successors, write_scope.h).
class PlaceMemo {
 public:
  explicit PlaceMemo(size_t units) : known_(units, -1) {}
  template <typename Decide>
  bool operator()(int32_t unit, Decide decide) {
    if (unit < 0) return decide();
    int8_t& known = known_[static_cast<size_t>(unit)];
    if (known < 0) known = decide() ? 1 : 0;
    return known == 1;
  }

 private:
  std::vector<int8_t> known_;
};

// "2024, xã Nam Dương": a project's years and place.
std::string project_detail(const Dataset& data, int from, int to, int32_t unit) {
  std::string years = from == to ? std::to_string(from) : std::to_string(from) + "–" + std::to_string(to);
  return unit >= 0 ? years + ", " + data.unit_display_name(unit) : years;
}

// Names of the records of `kind_name` shown (read from the store in one query), with their detail.
template <typename Detail>
std::vector<Choice> indexed_choices(const NameIndex& index, const std::vector<size_t>& picked, std::string_view kind_name,
                                    Store& store, Detail detail) {
  const RecordKind& k = kind(kind_name);
  ListQuery q;
  std::vector<Value> codes;
  for (size_t i : picked) codes.emplace_back(std::string(code_in(index.entry(i))));
  q.any_of.emplace_back(k.key[0], codes);
  q.limit = static_cast<int64_t>(codes.size());
  q.include_archived = true;
  std::map<std::string, std::string> names;
  size_t name = static_cast<size_t>(k.field_index("ten"));
  if (!codes.empty())
    for (const Row& r : store.list(k, q).rows) names[as_text(r[k.key[0]])] = std::string(text_or_empty(r[name]));
  std::vector<Choice> out;
  for (size_t i : picked) {
    std::string code(code_in(index.entry(i)));
    out.push_back({code, names.count(code) ? names[code] : code, detail(i)});
  }
  return out;
}

// The 2025 reorganisation: a unit named as typed that ended before the project's years offers
// the units that took it over and are valid then ("kế thừa xã Nam Dương (huyện Lục Ngạn)").
void add_successor_choices(PickerAnswer& answer, const PickerIndex& index, const PickerQuery& q, const WriteScope& scope) {
  const Dataset& data = scope.data();
  const std::vector<PickerEntry>& entries = index.units;
  bool more = false;
  std::vector<size_t> ended = matching_entries(
      index, PickerKind::Unit, entries, q,
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
  for (PickerKind k : kPickerKinds)
    if (picker_slug(k) == slug) return k;
  return std::nullopt;
}

std::optional<PickerKind> picker_kind_for(std::string_view ref_kind) {
  for (PickerKind k : kPickerKinds)
    if (picker_record_kind(k) == ref_kind) return k;
  return std::nullopt;
}

std::string_view picker_record_kind(PickerKind kind) {
  switch (kind) {
    case PickerKind::Establishment: return "co_so";
    case PickerKind::Unit: return "don_vi_hanh_chinh";
    case PickerKind::Organisation: return "to_chuc";
    case PickerKind::Content: return "noi_dung";
    case PickerKind::Document: return "van_ban";
    case PickerKind::Plan: return "ke_hoach";
    case PickerKind::Project: return "de_an";
    case PickerKind::Indicator: return "chi_tieu";
    case PickerKind::Product: return "san_pham";
    case PickerKind::Round: return "dot_binh_chon";
  }
  return "";
}

std::string picker_slug(PickerKind kind) {
  std::string slug(picker_record_kind(kind));
  std::replace(slug.begin(), slug.end(), '_', '-');
  return slug;
}

PickerAnswer find_choices(RequestContext& ctx, const PickerQuery& q) {
  WriteScope scope(ctx);
  std::shared_ptr<const Dataset> data = scope.data_ptr();
  std::shared_ptr<const PickerIndex> index = picker_index(data, ctx.read_store());
  PickerAnswer answer;
  PlaceMemo in_area(data->units.size());
  if (q.kind == PickerKind::Establishment) {
    const NameIndex& e = index->establishments;
    std::vector<size_t> picked = matching(
        e.size(), q, [&](size_t i) { return e.entry(i); },
        [&](size_t i) {
          if (!scope.limited()) return true;
          if (scope.establishment()) return scope.beneficiary_allowed(code_in(e.entry(i)), e.unit[i]);
          return in_area(e.unit[i], [&] { return scope.beneficiary_allowed("", e.unit[i]); });
        },
        answer.more);
    answer.choices = indexed_choices(e, picked, "co_so", ctx.read_store(), [&](size_t i) {
      return e.unit[i] >= 0 ? data->unit_display_name(e.unit[i]) : "";
    });
    return answer;
  }
  if (q.kind == PickerKind::Project) {
    const ProjectIndex& p = index->projects;
    std::vector<size_t> picked = matching(
        p.size(), q, [&](size_t i) { return p.entry(i); },
        [&](size_t i) {
          if (!years_during(p.from_year[i], p.to_year[i], q)) return false;
          if (!scope.limited()) return true;
          if (scope.establishment()) return scope.project_allowed(code_in(p.entry(i)), p.unit[i]);
          return in_area(p.unit[i], [&] { return scope.project_allowed("", p.unit[i]); });
        },
        answer.more);
    answer.choices = indexed_choices(p, picked, "de_an", ctx.read_store(), [&](size_t i) {
      return project_detail(*data, p.from_year[i], p.to_year[i], p.unit[i]);
    });
    return answer;
  }
  const std::vector<PickerEntry>& entries = entries_of(*index, q.kind);
  std::vector<size_t> picked = matching_entries(
      *index, q.kind, entries, q, [&](size_t i) { return allowed(entries[i], q.kind, q, scope); }, answer.more);
  answer.choices = entry_choices(entries, picked, q.kind, *data, ctx.read_store());
  if (q.kind == PickerKind::Unit && !q.text.empty()) add_successor_choices(answer, *index, q, scope);
  return answer;
}

std::optional<Choice> chosen(RequestContext& ctx, PickerKind kind, const std::string& code) {
  if (code.empty()) return std::nullopt;
  WriteScope scope(ctx);
  const Dataset& data = scope.data();
  if (kind == PickerKind::Establishment || kind == PickerKind::Project) {  // one record: read it, not the whole index
    const RecordKind& k = kc::kind(picker_record_kind(kind));
    std::optional<Row> row = find_record(ctx.read_store(), k, code);
    if (!row) return std::nullopt;
    int32_t unit = data.unit_index(std::string(text_or_empty((*row)[static_cast<size_t>(k.field_index("dia_ban"))])));
    std::string name(text_or_empty((*row)[static_cast<size_t>(k.field_index("ten"))]));
    if (kind == PickerKind::Establishment) {
      if (!scope.beneficiary_allowed(code, unit)) return std::nullopt;
      return Choice{code, name, unit >= 0 ? data.unit_display_name(unit) : ""};
    }
    if (!scope.project_allowed(code, unit)) return std::nullopt;
    auto year = [&](const char* field) {
      const Value& v = (*row)[static_cast<size_t>(k.field_index(field))];
      return is_null(v) ? 0 : static_cast<int>(as_int(v));
    };
    return Choice{code, name, project_detail(data, year("nam_bat_dau"), year("nam_ket_thuc"), unit)};
  }
  std::shared_ptr<const PickerIndex> index = picker_index(scope.data_ptr(), ctx.read_store());
  const std::vector<PickerEntry>& entries = entries_of(*index, kind);
  auto it = std::find_if(entries.begin(), entries.end(), [&](const PickerEntry& e) { return e.code == code; });
  if (it == entries.end() || !allowed(*it, kind, PickerQuery{}, scope)) return std::nullopt;  // any years: it was chosen before
  return entry_choices(entries, {static_cast<size_t>(it - entries.begin())}, kind, data, ctx.read_store()).front();
}

}  // namespace kc::web
