// Builds a Dataset from the store, one part at a time (model/dataset_parts.h): one scan per
// kind, codes resolved to positions.
#include <functional>
#include <stdexcept>
#include <utility>

#include "model/dataset_parts.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace kc {

namespace {

// Column positions of one kind, looked up once by name.
class Columns {
 public:
  explicit Columns(const RecordKind& kind) : kind_(kind) {}
  size_t operator[](std::string_view name) const {
    int i = kind_.field_index(name);
    if (i < 0) throw std::logic_error("dataset loader: no field " + std::string(name));
    return static_cast<size_t>(i);
  }

 private:
  const RecordKind& kind_;
};

std::string text(const Row& r, size_t i) { return std::string(text_or_empty(r[i])); }
int64_t number(const Row& r, size_t i) { return is_null(r[i]) ? 0 : as_int(r[i]); }
std::optional<int64_t> optional_number(const Row& r, size_t i) {
  if (is_null(r[i])) return std::nullopt;
  return as_int(r[i]);
}
std::optional<Date> optional_date(const Row& r, size_t i) {
  if (is_null(r[i])) return std::nullopt;
  return parse_date(as_text(r[i]));
}
Date date(const Row& r, size_t i) { return optional_date(r, i).value_or(Date{}); }
DateRange validity(const Row& r, const Columns& c, const char* from, const char* to) {
  return {date(r, c[from]), optional_date(r, c[to])};
}
int32_t day_ordinal(const Row& r, size_t i) {
  std::optional<Date> d = optional_date(r, i);
  return d ? d->ordinal() : 0;
}

void scan(Store& store, std::string_view kind_name, const std::function<void(const Columns&, const Row&)>& fn) {
  const RecordKind& k = kind(kind_name);
  Columns cols(k);
  store.scan(k, [&](const Row& row) { fn(cols, row); });
}

// The rows of `kind_name` whose `field` equals `value`, in key order, without a count query.
std::vector<Row> rows_where(Store& store, std::string_view kind_name, std::string_view field, std::string value) {
  const RecordKind& k = kind(kind_name);
  ListQuery q;
  q.equals.emplace_back(Columns(k)[field], Value{std::move(value)});
  q.limit = 10'000'000;
  q.known_total = 0;
  return store.list(k, q).rows;
}

// The big kinds' columns are sized from a count first: grown by doubling, a load briefly held
// old and new copies of each (tens of MB at national scale, beside the Dataset being replaced).
size_t count(Store& store, std::string_view kind_name) { return static_cast<size_t>(store.count(kind(kind_name))); }

FundingLevel funding_level(std::string_view code) {
  if (code == "quoc_gia") return FundingLevel::National;
  if (code == "tinh") return FundingLevel::Provincial;
  return FundingLevel::District;
}

void reserve_projects(Projects& p, size_t n) {
  p.code.reserve(n);
  p.content.reserve(n);
  p.level.reserve(n);
  p.status.reserve(n);
  p.year_from.reserve(n);
  p.year_to.reserve(n);
  p.unit.reserve(n);
  p.budget.reserve(n);
  p.counterpart.reserve(n);
  p.approved_on.reserve(n);
  p.accepted_on.reserve(n);
  p.settled_on.reserve(n);
  p.names.reserve(n);
}

// Each part's loader clears what it fills and reads it again.

void load_units(Store& store, Dataset& d, const Codes&) {
  d.units.clear();
  std::unordered_map<std::string, int32_t> units;
  std::vector<std::string> parent;
  scan(store, "don_vi_hanh_chinh", [&](const Columns& c, const Row& r) {
    units.emplace(text(r, c["ma"]), static_cast<int32_t>(d.units.size()));
    parent.push_back(text(r, c["ma_cap_tren"]));
    d.units.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["loai"]), text(r, c["cap"]), -1,
                       validity(r, c, "hieu_luc_tu", "hieu_luc_den"), {}, {}});
  });
  auto find = [&](const std::string& code) {
    auto it = units.find(code);
    return it == units.end() ? -1 : it->second;
  };
  for (size_t i = 0; i < d.units.size(); ++i) d.units[i].parent = find(parent[i]);
  scan(store, "dia_ban_uu_tien", [&](const Columns& c, const Row& r) {
    if (int32_t u = find(text(r, c["don_vi"])); u >= 0)
      d.units[static_cast<size_t>(u)].priority_periods.emplace_back(text(r, c["loai"]),
                                                                    validity(r, c, "tu_ngay", "den_ngay"));
  });
  scan(store, "don_vi_ke_thua", [&](const Columns& c, const Row& r) {
    int32_t from = find(text(r, c["don_vi"])), to = find(text(r, c["don_vi_ke_thua"]));
    if (from >= 0 && to >= 0) d.units[static_cast<size_t>(from)].successors.push_back(to);
  });
}

