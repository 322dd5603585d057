#include "report/annual_report_document.h"

#include "core/vn_format.h"
#include "report/missing_data.h"
#include "report/phase_report_sections.h"
#include "report/report_letterhead.h"
#include "report/report_phrases.h"
#include "report/report_sheet_cells.h"
#include "text/normalize.h"

namespace kc {

namespace {

using doc::ParagraphStyle;

constexpr const char* kLevelProjects[] = {"đề án khuyến công quốc gia", "đề án khuyến công tỉnh",
                                          "đề án khuyến công do các huyện, thành phố bố trí"};
constexpr const char* kLevelSources[] = {"kinh_phi_quoc_gia", "kinh_phi_tinh", "kinh_phi_huyen"};

class AnnualDocumentBuilder {
 public:
  AnnualDocumentBuilder(const AnnualReport& r, const NarrativeSections& n, const ReportIssueDetails& i)
      : r_(r), c_(r.current), n_(n), i_(i) {}

  doc::Document build() {
    d_.letterhead = report_letterhead(c_, i_.number_symbol, i_.date);
    d_.kind = "BÁO CÁO";
    d_.subject.push_back(annual_subject(r_));
    intro();
    heading(ParagraphStyle::Heading1, "I. " + to_upper_vi("Kết quả thực hiện kế hoạch khuyến công " + period()));
    management();
    results();
    assessment();
    tasks();
    proposals();
    signature();
    appendices();
    return std::move(d_);
  }

 private:
  std::string period() const { return r_.period_label(); }
  std::string year() const { return "năm " + std::to_string(r_.year); }
  std::string end_day() const { return to_vn(r_.period.last_day()); }
  std::string area() const { return c_.area_type.empty() ? std::string("địa phương") : c_.area_type; }

  void heading(ParagraphStyle style, std::string text) { d_.body.push_back(doc::para(std::move(text), style)); }
  void body(std::string text) { d_.body.push_back(doc::para(std::move(text))); }
  void bullet(std::string text) { d_.body.push_back(doc::para("- " + std::move(text), ParagraphStyle::Bullet)); }
  bool has_narrative(const std::string& id) const {
    auto it = n_.find(id);
    return it != n_.end() && !it->second.empty();
  }
  void narrative(const std::string& id) {
    auto it = n_.find(id);
    if (it != n_.end()) d_.body.insert(d_.body.end(), it->second.begin(), it->second.end());
  }

  // " (đạt 93,3% so với kế hoạch năm)" where the annual plan has a target.
  std::string achievement(const std::string& code, int64_t actual) const {
    for (const IndicatorResult& t : r_.targets)
      if (t.code == code && t.target && *t.target > 0)
        return " (đạt " + format_ratio_percent(actual, *t.target, t.percent_decimals()) + "% so với kế hoạch năm)";
    return {};
  }
  std::string money_achievement(const std::string& source, int64_t actual) const {
    for (const IndicatorResult& t : r_.targets)
      if (t.source == source) return achievement(t.code, actual);
    return {};
  }

  void intro() {
    std::string text = "Thực hiện " + c_.plan_name;
    if (c_.approving_document) text += " (" + document_sentence(*c_.approving_document) + ")";
    text += ", " + (c_.agency_name.empty() ? std::string("cơ quan quản lý") : c_.agency_name) +
            " báo cáo kết quả thực hiện kế hoạch khuyến công " + period();
    if (r_.six_month) text += " và nhiệm vụ 6 tháng cuối năm " + std::to_string(r_.year);
    body(text + " như sau:");
  }

  // 1. Direction and management: the area's documents of the period and the centre's staff.
  void management() {
    heading(ParagraphStyle::Heading2, "1. Công tác chỉ đạo, điều hành");
    std::vector<const DocumentRef*> issued;
    for (const DocumentRef& d : c_.local_documents)
      if (r_.period.contains(d.issued)) issued.push_back(&d);
    if (issued.empty()) {
      bullet(upper_first_vi(period()) + ", chưa có văn bản nào của địa phương về khuyến công được ghi nhận trong hệ thống.");
    } else {
      bullet(upper_first_vi(period()) + ", các cơ quan của " + area() + " đã ban hành " +
             format_count_prose(static_cast<int64_t>(issued.size())) + " văn bản chỉ đạo, điều hành hoạt động khuyến công:");
      for (const DocumentRef* d : issued) bullet(document_sentence(*d) + ".");
    }
    const OrganisationSummary& o = c_.organisation;
    if (auto what = missing_what(c_, MissingKind::Centre)) {
      bullet(missing_sentence(*what));
    } else if (auto staff = missing_what(c_, MissingKind::CentreStaff)) {
      bullet(missing_sentence(*staff));
    } else {
      bullet("Tại thời điểm " + end_day() + ", " + o.centre_name + " có " + format_count_prose(o.centre_staff) +
             " cán bộ, viên chức, trong đó " + format_count_prose(o.centre_staff_on_extension) +
             " người được giao triển khai các hoạt động khuyến công.");
    }
    narrative("I.1");
  }

