// The dashboard for any plan and any period (src/web/pages_dashboard.cc,
// src/report/report_period.h): an annual plan shows its own year, a year or from–to years of a
// phase plan add up, the CSV follows the period, and a bad period is answered in Vietnamese.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "core/vn_format.h"
#include "support/demo_csv.h"
#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebDashboardPeriod : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebDashboardPeriod::server = nullptr;

// The dashboard's figure "Số đề án" as a number, or -1 when the page has none.
int64_t projects_on(Browser& b, const std::string& query) {
  auto r = b.get("/tong-quan" + query);
  EXPECT_EQ(r->status, 200) << query << "\n" << r->body.substr(0, 2000);
  std::smatch m;
  if (!std::regex_search(r->body, m, std::regex(R"re(data-figure="de_an.tong.so_de_an">([\d.]+)<)re"))) return -1;
  std::string digits = std::regex_replace(std::string(m[1]), std::regex("\\."), "");
  return std::stoll(digits);
}

TEST_F(WebDashboardPeriod, AnAnnualPlanShowsItsOwnYear) {
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  EXPECT_EQ(projects_on(department, ""), 297) << "by default the latest phase plan, 2016–2020";
  int64_t year_2018 = projects_on(department, "?ke_hoach=bg-2018");
  EXPECT_GT(year_2018, 0);
  EXPECT_LT(year_2018, 297);
  EXPECT_EQ(projects_on(department, "?ke_hoach=bg-2016-2020&ky=2018"), year_2018) << "the same area and year";
  std::string page = department.get("/tong-quan?ke_hoach=bg-2018")->body;
  EXPECT_NE(page.find("Kế hoạch khuyến công tỉnh Bắc Giang năm 2018 — số liệu năm 2018"), std::string::npos);
  EXPECT_NE(page.find(R"(<option value="bg-2018" selected>)"), std::string::npos) << "annual plans are offered";
}

TEST_F(WebDashboardPeriod, YearsAddUp) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  int64_t sum = 0;
  for (int y = 2016; y <= 2020; ++y) sum += projects_on(centre, "?ke_hoach=bg-2016-2020&ky=" + std::to_string(y));
  EXPECT_EQ(sum, 297) << "the five years make the phase";
  int64_t two = projects_on(centre, "?ke_hoach=bg-2016-2020&ky=2016") + projects_on(centre, "?ke_hoach=bg-2016-2020&ky=2017");
  EXPECT_EQ(projects_on(centre, "?ke_hoach=bg-2016-2020&tu_nam=2016&den_nam=2017"), two);
  EXPECT_EQ(projects_on(centre, "?ke_hoach=bg-2016&tu_nam=2016&den_nam=2017"), two) << "an annual plan over other years";
  // A narrower period does not compare the phase's targets; the plan's own period does.
  std::string narrowed = centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=2017")->body;
  EXPECT_NE(narrowed.find("không so sánh tỷ lệ đạt"), std::string::npos);
  EXPECT_EQ(narrowed.find("Tỷ lệ đạt"), std::string::npos);
  EXPECT_NE(centre.get("/tong-quan?ke_hoach=bg-2016-2020")->body.find("Tỷ lệ đạt"), std::string::npos);
  // The CSV follows the period.
  auto csv = centre.get("/tong-quan/bang-1.csv?ke_hoach=bg-2016-2020&ky=2016-2017");
  EXPECT_EQ(csv->status, 200);
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("bg-2016-2020-2016-2017-bang-1.csv"), std::string::npos);
  EXPECT_NE(centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=2016")->body.find("bang-1.csv?ke_hoach=bg-2016-2020&amp;ky=2016-2016"),
            std::string::npos);
}

TEST_F(WebDashboardPeriod, ABadPeriodIsExplained) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto garbled = centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=abc");
  EXPECT_EQ(garbled->status, 422);
  EXPECT_NE(garbled->body.find("không hợp lệ: hãy chọn một năm, một giai đoạn hoặc từ năm đến năm"), std::string::npos);
  EXPECT_NE(garbled->body.find("<select id=\"ky\""), std::string::npos) << "the form stays to choose again";
  auto reversed = centre.get("/tong-quan?ke_hoach=bg-2016-2020&tu_nam=2019&den_nam=2017");
  EXPECT_EQ(reversed->status, 422);
  EXPECT_NE(reversed->body.find("năm kết thúc 2017 trước năm bắt đầu 2019"), std::string::npos);
  auto half = centre.get("/tong-quan?ke_hoach=bg-2016-2020&tu_nam=2019");
  EXPECT_EQ(half->status, 422) << "from without to";
  auto outside = centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=1990");
  EXPECT_EQ(outside->status, 422);
  EXPECT_NE(outside->body.find("nằm ngoài các năm có số liệu"), std::string::npos);
  EXPECT_EQ(centre.get("/tong-quan/bang-1.csv?ke_hoach=bg-2016-2020&ky=2020-2016")->status, 422);
  EXPECT_EQ(centre.get("/tong-quan?ke_hoach=khong-co")->status, 404);
}

