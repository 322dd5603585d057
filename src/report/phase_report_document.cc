#include "report/phase_report_document.h"

#include <string_view>
#include <utility>

#include "core/vn_format.h"
#include "report/missing_data.h"
#include "report/phase_report_sections.h"
#include "report/report_letterhead.h"
#include "report/report_phrases.h"
#include "text/normalize.h"

namespace kc {

namespace {

using doc::Paragraph;
using doc::ParagraphStyle;
using doc::Span;

constexpr size_t kNational = 0, kProvincial = 1, kDistrict = 2;

// An activity's description without what its name already says: clauses the name holds word
// for word, and a place ("tại …", "ở …") the name already gives. The demo's 2.8 otherwise read
// "… khảo sát thị trường tại Indonesia và Philippines: trao đổi hợp tác, khảo sát thị trường,
// … tại Indonesia và Philippines".
std::string without_repeats(const std::string& description, const std::string& name) {
  const std::string upper_name = to_upper_vi(name);
  struct Clause {
    std::string text;
    char delimiter;  // ',' ';' or 0 at the end
  };
  std::vector<Clause> kept;
  size_t start = 0;
  while (start < description.size()) {
    size_t end = description.find_first_of(",;", start);
    char delimiter = end == std::string::npos ? 0 : description[end];
    std::string clause = description.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? description.size() : end + 1;
    while (!clause.empty() && clause.front() == ' ') clause.erase(0, 1);
    std::string bare = clause;
    while (!bare.empty() && (bare.back() == '.' || bare.back() == ' ')) bare.pop_back();
    if (!bare.empty() && upper_name.find(to_upper_vi(bare)) != std::string::npos) {
      if (delimiter == ';' && !kept.empty()) kept.back().delimiter = ';';
      if (delimiter == 0 && !kept.empty()) kept.back().delimiter = 0;
      continue;
    }
    for (const char* place : {" tại ", " ở "}) {
      size_t at = clause.find(place);
      if (at == std::string::npos || at == 0) continue;
      std::string tail = clause.substr(at + 1);
      std::string tail_bare = tail;
      while (!tail_bare.empty() && (tail_bare.back() == '.' || tail_bare.back() == ' ')) tail_bare.pop_back();
      if (upper_name.find(to_upper_vi(tail_bare)) != std::string::npos)
        clause = clause.substr(0, at) + tail.substr(tail_bare.size());
    }
    kept.push_back({clause, delimiter});
  }
  std::string out;
  for (size_t i = 0; i < kept.size(); ++i) {
    out += kept[i].text;
    if (kept[i].delimiter && i + 1 < kept.size()) out += std::string(1, kept[i].delimiter) + " ";
  }
  if (out.empty()) return description;
  if (description.ends_with(".") && !out.ends_with(".")) out += ".";
  return out;
}

// Headings of the sections staff write (phase_sections and the document say the same).
std::string section_11_title() { return "1.1. Công tác xây dựng, ban hành chủ trương, chính sách về khuyến công"; }
std::string section_12_title() {
  return "1.2. Công tác phối hợp và phân công, phân cấp trong quản lý, điều hành thực hiện hoạt động khuyến công";
}
std::string content_title(const ContentResult& c) { return "2." + std::to_string(c.number) + ". " + c.title; }
std::string directions_title(const PhaseReport& r) {
  return "1. Một số định hướng hoạt động khuyến công giai đoạn " + period_text(r.to_year + 1, r.to_year + 5);
}
constexpr const char* kTasksTitle = "2. Nhiệm vụ và giải pháp";
constexpr const char* kProposalsTitle = "3. Đề xuất, kiến nghị";

class PhaseDocumentBuilder {
 public:
  PhaseDocumentBuilder(const PhaseReport& r, const PhaseDocumentOptions& o) : r_(r), o_(o) {}

  doc::Document build() {
    letterhead();
    intro();
    heading(ParagraphStyle::Heading1, "I. " + to_upper_vi("Kết quả hoạt động khuyến công giai đoạn " + period()));
    state_management();
    results();
    assessment();
    directions();
    signature();
    appendices();
    return std::move(d_);
  }

 private:
  std::string period() const { return period_text(r_.from_year, r_.to_year); }
  std::string next_period() const { return period_text(r_.to_year + 1, r_.to_year + 5); }