  void results() {
    heading(ParagraphStyle::Heading2, "2. Kết quả thực hiện các nội dung của kế hoạch");
    heading(ParagraphStyle::Heading3, "2.1. Kết quả chung");
    if (r_.six_month) year_plan_progress();
    if (auto what = missing_what(c_, MissingKind::Projects)) {
      body(missing_sentence(*what));
    } else {
      overall();
      stages();
    }
    heading(ParagraphStyle::Heading3, "2.2. Kết quả theo nội dung hoạt động khuyến công");
    by_content();
    heading(ParagraphStyle::Heading3, "2.3. Các đề án khuyến công quốc gia");
    national();
    heading(ParagraphStyle::Heading3, "2.4. Đề án chậm tiến độ, đề án điều chỉnh");
    behind_and_amended();
    heading(ParagraphStyle::Heading3, "2.5. Cơ sở thụ hưởng và địa bàn thực hiện");
    beneficiaries_and_areas();
    heading(ParagraphStyle::Heading3, "2.6. So sánh với cùng kỳ năm trước");
    comparison();
    narrative("I.2");
  }

  void overall() {
    std::string text = upper_first_vi(period()) + ", toàn " + area() + " triển khai thực hiện " +
                       format_count_prose(c_.total.projects) + " đề án với tổng kinh phí ngân sách nhà nước " +
                       million_dong_text(c_.total.budget) + money_achievement("kinh_phi_nsnn", c_.total.budget) + ", trong đó: ";
    for (size_t l = 0; l < kFundingLevels; ++l) {
      const Totals& t = c_.by_level[l];
      text += (l == 0 ? "" : l + 1 == kFundingLevels ? " và " : "; ") + format_count_prose(t.projects) + " " + kLevelProjects[l] +
              ", kinh phí " + million_dong_text(t.budget) + money_achievement(kLevelSources[l], t.budget);
    }
    body(text + ".");
    body("Kinh phí đối ứng của các cơ sở công nghiệp nông thôn là " + million_dong_text(c_.total.counterpart) +
         money_achievement("kinh_phi_doi_ung", c_.total.counterpart) + ".");
  }

  // Approvals of the period, then where the counted projects stood on its last day;
  // disbursement is not recorded.
  void stages() {
    if (!r_.six_month)  // six months: told with the year's plan on 30/06
      body(upper_first_vi(period()) + ", " + format_count_prose(r_.approved.projects) +
           " đề án được phê duyệt với kinh phí ngân sách nhà nước " + million_dong_text(r_.approved.budget) + ".");
    const StageTotals& s = r_.stages;
    std::string text = "Đến ngày " + end_day() + ", " + format_count_prose(s.accepted_total.projects) +
                       " đề án đã được nghiệm thu (kinh phí " + million_dong_text(s.accepted_total.budget) + ")";
    if (s.settled_total.projects > 0)
      text += ", " + format_count_prose(s.settled_total.projects) + " đề án đã quyết toán (kinh phí " +
              million_dong_text(s.settled_total.budget) + ")";
    // Steps taken without a recorded day cannot be placed in the period: said apart.
    if (s.acceptance_undated > 0)
      text += "; ngoài ra " + format_count_prose(s.acceptance_undated) +
              " đề án đã nghiệm thu theo trạng thái hồ sơ nhưng chưa ghi ngày nghiệm thu";
    if (s.settlement_undated > 0)
      text += "; theo trạng thái hồ sơ, " + format_count_prose(s.settlement_undated) +
              " đề án đã quyết toán nhưng chưa ghi ngày quyết toán";
    body(text + ". Số liệu giải ngân chưa được theo dõi trong hệ thống; kinh phí quyết toán là kinh phí ngân sách nhà nước của các đề án đã quyết toán.");
    if (r_.approved_not_started > 0)
      body("Có " + format_count_prose(r_.approved_not_started) + " đề án của kế hoạch " + year() +
           " đã được phê duyệt nhưng chưa triển khai thực hiện.");
  }

