// Approving a project places it in the annual plan of its year (src/web/project_plans.h): the
// approval form offers the annual plans whose area contains the project's and whose year is its
// start year, the only one preselected; the choice is checked on the server (form and API) and
// recorded on the approval event; a project that no plan covers is flagged "Ngoài kế hoạch" on
// its page and in the list.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

using nlohmann::json;

class WebProjectPlan : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebProjectPlan::server = nullptr;

// A project in Nam Dương (Lục Ngạn, Bắc Giang) starting in `year`, brought to appraisal with
// steps dated in that year; returns its code.
std::string appraised(Browser& centre, const std::string& title, int year) {
  json proposal = {{"ten", title}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"}, {"nam_bat_dau", year},
                   {"nam_ket_thuc", year}, {"don_vi_thuc_hien", "ttkc-bg"}, {"dia_ban", "bg-luc-ngan-nam-duong"},
                   {"kinh_phi_nsnn", 100000000}, {"kinh_phi_doi_ung", 200000000}};
  auto created = centre.post_json("/api/de-an", proposal.dump());
  EXPECT_EQ(created->status, 201) << created->body;
  std::string code = json::parse(created->body)["ban_ghi"]["ma"];
  std::string y = std::to_string(year);
  for (auto [to, day] : {std::pair{"de_xuat", "-01-10"}, {"tham_dinh", "-01-20"}}) {
    auto r = centre.post_json("/api/de-an/" + code + "/buoc", json{{"den_trang_thai", to}, {"ngay", y + day}}.dump());
    EXPECT_EQ(r->status, 200) << r->body;
  }
  return code;
}

httplib::Result approve(Browser& department, const std::string& code, const std::string& year, httplib::Params extra = {}) {
  department.get("/de-an/" + code);
  httplib::Params p = {{"den_trang_thai", "phe_duyet"}, {"so_quyet_dinh", "9/QĐ-SCT"}, {"ngay", "15/02/" + year}};
  for (auto& kv : extra) p.insert(kv);
  return department.post("/de-an/" + code + "/buoc", p);
}

TEST_F(WebProjectPlan, TheAnnualPlanOfItsYearIsPreselectedCheckedAndRecorded) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  std::string code = appraised(centre, "Hỗ trợ lò sấy vải thiều (kế hoạch 2020)", 2020);
  std::string form = department.get("/de-an/" + code)->body;
  EXPECT_NE(form.find("<label for=\"buoc-phe_duyet-kh\">Đưa vào kế hoạch hằng năm</label>"), std::string::npos);
  EXPECT_NE(form.find("<option value=\"bg-2020\" selected>Kế hoạch khuyến công tỉnh Bắc Giang năm 2020</option>"), std::string::npos)
      << "the one annual plan of 2020 whose area (the province) contains Nam Dương";
  EXPECT_EQ(form.find("<option value=\"bg-2019\""), std::string::npos) << "only plans of the project's year";
  EXPECT_EQ(form.find("Ngoài kế hoạch"), std::string::npos);

  auto wrong = approve(department, code, "2020", {{"ke_hoach", "bg-2019"}});
  EXPECT_EQ(wrong->status, 422);
  EXPECT_NE(wrong->body.find("Kế hoạch khuyến công tỉnh Bắc Giang năm 2019 (bg-2019) không phải kế hoạch hằng năm năm "
                             "2020 có địa bàn chứa địa bàn của đề án; các kế hoạch phù hợp: Kế hoạch khuyến công tỉnh Bắc "
                             "Giang năm 2020 (bg-2020)"),
            std::string::npos)
      << wrong->body.substr(0, 3000);
  // On the form too, every problem at once: the plan and a date before the appraisal.
  department.get("/de-an/" + code);
  auto both = department.post("/de-an/" + code + "/buoc", {{"den_trang_thai", "phe_duyet"}, {"so_quyet_dinh", "9/QĐ-SCT"},
                                                          {"ngay", "05/01/2020"}, {"ke_hoach", "bg-2019"}});
  EXPECT_EQ(both->status, 422);
  EXPECT_NE(both->body.find("không phải kế hoạch hằng năm năm 2020"), std::string::npos);
  EXPECT_NE(both->body.find("Ngày 05/01/2020 trước ngày của bước đã ghi gần nhất"), std::string::npos);
  ASSERT_EQ(approve(department, code, "2020", {{"ke_hoach", "bg-2020"}})->status, 303);
  std::string page = department.get("/de-an/" + code)->body;
  EXPECT_NE(page.find("kế hoạch: <a href=\"/ke-hoach/bg-2020\">Kế hoạch khuyến công tỉnh Bắc Giang năm 2020</a>"), std::string::npos)
      << "recorded on the approval event and shown";
}

