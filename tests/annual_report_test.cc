// The annual and six-month reports (src/report/annual_report.h, issue 12 §2). The expected
// figures are computed here from the demo bundle's CSV files (data/demo/de_an.csv,
// de_an_ket_qua.csv, de_an_co_so.csv, noi_dung.csv), not by the code tested; then the document:
// sections in order with the staff's narrative at its section, the issue details, every format,
// the PDF's text order; an unknown year; the CLI.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <map>
#include <set>

#include "core/vn_format.h"
#include "interchange/bundle.h"
#include "schema/record_kind.h"
#include "store/store.h"
#include "report/annual_report.h"
#include "report/annual_report_document.h"
#include "report/render_text.h"
#include "report/report_kinds.h"
#include "support/demo_csv.h"
#include "support/demo_report.h"
#include "support/office_support.h"
#include "support/test_database.h"
#include "support/test_support.h"

namespace kc::test {
namespace {

const Dataset& demo() { return demo_report().data; }

AnnualReport annual(int year, bool six_month = false, const Dataset& data = demo()) {
  AnnualReportResult r = compute_annual_report(data, year, "", six_month);
  if (!r.report) ADD_FAILURE() << r.error;
  return std::move(*r.report);
}

// The printed value of figure `id`; fails the test when the report lacks it.
int64_t figure(const AnnualReport& r, const std::string& id) {
  const Figure* f = r.figure(id);
  if (!f) {
    ADD_FAILURE() << "no figure " << id;
    return -1;
  }
  // Counts are whole; money figures are kept in đồng as numerator / 1.000.000.
  return f->denominator == 1000000 ? *f->numerator : static_cast<int64_t>(f->value);
}

Date day(const std::string& iso) { return iso.empty() ? Date{} : *parse_date(iso); }

// What the reports count: in progress or later.
struct Expected {
  std::map<std::string, std::array<int64_t, 3>> by_level;  // "quoc_gia" … → count, budget, counterpart
  std::array<int64_t, 3> total{};
  std::map<std::string, int64_t> outputs;       // indicator → sum
  std::map<int, int64_t> projects_by_content;   // content number → count
  int64_t accepted = 0, accepted_budget = 0, behind = 0;
  std::set<std::string> beneficiaries;
};

// The demo's projects all lie in Bắc Giang, the area of every demo plan. `from`–`to`: the
// approval dates a six-month report counts by; none for a whole year (the start year counts).
Expected expected_from_csv(int year, std::optional<std::pair<Date, Date>> days = std::nullopt) {
  std::map<std::string, int> content_number;
  for (auto& c : demo_csv_rows("noi_dung.csv")) content_number[c["ma"]] = std::stoi(c["so_thu_tu"]);
  Expected e;
  std::set<std::string> counted;
  Date end = days ? days->second : Date{year, 12, 31};
  for (auto& p : demo_csv_rows("de_an.csv")) {
    const std::string& status = p["trang_thai"];
    Date approved = day(p["ngay_phe_duyet"]), accepted = day(p["ngay_nghiem_thu"]);
    bool accepted_status = status == "nghiem_thu" || status == "quyet_toan" || status == "hau_kiem";
    bool accepted_by_end = accepted.year != 0 && accepted <= end;
    bool approved_or_later = status == "phe_duyet" || implemented(status);
    if (approved_or_later && std::stoi(p["nam_ket_thuc"]) <= year && std::stoi(p["nam_bat_dau"]) <= year && !accepted_by_end &&
        !(accepted.year == 0 && accepted_status))
      ++e.behind;
    bool in_period = days ? within(approved, days->first, days->second) : std::stoi(p["nam_bat_dau"]) == year;
    if (!implemented(status) || !in_period) continue;
    counted.insert(p["ma"]);
    int64_t budget = std::stoll(p["kinh_phi_nsnn"]), counterpart = std::stoll(p["kinh_phi_doi_ung"]);
    auto& level = e.by_level[p["cap_kinh_phi"]];
    ++level[0];
    level[1] += budget;
    level[2] += counterpart;
    ++e.total[0];
    e.total[1] += budget;
    e.total[2] += counterpart;
    ++e.projects_by_content[content_number[p["noi_dung"]]];
    if (accepted_by_end) {
      ++e.accepted;
      e.accepted_budget += budget;
    }
  }
  std::set<std::string> accepted_in_period;  // implemented, accepted within the days
  for (auto& p : demo_csv_rows("de_an.csv"))
    if (days && implemented(p["trang_thai"]) && within(day(p["ngay_nghiem_thu"]), days->first, days->second))
      accepted_in_period.insert(p["ma"]);
  for (auto& o : demo_csv_rows("de_an_ket_qua.csv")) {
    // Over six months outputs count by their project's acceptance date; over a year with it.
    bool counts = days ? accepted_in_period.count(o["de_an"]) > 0 : counted.count(o["de_an"]) > 0;
    if (counts) e.outputs[o["chi_tieu"]] += std::stoll(o["gia_tri"]);
  }
  for (auto& b : demo_csv_rows("de_an_co_so.csv"))
    if (counted.count(b["de_an"])) e.beneficiaries.insert(b["co_so"]);
  return e;
}

void expect_period_figures(const AnnualReport& r, const Expected& e, const std::string& prefix) {
  ASSERT_GT(e.total[0], 0) << "the demo has projects in the period";
  EXPECT_EQ(figure(r, prefix + ".de_an.tong.so_de_an"), e.total[0]);
  EXPECT_EQ(figure(r, prefix + ".de_an.tong.kinh_phi"), e.total[1]);
  EXPECT_EQ(figure(r, prefix + ".de_an.tong.doi_ung"), e.total[2]);
  for (const char* level : {"quoc_gia", "tinh", "huyen"}) {
    auto it = e.by_level.find(level);
    std::array<int64_t, 3> x = it == e.by_level.end() ? std::array<int64_t, 3>{} : it->second;
    EXPECT_EQ(figure(r, prefix + ".de_an." + level + ".so_de_an"), x[0]) << level;
    EXPECT_EQ(figure(r, prefix + ".de_an." + level + ".kinh_phi"), x[1]) << level;
  }
  for (const auto& [number, count] : e.projects_by_content)
    EXPECT_EQ(figure(r, prefix + ".noi_dung." + std::to_string(number) + ".so_de_an"), count) << "content " << number;
  for (const auto& [code, sum] : e.outputs) EXPECT_EQ(figure(r, prefix + ".chi_tieu." + code), sum) << code;
}

TEST(AnnualReportFigures, TheDemos2018FromTheBundlesCsv) {
  AnnualReport r = annual(2018);
  Expected e = expected_from_csv(2018);
  expect_period_figures(r, e, "nam");
  ASSERT_FALSE(e.outputs.empty());
  EXPECT_EQ(figure(r, "nam.nghiem_thu.tong.so_de_an"), e.accepted);
  EXPECT_EQ(figure(r, "nam.nghiem_thu.tong.kinh_phi"), e.accepted_budget);
  EXPECT_EQ(figure(r, "nam.cham_tien_do.so_de_an"), e.behind);
  int64_t approved = 0, approved_budget = 0;  // approved within 2018, approved or later status
  for (auto& p : demo_csv_rows("de_an.csv"))
    if ((p["trang_thai"] == "phe_duyet" || implemented(p["trang_thai"])) && day(p["ngay_phe_duyet"]).year == 2018) {
      ++approved;
      approved_budget += std::stoll(p["kinh_phi_nsnn"]);
    }
  EXPECT_EQ(figure(r, "nam.phe_duyet.so_de_an"), approved);
  EXPECT_EQ(figure(r, "nam.phe_duyet.kinh_phi"), approved_budget);
  // The bundle dates no settlement: the settled projects of the year are said undated.
  int64_t settled = 0;
  for (auto& p : demo_csv_rows("de_an.csv"))
    if (p["nam_bat_dau"] == "2018" && (p["trang_thai"] == "quyet_toan" || p["trang_thai"] == "hau_kiem")) ++settled;
  EXPECT_GT(settled, 0);
  EXPECT_EQ(figure(r, "nam.quyet_toan.chua_co_ngay"), settled);
  EXPECT_EQ(static_cast<int64_t>(r.national.size()), e.by_level["quoc_gia"][0]);
  ASSERT_FALSE(e.beneficiaries.empty());
  EXPECT_EQ(figure(r, "nam.co_so_thu_huong"), static_cast<int64_t>(e.beneficiaries.size()));
  // The same period of the previous year, and the comparison in words.
  Expected before = expected_from_csv(2017);
  EXPECT_EQ(figure(r, "cung_ky.de_an.tong.so_de_an"), before.total[0]);
  EXPECT_EQ(figure(r, "cung_ky.de_an.tong.kinh_phi"), before.total[1]);
  EXPECT_EQ(r.figure("so_sanh.de_an.tong.so_de_an")->text(), format_ratio_percent(e.total[0], before.total[0], 1));
  EXPECT_EQ(r.current.plan_code, "bg-2018") << "the year's annual plan, found without --plan";
}

TEST(AnnualReportFigures, SixMonthsOf2018AndTheYearsEstimateFromTheBundlesCsv) {
  AnnualReport r = annual(2018, true);
  Expected h1 = expected_from_csv(2018, std::pair{Date{2018, 1, 1}, Date{2018, 6, 30}});
  expect_period_figures(r, h1, "sau_thang");
  // The year's plan on 30/06: its projects (started in 2018, approved or later) and how many
  // were accepted by then.
  int64_t in_plan = 0, accepted = 0;
  for (auto& p : demo_csv_rows("de_an.csv")) {
    if (std::stoi(p["nam_bat_dau"]) != 2018 || !(p["trang_thai"] == "phe_duyet" || implemented(p["trang_thai"]))) continue;
    ++in_plan;
    Date a = day(p["ngay_nghiem_thu"]);
    if (a.year != 0 && a <= Date{2018, 6, 30}) ++accepted;
  }
  EXPECT_EQ(figure(r, "sau_thang.tien_do.trong_ke_hoach"), in_plan);
  EXPECT_EQ(figure(r, "sau_thang.tien_do.da_nghiem_thu"), accepted);
  // Nothing accepted by 30/06 was settled by then, whatever the status says today.
  AnnualReport h1_2020 = annual(2020, true);
  EXPECT_EQ(figure(h1_2020, "sau_thang.quyet_toan.chua_co_ngay"), 0);
  // On 30/06/2020 the demo's 2020 projects are in progress, due at the end of the year: not late.
  EXPECT_EQ(figure(h1_2020, "sau_thang.tien_do.dang_thuc_hien"), figure(h1_2020, "sau_thang.tien_do.trong_ke_hoach"));
  EXPECT_EQ(figure(h1_2020, "sau_thang.cham_tien_do.so_de_an"), 0);
  // The whole year's estimate is the year's plan as carried out: the annual report's figures.
  Expected year = expected_from_csv(2018);
  EXPECT_EQ(figure(r, "ca_nam.de_an.tong.so_de_an"), year.total[0]);
  EXPECT_EQ(figure(r, "ca_nam.de_an.tong.kinh_phi"), year.total[1]);
  Expected before = expected_from_csv(2017, std::pair{Date{2017, 1, 1}, Date{2017, 6, 30}});
  EXPECT_EQ(figure(r, "cung_ky.de_an.tong.so_de_an"), before.total[0]);
}

TEST(AnnualReportFigures, TargetsOfTheAnnualPlanGiveTheAchievement) {
  Dataset data = demo();
  int32_t plan = data.plan_index("bg-2018"), indicator = data.indicator_index("lao_dong_dao_tao");
  ASSERT_GE(plan, 0);
  ASSERT_GE(indicator, 0);
  AnnualReport without = annual(2018, false, data);
  EXPECT_EQ(without.figure("nam.chi_tieu.lao_dong_dao_tao.ty_le_dat"), nullptr) << "no target recorded: no percentage";
  std::string md = render_markdown(build_annual_document(without, {}, {}));
  EXPECT_NE(md.find("Chưa có số liệu về mục tiêu của kế hoạch khuyến công tỉnh Bắc Giang năm 2018"), std::string::npos)
      << "the missing targets are said to be missing";
  int64_t actual = figure(without, "nam.chi_tieu.lao_dong_dao_tao");
  ASSERT_GT(actual, 0);
  data.targets.push_back({plan, indicator, actual * 2, ""});
  AnnualReport with = annual(2018, false, data);
  EXPECT_EQ(with.figure("nam.chi_tieu.lao_dong_dao_tao.ty_le_dat")->text(), "50");
  EXPECT_EQ(figure(with, "nam.chi_tieu.lao_dong_dao_tao.ke_hoach"), actual * 2);
  md = render_markdown(build_annual_document(with, {}, {}));
  EXPECT_NE(md.find("(đạt 50% so với kế hoạch năm)"), std::string::npos);
  EXPECT_NE(md.find("3.2. Khó khăn, hạn chế"), std::string::npos) << "a target not reached is a limitation";
}

TEST(AnnualReportFigures, AnAmendmentApprovedInTheYearListsItsProjectByName) {
  Dataset data = demo();
  size_t project = data.projects.size();
  for (size_t i = 0; i < data.projects.size(); ++i)
    if (data.projects.year_from[i] == 2018) {
      project = i;
      break;
    }
  ASSERT_LT(project, data.projects.size());
  data.amendments.push_back({static_cast<int32_t>(project), "kinh_phi", Date{2018, 5, 2}});
  data.amendments.push_back({static_cast<int32_t>(project), "tien_do", Date{2019, 5, 2}});  // another year
  AnnualReport r = annual(2018, false, data);
  ASSERT_EQ(r.amended.size(), 1u);
  EXPECT_EQ(r.amended[0].name, std::string(data.projects.name(project)));
  EXPECT_EQ(r.amended[0].note, "điều chỉnh kinh phí");
  EXPECT_EQ(figure(r, "nam.dieu_chinh.so_de_an"), 1);
  std::string md = render_markdown(build_annual_document(r, {}, {}));
  EXPECT_NE(md.find(std::string(data.projects.name(project)) + " ("), std::string::npos) << "named, never by code";
  EXPECT_EQ(figure(annual(2018, false), "nam.dieu_chinh.so_de_an"), 0);
}

// Beneficiaries are establishments, each counted once however many projects supported it.
TEST(AnnualReportFigures, AnEstablishmentSupportedTwiceIsOneBeneficiary) {
  Dataset data = demo();
  int64_t before = figure(annual(2018, false, data), "nam.co_so_thu_huong");
  std::vector<size_t> of_2018;
  for (size_t i = 0; i < data.projects.size(); ++i)
    if (data.projects.year_from[i] == 2018 && implemented(data.projects.status[i])) of_2018.push_back(i);
  ASSERT_GE(of_2018.size(), 2u);
  size_t entry = data.beneficiaries.size();
  for (size_t b = 0; b < data.beneficiaries.size() && entry == data.beneficiaries.size(); ++b)
    for (size_t i : of_2018)
      if (data.beneficiaries.project[b] == static_cast<int32_t>(i)) entry = b;
  ASSERT_LT(entry, data.beneficiaries.size());
  // The same establishment, supported by a second project of the year.
  int32_t other = data.beneficiaries.project[entry] == static_cast<int32_t>(of_2018[0]) ? static_cast<int32_t>(of_2018[1])
                                                                                       : static_cast<int32_t>(of_2018[0]);
  data.beneficiaries.project.push_back(other);
  data.beneficiaries.establishment.push_back(data.beneficiaries.establishment[entry]);
  EXPECT_EQ(figure(annual(2018, false, data), "nam.co_so_thu_huong"), before);
}

// The loader reads approved amendments only, dated by the day they were approved.
TEST(AnnualReportFigures, ApprovedAmendmentsAreReadFromTheStore) {
  TestDatabase db;
  auto store = db.open();
  ASSERT_TRUE(import_bundle(*store, demo_dir()).ok());
  const RecordKind& k = kind("dieu_chinh");
  auto row = [&](const std::string& code, const std::string& status, const std::string& decided) {
    Row r(k.fields.size());
    auto set = [&](std::string_view field, std::string value) { r[static_cast<size_t>(k.field_index(field))] = std::move(value); };
    set("ma", code);
    set("de_an", "bg-2018-t-001");
    set("noi_dung_dieu_chinh", "kinh_phi");
    set("de_nghi", "{}");
    set("ly_do", "Giá vật tư tăng");
    set("trang_thai", status);
    set("nguoi_de_nghi", "trungtam");
    set("thoi_diem_de_nghi", "2018-04-20T02:00:00Z");
    if (!decided.empty()) set("thoi_diem_duyet", decided);
    return r;
  };
  store->begin();
  store->insert(k, row("dc-1", "da_duyet", "2018-05-02T03:00:00Z"));
  store->insert(k, row("dc-2", "cho_duyet", ""));
  store->commit();
  Dataset data = load_dataset(*store);
  ASSERT_EQ(data.amendments.size(), 1u) << "a pending amendment is not read";
  EXPECT_EQ(data.projects.code[static_cast<size_t>(data.amendments[0].project)], "bg-2018-t-001");
  EXPECT_EQ(data.amendments[0].decided, (Date{2018, 5, 2}));
  AnnualReport r = annual(2018, false, data);
  ASSERT_EQ(r.amended.size(), 1u);
  EXPECT_EQ(r.amended[0].name, std::string(data.projects.name(static_cast<size_t>(data.amendments[0].project))));
}

// Projects are listed by content, then by name in Vietnamese order: "Bắc…" before "Bình…",
// "Đ…" after every "D", before "Ea…".
TEST(AnnualReportFigures, ListedProjectsAreInVietnameseOrder) {
  Dataset data = demo();
  std::vector<std::string> names;
  for (size_t i = 0; i < data.projects.size(); ++i) names.emplace_back(data.projects.name(i));
  std::vector<size_t> national;
  for (size_t i = 0; i < data.projects.size(); ++i)
    if (data.projects.year_from[i] == 2018 && data.projects.level[i] == FundingLevel::National &&
        implemented(data.projects.status[i]))
      national.push_back(i);
  ASSERT_EQ(national.size(), 3u);
  const std::vector<std::string> renamed = {"Ea Súp: đề án", "Đình Lập: đề án", "Bình Gia: đề án"};
  for (size_t k = 0; k < national.size(); ++k) {
    names[national[k]] = renamed[k];
    data.projects.content[national[k]] = data.projects.content[national[0]];  // one content: by name only
  }
  names.push_back("Bắc Sơn: đề án");  // a fourth, copied from the first
  size_t copy = data.projects.size();
  data.projects.code.push_back("bg-2018-q-extra");
  data.projects.content.push_back(data.projects.content[national[0]]);
  data.projects.level.push_back(FundingLevel::National);
  data.projects.status.push_back(data.projects.status[national[0]]);
  data.projects.year_from.push_back(2018);
  data.projects.year_to.push_back(2018);
  data.projects.unit.push_back(data.projects.unit[national[0]]);
  data.projects.budget.push_back(1);
  data.projects.counterpart.push_back(0);
  data.projects.approved_on.push_back(data.projects.approved_on[national[0]]);
  data.projects.accepted_on.push_back(data.projects.accepted_on[national[0]]);
  data.projects.settled_on.push_back(0);
  data.projects.names.clear();
  for (const std::string& n : names) data.projects.names.push_back(n);
  ASSERT_EQ(data.projects.name(copy), "Bắc Sơn: đề án");
  std::vector<std::string> listed;
  for (const ProjectLine& p : annual(2018, false, data).national) listed.push_back(p.name);
  EXPECT_EQ(listed, (std::vector<std::string>{"Bắc Sơn: đề án", "Bình Gia: đề án", "Đình Lập: đề án", "Ea Súp: đề án"}));
}

TEST(AnnualReportFigures, AnUnknownYearOrPlanIsRefusedInVietnamese) {
  ComputedReportResult r = compute_report(demo(), ReportStructure::Annual, ReportScope{"", 2030});
  EXPECT_FALSE(r.report);
  EXPECT_NE(r.error.find("không có kế hoạch khuyến công hằng năm nào của năm 2030"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("các năm có kế hoạch: 2016, 2017, 2018, 2019, 2020"), std::string::npos) << r.error;
  r = compute_report(demo(), ReportStructure::SixMonth, ReportScope{"bg-2016-2020", 2018});
  EXPECT_NE(r.error.find("không phải kế hoạch hằng năm của năm 2018"), std::string::npos) << r.error;
  r = compute_report(demo(), ReportStructure::Annual, ReportScope{"khong-co", 2018});
  EXPECT_NE(r.error.find("không có kế hoạch mã \"khong-co\""), std::string::npos) << r.error;
}

// --- the document ---

ComputedReport computed(ReportStructure s, int year) {
  ComputedReportResult r = compute_report(demo(), s, ReportScope{"", year});
  if (!r.report) throw std::runtime_error(r.error);
  return std::move(*r.report);
}

NarrativeSections sample_narratives() {
  NarrativeSections n;
  n["I.1"] = {doc::para("Văn bản chỉ đạo mẫu của mục I.1.")};
  n["I.3.2"] = {doc::para("Khó khăn mẫu của mục I.3.2.")};
  n["I.3.3"] = {doc::para("Nguyên nhân mẫu của mục I.3.3.")};
  n["II"] = {doc::para("- Nhiệm vụ mẫu của phần II.", doc::ParagraphStyle::Bullet)};
  n["III"] = {doc::para("Kiến nghị mẫu của phần III.")};
  return n;
}

ReportIssueDetails issued() {
  ReportIssueDetails i;
  i.number_symbol = "125/BC-SCT";
  i.date = Date{2021, 1, 5};
  i.signing_authority = "KT. Giám đốc";
  i.signer_title = "Phó Giám đốc";
  i.signer_name = "Nguyễn Văn Mẫu";
  i.recipients = {"- Bộ Công Thương (b/c);", "- Bản điện tử: Cục ĐMST, CĐX và KC;", "- Lưu: VT."};
  return i;
}

// Each phrase found after the one before it.
void expect_in_order(const std::string& text, const std::vector<std::string>& phrases) {
  size_t at = 0;
  for (const std::string& p : phrases) {
    size_t found = text.find(p, at);
    ASSERT_NE(found, std::string::npos) << "\"" << p << "\" missing after position " << at;
    at = found + p.size();
  }
}

TEST(AnnualReportDocument, SectionsInOrderWithTheNarrativeAtItsSection) {
  ComputedReport r = computed(ReportStructure::Annual, 2020);
  std::vector<std::string> ids;
  for (const ReportSection& s : r.sections) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"I.1", "I.2", "I.3.1", "I.3.2", "I.3.3", "II", "III"}));
  EXPECT_EQ(r.title, "Báo cáo kết quả thực hiện kế hoạch khuyến công năm 2020");
  EXPECT_EQ(r.area_code, "bg");
  std::string md = r.render(ReportFormat::Markdown, sample_narratives(), issued()).bytes;
  expect_in_order(md, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 125/BC-SCT", "Bắc Giang, ngày 05 tháng 01 năm 2021", "BÁO CÁO",
                       "Kết quả thực hiện kế hoạch khuyến công năm 2020", "I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHUYẾN CÔNG NĂM 2020",
                       "1. Công tác chỉ đạo, điều hành", "Văn bản chỉ đạo mẫu của mục I.1.",
                       "2. Kết quả thực hiện các nội dung", "2.3. Các đề án khuyến công quốc gia", "2.6. So sánh với cùng kỳ năm trước",
                       "3. Đánh giá chung", "3.2. Khó khăn, hạn chế", "Khó khăn mẫu của mục I.3.2.", "3.3. Nguyên nhân",
                       "Nguyên nhân mẫu của mục I.3.3.", "II. NHIỆM VỤ NĂM 2021", "Nhiệm vụ mẫu của phần II.",
                       "III. ĐỀ XUẤT, KIẾN NGHỊ", "Kiến nghị mẫu của phần III.", "Nơi nhận:", "Bản điện tử: Cục ĐMST, CĐX và KC",
                       "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Mẫu", "Phụ lục 1",
                       "(Kèm theo Báo cáo số 125/BC-SCT ngày 05/01/2021 của Sở Công Thương tỉnh Bắc Giang)", "Phụ lục 2",
                       "Phụ lục 3"});
  // Without narratives the sections staff have not written are left out, not printed empty.
  std::string bare = r.render(ReportFormat::Markdown, {}, {}).bytes;
  EXPECT_EQ(bare.find("3.3. Nguyên nhân"), std::string::npos);
  EXPECT_EQ(bare.find("ĐỀ XUẤT, KIẾN NGHỊ"), std::string::npos);
  EXPECT_NE(bare.find("Số:        /BC-SCT"), std::string::npos) << "blank number until issued";
  EXPECT_NE(bare.find("GIÁM ĐỐC"), std::string::npos) << "the agency's director signs by default";
  EXPECT_EQ(bare.find("KT. GIÁM ĐỐC"), std::string::npos);
}