  // Six months: the year's plan on 30/06 and the estimate for the whole year.
  void year_plan_progress() {
    const PeriodProgress& p = *r_.progress;
    std::string text = "Kế hoạch khuyến công " + year() + " có " + format_count_prose(p.in_plan) + " đề án. Đến ngày " +
                       end_day() + ", " + format_count_prose(p.approved_by_end) + " đề án đã được phê duyệt, trong đó " +
                       format_count_prose(p.accepted_by_end) + " đề án đã nghiệm thu";
    if (p.in_plan > 0) text += " (" + format_ratio_percent(p.accepted_by_end, p.in_plan, 1) + "% số đề án của kế hoạch năm)";
    text += " và " + format_count_prose(p.in_progress_at_end) + " đề án đang thực hiện";
    if (p.not_yet_approved > 0) text += "; " + format_count_prose(p.not_yet_approved) + " đề án được phê duyệt sau ngày " + end_day();
    if (p.approval_undated > 0) text += "; " + format_count_prose(p.approval_undated) + " đề án chưa ghi ngày phê duyệt";
    body(text + ".");
    const PhaseReport& y = *r_.whole_year;
    body("Ước thực hiện cả " + year() + ": " + format_count_prose(y.total.projects) + " đề án với kinh phí ngân sách nhà nước " +
         million_dong_text(y.total.budget) + money_achievement("kinh_phi_nsnn", y.total.budget) +
         " (các đề án của kế hoạch năm đã triển khai thực hiện).");
  }

  void by_content() {
    bool any = false;
    for (const ContentResult& c : c_.contents) {
      std::vector<std::string> outputs;
      for (const IndicatorResult& o : c.outputs)
        if (o.actual > 0) outputs.push_back(format_count_prose(o.actual) + " " + o.name + achievement(o.code, o.actual));
      if (c.total.projects == 0 && outputs.empty()) continue;
      any = true;
      std::string text = upper_first_vi(c.title) + ": thực hiện " + format_count_prose(c.total.projects) +
                         " đề án, kinh phí " + million_dong_text(c.total.budget);
      if (!outputs.empty()) text += "; kết quả đạt được: " + join_vi_list(outputs);
      bullet(text + ".");
    }
    if (!any) bullet(upper_first_vi(period()) + ", chưa có đề án nào được ghi nhận theo các nội dung khuyến công.");
    if (r_.targets.empty())
      bullet(missing_sentence("mục tiêu của " + lower_first_vi(c_.plan_name) + " (muc_tieu.csv)") +
             " Chưa đánh giá được mức độ đạt kế hoạch năm. Chi tiết tại Phụ lục 1 và Phụ lục 2.");
    else
      bullet("Kết quả từng chỉ tiêu so với kế hoạch năm và cùng kỳ năm trước tại Phụ lục 2.");
  }

  void national() {
    const Totals& t = c_.by_level[0];
    if (r_.national.empty()) {
      bullet(upper_first_vi(period()) + ", không có đề án khuyến công quốc gia nào được triển khai trên địa bàn.");
      return;
    }
    int64_t accepted = 0;
    for (const ProjectLine& p : r_.national) accepted += p.note.empty() ? 1 : 0;
    bullet(upper_first_vi(period()) + ", " + format_count_prose(t.projects) + " đề án khuyến công quốc gia được triển khai với kinh phí " +
           million_dong_text(t.budget) + "; đến ngày " + end_day() + ", " + format_count_prose(accepted) +
           " đề án đã nghiệm thu. Danh sách tại Phụ lục 3.");
  }

  void project_bullet(const ProjectLine& p) {
    bullet(p.name + " (" + p.place + ", kinh phí " + million_dong_text(p.budget) + "): " + p.note + ".");
  }

  void behind_and_amended() {
    if (r_.behind.empty())
      bullet("Không có đề án nào chậm tiến độ so với thời gian thực hiện được phê duyệt.");
    else {
      bullet("Có " + format_count_prose(static_cast<int64_t>(r_.behind.size())) +
             " đề án chậm tiến độ (đến ngày " + end_day() + " đã hết thời gian thực hiện nhưng chưa được nghiệm thu):");
      for (const ProjectLine& p : r_.behind) project_bullet(p);
    }
    if (r_.amended.empty())
      bullet(upper_first_vi(period()) + ", không có đề án nào được phê duyệt điều chỉnh.");
    else {
      bullet(upper_first_vi(period()) + ", " + format_count_prose(static_cast<int64_t>(r_.amended.size())) +
             " đề án được phê duyệt điều chỉnh:");
      for (const ProjectLine& p : r_.amended) project_bullet(p);
    }
  }

