#include "report/phase_report_json.h"

#include "core/date.h"
#include "report/missing_data.h"

namespace kc {

namespace {

using nlohmann::json;

constexpr const char* kLevelIds[] = {"quoc_gia", "tinh", "huyen"};

json totals(const Totals& t) {
  return {{"so_de_an", t.projects}, {"kinh_phi_nsnn_dong", t.budget}, {"kinh_phi_doi_ung_dong", t.counterpart}};
}

json by_level(const std::array<Totals, kFundingLevels>& levels) {
  json j = json::object();
  for (size_t l = 0; l < kFundingLevels; ++l) j[kLevelIds[l]] = totals(levels[l]);
  return j;
}

json indicator(const IndicatorResult& r) {
  json j = {{"ma", r.code}, {"ten", r.name}, {"don_vi_tinh", r.unit}, {"cach_tinh", r.source}, {"thuc_hien", r.actual}};
  j["muc_tieu"] = r.target ? json(*r.target) : json(nullptr);
  return j;
}

json document(const DocumentRef& d) {
  return {{"loai", d.type_label}, {"so_hieu", d.number}, {"co_quan_ban_hanh", d.issuer},
          {"ngay_ban_hanh", to_iso(d.issued)}, {"trich_yeu", d.subject}};
}

json series(const SeriesEndpoints& s) {
  json j = {{"co_so_lieu", s.available}, {"nam_dau", s.first_year}, {"nam_cuoi", s.last_year}};
  if (!s.available) return j;
  j["gia_tri_dau"] = s.first;
  j["gia_tri_cuoi"] = s.last;
  j["tang_truong_kep"] = s.compound ? json(*s.compound) : json(nullptr);
  j["trung_binh_toc_do_cac_nam"] = s.mean_yearly ? json(*s.mean_yearly) : json(nullptr);
  return j;
}

}  // namespace

json figures_json(const std::vector<Figure>& figures) {
  json out = json::array();
  for (const Figure& f : figures) {
    json fj = {{"ma", f.id}, {"ten", f.label}, {"don_vi", f.unit}, {"gia_tri", f.value}, {"so_thap_phan", f.decimals},
               {"hien_thi", f.text()}};
    if (!f.method.empty()) fj["cach_tinh"] = f.method;
    out.push_back(std::move(fj));
  }
  return out;
}

json phase_report_json(const PhaseReport& r) {
  json j;
  j["ke_hoach"] = {{"ma", r.plan_code}, {"ten", r.plan_name}, {"dia_ban", r.area_name},
                   {"tu_nam", r.from_year}, {"den_nam", r.to_year}};
  j["ke_hoach"]["quyet_dinh_phe_duyet"] = r.approving_document ? document(*r.approving_document) : json(nullptr);
  j["co_quan_bao_cao"] = {{"ten", r.agency_name}, {"cap_tren", r.parent_agency_name},
                          {"nguoi_ky", {{"chuc_vu", r.signer_position}, {"ho_ten", r.signer_name}}}};

  json docs = json::array();
  for (const DocumentRef& d : r.basis_documents) docs.push_back(document(d));
  json local = json::array();
  for (const DocumentRef& d : r.local_documents) local.push_back(document(d));
  const OrganisationSummary& o = r.organisation;
  // A count of records that are absent is null, not zero (report/missing_data.h).
  auto known = [](bool recorded, int64_t n) { return recorded ? json(n) : json(nullptr); };
  j["quan_ly_nha_nuoc"] = {{"van_ban_can_cu", docs}, {"van_ban_dia_phuong", local},
                           {"to_chuc", {{"trung_tam", o.centre_name},
                                        {"can_bo_trung_tam", known(o.centre_staff_recorded, o.centre_staff)},
                                        {"can_bo_lam_khuyen_cong", known(o.centre_staff_recorded, o.centre_staff_on_extension)},
                                        {"phong_kinh_te_cap_huyen", o.local_offices},
                                        {"can_bo_kiem_nhiem_cap_huyen", known(o.local_staff_recorded, o.local_concurrent_officers)},
                                        {"cong_tac_vien", known(o.local_staff_recorded, o.collaborators)}}}};

  j["ket_qua"] = {{"tong", totals(r.total)}, {"theo_cap", by_level(r.by_level)}};
  json money = json::array();
  for (const IndicatorResult& m : r.money_indicators) money.push_back(indicator(m));
  j["ket_qua"]["chi_tieu_kinh_phi"] = money;
  json contents = json::array();
  for (const ContentResult& c : r.contents) {
    json outputs = json::array();
    for (const IndicatorResult& i : c.outputs) outputs.push_back(indicator(i));
    json activities = json::array();
    for (const ActivityItem& a : c.activities) activities.push_back({{"nam", a.year}, {"ten", a.name}, {"mo_ta", a.description}});
    contents.push_back({{"ma", c.code}, {"so_thu_tu", c.number}, {"ten", c.title}, {"tong", totals(c.total)},
                        {"theo_cap", by_level(c.by_level)}, {"ket_qua", outputs}, {"hoat_dong", activities}});
  }
  j["ket_qua"]["noi_dung"] = contents;
  json selection = json::object();
  for (size_t l = 0; l < kSelectionLevels.size(); ++l)
    selection[kSelectionLevels[l]] = {{"so_cuoc", r.selection.rounds[l]}, {"san_pham_ton_vinh", r.selection.honoured[l]}};
  j["ket_qua"]["binh_chon"] = r.selection.recorded ? selection : json(nullptr);

  json targets = json::array();
  for (const IndicatorResult& t : r.targets) targets.push_back(indicator(t));
  json areas = json::array();
  for (const AreaRow& a : r.areas.rows)
    areas.push_back({{"dia_ban", a.name}, {"uu_tien", a.priority_labels}, {"tong", totals(a.totals)}});
  json villages = json::array();
  for (const NamedPlace& v : r.craft_villages.notable) villages.push_back({{"ten", v.name}, {"dia_diem", v.place}});
  const CraftVillageSummary& cv = r.craft_villages;
  j["danh_gia"] = {{"so_noi_dung_thuc_hien", r.contents_with_activity}, {"so_noi_dung_quy_dinh", r.contents_in_force},
                   {"co_so_cnnt", series(r.establishments)}, {"gtsx_cnnt", series(r.production)},
                   {"gtsx_cong_nghiep_toan_tinh", r.province_industry_value ? json(*r.province_industry_value) : json(nullptr)},
                   {"lang_nghe", cv.recorded ? json{{"tong", cv.total}, {"truyen_thong", cv.traditional}, {"moi", cv.other},
                                                     {"hieu_qua", cv.effective}, {"noi_bat", villages}}
                                             : json(nullptr)},
                   {"theo_dia_ban", {{"uu_tien", totals(r.areas.priority)}, {"con_lai", totals(r.areas.other)},
                                     {"toan_tinh", totals(r.areas.province_wide)}, {"chi_tiet", areas}}},
                   {"muc_tieu", targets}};
  json years = json::array();
  for (const YearRow& y : r.years) years.push_back({{"nam", y.year}, {"theo_cap", by_level(y.by_level)}});
  j["theo_nam"] = years;

  j["so_lieu"] = figures_json(r.figures);
  json missing = json::array();
  for (const MissingData& m : missing_data(r)) missing.push_back({{"tep", m.file}, {"noi_dung", m.what}});
  j["thieu_so_lieu"] = missing;
  j["phan_II_phuong_huong"] = r.directions;
  return j;
}

}  // namespace kc
