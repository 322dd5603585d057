// Builds a Dataset from the store: one scan per kind, codes resolved to indexes.
#include <algorithm>
#include <functional>
#include <stdexcept>

#include "model/dataset.h"
#include "schema/record_kind.h"
#include "schema/value.h"
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
int32_t day_ordinal(const Row& r, size_t i) {
  std::optional<Date> d = optional_date(r, i);
  return d ? d->ordinal() : 0;
}

template <typename Map>
int32_t lookup(const Map& map, std::string_view code) {
  if (code.empty()) return -1;
  auto it = map.find(std::string(code));
  return it == map.end() ? -1 : it->second;
}

// Positions of codes in a list read from the store. The stores scan in key order (byte
// order), so the list is normally sorted and a binary search needs no memory beyond it — a
// hash map of 300.000 establishment codes cost ~24 MB more, held by every Dataset. An
// unsorted list (a store that scanned otherwise) gets a sorted permutation.
class CodeIndex {
 public:
  explicit CodeIndex(const std::vector<std::string>& codes) : codes_(codes) {
    if (std::is_sorted(codes.begin(), codes.end())) return;
    order_.resize(codes.size());
    for (size_t i = 0; i < codes.size(); ++i) order_[i] = static_cast<int32_t>(i);
    std::sort(order_.begin(), order_.end(),
              [&](int32_t a, int32_t b) { return codes[static_cast<size_t>(a)] < codes[static_cast<size_t>(b)]; });
  }

  int32_t find(std::string_view code) const {
    if (code.empty()) return -1;
    size_t lo = 0, hi = codes_.size();
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (std::string_view(at(mid)) < code) lo = mid + 1;
      else hi = mid;
    }
    if (lo == codes_.size() || at(lo) != code) return -1;
    return order_.empty() ? static_cast<int32_t>(lo) : order_[lo];
  }

 private:
  const std::string& at(size_t sorted_position) const {
    return codes_[order_.empty() ? sorted_position : static_cast<size_t>(order_[sorted_position])];
  }
  const std::vector<std::string>& codes_;
  std::vector<int32_t> order_;  // empty when codes_ is sorted
};

void scan(Store& store, std::string_view kind_name, const std::function<void(const Columns&, const Row&)>& fn) {
  const RecordKind& k = kind(kind_name);
  Columns cols(k);
  store.scan(k, [&](const Row& row) { fn(cols, row); });
}

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
  p.name_end.reserve(n);
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
  p.name_text.shrink_to_fit();
  p.name_end.shrink_to_fit();
  d.beneficiaries.project.shrink_to_fit();
  d.beneficiaries.establishment.shrink_to_fit();
  d.outputs.project.shrink_to_fit();
  d.outputs.indicator.shrink_to_fit();
  d.outputs.value.shrink_to_fit();
  d.establishments.unit.shrink_to_fit();
}

// The day of each project's latest step into "quyết toán". Only those steps are read: the
// database filters them, so the other events (several per project) cost the reload nothing.
void read_settlement_dates(Store& store, const CodeIndex& projects, Projects& p) {
  const RecordKind& events = kind("de_an_su_kien");
  const size_t project = static_cast<size_t>(events.field_index("de_an"));
  const size_t day = static_cast<size_t>(events.field_index("ngay"));
  ListQuery q;
  q.equals.emplace_back(static_cast<size_t>(events.field_index("den_trang_thai")), Value{std::string("quyet_toan")});
  q.limit = 10'000'000;
  q.known_total = 0;  // the total is not used: no count query
  for (const Row& r : store.list(events, q).rows) {
    int32_t i = projects.find(text_or_empty(r[project]));
    if (i < 0) continue;
    int32_t& settled = p.settled_on[static_cast<size_t>(i)];
    settled = std::max(settled, day_ordinal(r, day));
  }
}

}  // namespace