// The figure with `data-figure="id"` on a page, as printed, or "" when the page has none.
std::string figure_on(const std::string& page, const std::string& id) {
  std::smatch m;
  if (!std::regex_search(page, m, std::regex("data-figure=\"" + std::regex_replace(id, std::regex("\\."), "\\.") + "\">([^<]*)<")))
    return "";
  return m[1];
}

// A half-year on the dashboard: its label, the projects approved in it and the state of the
// year's plan on 30/06, each as computed here from the bundle's de_an.csv; what has no date says so.
TEST_F(WebDashboardPeriod, AHalfYearShowsItsOwnFigures) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  int64_t approved_h1 = 0, budget_h1 = 0, of_2020 = 0, of_2020_accepted = 0, of_2020_settled = 0, accepted_h2 = 0;
  for (const CsvProject& p : demo_csv_projects()) {
    if (implemented(p.status) && within(p.approved, {2020, 1, 1}, {2020, 6, 30})) {
      ++approved_h1;
      budget_h1 += p.budget;
    }
    if (p.start_year == 2020 && (p.status == "phe_duyet" || implemented(p.status))) {
      ++of_2020;
      if (within(p.accepted, {2020, 1, 1}, {2020, 12, 31})) ++of_2020_accepted;
      if (p.status == "quyet_toan" || p.status == "hau_kiem") ++of_2020_settled;
    }
    if (implemented(p.status) && within(p.accepted, {2020, 7, 1}, {2020, 12, 31})) ++accepted_h2;
  }
  ASSERT_GT(approved_h1, 0);
  auto r = centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=2020-h1");
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 2000);
  const std::string& h1 = r->body;
  EXPECT_NE(h1.find("Kế hoạch khuyến công tỉnh Bắc Giang giai đoạn 2016 - 2020 — số liệu 6 tháng đầu năm 2020"), std::string::npos);
  EXPECT_NE(h1.find(R"(<option value="2020-h1" selected>6 tháng đầu năm 2020</option>)"), std::string::npos);
  EXPECT_EQ(figure_on(h1, "de_an.tong.so_de_an"), format_int(approved_h1));
  EXPECT_EQ(figure_on(h1, "de_an.tong.kinh_phi"), format_million_dong(budget_h1) + " triệu đồng");
  EXPECT_NE(h1.find("Số đề án phê duyệt trong kỳ"), std::string::npos);
  EXPECT_NE(h1.find("Đã phê duyệt đến ngày 30/06/2020"), std::string::npos);
  EXPECT_EQ(figure_on(h1, "ky.ke_hoach"), format_int(of_2020));
  EXPECT_EQ(figure_on(h1, "ky.da_nghiem_thu"), "0") << "the demo accepts its projects from October";
  EXPECT_EQ(figure_on(h1, "ky.giai_ngan"), "chưa có ngày") << "disbursement is not dated: no whole-year figure instead";
  EXPECT_EQ(figure_on(h1, "ky.quyet_toan"), "0");
  EXPECT_EQ(figure_on(h1, "ky.quyet_toan.chua_co_ngay"), format_int(of_2020_settled)) << "the bundle dates no settlement";
  EXPECT_NE(h1.find("Không có đề án nào nghiệm thu trong kỳ."), std::string::npos);
  EXPECT_NE(h1.find("bang-1.csv?ke_hoach=bg-2016-2020&amp;ky=2020-h1"), std::string::npos);
  EXPECT_EQ(h1.find("Số liệu tính theo năm bắt đầu"), std::string::npos);

  std::string h2 = centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=2020-h2")->body;
  EXPECT_NE(h2.find("số liệu 6 tháng cuối năm 2020"), std::string::npos);
  EXPECT_EQ(figure_on(h2, "ky.nghiem_thu"), format_int(accepted_h2));
  EXPECT_EQ(figure_on(h2, "ky.da_nghiem_thu"), format_int(of_2020_accepted));
  EXPECT_NE(h2.find("Kết quả đầu ra của các đề án nghiệm thu trong kỳ"), std::string::npos);

  auto csv = centre.get("/tong-quan/bang-1.csv?ke_hoach=bg-2016-2020&ky=2020-h1");
  EXPECT_EQ(csv->status, 200);
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("bg-2016-2020-2020-h1-bang-1.csv"), std::string::npos);
}