  void beneficiaries_and_areas() {
    if (r_.beneficiaries)
      bullet("Các đề án đã hỗ trợ " + format_count_prose(*r_.beneficiaries) + " cơ sở công nghiệp nông thôn.");
    else if (c_.total.projects > 0)
      bullet(missing_sentence("cơ sở thụ hưởng của các đề án " + period() + " (de_an_co_so.csv)"));
    append_area_comparison(c_, d_.body, "");
  }

  void comparison() {
    const Totals& now = c_.total;
    const Totals& before = r_.previous.total;
    std::string previous = report_period_label(r_.six_month ? half_year(r_.year - 1, 1) : ReportPeriod{r_.year - 1, r_.year - 1});
    if (before.projects == 0) {
      bullet(upper_first_vi(previous) + " chưa có đề án nào được ghi nhận trong hệ thống để so sánh.");
      return;
    }
    std::string text = "So với " + previous + " (" + format_count_prose(before.projects) + " đề án, kinh phí ngân sách nhà nước " +
                       million_dong_text(before.budget) + "), số đề án " + period() + " bằng " +
                       format_ratio_percent(now.projects, before.projects, 1) + "%";
    if (before.budget > 0) text += ", kinh phí bằng " + format_ratio_percent(now.budget, before.budget, 1) + "%";
    bullet(text + ".");
  }

  // 3. Assessment: the targets' achievement computed, then what staff write.
  void assessment() {
    int64_t reached = 0, with_target = 0;
    for (const IndicatorResult& t : r_.targets) {
      if (!t.target || *t.target <= 0) continue;
      ++with_target;
      if (t.actual >= *t.target) ++reached;
    }
    // Without targets nor the staff's assessment there is nothing to assess: no empty heading.
    if (with_target == 0 && !has_narrative("I.3.1") && !has_narrative("I.3.2") && !has_narrative("I.3.3")) return;
    heading(ParagraphStyle::Heading2, "3. Đánh giá chung");
    if (with_target > 0 || has_narrative("I.3.1")) heading(ParagraphStyle::Heading3, "3.1. Kết quả đạt được");
    if (with_target > 0)
      bullet(std::to_string(reached) + "/" + std::to_string(with_target) + " chỉ tiêu của kế hoạch năm đã đạt hoặc vượt kế hoạch" +
             (r_.six_month ? " ngay trong 6 tháng đầu năm." : "."));
    narrative("I.3.1");
    std::vector<const IndicatorResult*> short_of;
    for (const IndicatorResult& t : r_.targets)
      if (t.target && *t.target > 0 && t.actual < *t.target) short_of.push_back(&t);
    if (!short_of.empty() || has_narrative("I.3.2")) {
      heading(ParagraphStyle::Heading3, "3.2. Khó khăn, hạn chế");
      for (const IndicatorResult* t : short_of) {
        std::string actual = t->money() ? million_dong_text(t->actual) : format_int(t->actual) + " " + t->unit;
        std::string target = t->money() ? million_dong_text(*t->target) : format_int(*t->target) + " " + t->unit;
        bullet(upper_first_vi(t->name) + ": thực hiện " + actual + " so với kế hoạch năm " + target +
               achievement(t->code, t->actual) + ".");
      }
      narrative("I.3.2");
    }
    if (has_narrative("I.3.3")) {
      heading(ParagraphStyle::Heading3, "3.3. Nguyên nhân");
      narrative("I.3.3");
    }
  }

  void tasks() {
    int64_t remaining = r_.progress ? r_.progress->in_plan - r_.progress->accepted_by_end : 0;
    if (!has_narrative("II") && remaining <= 0) return;
    heading(ParagraphStyle::Heading1, "II. " + to_upper_vi(r_.six_month ? "Nhiệm vụ 6 tháng cuối năm " + std::to_string(r_.year)
                                                                       : "Nhiệm vụ năm " + std::to_string(r_.year + 1)));
    if (remaining > 0)
      bullet("Tiếp tục triển khai, nghiệm thu " + format_count_prose(remaining) + " đề án còn lại của kế hoạch khuyến công " +
             year() + ".");
    narrative("II");
  }

