#include "report/missing_data.h"

#include "report/report_phrases.h"

namespace kc {

namespace {

bool selection_reported(const PhaseReport& r) {
  for (const ContentResult& c : r.contents)
    if (c.has_selection) return true;
  return false;
}

std::string series_years(const SeriesEndpoints& s) {
  return " năm " + std::to_string(s.first_year) + " và năm " + std::to_string(s.last_year);
}

}  // namespace

std::vector<MissingData> missing_data(const PhaseReport& r) {
  std::vector<MissingData> out;
  const OrganisationSummary& o = r.organisation;
  std::string end = "31/12/" + std::to_string(r.to_year), period = period_text(r.from_year, r.to_year);
  if (r.total.projects == 0)
    out.push_back({MissingKind::Projects, "de_an.csv",
                   "đề án khuyến công đang thực hiện hoặc đã hoàn thành trên địa bàn " + r.area_type + " giai đoạn " + period});
  if (o.centre_name.empty())
    out.push_back({MissingKind::Centre, "to_chuc.csv", "trung tâm khuyến công của " + r.area_name});
  else if (!o.centre_staff_recorded)
    out.push_back({MissingKind::CentreStaff, "can_bo.csv", "cán bộ, viên chức của " + o.centre_name + " tại thời điểm " + end});
  if (o.local_offices == 0)
    out.push_back({MissingKind::DistrictOffices, "to_chuc.csv", "các phòng Kinh tế/Kinh tế và Hạ tầng cấp huyện"});
  if (!o.local_staff_recorded)
    out.push_back({MissingKind::DistrictStaff, "can_bo.csv",
                   "cán bộ cấp huyện làm công tác khuyến công và cộng tác viên khuyến công tại thời điểm " + end});
  if (!r.establishments.available)
    out.push_back({MissingKind::Establishments, "thong_ke.csv",
                   "số cơ sở công nghiệp nông thôn" + series_years(r.establishments)});
  if (!r.production.available)
    out.push_back({MissingKind::Production, "thong_ke.csv",
                   "giá trị sản xuất công nghiệp nông thôn" + series_years(r.production)});
  if (!r.craft_villages.recorded)
    out.push_back({MissingKind::CraftVillages, "lang_nghe.csv", "làng nghề trên địa bàn " + r.area_type});
  if (!r.selection.recorded && selection_reported(r))
    out.push_back({MissingKind::Selection, "dot_binh_chon.csv",
                   "các cuộc bình chọn sản phẩm công nghiệp nông thôn tiêu biểu giai đoạn " + period});
  if (r.targets.empty())
    out.push_back({MissingKind::Targets, "muc_tieu.csv", "mục tiêu của các chỉ tiêu trong kế hoạch"});
  return out;
}

std::optional<std::string> missing_what(const PhaseReport& r, MissingKind kind) {
  for (MissingData& m : missing_data(r))
    if (m.kind == kind) return std::move(m.what);
  return std::nullopt;
}

std::string missing_sentence(const std::string& what) { return "Chưa có số liệu về " + what + " trong hệ thống."; }

}  // namespace kc