void load_documents(Store& store, Dataset& d, const Codes& codes) {
  d.documents.clear();
  scan(store, "van_ban", [&](const Columns& c, const Row& r) {
    d.documents.push_back({text(r, c["ma"]), text(r, c["so_hieu"]), text(r, c["loai"]), text(r, c["co_quan_ban_hanh"]),
                           text(r, c["cap_ban_hanh"]), text(r, c["trich_yeu"]), codes.unit(text_or_empty(r[c["dia_ban"]])),
                           date(r, c["ngay_ban_hanh"]), text(r, c["sua_doi"]), text(r, c["thay_the"])});
  });
}

void load_contents(Store& store, Dataset& d, const Codes&) {
  d.contents.clear();
  scan(store, "noi_dung", [&](const Columns& c, const Row& r) {
    d.contents.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["ten_bao_cao"]),
                          static_cast<int>(number(r, c["so_thu_tu"])), validity(r, c, "hieu_luc_tu", "hieu_luc_den")});
  });
}

void load_indicators(Store& store, Dataset& d, const Codes& codes) {
  d.indicators.clear();
  scan(store, "chi_tieu", [&](const Columns& c, const Row& r) {
    d.indicators.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["don_vi_tinh"]), text(r, c["nguon"]),
                            codes.content(text_or_empty(r[c["noi_dung"]])), number(r, c["so_thu_tu"])});
  });
}

void load_organisations(Store& store, Dataset& d, const Codes& codes) {
  d.organisations.clear();
  std::unordered_map<std::string, int32_t> orgs;
  std::vector<std::string> parent;
  scan(store, "to_chuc", [&](const Columns& c, const Row& r) {
    orgs.emplace(text(r, c["ma"]), static_cast<int32_t>(d.organisations.size()));
    parent.push_back(text(r, c["to_chuc_cap_tren"]));
    d.organisations.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["ten_viet_tat"]), text(r, c["loai"]), -1,
                               codes.unit(text_or_empty(r[c["dia_ban"]])), optional_date(r, c["hieu_luc_tu"]),
                               optional_date(r, c["hieu_luc_den"])});
  });
  for (size_t i = 0; i < d.organisations.size(); ++i)
    if (auto it = orgs.find(parent[i]); it != orgs.end()) d.organisations[i].parent = it->second;
}

void load_staff(Store& store, Dataset& d, const Codes& codes) {
  d.staff.clear();
  scan(store, "can_bo", [&](const Columns& c, const Row& r) {
    d.staff.push_back({text(r, c["ma"]), text(r, c["ho_ten"]), text(r, c["chuc_vu"]), text(r, c["vai_tro"]),
                       codes.organisation(text_or_empty(r[c["to_chuc"]])), optional_date(r, c["tu_ngay"]),
                       optional_date(r, c["den_ngay"])});
  });
}

