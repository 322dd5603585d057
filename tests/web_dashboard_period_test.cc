// The dashboard for any plan and any period (src/web/pages_dashboard.cc,
// src/report/report_period.h): an annual plan shows its own year, a year or from–to years of a
// phase plan add up, the CSV follows the period, and a bad period is answered in Vietnamese.
#include <gtest/gtest.h>

#include <regex>

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