Dataset load_dataset(Store& store) {
  Dataset d;
  std::unordered_map<std::string, int32_t> units, contents, indicators, orgs, plans, products, rounds;
  std::vector<std::string> unit_parent, org_parent, plan_parent;

  scan(store, "don_vi_hanh_chinh", [&](const Columns& c, const Row& r) {
    Unit u{text(r, c["ma"]), text(r, c["ten"]), text(r, c["loai"]), text(r, c["cap"]), -1,
           DateRange{date(r, c["hieu_luc_tu"]), optional_date(r, c["hieu_luc_den"])}, {}, {}};
    units.emplace(u.code, static_cast<int32_t>(d.units.size()));
    unit_parent.push_back(text(r, c["ma_cap_tren"]));
    d.units.push_back(std::move(u));
  });
  for (size_t i = 0; i < d.units.size(); ++i) d.units[i].parent = lookup(units, unit_parent[i]);

  scan(store, "dia_ban_uu_tien", [&](const Columns& c, const Row& r) {
    int32_t u = lookup(units, text(r, c["don_vi"]));
    if (u >= 0)
      d.units[static_cast<size_t>(u)].priority_periods.emplace_back(
          text(r, c["loai"]), DateRange{date(r, c["tu_ngay"]), optional_date(r, c["den_ngay"])});
  });

  scan(store, "don_vi_ke_thua", [&](const Columns& c, const Row& r) {
    int32_t from = lookup(units, text(r, c["don_vi"])), to = lookup(units, text(r, c["don_vi_ke_thua"]));
    if (from >= 0 && to >= 0) d.units[static_cast<size_t>(from)].successors.push_back(to);
  });

  scan(store, "van_ban", [&](const Columns& c, const Row& r) {
    d.documents.push_back({text(r, c["ma"]), text(r, c["so_hieu"]), text(r, c["loai"]),
                           text(r, c["co_quan_ban_hanh"]), text(r, c["cap_ban_hanh"]),
                           text(r, c["trich_yeu"]), lookup(units, text(r, c["dia_ban"])),
                           date(r, c["ngay_ban_hanh"]), text(r, c["sua_doi"]), text(r, c["thay_the"])});
  });

  scan(store, "noi_dung", [&](const Columns& c, const Row& r) {
    contents.emplace(text(r, c["ma"]), static_cast<int32_t>(d.contents.size()));
    d.contents.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["ten_bao_cao"]),
                          static_cast<int>(number(r, c["so_thu_tu"])),
                          DateRange{date(r, c["hieu_luc_tu"]), optional_date(r, c["hieu_luc_den"])}});
  });

  scan(store, "chi_tieu", [&](const Columns& c, const Row& r) {
    indicators.emplace(text(r, c["ma"]), static_cast<int32_t>(d.indicators.size()));
    d.indicators.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["don_vi_tinh"]),
                            text(r, c["nguon"]), lookup(contents, text(r, c["noi_dung"])),
                            number(r, c["so_thu_tu"])});
  });

  scan(store, "to_chuc", [&](const Columns& c, const Row& r) {
    orgs.emplace(text(r, c["ma"]), static_cast<int32_t>(d.organisations.size()));
    org_parent.push_back(text(r, c["to_chuc_cap_tren"]));
    d.organisations.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["ten_viet_tat"]),
                               text(r, c["loai"]), -1, lookup(units, text(r, c["dia_ban"])),
                               optional_date(r, c["hieu_luc_tu"]), optional_date(r, c["hieu_luc_den"])});
  });
  for (size_t i = 0; i < d.organisations.size(); ++i) d.organisations[i].parent = lookup(orgs, org_parent[i]);

  scan(store, "can_bo", [&](const Columns& c, const Row& r) {
    d.staff.push_back({text(r, c["ma"]), text(r, c["ho_ten"]), text(r, c["chuc_vu"]), text(r, c["vai_tro"]),
                       lookup(orgs, text(r, c["to_chuc"])), optional_date(r, c["tu_ngay"]),
                       optional_date(r, c["den_ngay"])});
  });

  scan(store, "ke_hoach", [&](const Columns& c, const Row& r) {
    plans.emplace(text(r, c["ma"]), static_cast<int32_t>(d.plans.size()));
    plan_parent.push_back(text(r, c["ke_hoach_cha"]));
    d.plans.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["loai"]), text(r, c["phuong_huong"]),
                       lookup(units, text(r, c["dia_ban"])), -1, lookup(orgs, text(r, c["co_quan_bao_cao"])),
                       static_cast<int>(number(r, c["tu_nam"])), static_cast<int>(number(r, c["den_nam"])),
                       text(r, c["van_ban_phe_duyet"])});
  });
  for (size_t i = 0; i < d.plans.size(); ++i) d.plans[i].parent = lookup(plans, plan_parent[i]);

  scan(store, "muc_tieu", [&](const Columns& c, const Row& r) {
    d.targets.push_back({lookup(plans, text(r, c["ke_hoach"])), lookup(indicators, text(r, c["chi_tieu"])),
                         number(r, c["gia_tri"]), text(r, c["ghi_chu"])});
  });

  // The big kinds' columns are sized from a count first: grown by doubling, a reload briefly held
  // old and new copies of each (tens of MB at national scale, beside the Dataset being replaced).
  std::vector<std::string> establishment_codes;  // only while loading (products refer to them)
  size_t establishments = static_cast<size_t>(store.count(kind("co_so")));
  establishment_codes.reserve(establishments);
  d.establishments.unit.reserve(establishments);
  scan(store, "co_so", [&](const Columns& c, const Row& r) {
    establishment_codes.push_back(text(r, c["ma"]));
    d.establishments.unit.push_back(lookup(units, text(r, c["dia_ban"])));
  });
  CodeIndex establishment_index(establishment_codes);

  Projects& p = d.projects;
  reserve_projects(p, static_cast<size_t>(store.count(kind("de_an"))));
  scan(store, "de_an", [&](const Columns& c, const Row& r) {
    p.code.push_back(text(r, c["ma"]));
    p.name_text += text_or_empty(r[c["ten"]]);
    p.name_end.push_back(static_cast<uint32_t>(p.name_text.size()));
    p.content.push_back(static_cast<int16_t>(lookup(contents, text(r, c["noi_dung"]))));
    p.level.push_back(funding_level(text_or_empty(r[c["cap_kinh_phi"]])));
    p.status.push_back(text(r, c["trang_thai"]));
    p.year_from.push_back(static_cast<int16_t>(number(r, c["nam_bat_dau"])));
    p.year_to.push_back(static_cast<int16_t>(number(r, c["nam_ket_thuc"])));
    p.unit.push_back(lookup(units, text(r, c["dia_ban"])));
    p.budget.push_back(number(r, c["kinh_phi_nsnn"]));
    p.counterpart.push_back(number(r, c["kinh_phi_doi_ung"]));
    p.approved_on.push_back(day_ordinal(r, c["ngay_phe_duyet"]));
    p.accepted_on.push_back(day_ordinal(r, c["ngay_nghiem_thu"]));
    p.settled_on.push_back(0);
  });

  CodeIndex project_index(p.code);
  read_settlement_dates(store, project_index, p);
  size_t outputs = static_cast<size_t>(store.count(kind("de_an_ket_qua")));
  d.outputs.project.reserve(outputs);
  d.outputs.indicator.reserve(outputs);
  d.outputs.value.reserve(outputs);
  scan(store, "de_an_ket_qua", [&](const Columns& c, const Row& r) {
    d.outputs.project.push_back(project_index.find(text_or_empty(r[c["de_an"]])));
    d.outputs.indicator.push_back(static_cast<int16_t>(lookup(indicators, text_or_empty(r[c["chi_tieu"]]))));
    d.outputs.value.push_back(number(r, c["gia_tri"]));
  });

  // Only approved amendments count for the reports; the database filters them.
  {
    const RecordKind& amendments = kind("dieu_chinh");
    Columns c(amendments);
    ListQuery q;
    q.equals.emplace_back(c["trang_thai"], Value{std::string("da_duyet")});
    q.limit = 10'000'000;
    q.known_total = 0;  // no count query
    for (const Row& r : store.list(amendments, q).rows) {
      std::string_view decided = text_or_empty(r[c["thoi_diem_duyet"]]);
      d.amendments.push_back({project_index.find(text_or_empty(r[c["de_an"]])), text(r, c["noi_dung_dieu_chinh"]),
                              decided.size() >= 10 ? parse_date(decided.substr(0, 10)) : std::nullopt});
    }
  }

  size_t beneficiaries = static_cast<size_t>(store.count(kind("de_an_co_so")));
  d.beneficiaries.project.reserve(beneficiaries);
  d.beneficiaries.establishment.reserve(beneficiaries);
  scan(store, "de_an_co_so", [&](const Columns& c, const Row& r) {
    d.beneficiaries.project.push_back(project_index.find(text_or_empty(r[c["de_an"]])));
    d.beneficiaries.establishment.push_back(establishment_index.find(text_or_empty(r[c["co_so"]])));
  });

  scan(store, "hoat_dong", [&](const Columns& c, const Row& r) {
    d.activities.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["mo_ta"]),
                            lookup(contents, text(r, c["noi_dung"])), lookup(units, text(r, c["dia_ban"])),
                            static_cast<int>(number(r, c["nam"]))});
  });

  scan(store, "lang_nghe", [&](const Columns& c, const Row& r) {
    d.craft_villages.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["nghe"]),
                                number(r, c["truyen_thong"]) != 0, number(r, c["hoat_dong_hieu_qua"]) != 0,
                                number(r, c["noi_bat"]) != 0, lookup(units, text(r, c["dia_ban"])),
                                date(r, c["ngay_cong_nhan"]), optional_date(r, c["ngay_thu_hoi"])});
  });

  scan(store, "san_pham", [&](const Columns& c, const Row& r) {
    products.emplace(text(r, c["ma"]), static_cast<int32_t>(d.products.size()));
    d.products.push_back({text(r, c["ma"]), text(r, c["ten"]), establishment_index.find(text_or_empty(r[c["co_so"]]))});
  });

  scan(store, "dot_binh_chon", [&](const Columns& c, const Row& r) {
    rounds.emplace(text(r, c["ma"]), static_cast<int32_t>(d.rounds.size()));
    d.rounds.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["cap"]),
                        static_cast<int>(number(r, c["nam"])), lookup(units, text(r, c["dia_ban"]))});
  });

  scan(store, "ket_qua_binh_chon", [&](const Columns& c, const Row& r) {
    d.results.push_back({lookup(rounds, text(r, c["dot_binh_chon"])), lookup(products, text(r, c["san_pham"])),
                         optional_number(r, c["diem"]), number(r, c["dat"]) != 0});
  });

  scan(store, "hoi_cho", [&](const Columns& c, const Row& r) {
    d.fairs.push_back({text(r, c["ma"]), text(r, c["ten"]), static_cast<int>(number(r, c["nam"])),
                       project_index.find(text_or_empty(r[c["de_an"]])), optional_number(r, c["so_luot_tham_gia"])});
  });

  scan(store, "cum_cong_nghiep", [&](const Columns& c, const Row& r) {
    d.clusters.push_back({text(r, c["ma"]), text(r, c["ten"]), text(r, c["trang_thai"]),
                          lookup(units, text(r, c["dia_ban"])), project_index.find(text_or_empty(r[c["de_an"]]))});
  });

  scan(store, "thong_ke", [&](const Columns& c, const Row& r) {
    d.statistics.push_back({lookup(units, text(r, c["dia_ban"])), static_cast<int>(number(r, c["nam"])),
                            text(r, c["chi_so"]), number(r, c["gia_tri"])});
  });
  release_spare_capacity(d);
  return d;
}

}  // namespace kc