void load_plans(Store& store, Dataset& d, const Codes& codes) {
  d.plans.clear();
  std::unordered_map<std::string, int32_t> plans;
  std::vector<std::string> parent;
  scan(store, "ke_hoach", [&](const Columns& c, const Row& r) {
    plans.emplace(text(r, c["ma"]), static_cast<int32_t>(d.plans.size()));
    parent.push_back(text(r, c["ke_hoach_cha"]));
    d.plans.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["loai"]), text(r, c["phuong_huong"]),
                       codes.unit(text_or_empty(r[c["dia_ban"]])), -1,
                       codes.organisation(text_or_empty(r[c["co_quan_bao_cao"]])), static_cast<int>(number(r, c["tu_nam"])),
                       static_cast<int>(number(r, c["den_nam"])), text(r, c["van_ban_phe_duyet"])});
  });
  for (size_t i = 0; i < d.plans.size(); ++i)
    if (auto it = plans.find(parent[i]); it != plans.end()) d.plans[i].parent = it->second;
}

void load_targets(Store& store, Dataset& d, const Codes& codes) {
  d.targets.clear();
  scan(store, "muc_tieu", [&](const Columns& c, const Row& r) {
    d.targets.push_back({codes.plan(text_or_empty(r[c["ke_hoach"]])), codes.indicator(text_or_empty(r[c["chi_tieu"]])),
                         number(r, c["gia_tri"]), text(r, c["ghi_chu"])});
  });
}

void load_establishments(Store& store, Dataset& d, const Codes& codes) {
  Establishments& e = d.establishments;
  e = {};
  size_t n = count(store, "co_so");
  e.unit.reserve(n);
  e.code.reserve(n);
  scan(store, "co_so", [&](const Columns& c, const Row& r) {
    e.code.push_back(text_or_empty(r[c["ma"]]));
    e.unit.push_back(establishment_unit(r, codes));
  });
}

void load_projects(Store& store, Dataset& d, const Codes& codes) {
  Projects& p = d.projects;
  p = {};
  size_t n = count(store, "de_an");
  reserve_projects(p, n);
  store.scan(kind("de_an"), [&](const Row& r) { append_project(p, r, codes); });
  // The day of each project's latest step into "quyết toán". Only those steps are read: the
  // database filters them, so the other events (several per project) cost the load nothing.
  CodeIndex<Column<std::string>> projects(p.code);
  for (const Row& r : rows_where(store, "de_an_su_kien", "den_trang_thai", "quyet_toan")) {
    const RecordKind& events = kind("de_an_su_kien");
    int32_t i = projects.find(text_or_empty(r[static_cast<size_t>(events.field_index("de_an"))]));
    if (i < 0) continue;
    int32_t& settled = p.settled_on[static_cast<size_t>(i)];
    settled = std::max(settled, day_ordinal(r, static_cast<size_t>(events.field_index("ngay"))));
  }
}

void load_outputs(Store& store, Dataset& d, const Codes& codes) {
  Outputs& o = d.outputs;
  o = {};
  size_t n = count(store, "de_an_ket_qua");
  o.project.reserve(n);
  o.indicator.reserve(n);
  o.value.reserve(n);
  scan(store, "de_an_ket_qua", [&](const Columns& c, const Row& r) {
    o.project.push_back(codes.project(text_or_empty(r[c["de_an"]])));
    o.indicator.push_back(static_cast<int16_t>(codes.indicator(text_or_empty(r[c["chi_tieu"]]))));
    o.value.push_back(number(r, c["gia_tri"]));
  });
}

void load_beneficiaries(Store& store, Dataset& d, const Codes& codes) {
  Beneficiaries& b = d.beneficiaries;
  b = {};
  size_t n = count(store, "de_an_co_so");
  b.project.reserve(n);
  b.establishment.reserve(n);
  scan(store, "de_an_co_so", [&](const Columns& c, const Row& r) {
    b.project.push_back(codes.project(text_or_empty(r[c["de_an"]])));
    b.establishment.push_back(codes.establishment(text_or_empty(r[c["co_so"]])));
  });
}

void load_activities(Store& store, Dataset& d, const Codes& codes) {
  d.activities.clear();
  scan(store, "hoat_dong", [&](const Columns& c, const Row& r) {
    d.activities.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["mo_ta"]),
                            codes.content(text_or_empty(r[c["noi_dung"]])), codes.unit(text_or_empty(r[c["dia_ban"]])),
                            static_cast<int>(number(r, c["nam"]))});
  });
}