  // The narrative of section `id`, after the section's computed text.
  void narrative(std::string_view id) {
    auto it = o_.narratives.find(id);
    if (it == o_.narratives.end()) return;
    d_.body.insert(d_.body.end(), it->second.begin(), it->second.end());
  }
  bool has_narrative(std::string_view id) const { return o_.narratives.count(id) > 0; }
  // Part II: the narrative of II.1–II.3 where staff wrote one, otherwise the plan's directions.
  bool part_two_written() const {
    for (const char* id : {"II.1", "II.2", "II.3"})
      if (has_narrative(id)) return true;
    return false;
  }
  bool has_part_two() const { return part_two_written() || !r_.directions.empty(); }

  void heading(ParagraphStyle style, std::string text) { d_.body.push_back(doc::para(std::move(text), style)); }
  void body(std::string text) { d_.body.push_back(doc::para(std::move(text))); }
  void bullet(std::string text) { d_.body.push_back(doc::para("- " + std::move(text), ParagraphStyle::Bullet)); }
  void note(std::string text) { d_.body.push_back(doc::para(std::move(text), ParagraphStyle::Note)); }

  void letterhead() {
    d_.letterhead = report_letterhead(r_, number(), o_.date);
    d_.kind = "BÁO CÁO";
    d_.subject.push_back("Kết quả hoạt động khuyến công " + r_.area_name + " giai đoạn " + period());
    if (has_part_two())
      d_.subject.push_back("Phương hướng, nhiệm vụ và giải pháp chủ yếu giai đoạn " + next_period());
  }

  void intro() {
    std::string text;
    if (r_.approving_document) text = "Thực hiện " + document_sentence(*r_.approving_document) + ". ";
    text += "Sau " + std::to_string(r_.to_year - r_.from_year + 1) + " năm triển khai tổ chức thực hiện, " +
            (r_.agency_name.empty() ? std::string("cơ quan quản lý") : r_.agency_name) + " báo cáo kết quả đạt được";
    if (has_part_two())
      text += " và đề ra một số phương hướng, nhiệm vụ, giải pháp chủ yếu hoạt động khuyến công trên địa bàn " +
              r_.area_type + " giai đoạn " + next_period();
    body(text + " như sau:");
  }

  void state_management() {
    heading(ParagraphStyle::Heading2, "1. Công tác quản lý nhà nước về hoạt động khuyến công");
    heading(ParagraphStyle::Heading3, section_11_title());
    std::string basis;
    for (const DocumentRef& d : r_.basis_documents) basis += (basis.empty() ? "" : "; ") + document_sentence(d);
    if (!basis.empty()) body("Thực hiện " + basis + ".");
    if (r_.local_documents.empty()) {
      body("Trong giai đoạn, chưa có văn bản nào của địa phương về khuyến công được ghi nhận trong hệ thống.");
    } else {
      body("Trên cơ sở đó, " + (r_.area_type.empty() ? std::string("địa phương") : r_.area_type) + " đã ban hành " +
           format_count_prose(static_cast<int64_t>(r_.local_documents.size())) +
           " văn bản quy định về công tác khuyến công và tổ chức hoạt động khuyến công của địa phương, cụ thể:");
      for (const DocumentRef& d : r_.local_documents) bullet(document_sentence(d) + ".");
    }
    narrative("I.1.1");

    heading(ParagraphStyle::Heading3, section_12_title());
    organisation();
    narrative("I.1.2");
  }

