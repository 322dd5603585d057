// "3. Đánh giá chung" of the phase report and the marked-up plan text of Part II.
#include <sstream>
#include <string_view>
#include <utility>

#include "core/vn_format.h"
#include "report/missing_data.h"
#include "report/phase_report_sections.h"
#include "report/report_phrases.h"
#include "text/normalize.h"

namespace kc {

namespace {

using doc::ParagraphStyle;

constexpr const char* kMainResults = "3.1. Những kết quả chính đạt được";
constexpr const char* kLimitations = "3.2. Tồn tại, hạn chế";
constexpr const char* kCauses = "3.3. Nguyên nhân của những tồn tại, hạn chế";
constexpr const char* kLessons = "3.4. Bài học kinh nghiệm";

class AssessmentWriter {
 public:
  AssessmentWriter(const PhaseReport& r, const NarrativeSections& narratives, std::vector<doc::Block>& body)
      : r_(r), narratives_(narratives), body_(body) {}

  void write() {
    add("3. Đánh giá chung", ParagraphStyle::Heading2);
    add(kMainResults, ParagraphStyle::Heading3);
    main_results();
    by_area();
    narrative("I.3.1");
    add(kLimitations, ParagraphStyle::Heading3);
    targets_not_reached();
    narrative("I.3.2");
    for (const auto& [id, title] : {std::pair{"I.3.3", kCauses}, std::pair{"I.3.4", kLessons}}) {
      if (!narratives_.count(id)) continue;
      add(title, ParagraphStyle::Heading3);
      narrative(id);
    }
  }

 private:
  void narrative(std::string_view id) {
    auto it = narratives_.find(id);
    if (it != narratives_.end()) body_.insert(body_.end(), it->second.begin(), it->second.end());
  }

  void add(std::string text, ParagraphStyle style) { body_.push_back(doc::para(std::move(text), style)); }
  void bullet(std::string text) { add("- " + std::move(text), ParagraphStyle::Bullet); }

  void main_results() {
    bullet("Thực hiện " + std::to_string(r_.contents_with_activity) + "/" + std::to_string(r_.contents_in_force) +
           " nội dung hoạt động khuyến công theo quy định.");
    if (r_.total.projects > 0) budget_and_counterpart();  // no project: told as missing in 2., not "0 triệu đồng"
    establishments();
    production();
    craft_villages();
  }

  void budget_and_counterpart() {
    std::string money = "Tổng kinh phí ngân sách nhà nước " + million_dong_text(r_.total.budget);
    if (r_.by_level[0].budget > 0)
      money += ", trong đó " + million_dong_text(r_.by_level[0].budget) + " từ nguồn kinh phí khuyến công quốc gia";
    money += "; thu hút " + million_dong_text(r_.total.counterpart) + " vốn đối ứng của các tổ chức, cá nhân";
    if (r_.total.budget > 0)
      money += ", bằng " + format_double(static_cast<double>(r_.total.counterpart) / static_cast<double>(r_.total.budget), 2) +
               " lần kinh phí ngân sách nhà nước";
    bullet(money + ".");
  }

  void establishments() {
    const SeriesEndpoints& e = r_.establishments;
    if (!e.available) {
      bullet("Chưa có số liệu thống kê số cơ sở công nghiệp nông thôn năm " + std::to_string(e.first_year) + " và năm " +
             std::to_string(e.last_year) + " để đánh giá.");
      return;
    }
    std::string change = e.last >= e.first ? "tăng" : "giảm";
    std::string text = "Số doanh nghiệp, cơ sở sản xuất công nghiệp nông thôn " + change + " từ " + format_int(e.first) +
                       " năm " + std::to_string(e.first_year) + " lên " + format_int(e.last) + " năm " +
                       std::to_string(e.last_year) + ", " + change + " " + format_int(std::abs(e.last - e.first)) + " cơ sở";
    if (e.first > 0) text += " (" + format_ratio_percent(std::abs(e.last - e.first), e.first, 1) + "%)";
    bullet(text + ".");
  }

  void production() {
    const SeriesEndpoints& p = r_.production;
    if (!p.available) {
      bullet("Chưa có số liệu giá trị sản xuất công nghiệp nông thôn năm " + std::to_string(p.first_year) + " và năm " +
             std::to_string(p.last_year) + " để đánh giá.");
      return;
    }
    int years = p.last_year - p.first_year;
    std::string text = "Giá trị sản xuất công nghiệp nông thôn (theo giá so sánh 2010) từ " + format_billion_dong(p.first) +
                       " tỷ đồng năm " + std::to_string(p.first_year) + " lên " + format_billion_dong(p.last) +
                       " tỷ đồng năm " + std::to_string(p.last_year);
    // The method in words here; its formula goes in the note below.
    if (p.compound)
      text += ", tốc độ tăng trưởng bình quân " + format_double(*p.compound * 100, 1) +
              "%/năm (mức tăng đều mỗi năm để từ giá trị năm " + std::to_string(p.first_year) + " đạt giá trị năm " +
              std::to_string(p.last_year) + ")";
    if (r_.province_industry_value && *r_.province_industry_value > 0)
      text += ", chiếm " + format_ratio_percent(p.last, *r_.province_industry_value, 1) +
              "% tổng giá trị sản xuất công nghiệp của " + r_.area_type;
    bullet(text + ".");
    std::string method = "Ghi chú: tốc độ tăng trưởng bình quân (tăng trưởng kép) = (" + format_billion_dong(p.last) + " / " +
                         format_billion_dong(p.first) + ")^(1/" + std::to_string(years) + ") − 1";
    if (p.compound) method += " = " + format_double(*p.compound * 100, 2) + "%/năm";
    if (p.mean_yearly)
      method += "; trung bình cộng các tốc độ tăng hằng năm là " + format_double(*p.mean_yearly * 100, 1) + "%/năm";
    else
      method += "; không có đủ số liệu từng năm " + std::to_string(p.first_year + 1) + "–" + std::to_string(p.last_year - 1) +
                " nên không tính trung bình cộng các tốc độ tăng hằng năm";
    add(method + ".", ParagraphStyle::Note);
  }