void load_craft_villages(Store& store, Dataset& d, const Codes& codes) {
  d.craft_villages.clear();
  scan(store, "lang_nghe", [&](const Columns& c, const Row& r) {
    d.craft_villages.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["nghe"]), number(r, c["truyen_thong"]) != 0,
                                number(r, c["hoat_dong_hieu_qua"]) != 0, number(r, c["noi_bat"]) != 0,
                                codes.unit(text_or_empty(r[c["dia_ban"]])), date(r, c["ngay_cong_nhan"]),
                                optional_date(r, c["ngay_thu_hoi"])});
  });
}

void load_products(Store& store, Dataset& d, const Codes& codes) {
  d.products.clear();
  scan(store, "san_pham", [&](const Columns& c, const Row& r) {
    d.products.push_back({text(r, c["ma"]), text(r, c["ten"]), codes.establishment(text_or_empty(r[c["co_so"]]))});
  });
}

void load_rounds(Store& store, Dataset& d, const Codes& codes) {
  d.rounds.clear();
  scan(store, "dot_binh_chon", [&](const Columns& c, const Row& r) {
    d.rounds.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["cap"]), static_cast<int>(number(r, c["nam"])),
                        codes.unit(text_or_empty(r[c["dia_ban"]]))});
  });
}

void load_results(Store& store, Dataset& d, const Codes& codes) {
  d.results.clear();
  scan(store, "ket_qua_binh_chon", [&](const Columns& c, const Row& r) {
    d.results.push_back({codes.round(text_or_empty(r[c["dot_binh_chon"]])), codes.product(text_or_empty(r[c["san_pham"]])),
                         optional_number(r, c["diem"]), number(r, c["dat"]) != 0});
  });
}

void load_fairs(Store& store, Dataset& d, const Codes& codes) {
  d.fairs.clear();
  scan(store, "hoi_cho", [&](const Columns& c, const Row& r) {
    d.fairs.push_back({text(r, c["ma"]), text(r, c["ten"]), static_cast<int>(number(r, c["nam"])),
                       codes.project(text_or_empty(r[c["de_an"]])), optional_number(r, c["so_luot_tham_gia"])});
  });
}

void load_clusters(Store& store, Dataset& d, const Codes& codes) {
  d.clusters.clear();
  scan(store, "cum_cong_nghiep", [&](const Columns& c, const Row& r) {
    d.clusters.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["trang_thai"]),
                          codes.unit(text_or_empty(r[c["dia_ban"]])), codes.project(text_or_empty(r[c["de_an"]]))});
  });
}

void load_statistics(Store& store, Dataset& d, const Codes& codes) {
  d.statistics.clear();
  scan(store, "thong_ke", [&](const Columns& c, const Row& r) {
    d.statistics.push_back({codes.unit(text_or_empty(r[c["dia_ban"]])), static_cast<int>(number(r, c["nam"])),
                            text(r, c["chi_so"]), number(r, c["gia_tri"])});
  });
}

// The big columns may have grown past their count (rows written between count and scan); a
// Dataset lives long and two are alive while a reload replaces one, so spare room is given back.
void release_spare_capacity(Dataset& d) {
  Projects& p = d.projects;
  p.code.shrink_to_fit();
  p.content.shrink_to_fit();
  p.level.shrink_to_fit();
  p.status.shrink_to_fit();
  p.year_from.shrink_to_fit();
  p.year_to.shrink_to_fit();
  p.unit.shrink_to_fit();
  p.budget.shrink_to_fit();
  p.counterpart.shrink_to_fit();
  p.approved_on.shrink_to_fit();
  p.accepted_on.shrink_to_fit();
  p.settled_on.shrink_to_fit();
  p.names.shrink_to_fit();
  d.beneficiaries.project.shrink_to_fit();
  d.beneficiaries.establishment.shrink_to_fit();
  d.outputs.project.shrink_to_fit();
  d.outputs.indicator.shrink_to_fit();
  d.outputs.value.shrink_to_fit();
  d.establishments.unit.shrink_to_fit();
  d.establishments.code.shrink_to_fit();
}

}  // namespace