  void organisation() {
    const OrganisationSummary& o = r_.organisation;
    std::string end = "31/12/" + std::to_string(r_.to_year);
    // Counts of records that are absent are told as missing, never as zero (missing_data.h).
    if (auto what = missing_what(r_, MissingKind::Centre)) bullet(missing_sentence(*what));
    if (!o.centre_name.empty()) {
      std::string text = o.centre_name + " là đơn vị chịu trách nhiệm triển khai thực hiện các hoạt động khuyến công trên địa bàn " +
                         r_.area_type;
      if (o.centre_staff_recorded) {
        text += "; tại thời điểm " + end + ", Trung tâm có " + format_count_prose(o.centre_staff) +
                " cán bộ, viên chức, trong đó số cán bộ được giao nhiệm vụ triển khai các hoạt động khuyến công là " +
                format_count_prose(o.centre_staff_on_extension) + " người";
        if (o.centre_staff > 0) text += ", chiếm " + format_ratio_percent(o.centre_staff_on_extension, o.centre_staff, 1) + "%";
      }
      bullet(text + ".");
    }
    if (auto what = missing_what(r_, MissingKind::CentreStaff)) bullet(missing_sentence(*what));
    if (auto what = missing_what(r_, MissingKind::DistrictOffices)) bullet(missing_sentence(*what));
    if (auto what = missing_what(r_, MissingKind::DistrictStaff)) {
      bullet(missing_sentence(*what));
      return;
    }
    if (o.local_offices > 0 && o.local_concurrent_officers > 0)
      bullet("Ở cấp huyện, công tác khuyến công do " + format_count_prose(o.local_concurrent_officers) +
             " cán bộ của " + format_count_prose(o.local_offices) + " phòng Kinh tế/Kinh tế và Hạ tầng kiêm nhiệm.");
    else if (o.local_offices > 0)
      bullet(missing_sentence("cán bộ kiêm nhiệm công tác khuyến công của các phòng Kinh tế/Kinh tế và Hạ tầng cấp huyện"));
    // The area's local staff are recorded, so no collaborator among them means there is none.
    if (o.collaborators == 0)
      bullet("Chưa xây dựng được mạng lưới cộng tác viên khuyến công tại các xã, phường, thị trấn.");
    else
      bullet("Mạng lưới cộng tác viên khuyến công có " + format_int(o.collaborators) + " người.");
  }

  const IndicatorResult* money_target(const std::string& source) const {
    for (const IndicatorResult& m : r_.money_indicators)
      if (m.source == source && m.target) return &m;
    return nullptr;
  }

  std::string level_clause(size_t level, const std::string& source) const {
    static const char* const kNames[] = {"đề án khuyến công quốc gia", "đề án khuyến công tỉnh",
                                         "đề án khuyến công do các huyện, thành phố bố trí"};
    const Totals& t = r_.by_level[level];
    std::string text = format_count_prose(t.projects) + " " + kNames[level] + ", kinh phí " + million_dong_text(t.budget);
    if (const IndicatorResult* m = money_target(source)) text += achievement_text(*m);
    return text;
  }

  void results() {
    heading(ParagraphStyle::Heading2, "2. Kết quả thực hiện các nội dung hoạt động khuyến công giai đoạn " + period() +
                                          (r_.approving_document ? " theo " + r_.approving_document->type_label + " " +
                                                                       r_.approving_document->number
                                                                 : std::string()));
    if (auto what = missing_what(r_, MissingKind::Projects)) {
      body(missing_sentence(*what));
      for (const ContentResult& c : r_.contents) content_section(c);
      return;
    }
    body("Giai đoạn từ năm " + period() + ", hoạt động khuyến công trên địa bàn " + r_.area_name +
         " đã triển khai tổ chức thực hiện được " + format_count_prose(r_.total.projects) +
         " đề án với tổng kinh phí từ ngân sách nhà nước là " + million_dong_text(r_.total.budget) +
         ". Trong đó bao gồm: " + level_clause(kProvincial, "kinh_phi_tinh") + "; " +
         level_clause(kNational, "kinh_phi_quoc_gia") + " và " + level_clause(kDistrict, "kinh_phi_huyen") + ".");
    std::string counterpart = "Kinh phí đối ứng của các cơ sở công nghiệp nông thôn là " + million_dong_text(r_.total.counterpart);
    if (const IndicatorResult* m = money_target("kinh_phi_doi_ung")) counterpart += achievement_text(*m);
    body(counterpart + ".");
    for (const ContentResult& c : r_.contents) content_section(c);
  }