TEST(AnnualReportDocument, SixMonthTitleAndTheRestOfTheYearsTasks) {
  ComputedReport r = computed(ReportStructure::SixMonth, 2020);
  std::string md = r.render(ReportFormat::Markdown, {}, {}).bytes;
  expect_in_order(md, {"BÁO CÁO", "Kết quả thực hiện kế hoạch khuyến công sáu tháng đầu năm 2020 và nhiệm vụ sáu tháng cuối năm 2020",
                       "I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHUYẾN CÔNG 6 THÁNG ĐẦU NĂM 2020", "Kế hoạch khuyến công năm 2020 có",
                       "Ước thực hiện cả năm 2020:", "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2020", "Tiếp tục triển khai, nghiệm thu",
                       "Nơi nhận:", "Phụ lục 1"});
}

TEST(AnnualReportDocument, EveryFormatRenders) {
  ComputedReport r = computed(ReportStructure::Annual, 2020);
  std::map<ReportFormat, std::string> starts = {{ReportFormat::Pdf, "%PDF-"}, {ReportFormat::Docx, "PK"}, {ReportFormat::Xlsx, "PK"},
                                                {ReportFormat::Json, "{"}, {ReportFormat::Html, "<!DOCTYPE html>"}};
  for (ReportFormat f : {ReportFormat::Markdown, ReportFormat::Html, ReportFormat::Docx, ReportFormat::Pdf, ReportFormat::Xlsx,
                         ReportFormat::Json}) {
    RenderedReport out = r.render(f, sample_narratives(), issued());
    EXPECT_GT(out.bytes.size(), 500u) << out.extension;
    if (starts.count(f)) {
      EXPECT_EQ(out.bytes.substr(0, starts[f].size()), starts[f]) << out.extension;
    }
  }
  std::string json = r.render(ReportFormat::Json, {}, {}).bytes;
  EXPECT_NE(json.find("\"ma\": \"nam.de_an.tong.so_de_an\""), std::string::npos);
  TempDir dir;
  write_file(dir / "r.docx", r.render(ReportFormat::Docx, sample_narratives(), issued()).bytes);
  write_file(dir / "r.xlsx", r.render(ReportFormat::Xlsx, {}, {}).bytes);
  auto docx = unzip(dir / "r.docx");
  std::string body = docx["word/document.xml"];
  EXPECT_NE(body.find("Kiến nghị mẫu của phần III."), std::string::npos);
  EXPECT_NE(body.find("KT. GIÁM ĐỐC"), std::string::npos);
  auto xlsx = unzip(dir / "r.xlsx");
  std::string sheet1 = xlsx["xl/worksheets/sheet1.xml"];
  EXPECT_NE(sheet1.find("SUM("), std::string::npos) << "the total row adds up the rows above";
}