  void craft_villages() {
    const CraftVillageSummary& c = r_.craft_villages;
    if (auto what = missing_what(r_, MissingKind::CraftVillages)) {
      bullet(missing_sentence(*what));
      return;
    }
    if (c.total == 0) return;
    std::string text = "Toàn " + r_.area_type + " có " + format_count_prose(c.total) + " làng nghề được công nhận, bao gồm " +
                       format_count_prose(c.traditional) + " làng nghề truyền thống và " + format_count_prose(c.other) +
                       " làng nghề mới; " + std::to_string(c.effective) + "/" + std::to_string(c.total) +
                       " làng nghề hoạt động hiệu quả";
    if (!c.notable.empty()) {
      text += "; một số làng nghề phát triển mạnh như: ";
      for (size_t i = 0; i < c.notable.size(); ++i)
        text += (i ? "; " : "") + c.notable[i].name + " (" + c.notable[i].place + ")";
    }
    bullet(text + ".");
  }

  void by_area() { append_area_comparison(r_, body_, "Phụ lục 4"); }

  void targets_not_reached() {
    if (auto what = missing_what(r_, MissingKind::Targets)) {
      bullet(missing_sentence(*what) + " Chưa đánh giá được mức độ đạt mục tiêu giai đoạn.");
      return;
    }
    bool any = false;
    for (const IndicatorResult& t : r_.targets) {
      if (!t.target || t.actual >= *t.target) continue;
      any = true;
      std::string actual = t.money() ? million_dong_text(t.actual) : format_int(t.actual) + " " + t.unit;
      std::string target = t.money() ? million_dong_text(*t.target) : format_int(*t.target) + " " + t.unit;
      bullet(upper_first_vi(t.name) + ": thực hiện " + actual + " so với mục tiêu " + target + achievement_text(t) + ".");
    }
    if (!any) bullet("Tất cả các chỉ tiêu có mục tiêu trong kế hoạch đều đạt hoặc vượt mục tiêu.");
  }


  const PhaseReport& r_;
  const NarrativeSections& narratives_;
  std::vector<doc::Block>& body_;
};

}  // namespace

void append_assessment(const PhaseReport& report, const NarrativeSections& narratives, std::vector<doc::Block>& body) {
  AssessmentWriter(report, narratives, body).write();
}

std::vector<ReportSection> assessment_sections() {
  return {{"I.3.1", kMainResults, "Đánh giá những kết quả chính, sau phần số liệu tự tính."},
          {"I.3.2", kLimitations, "Tồn tại, hạn chế, sau các chỉ tiêu chưa đạt mục tiêu."},
          {"I.3.3", kCauses, "Nguyên nhân khách quan, chủ quan của những tồn tại, hạn chế."},
          {"I.3.4", kLessons, "Bài học kinh nghiệm (không bắt buộc)."}};
}

void append_area_comparison(const PhaseReport& report, std::vector<doc::Block>& body, const std::string& appendix) {
  auto bullet = [&](std::string text) { body.push_back(doc::para("- " + std::move(text), ParagraphStyle::Bullet)); };
  auto share = [&](const Totals& part) {
    std::string text = format_count_prose(part.projects) + " đề án";
    if (report.total.projects > 0) text += " (" + format_ratio_percent(part.projects, report.total.projects, 1) + "% số đề án)";
    text += ", kinh phí " + million_dong_text(part.budget);
    if (report.total.budget > 0) text += " (" + format_ratio_percent(part.budget, report.total.budget, 1) + "% kinh phí)";
    return text;
  };
  if (report.total.projects == 0) {  // the missing projects are told where the results are
    bullet("Chưa có đề án nào được ghi nhận để so sánh kết quả giữa các địa bàn.");
    return;
  }
  const AreaSummary& a = report.areas;
  std::string names;
  for (const std::string& n : a.priority_names) names += (names.empty() ? "" : ", ") + n;
  if (names.empty()) {
    bullet("Chưa có đơn vị hành chính nào của " + report.area_name +
           " được ghi nhận là địa bàn ưu tiên trong thời kỳ của kế hoạch.");
  } else {
    bullet("Các địa bàn ưu tiên (" + join_vi_list(a.priority_kinds) + ": " + names + "): " + share(a.priority) + ".");
  }
  bullet("Các địa bàn còn lại: " + share(a.other) + ".");
  if (a.province_wide.projects > 0) bullet("Đề án triển khai trên phạm vi toàn " + report.area_type + ": " + share(a.province_wide) + ".");
  if (!names.empty() && a.other.projects > 0)
    bullet("Số đề án tại các địa bàn ưu tiên bằng " + format_ratio_percent(a.priority.projects, a.other.projects, 1) +
           "% số đề án tại các địa bàn còn lại" +
           (a.priority.projects < a.other.projects ? "; các địa bàn ưu tiên của chương trình còn ít đề án." : ".") +
           (appendix.empty() ? std::string() : " Chi tiết tại " + appendix + "."));
}

void append_marked_text(const std::string& text, std::vector<doc::Block>& body) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    if (line.rfind("## ", 0) == 0)
      body.push_back(doc::para(line.substr(3), ParagraphStyle::Heading2));
    else if (line.rfind("- ", 0) == 0)
      body.push_back(doc::para(line, ParagraphStyle::Bullet));
    else
      body.push_back(doc::para(line));
  }
}

}  // namespace kc