  void content_section(const ContentResult& c) {
    heading(ParagraphStyle::Heading3, content_title(c));
    const Totals& national = c.by_level[kNational];
    const Totals& provincial = c.by_level[kProvincial];
    const Totals& district = c.by_level[kDistrict];
    if (national.projects > 0 && provincial.projects > 0) {
      Totals both = national;
      both.add(provincial);
      bullet("Thực hiện " + format_count_prose(both.projects) + " đề án với tổng kinh phí là " + million_dong_text(both.budget) +
             ", trong đó bao gồm: " + format_count_prose(national.projects) + " đề án khuyến công quốc gia, kinh phí " +
             million_dong_text(national.budget) + " và " + format_count_prose(provincial.projects) +
             " đề án khuyến công tỉnh, kinh phí " + million_dong_text(provincial.budget) + "." + district_sentence(district));
    } else if (national.projects > 0 || provincial.projects > 0) {
      const Totals& t = national.projects > 0 ? national : provincial;
      bullet("Thực hiện " + format_count_prose(t.projects) + " đề án khuyến công " +
             (national.projects > 0 ? "quốc gia" : "tỉnh") + " với tổng kinh phí " + million_dong_text(t.budget) + "." +
             district_sentence(district));
    } else if (district.projects > 0) {
      bullet("Thực hiện " + format_count_prose(district.projects) +
             " đề án khuyến công do các huyện, thành phố bố trí kinh phí " + million_dong_text(district.budget) + ".");
    }
    std::string results = results_text(c);
    if (!results.empty()) bullet("Kết quả đạt được: " + results + ".");
    for (const ActivityItem& a : c.activities)
      bullet("Năm " + std::to_string(a.year) + ", " + lower_first_vi(a.name) +
             (a.description.empty() ? "." : ": " + lower_first_vi(without_repeats(a.description, a.name))));
    if (c.total.projects == 0 && c.activities.empty())
      bullet("Trong giai đoạn không có đề án, hoạt động nào thuộc nội dung này.");
    narrative("I.2." + std::to_string(c.number));
  }

  // One output said in a sentence: its count and name, and its achievement when it has a target.
  struct Output {
    std::string count, name, achievement;
  };

  // The results of a content written as an official would, not as a table's rows: outputs of
  // one kind at several levels are said once ("28 sản phẩm … tiêu biểu cấp tỉnh (đạt …), 05
  // cấp khu vực và 04 cấp quốc gia"), and an achievement every output shares is said once
  // ("1.800 bản tin …, 3.000 catalog … và 800 chương trình … (đều đạt 100% …)").
  std::string results_text(const ContentResult& c) const {
    std::vector<std::vector<Output>> groups;  // outputs differing only after " cấp " go together
    std::vector<std::string> parts;           // the selection rounds and the groups, in order
    std::vector<size_t> group_of_part;        // the group a part stands for, or npos
    auto same_kind = [](const std::string& a, const std::string& b) {
      size_t ia = a.rfind(" cấp "), ib = b.rfind(" cấp ");
      return ia != std::string::npos && ia == ib && a.compare(0, ia, b, 0, ib) == 0;
    };
    bool selection_told = false;
    for (const IndicatorResult& o : c.outputs) {
      // The rounds are told just before the first count of honoured products.
      if (o.source.rfind("sp_ton_vinh", 0) == 0 && !selection_told) {
        parts.push_back(selection_sentence());
        group_of_part.push_back(std::string::npos);
        selection_told = true;
      }
      Output out{o.actual > 0 ? format_count_prose(o.actual) : std::string("chưa có"), o.name, achievement_text(o)};
      if (!group_of_part.empty() && group_of_part.back() != std::string::npos &&
          same_kind(groups[group_of_part.back()].back().name, o.name)) {
        groups[group_of_part.back()].push_back(std::move(out));
        continue;
      }
      groups.push_back({std::move(out)});
      parts.emplace_back();
      group_of_part.push_back(groups.size() - 1);
    }
    if (c.has_selection && !selection_told) {
      parts.push_back(selection_sentence());
      group_of_part.push_back(std::string::npos);
    }
    // Said once when every output reaches the same share of its target.
    bool shared = groups.size() > 1 && !selection_told && !(c.has_selection);
    for (const auto& g : groups)
      for (const Output& o : g) shared = shared && !o.achievement.empty() && o.achievement == groups[0][0].achievement;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (group_of_part[i] == std::string::npos) continue;
      const std::vector<Output>& g = groups[group_of_part[i]];
      std::vector<std::string> items;
      for (size_t k = 0; k < g.size(); ++k) {
        std::string name = k == 0 ? g[k].name : g[k].name.substr(g[k].name.rfind(" cấp ") + 1);
        items.push_back(g[k].count + " " + name + (shared ? "" : g[k].achievement));
      }
      parts[i] = join_and(items);
    }
    if (shared) {
      std::string achievement = groups[0][0].achievement;  // " (đạt …)"
      return join_and(parts) + " (đều " + achievement.substr(2);
    }
    std::string text;
    for (const std::string& p : parts) text += (text.empty() ? "" : "; ") + p;
    return text;
  }

  // "a", "a và b", "a, b và c"
  static std::string join_and(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " và " : ", ") + items[i];
    return out;
  }

