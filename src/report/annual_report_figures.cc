// The annual and six-month reports' figures. The period's results are the phase report's
// figures of the period (build_figures) under the period's prefix ("nam.de_an.tong.so_de_an",
// "sau_thang.noi_dung.3.kinh_phi"), their labels saying the period instead of the phase; targets
// are the annual plan's ("nam.chi_tieu.<code>.ke_hoach", ".ty_le_dat"). Then what only these
// reports state: stages, lists, beneficiaries, the same period of the previous year
// ("cung_ky.…", "so_sanh.…") and, for six months, the year's plan on 30/06 and the year's
// estimate ("sau_thang.tien_do.…", "ca_nam.…"). docs/report.md lists them.
#include <array>

#include "report/annual_report.h"

namespace kc {

namespace {

constexpr std::array<const char*, kFundingLevels> kLevelIds = {"quoc_gia", "tinh", "huyen"};
constexpr std::array<const char*, kFundingLevels> kLevelLabels = {"khuyến công quốc gia", "khuyến công tỉnh",
                                                                  "khuyến công cấp huyện"};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

bool is_target_figure(const std::string& id) { return id.ends_with(".muc_tieu") || id.ends_with(".ty_le_dat"); }

// The phase figures of `report` under `prefix`, labelled for `period`. Targets are left out:
// the annual plan's are added apart.
void add_period_figures(std::vector<Figure>& out, const PhaseReport& report, const std::string& prefix,
                        const std::string& period, const std::string& label_suffix) {
  for (const Figure& f : report.figures) {
    if (is_target_figure(f.id)) continue;
    Figure g = f;
    g.id = prefix + "." + f.id;
    g.label = replaced(f.label, "toàn giai đoạn", period);
    if (g.label == f.label && !label_suffix.empty()) g.label += " " + label_suffix;
    out.push_back(std::move(g));
  }
}

void add_totals(std::vector<Figure>& f, const std::string& prefix, const std::string& what, const Totals& t) {
  f.push_back(count_figure(prefix + ".so_de_an", "số đề án " + what, "đề án", t.projects));
  f.push_back(million_dong_figure(prefix + ".kinh_phi", "kinh phí ngân sách nhà nước " + what, t.budget));
}

void add_level_totals(std::vector<Figure>& f, const std::string& prefix, const std::string& what,
                      const std::array<Totals, kFundingLevels>& levels, const Totals& total) {
  add_totals(f, prefix + ".tong", what, total);
  for (size_t l = 0; l < kFundingLevels; ++l) add_totals(f, prefix + "." + kLevelIds[l], what + ", " + kLevelLabels[l], levels[l]);
}

void add_targets(std::vector<Figure>& f, const std::string& prefix, const std::vector<IndicatorResult>& targets) {
  for (const IndicatorResult& t : targets) {
    if (!t.target || *t.target <= 0) continue;
    std::string id = prefix + ".chi_tieu." + t.code;
    f.push_back(t.money() ? million_dong_figure(id + ".ke_hoach", "kế hoạch năm: " + t.name, *t.target)
                          : count_figure(id + ".ke_hoach", "kế hoạch năm: " + t.name, t.unit, *t.target));
    f.push_back(percent_figure(id + ".ty_le_dat", "tỷ lệ đạt so với kế hoạch năm: " + t.name, t.actual, *t.target,
                               t.percent_decimals()));
  }
}

// The period against the same period of the previous year, as a percentage of the latter.
void add_comparison(std::vector<Figure>& f, const AnnualReport& r) {
  const std::string previous_label = report_period_label(r.six_month ? half_year(r.year - 1, 1) : ReportPeriod{r.year - 1, r.year - 1});
  const Totals& now = r.current.total;
  const Totals& before = r.previous.total;
  f.push_back(count_figure("cung_ky.de_an.tong.so_de_an", "số đề án " + previous_label, "đề án", before.projects));
  f.push_back(million_dong_figure("cung_ky.de_an.tong.kinh_phi", "kinh phí ngân sách nhà nước " + previous_label, before.budget));
  f.push_back(million_dong_figure("cung_ky.de_an.tong.doi_ung", "kinh phí đối ứng " + previous_label, before.counterpart));
  for (size_t l = 0; l < kFundingLevels; ++l)
    add_totals(f, std::string("cung_ky.de_an.") + kLevelIds[l], previous_label + ", " + kLevelLabels[l], r.previous.by_level[l]);
  if (before.projects > 0)
    f.push_back(percent_figure("so_sanh.de_an.tong.so_de_an", "số đề án so với cùng kỳ năm trước", now.projects, before.projects, 1));
  if (before.budget > 0)
    f.push_back(percent_figure("so_sanh.de_an.tong.kinh_phi", "kinh phí ngân sách nhà nước so với cùng kỳ năm trước", now.budget,
                               before.budget, 1));
}

void add_progress(std::vector<Figure>& f, const PeriodProgress& p, int year) {
  const std::string on = " đến 30/6/" + std::to_string(year);
  const std::string of = "đề án của kế hoạch năm " + std::to_string(year);
  f.push_back(count_figure("sau_thang.tien_do.trong_ke_hoach", "số " + of, "đề án", p.in_plan));
  f.push_back(count_figure("sau_thang.tien_do.da_phe_duyet", "số " + of + " đã phê duyệt" + on, "đề án", p.approved_by_end));
  f.push_back(count_figure("sau_thang.tien_do.dang_thuc_hien", "số " + of + " đang thực hiện" + on, "đề án", p.in_progress_at_end));
  f.push_back(count_figure("sau_thang.tien_do.da_nghiem_thu", "số " + of + " đã nghiệm thu" + on, "đề án", p.accepted_by_end));
  f.push_back(count_figure("sau_thang.tien_do.chua_phe_duyet", "số " + of + " phê duyệt sau 30/6", "đề án", p.not_yet_approved));
  f.push_back(count_figure("sau_thang.tien_do.chua_co_ngay_phe_duyet", "số " + of + " chưa ghi ngày phê duyệt", "đề án",
                           p.approval_undated));
  if (p.in_plan > 0)
    f.push_back(percent_figure("sau_thang.tien_do.ty_le_nghiem_thu", "tỷ lệ " + of + " đã nghiệm thu" + on, p.accepted_by_end,
                               p.in_plan, 1));
}

}  // namespace

void build_annual_figures(AnnualReport& r) {
  std::vector<Figure>& f = r.figures;
  f.clear();
  const std::string prefix = r.figure_prefix();
  const std::string period = r.period_label();
  add_period_figures(f, r.current, prefix, period, "(" + period + ")");
  add_targets(f, prefix, r.targets);
  add_totals(f, prefix + ".phe_duyet", "được phê duyệt trong kỳ báo cáo", r.approved);
  const StageTotals& s = r.stages;
  add_level_totals(f, prefix + ".nghiem_thu", "đã nghiệm thu đến hết kỳ báo cáo", s.accepted, s.accepted_total);
  add_level_totals(f, prefix + ".quyet_toan", "đã quyết toán đến hết kỳ báo cáo", s.settled, s.settled_total);
  f.push_back(count_figure(prefix + ".nghiem_thu.chua_co_ngay", "số đề án đã nghiệm thu nhưng chưa ghi ngày nghiệm thu", "đề án",
                           s.acceptance_undated));
  f.push_back(count_figure(prefix + ".quyet_toan.chua_co_ngay", "số đề án đã quyết toán nhưng chưa ghi ngày quyết toán", "đề án",
                           s.settlement_undated));
  f.push_back(count_figure(prefix + ".chua_trien_khai.so_de_an", "số đề án đã phê duyệt nhưng chưa triển khai", "đề án",
                           r.approved_not_started));
  f.push_back(count_figure(prefix + ".cham_tien_do.so_de_an", "số đề án chậm tiến độ", "đề án", static_cast<int64_t>(r.behind.size())));
  f.push_back(count_figure(prefix + ".dieu_chinh.so_de_an", "số đề án được điều chỉnh", "đề án", static_cast<int64_t>(r.amended.size())));
  if (r.beneficiaries)
    f.push_back(count_figure(prefix + ".co_so_thu_huong", "số cơ sở công nghiệp nông thôn được hỗ trợ", "cơ sở", *r.beneficiaries));
  add_comparison(f, r);
  if (r.progress) add_progress(f, *r.progress, r.year);
  if (r.whole_year) {
    const std::string year = "năm " + std::to_string(r.year);
    add_totals(f, "ca_nam.de_an.tong", "ước thực hiện cả " + year, r.whole_year->total);
    for (size_t l = 0; l < kFundingLevels; ++l)
      add_totals(f, std::string("ca_nam.de_an.") + kLevelIds[l], "ước thực hiện cả " + year + ", " + kLevelLabels[l],
                 r.whole_year->by_level[l]);
  }
}

}  // namespace kc