// ---- What the updater shares -----------------------------------------------------------------

int32_t establishment_unit(const Row& row, const Codes& codes) {
  static const size_t unit = Columns(kind("co_so"))["dia_ban"];
  return codes.unit(text_or_empty(row[unit]));
}

namespace {

// A project's values, in the order of its columns.
struct ProjectValues {
  std::string code, status;
  std::string_view name;
  int16_t content, year_from, year_to;
  FundingLevel level;
  int32_t unit, approved_on, accepted_on;
  int64_t budget, counterpart;
};

ProjectValues project_values(const Row& r, const Codes& codes) {
  static const Columns c(kind("de_an"));
  return {text(r, c["ma"]),
          text(r, c["trang_thai"]),
          text_or_empty(r[c["ten"]]),
          static_cast<int16_t>(codes.content(text_or_empty(r[c["noi_dung"]]))),
          static_cast<int16_t>(number(r, c["nam_bat_dau"])),
          static_cast<int16_t>(number(r, c["nam_ket_thuc"])),
          funding_level(text_or_empty(r[c["cap_kinh_phi"]])),
          codes.unit(text_or_empty(r[c["dia_ban"]])),
          day_ordinal(r, c["ngay_phe_duyet"]),
          day_ordinal(r, c["ngay_nghiem_thu"]),
          number(r, c["kinh_phi_nsnn"]),
          number(r, c["kinh_phi_doi_ung"])};
}

// Sets one entry, copying the column (shared with the previous version) only when it differs.
template <typename T>
void set(Column<T>& column, size_t i, const T& value) {
  if (std::as_const(column)[i] != value) column[i] = value;
}

}  // namespace

void append_project(Projects& p, const Row& row, const Codes& codes) {
  ProjectValues v = project_values(row, codes);
  p.code.push_back(std::move(v.code));
  p.names.push_back(v.name);
  p.content.push_back(v.content);
  p.level.push_back(v.level);
  p.status.push_back(std::move(v.status));
  p.year_from.push_back(v.year_from);
  p.year_to.push_back(v.year_to);
  p.unit.push_back(v.unit);
  p.budget.push_back(v.budget);
  p.counterpart.push_back(v.counterpart);
  p.approved_on.push_back(v.approved_on);
  p.accepted_on.push_back(v.accepted_on);
  p.settled_on.push_back(0);
}

void set_project(Projects& p, size_t i, const Row& row, const Codes& codes) {
  ProjectValues v = project_values(row, codes);
  if (p.names[i] != v.name) p.names.replace(i, v.name);
  set(p.content, i, v.content);
  set(p.level, i, v.level);
  set(p.status, i, v.status);
  set(p.year_from, i, v.year_from);
  set(p.year_to, i, v.year_to);
  set(p.unit, i, v.unit);
  set(p.budget, i, v.budget);
  set(p.counterpart, i, v.counterpart);
  set(p.approved_on, i, v.approved_on);
  set(p.accepted_on, i, v.accepted_on);
}

int32_t settlement_day(Store& store, std::string_view project) {
  static const Columns c(kind("de_an_su_kien"));
  int32_t day = 0;
  for (const Row& r : rows_where(store, "de_an_su_kien", "de_an", std::string(project)))
    if (text_or_empty(r[c["den_trang_thai"]]) == "quyet_toan") day = std::max(day, day_ordinal(r, c["ngay"]));
  return day;
}

// Only approved amendments count for the reports; the database filters them.
void load_amendments(Store& store, Dataset& d, const Codes& codes) {
  static const Columns c(kind("dieu_chinh"));
  d.amendments.clear();
  for (const Row& r : rows_where(store, "dieu_chinh", "trang_thai", "da_duyet")) {
    std::string_view decided = text_or_empty(r[c["thoi_diem_duyet"]]);
    d.amendments.push_back({codes.project(text_or_empty(r[c["de_an"]])), text(r, c["noi_dung_dieu_chinh"]),
                            decided.size() >= 10 ? parse_date(decided.substr(0, 10)) : std::nullopt});
  }
}