  static std::string district_sentence(const Totals& district) {
    if (district.projects == 0) return {};
    return " Các huyện, thành phố cũng đã bố trí từ ngân sách " + million_dong_text(district.budget) + ", thực hiện " +
           format_count_prose(district.projects) + " đề án.";
  }

  std::string selection_sentence() const {
    const SelectionSummary& s = r_.selection;
    if (auto what = missing_what(r_, MissingKind::Selection)) return "chưa có số liệu về " + *what;
    return "tổ chức và tham gia " + format_count_prose(s.rounds[1]) +
           " cuộc bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh, " + format_count_prose(s.rounds[2]) +
           " cuộc cấp khu vực và " + format_count_prose(s.rounds[3]) + " cuộc cấp quốc gia";
  }

  void assessment() { append_assessment(r_, o_.narratives, d_.body); }

  void directions() {
    if (!has_part_two()) return;
    heading(ParagraphStyle::Heading1,
            "II. " + to_upper_vi("Phương hướng, nhiệm vụ và giải pháp đẩy mạnh hoạt động khuyến công trên địa bàn " +
                                 r_.area_type + " giai đoạn " + next_period()));
    if (!part_two_written()) {
      append_marked_text(r_.directions, d_.body);
      return;
    }
    const std::pair<const char*, std::string> parts[] = {
        {"II.1", directions_title(r_)}, {"II.2", kTasksTitle}, {"II.3", kProposalsTitle}};
    for (const auto& [id, title] : parts) {
      if (!has_narrative(id)) continue;
      heading(ParagraphStyle::Heading2, title);
      narrative(id);
    }
  }

  // Each appendix table on a page of its own after the signature, titled "Phụ lục n" with the
  // report it goes with; the charts, when asked for, as one more appendix.
  void appendices() {
    std::vector<doc::Table> tables = phase_appendix_tables(r_);
    for (doc::Table& t : tables) {
      doc::Appendix a = appendix(t.caption);
      t.caption.clear();
      doc::align_decimals(t);
      a.blocks.push_back(std::move(t));
      d_.appendices.push_back(std::move(a));
    }
    if (!o_.charts) return;
    std::vector<doc::Chart> charts = phase_charts(r_);
    if (charts.empty()) return;
    doc::Appendix a = appendix("Phụ lục " + std::to_string(d_.appendices.size() + 1) +
                               ". Biểu đồ kết quả hoạt động khuyến công giai đoạn " + period());
    for (doc::Chart& c : charts) a.blocks.push_back(std::move(c));
    d_.appendices.push_back(std::move(a));
  }

  // The number printed: a draft's whole "125/BC-SCT", else the number given on the command line.
  const std::string& number() const { return o_.issue.number_symbol.empty() ? o_.number : o_.issue.number_symbol; }

  doc::Appendix appendix(const std::string& caption) const { return report_appendix(r_, caption, number(), o_.date); }

  void signature() { d_.signature = report_signature(r_, o_.issue); }

  const PhaseReport& r_;
  const PhaseDocumentOptions& o_;
  doc::Document d_;
};

}  // namespace

doc::Document build_phase_document(const PhaseReport& report, const PhaseDocumentOptions& options) {
  return PhaseDocumentBuilder(report, options).build();
}

std::vector<ReportSection> phase_sections(const PhaseReport& report) {
  std::vector<ReportSection> out;
  out.push_back({"I.1.1", section_11_title(), "Chủ trương, chính sách, văn bản về khuyến công của địa phương."});
  out.push_back({"I.1.2", section_12_title(), "Tổ chức bộ máy, phối hợp, phân công, phân cấp thực hiện."});
  for (const ContentResult& c : report.contents)
    out.push_back({"I.2." + std::to_string(c.number), content_title(c),
                   "Chi tiết của nội dung: ngành nghề đào tạo, tên mô hình, sản phẩm, hoạt động…"});
  for (const ReportSection& s : assessment_sections()) out.push_back(s);
  out.push_back({"II.1", directions_title(report), "Định hướng hoạt động khuyến công giai đoạn tới."});
  out.push_back({"II.2", kTasksTitle, "Nhiệm vụ và giải pháp chủ yếu."});
  out.push_back({"II.3", kProposalsTitle, "Đề xuất, kiến nghị với cấp trên và các địa phương."});
  return out;
}

}  // namespace kc
