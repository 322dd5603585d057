// The annual and six-month reports as JSON, for machines: the period, every figure by id
// (`so_lieu`), the listed projects, the gaps; the period's full results as the phase report's
// JSON gives them (`ket_qua_ky`).
#include "report/annual_report_json.h"

#include "report/missing_data.h"
#include "report/phase_report_json.h"

namespace kc {

namespace {

using nlohmann::json;

json lines(const std::vector<ProjectLine>& list) {
  json out = json::array();
  for (const ProjectLine& p : list)
    out.push_back({{"ma", p.code}, {"ten", p.name}, {"dia_ban", p.place}, {"trang_thai", p.status},
                   {"noi_dung", p.content_number}, {"nam_bat_dau", p.year_from}, {"nam_ket_thuc", p.year_to},
                   {"kinh_phi_nsnn_dong", p.budget}, {"ghi_chu", p.note}});
  return out;
}

}  // namespace

json annual_report_json(const AnnualReport& r) {
  json j;
  j["loai"] = r.six_month ? "sau_thang" : "nam";
  j["ky"] = {{"nam", r.year}, {"ten", r.period_label()}, {"tu_ngay", to_iso(r.period.first_day())},
             {"den_ngay", to_iso(r.period.last_day())}};
  j["ke_hoach"] = {{"ma", r.current.plan_code}, {"ten", r.current.plan_name}, {"dia_ban", r.current.area_name}};
  j["so_lieu"] = figures_json(r.figures);
  j["de_an_quoc_gia"] = lines(r.national);
  j["de_an_cham_tien_do"] = lines(r.behind);
  j["de_an_dieu_chinh"] = lines(r.amended);
  j["co_so_thu_huong"] = r.beneficiaries ? json(*r.beneficiaries) : json(nullptr);
  json missing = json::array();
  for (const MissingData& m : missing_data(r.current)) missing.push_back({{"tep", m.file}, {"noi_dung", m.what}});
  if (r.targets.empty()) missing.push_back({{"tep", "muc_tieu.csv"}, {"noi_dung", "mục tiêu của " + r.current.plan_name}});
  j["thieu_so_lieu"] = missing;
  j["ket_qua_ky"] = phase_report_json(r.current);
  return j;
}

}  // namespace kc