// ---- Parts and codes ---------------------------------------------------------------------------

const std::vector<PartInfo>& dataset_parts() {
  using P = Part;
  static const std::vector<PartInfo> parts = {
      {P::units, {"don_vi_hanh_chinh", "dia_ban_uu_tien", "don_vi_ke_thua"}, {}, load_units},
      {P::documents, {"van_ban"}, {P::units}, load_documents},
      {P::contents, {"noi_dung"}, {}, load_contents},
      {P::indicators, {"chi_tieu"}, {P::contents}, load_indicators},
      {P::organisations, {"to_chuc"}, {P::units}, load_organisations},
      {P::staff, {"can_bo"}, {P::organisations}, load_staff},
      {P::plans, {"ke_hoach"}, {P::units, P::organisations}, load_plans},
      {P::targets, {"muc_tieu"}, {P::plans, P::indicators}, load_targets},
      {P::establishments, {"co_so"}, {P::units}, load_establishments},
      {P::projects, {"de_an", "de_an_su_kien"}, {P::contents, P::units}, load_projects},
      {P::outputs, {"de_an_ket_qua"}, {P::projects, P::indicators}, load_outputs},
      {P::amendments, {"dieu_chinh"}, {P::projects}, load_amendments},
      {P::beneficiaries, {"de_an_co_so"}, {P::projects, P::establishments}, load_beneficiaries},
      {P::activities, {"hoat_dong"}, {P::contents, P::units}, load_activities},
      {P::craft_villages, {"lang_nghe"}, {P::units}, load_craft_villages},
      {P::products, {"san_pham"}, {P::establishments}, load_products},
      {P::rounds, {"dot_binh_chon"}, {P::units}, load_rounds},
      {P::results, {"ket_qua_binh_chon"}, {P::rounds, P::products}, load_results},
      {P::fairs, {"hoi_cho"}, {P::projects}, load_fairs},
      {P::clusters, {"cum_cong_nghiep"}, {P::units, P::projects}, load_clusters},
      {P::statistics, {"thong_ke"}, {P::units}, load_statistics},
  };
  return parts;
}

template <typename T>
void Codes::fill(Map& map, const Column<T>& items) {
  map.clear();
  map.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) map.emplace(items[i].code, static_cast<int32_t>(i));
}

void Codes::index(Part part) {
  switch (part) {
    case Part::units: return fill(units_, d_.units);
    case Part::contents: return fill(contents_, d_.contents);
    case Part::indicators: return fill(indicators_, d_.indicators);
    case Part::organisations: return fill(organisations_, d_.organisations);
    case Part::plans: return fill(plans_, d_.plans);
    case Part::products: return fill(products_, d_.products);
    case Part::rounds: return fill(rounds_, d_.rounds);
    case Part::establishments:
      establishments_ = std::make_unique<CodeIndex<TextColumn>>(d_.establishments.code);
      return;
    case Part::projects: projects_ = std::make_unique<CodeIndex<Column<std::string>>>(d_.projects.code); return;
    default: return;  // no other part is referred to
  }
}

int32_t Codes::find(const Map& map, std::string_view code) {
  if (code.empty()) return -1;
  auto it = map.find(std::string(code));
  return it == map.end() ? -1 : it->second;
}

int32_t Codes::establishment(std::string_view code) const { return establishments_ ? establishments_->find(code) : -1; }
int32_t Codes::project(std::string_view code) const { return projects_ ? projects_->find(code) : -1; }

Dataset load_dataset(Store& store) {
  Dataset d;
  Codes codes(d);
  for (const PartInfo& part : dataset_parts()) {
    part.load(store, d, codes);
    codes.index(part.part);
  }
  release_spare_capacity(d);
  return d;
}

}  // namespace kc
