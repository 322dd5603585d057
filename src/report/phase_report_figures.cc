#include "report/phase_report_figures.h"

#include "core/vn_format.h"
#include "report/report_phrases.h"

namespace kc {

namespace {

constexpr std::array<const char*, kFundingLevels> kLevelIds = {"quoc_gia", "tinh", "huyen"};
constexpr std::array<const char*, kFundingLevels> kLevelLabels = {"khuyến công quốc gia", "khuyến công tỉnh",
                                                                  "khuyến công cấp huyện"};

void add_totals(std::vector<Figure>& f, const std::string& prefix, const std::string& what, const Totals& t) {
  f.push_back(count_figure(prefix + ".so_de_an", "số đề án " + what, "đề án", t.projects));
  f.push_back(million_dong_figure(prefix + ".kinh_phi", "kinh phí ngân sách nhà nước " + what, t.budget));
  f.push_back(million_dong_figure(prefix + ".doi_ung", "kinh phí đối ứng " + what, t.counterpart));
}

void add_indicator(std::vector<Figure>& f, const IndicatorResult& r) {
  std::string id = "chi_tieu." + r.code;
  if (r.money())
    f.push_back(million_dong_figure(id, r.name, r.actual));
  else
    f.push_back(count_figure(id, r.name, r.unit, r.actual));
  if (r.target && *r.target > 0) {
    f.push_back(r.money() ? million_dong_figure(id + ".muc_tieu", "mục tiêu: " + r.name, *r.target)
                          : count_figure(id + ".muc_tieu", "mục tiêu: " + r.name, r.unit, *r.target));
    f.push_back(percent_figure(id + ".ty_le_dat", "tỷ lệ đạt so với mục tiêu giai đoạn: " + r.name, r.actual,
                               *r.target, r.percent_decimals()));
  }
}

void add_growth(std::vector<Figure>& f, const std::string& id, const std::string& label, const SeriesEndpoints& s,
                bool money) {
  if (!s.available) return;
  std::string y0 = std::to_string(s.first_year), y1 = std::to_string(s.last_year);
  if (money) {
    f.push_back(billion_dong_figure(id + ".dau_ky", label + " năm " + y0, s.first));
    f.push_back(billion_dong_figure(id + ".cuoi_ky", label + " năm " + y1, s.last));
  } else {
    f.push_back(count_figure(id + ".dau_ky", label + " năm " + y0, "cơ sở", s.first));
    f.push_back(count_figure(id + ".cuoi_ky", label + " năm " + y1, "cơ sở", s.last));
    f.push_back(count_figure(id + ".tang", label + ": số tăng thêm", "cơ sở", s.last - s.first));
  }
  if (s.first > 0) f.push_back(percent_figure(id + ".tang_ty_le", label + ": tỷ lệ tăng cả giai đoạn", s.last - s.first, s.first, 1));
  std::string a = money ? format_billion_dong(s.last) : format_int(s.last);
  std::string b = money ? format_billion_dong(s.first) : format_int(s.first);
  if (s.compound)
    f.push_back(real_figure(id + ".tang_truong_binh_quan", label + ": tốc độ tăng trưởng bình quân năm", "%/năm",
                            *s.compound * 100, 1,
                            "tăng trưởng kép từ hai đầu mút: (" + a + " / " + b + ")^(1/" +
                                std::to_string(s.last_year - s.first_year) + ") − 1"));
  if (s.mean_yearly)
    f.push_back(real_figure(id + ".tang_truong_trung_binh_cac_nam", label + ": trung bình cộng tốc độ tăng các năm",
                            "%/năm", *s.mean_yearly * 100, 1, "trung bình cộng của các tốc độ tăng hằng năm"));
}

}  // namespace

void build_figures(const Dataset& /*data*/, PhaseReport& r) {
  std::vector<Figure>& f = r.figures;
  f.clear();
  add_totals(f, "de_an.tong", "toàn giai đoạn", r.total);
  for (size_t l = 0; l < kFundingLevels; ++l)
    add_totals(f, std::string("de_an.") + kLevelIds[l], kLevelLabels[l], r.by_level[l]);
  if (r.total.budget > 0)
    f.push_back(real_figure("de_an.doi_ung_tren_nsnn", "kinh phí đối ứng so với kinh phí ngân sách nhà nước", "lần",
                            static_cast<double>(r.total.counterpart) / static_cast<double>(r.total.budget), 2,
                            "kinh phí đối ứng / kinh phí ngân sách nhà nước"));
  for (const IndicatorResult& m : r.money_indicators) add_indicator(f, m);
  for (const ContentResult& c : r.contents) {
    std::string prefix = "noi_dung." + std::to_string(c.number);
    add_totals(f, prefix, "nội dung " + std::to_string(c.number), c.total);
    for (size_t l = 0; l < kFundingLevels; ++l)
      add_totals(f, prefix + "." + kLevelIds[l], "nội dung " + std::to_string(c.number) + ", " + kLevelLabels[l],
                 c.by_level[l]);
    for (const IndicatorResult& o : c.outputs) add_indicator(f, o);
    f.push_back(count_figure(prefix + ".hoat_dong", "hoạt động không có kinh phí riêng, nội dung " + std::to_string(c.number),
                             "hoạt động", static_cast<int64_t>(c.activities.size())));
  }
  for (size_t l = 1; r.selection.recorded && l < kSelectionLevels.size(); ++l) {  // no rounds recorded: no figure
    std::string level = kSelectionLevels[l];
    f.push_back(count_figure("binh_chon." + level + ".so_cuoc", "số cuộc bình chọn " + level, "cuộc", r.selection.rounds[l]));
    f.push_back(count_figure("binh_chon." + level + ".ton_vinh", "số sản phẩm được tôn vinh " + level, "sản phẩm",
                             r.selection.honoured[l]));
  }
  f.push_back(count_figure("noi_dung.so_thuc_hien", "số nội dung có đề án hoặc hoạt động", "nội dung", r.contents_with_activity));
  f.push_back(count_figure("noi_dung.so_quy_dinh", "số nội dung theo quy định", "nội dung", r.contents_in_force));
  f.push_back(count_figure("van_ban.dia_phuong", "văn bản do địa phương ban hành", "văn bản",
                           static_cast<int64_t>(r.local_documents.size())));

  // Figures of a kind without records are left out rather than given as zero (missing_data.h).
  const OrganisationSummary& o = r.organisation;
  if (o.centre_staff_recorded) {
    f.push_back(count_figure("to_chuc.trung_tam.can_bo", "cán bộ, viên chức của trung tâm khuyến công", "người", o.centre_staff));
    f.push_back(count_figure("to_chuc.trung_tam.can_bo_khuyen_cong", "cán bộ trung tâm làm công tác khuyến công", "người",
                             o.centre_staff_on_extension));
    if (o.centre_staff > 0)
      f.push_back(percent_figure("to_chuc.trung_tam.ty_le_khuyen_cong", "tỷ lệ cán bộ trung tâm làm công tác khuyến công",
                                 o.centre_staff_on_extension, o.centre_staff, 1));
  }
  if (o.local_staff_recorded) {
    f.push_back(count_figure("to_chuc.can_bo_kiem_nhiem", "cán bộ cấp huyện kiêm nhiệm công tác khuyến công", "người",
                             o.local_concurrent_officers));
    f.push_back(count_figure("to_chuc.cong_tac_vien", "cộng tác viên khuyến công", "người", o.collaborators));
  }

  add_growth(f, "co_so_cnnt", "số cơ sở công nghiệp nông thôn", r.establishments, false);
  add_growth(f, "gtsx_cnnt", "giá trị sản xuất công nghiệp nông thôn (giá so sánh 2010)", r.production, true);
  if (r.production.available && r.province_industry_value && *r.province_industry_value > 0)
    f.push_back(percent_figure("gtsx_cnnt.ty_trong", "tỷ trọng trong giá trị sản xuất công nghiệp toàn tỉnh",
                               r.production.last, *r.province_industry_value, 1,
                               format_billion_dong(r.production.last) + " / " +
                                   format_billion_dong(*r.province_industry_value) + " tỷ đồng × 100"));

  const CraftVillageSummary& cv = r.craft_villages;
  if (cv.recorded) {
    f.push_back(count_figure("lang_nghe.tong", "làng nghề được công nhận", "làng nghề", cv.total));
    f.push_back(count_figure("lang_nghe.truyen_thong", "làng nghề truyền thống", "làng nghề", cv.traditional));
    f.push_back(count_figure("lang_nghe.moi", "làng nghề (không phải truyền thống)", "làng nghề", cv.other));
    f.push_back(count_figure("lang_nghe.hieu_qua", "làng nghề hoạt động hiệu quả", "làng nghề", cv.effective));
  }

  const AreaSummary& a = r.areas;
  add_totals(f, "dia_ban.uu_tien",
             "tại các địa bàn ưu tiên" + (a.priority_kinds.empty() ? std::string() : " (" + join_vi_list(a.priority_kinds) + ")"),
             a.priority);
  add_totals(f, "dia_ban.con_lai", "tại các địa bàn còn lại", a.other);
  add_totals(f, "dia_ban.toan_tinh", "triển khai trên phạm vi toàn tỉnh", a.province_wide);
  if (r.total.projects > 0)
    f.push_back(percent_figure("dia_ban.uu_tien.ty_le_de_an", "tỷ lệ số đề án tại các địa bàn ưu tiên",
                               a.priority.projects, r.total.projects, 1));
  if (r.total.budget > 0)
    f.push_back(percent_figure("dia_ban.uu_tien.ty_le_kinh_phi", "tỷ lệ kinh phí tại các địa bàn ưu tiên",
                               a.priority.budget, r.total.budget, 1));
}

}  // namespace kc