  void proposals() {
    if (!has_narrative("III")) return;
    heading(ParagraphStyle::Heading1, std::string(has_heading_II() ? "III. " : "II. ") + "ĐỀ XUẤT, KIẾN NGHỊ");
    narrative("III");
  }

  bool has_heading_II() const {
    for (const doc::Block& b : d_.body)
      if (const auto* p = std::get_if<doc::Paragraph>(&b); p && p->style == ParagraphStyle::Heading1 && !p->spans.empty() &&
                                                             p->spans[0].text.rfind("II. ", 0) == 0)
        return true;
    return false;
  }

  void signature() {
    d_.signature = report_signature(c_, i_);
  }

  void appendices() {
    for (SheetTable& s : annual_sheet_tables(r_)) {
      doc::Table t = document_table(std::move(s));
      doc::Appendix a = report_appendix(c_, t.caption, i_.number_symbol, i_.date);
      t.caption.clear();
      doc::align_decimals(t);
      a.blocks.push_back(std::move(t));
      d_.appendices.push_back(std::move(a));
    }
    if (i_.charts) charts();
  }

  // Asked for (the draft's "kèm biểu đồ", `--charts`): the state budget by content, stacked by
  // funding level, as one more appendix.
  void charts() {
    doc::Chart chart;
    chart.kind = doc::ChartKind::Bar;
    chart.caption = "Biểu đồ 1. Kinh phí ngân sách nhà nước theo nội dung và cấp kinh phí " + period();
    chart.unit = "triệu đồng";
    chart.decimals = 1;
    static const char* const kNames[] = {"Khuyến công quốc gia", "Khuyến công tỉnh", "Khuyến công cấp huyện"};
    for (const char* name : kNames) chart.series.push_back({name, {}});
    for (const ContentResult& c : c_.contents) {
      chart.categories.push_back(std::to_string(c.number) + ". " + upper_first_vi(c.title));
      for (size_t l = 0; l < kFundingLevels; ++l)
        chart.series[l].values.push_back(static_cast<double>(c.by_level[l].budget) / 1e6);
    }
    doc::Appendix a = report_appendix(c_, "Phụ lục " + std::to_string(d_.appendices.size() + 1) + ". Biểu đồ kết quả thực hiện kế hoạch khuyến công " + period(),
                                      i_.number_symbol, i_.date);
    a.blocks.push_back(std::move(chart));
    d_.appendices.push_back(std::move(a));
  }

  const AnnualReport& r_;
  const PhaseReport& c_;
  const NarrativeSections& n_;
  const ReportIssueDetails& i_;
  doc::Document d_;
};

}  // namespace

std::string annual_subject(const AnnualReport& r) {
  std::string y = std::to_string(r.year);
  if (r.six_month)
    return "Kết quả thực hiện kế hoạch khuyến công sáu tháng đầu năm " + y + " và nhiệm vụ sáu tháng cuối năm " + y;
  return "Kết quả thực hiện kế hoạch khuyến công năm " + y;
}

std::vector<ReportSection> annual_sections(const AnnualReport& r) {
  std::string next = r.six_month ? "6 tháng cuối năm " + std::to_string(r.year) : "năm " + std::to_string(r.year + 1);
  return {
      {"I.1", "1. Công tác chỉ đạo, điều hành", "Việc chỉ đạo, điều hành, phối hợp triển khai kế hoạch trong kỳ."},
      {"I.2", "2. Kết quả thực hiện các nội dung của kế hoạch", "Nhận xét thêm sau các số liệu kết quả được tính tự động."},
      {"I.3.1", "3.1. Kết quả đạt được", "Những kết quả nổi bật, hiệu quả của các đề án."},
      {"I.3.2", "3.2. Khó khăn, hạn chế", "Khó khăn, hạn chế trong thực hiện kế hoạch."},
      {"I.3.3", "3.3. Nguyên nhân", "Nguyên nhân khách quan, chủ quan của các hạn chế."},
      {"II", "II. Nhiệm vụ " + next, "Nhiệm vụ, giải pháp cho kỳ tiếp theo."},
      {"III", "III. Đề xuất, kiến nghị", "Đề xuất, kiến nghị với Bộ Công Thương, UBND tỉnh và các cơ quan liên quan."},
  };
}

doc::Document build_annual_document(const AnnualReport& report, const NarrativeSections& narratives,
                                    const ReportIssueDetails& issue) {
  return AnnualDocumentBuilder(report, narratives, issue).build();
}

}  // namespace kc