TEST_F(WebProjectPlan, TheApiTakesTheOnlyPlanThatFitsOrTheOneNamed) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  std::string code = appraised(centre, "Hỗ trợ máy ép dầu lạc (API, kế hoạch 2019)", 2019);
  auto approve_api = [&](json extra) {
    json body = {{"den_trang_thai", "phe_duyet"}, {"so_quyet_dinh", "3/QĐ-SCT"}, {"ngay", "2019-02-15"}};
    body.update(extra);
    return department.post_json("/api/de-an/" + code + "/buoc", body.dump());
  };
  auto wrong = approve_api({{"ke_hoach", "bg-2016-2020"}});
  EXPECT_EQ(wrong->status, 422) << "a phase plan is not an annual plan";
  EXPECT_NE(json::parse(wrong->body)["truong"]["ke_hoach"].get<std::string>().find("các kế hoạch phù hợp: Kế hoạch khuyến công tỉnh Bắc Giang năm 2019 (bg-2019)"), std::string::npos);
  ASSERT_EQ(approve_api(json::object())->status, 200) << "omitted: the only plan that fits";
  EXPECT_NE(department.get("/de-an/" + code)->body.find("kế hoạch: <a href=\"/ke-hoach/bg-2019\">"), std::string::npos);
}

TEST_F(WebProjectPlan, SeveralPlansThatFitAreAskedAndNoneIsAChoice) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  // A district's own 2018 plan: Nam Dương now lies in two annual plans of 2018.
  department.get("/ke-hoach/moi");
  auto district = department.post("/ke-hoach", {{"ma", "bg-luc-ngan-2018"}, {"ten", "Kế hoạch khuyến công huyện Lục Ngạn năm 2018"},
                                                {"loai", "hang_nam"}, {"dia_ban", "bg-luc-ngan"}, {"tu_nam", "2018"},
                                                {"den_nam", "2018"}, {"van_ban_phe_duyet", ""}, {"ke_hoach_cha", ""},
                                                {"co_quan_bao_cao", "sct-bg"}, {"phuong_huong", ""}});
  ASSERT_EQ(district->status, 303) << district->body.substr(0, 3000);
  std::string code = appraised(centre, "Hỗ trợ máy sấy (hai kế hoạch 2018)", 2018);
  std::string form = department.get("/de-an/" + code)->body;
  EXPECT_NE(form.find("<option value=\"\" selected>(chọn kế hoạch)</option>"), std::string::npos) << "nothing preselected";
  EXPECT_NE(form.find("<option value=\"bg-luc-ngan-2018\">"), std::string::npos);
  auto unasked = approve(department, code, "2018");
  EXPECT_EQ(unasked->status, 422);
  EXPECT_NE(unasked->body.find("Hãy chọn kế hoạch hằng năm năm 2018 mà đề án được phê duyệt vào"), std::string::npos);
  ASSERT_EQ(approve(department, code, "2018", {{"ke_hoach", "khong"}})->status, 303) << "approved outside the annual plans";
  std::string page = department.get("/de-an/" + code)->body;
  EXPECT_EQ(page.find("kế hoạch: <a"), std::string::npos) << "no plan recorded";
  EXPECT_EQ(page.find("Ngoài kế hoạch"), std::string::npos) << "still covered by the plans of its area and year";
}

TEST_F(WebProjectPlan, AProjectOutsideEveryPlanIsFlagged) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  // The demo has plans up to 2020: a 2024 project lies outside every plan.
  std::string outside = appraised(centre, "Hỗ trợ máy sấy ngoài kế hoạch năm 2024", 2024);
  std::string inside = appraised(centre, "Hỗ trợ máy sấy trong kế hoạch 2017", 2017);
  std::string page = department.get("/de-an/" + outside)->body;
  EXPECT_NE(page.find("<strong class=\"flag\">Ngoài kế hoạch</strong>"), std::string::npos);
  EXPECT_NE(page.find("Chưa có kế hoạch hằng năm năm 2024 chứa địa bàn của đề án"), std::string::npos) << "said on the approval form";
  EXPECT_NE(page.find("<option value=\"khong\" selected>"), std::string::npos);
  EXPECT_EQ(department.get("/de-an/" + inside)->body.find("Ngoài kế hoạch"), std::string::npos);
  std::string list = centre.get("/de-an?q=" + httplib::detail::encode_query_param("máy sấy"))->body;
  size_t out_row = list.find(outside), in_row = list.find(inside);
  ASSERT_NE(out_row, std::string::npos) << list.substr(0, 3000);
  ASSERT_NE(in_row, std::string::npos);
  auto row_of = [&](size_t at) { return list.substr(list.rfind("<tr>", at), list.find("</tr>", at) - list.rfind("<tr>", at)); };
  EXPECT_NE(row_of(out_row).find("<strong class=\"flag\">Ngoài kế hoạch</strong>"), std::string::npos) << row_of(out_row);
  EXPECT_EQ(row_of(in_row).find("Ngoài kế hoạch"), std::string::npos) << row_of(in_row);
}

}  // namespace
}  // namespace kc::test