TEST(AnnualReportDocument, PdfTextComesInTheOrderOfAnOfficialReport) {
  if (find_on_path("pdftotext").empty()) GTEST_SKIP() << "poppler-utils not installed";
  TempDir dir;
  write_file(dir / "r.pdf", computed(ReportStructure::Annual, 2020).render(ReportFormat::Pdf, sample_narratives(), issued()).bytes);
  std::string text;
  FILE* p = popen(("pdftotext -enc UTF-8 '" + (dir / "r.pdf").string() + "' -").c_str(), "r");
  ASSERT_TRUE(p);
  std::array<char, 4096> buffer;
  for (size_t n; (n = fread(buffer.data(), 1, buffer.size(), p)) > 0;) text.append(buffer.data(), n);
  ASSERT_EQ(pclose(p), 0);
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\f') ? ' ' : c;
  expect_in_order(flat, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                         "I. KẾT QUẢ THỰC HIỆN", "II. NHIỆM VỤ NĂM 2021", "III. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "KT. GIÁM ĐỐC",
                         "Nguyễn Văn Mẫu", "Phụ lục 1"});
}

// --- the CLI ---

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

TEST(AnnualReportCli, WritesEachFormatAndRefusesAnUnknownYear) {
  TempDir dir;
  std::string db = "--db " + q(dir / "kc.db");
  ASSERT_EQ(run_cli(db + " import " + q(demo_dir())).exit_code, 0);
  for (const char* ext : {"docx", "pdf", "xlsx", "md", "html", "json"}) {
    CommandResult r = run_cli(db + " report annual --year 2018 --date 2019-01-10 -o " + q(dir / (std::string("r.") + ext)));
    EXPECT_EQ(r.exit_code, 0) << ext << ": " << r.output;
    EXPECT_NE(r.output.find("Đã ghi báo cáo kết quả thực hiện kế hoạch khuyến công năm 2018"), std::string::npos) << r.output;
  }
  EXPECT_NE(read_file(dir / "r.md").find("Bắc Giang, ngày 10 tháng 01 năm 2019"), std::string::npos);
  CommandResult six = run_cli(db + " report six-month --year 2020 --plan bg-2020");
  EXPECT_EQ(six.exit_code, 0) << six.output;
  EXPECT_NE(six.output.find("sáu tháng đầu năm 2020 và nhiệm vụ sáu tháng cuối năm 2020"), std::string::npos);
  CommandResult unknown = run_cli(db + " report annual --year 2030 -o " + q(dir / "x.md"));
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("Không lập được báo cáo: không có kế hoạch khuyến công hằng năm nào của năm 2030"),
            std::string::npos)
      << unknown.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.md"));
}

}  // namespace
}  // namespace kc::test