TEST_F(WebDashboardPeriod, FromToDates) {
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  auto r = department.get("/tong-quan?ke_hoach=bg-2020&tu_ngay=01%2F03%2F2020&den_ngay=30%2F09%2F2020");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("số liệu từ 01/03/2020 đến 30/09/2020"), std::string::npos);
  EXPECT_NE(r->body.find("value=\"01/03/2020\""), std::string::npos) << "the form keeps what was typed";
  EXPECT_NE(r->body.find("Đã nghiệm thu đến ngày 30/09/2020"), std::string::npos);
  EXPECT_NE(r->body.find("bang-1.csv?ke_hoach=bg-2020&amp;tu_ngay=01%2F03%2F2020&amp;den_ngay=30%2F09%2F2020"), std::string::npos);
  auto csv = department.get("/tong-quan/bang-1.csv?ke_hoach=bg-2020&tu_ngay=01%2F03%2F2020&den_ngay=30%2F09%2F2020");
  EXPECT_EQ(csv->status, 200);
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("bg-2020-20200301-20200930-bang-1.csv"), std::string::npos);
  auto bad = department.get("/tong-quan?ke_hoach=bg-2020&tu_ngay=31%2F02%2F2020&den_ngay=30%2F09%2F2020");
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find("Từ ngày &quot;31/02/2020&quot; không hợp lệ"), std::string::npos) << bad->body.substr(0, 3000);
  EXPECT_EQ(department.get("/tong-quan/bang-1.csv?ke_hoach=bg-2020&tu_ngay=30%2F09%2F2020&den_ngay=01%2F03%2F2020")->status, 422);
}

// Acceptance and settlement taken in the application are dated by their steps: the project
// counts in the half-year of each step's day.
TEST_F(WebDashboardPeriod, StepsTakenInTheApplicationAreDated) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  const std::string code = "bg-2021-t-001";  // the demo's project in progress, approved 02/03/2021
  std::string before = centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=2021-h2")->body;
  EXPECT_EQ(figure_on(before, "ky.quyet_toan"), "0");
  for (auto [to, day] : {std::pair{"nghiem_thu", "2021-10-15"}, std::pair{"quyet_toan", "2021-11-20"}}) {
    nlohmann::json step = {{"den_trang_thai", to}, {"ngay", day}, {"so_quyet_dinh", std::string("QĐ-") + to}};
    auto r = centre.post_json("/api/de-an/" + code + "/buoc", step.dump());
    ASSERT_EQ(r->status, 200) << to << ": " << r->body;
  }
  std::string h2 = centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=2021-h2")->body;
  EXPECT_EQ(figure_on(h2, "ky.quyet_toan"), "1");
  EXPECT_EQ(figure_on(h2, "ky.nghiem_thu"), "1");
  EXPECT_EQ(figure_on(h2, "ky.quyet_toan.chua_co_ngay"), "") << "the only 2021 settlement is dated";
  std::string h1 = centre.get("/tong-quan?ke_hoach=bg-2016-2020&ky=2021-h1")->body;
  EXPECT_EQ(figure_on(h1, "ky.quyet_toan"), "0");
  EXPECT_EQ(figure_on(h1, "ky.da_nghiem_thu"), "0");
}

// The charts' axes speak to people: contents as "Nội dung 3", indicators by their names.
TEST_F(WebDashboardPeriod, ChartAxesNameWhatTheyShow) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto page = centre.get("/tong-quan?ke_hoach=bg-2016-2020");
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Nội dung 3"), std::string::npos);
  EXPECT_NE(page->body.find("bản tin khuyến công"), std::string::npos) << "the indicator ban_tin by its name";
  EXPECT_EQ(page->body.find("&quot;ban_tin&quot;"), std::string::npos) << "not by its code";
}

}  // namespace
}  // namespace kc::test
