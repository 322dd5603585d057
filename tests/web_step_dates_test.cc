// Step dates are checked (src/projects/step_dates.h): a step done is not dated in the future,
// the steps follow each other in time, and approval, start and acceptance fall within the
// project's years unless the caller confirms — on the project page's forms and through the API,
// each refusal naming the date and the bound in Vietnamese.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "support/web_fixture.h"

namespace kc::test {
namespace {

using nlohmann::json;

class WebStepDates : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebStepDates::server = nullptr;

// A 2024 proposal in Nam Dương (Lục Ngạn), registered today by the centre; returns its code.
std::string propose_2024(Browser& centre, const std::string& title) {
  json proposal = {{"ten", title}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"}, {"nam_bat_dau", 2024},
                   {"nam_ket_thuc", 2024}, {"don_vi_thuc_hien", "ttkc-bg"}, {"dia_ban", "bg-luc-ngan-nam-duong"},
                   {"kinh_phi_nsnn", 100000000}, {"kinh_phi_doi_ung", 200000000}};
  auto created = centre.post_json("/api/de-an", proposal.dump());
  EXPECT_EQ(created->status, 201) << created->body;
  return json::parse(created->body)["ban_ghi"]["ma"];
}

httplib::Result api_step(Browser& b, const std::string& code, json body) {
  return b.post_json("/api/de-an/" + code + "/buoc", body.dump());
}

// A step through the project page's form, as the browser sends it.
httplib::Result form_step(Browser& b, const std::string& code, httplib::Params fields) {
  b.get("/de-an/" + code);
  return b.post("/de-an/" + code + "/buoc", std::move(fields));
}

TEST_F(WebStepDates, AStepDoneIsNotDatedInTheFuture) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  std::string code = propose_2024(centre, "Hỗ trợ máy sấy nông sản (ngày tương lai)");
  int next_year = today_in_vietnam().year + 1;
  auto refused = api_step(centre, code, {{"den_trang_thai", "de_xuat"}, {"ngay", std::to_string(next_year) + "-03-15"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("Ngày 15/3/" + std::to_string(next_year) + " ở tương lai"), std::string::npos) << refused->body;
  EXPECT_NE(refused->body.find("không sau hôm nay (" + to_vn(today_in_vietnam()) + ")"), std::string::npos) << refused->body;
  EXPECT_EQ(api_step(centre, code, {{"den_trang_thai", "de_xuat"}})->status, 200) << "today is not the future";
}

TEST_F(WebStepDates, StepsFollowEachOtherInTime) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  std::string code = propose_2024(centre, "Hỗ trợ máy sấy nông sản (thứ tự)");
  ASSERT_EQ(api_step(centre, code, {{"den_trang_thai", "de_xuat"}, {"ngay", "2024-01-10"}})->status, 200)
      << "the registration, dated the day it was recorded, does not bound the steps";
  auto refused = api_step(centre, code, {{"den_trang_thai", "tham_dinh"}, {"ngay", "2024-01-05"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("Ngày 05/01/2024 trước ngày của bước đã ghi gần nhất (chuyển sang \\\"đề xuất\\\", ngày 10/01/2024)"),
            std::string::npos)
      << refused->body;
  // With another problem of the request, every problem at once (nothing kept).
  auto both = api_step(centre, code, {{"den_trang_thai", "tham_dinh"}, {"ngay", "2024-01-05"}, {"xac_nhan_ngoai_ky", 1}});
  EXPECT_EQ(both->status, 422);
  EXPECT_NE(both->body.find("phải là true hoặc false"), std::string::npos) << both->body;
  EXPECT_NE(both->body.find("trước ngày của bước đã ghi gần nhất"), std::string::npos) << both->body;
  EXPECT_EQ(api_step(centre, code, {{"den_trang_thai", "tham_dinh"}, {"ngay", "2024-01-10"}})->status, 200) << "the same day";
}

TEST_F(WebStepDates, ApprovalStartAndAcceptanceLieInThePlanPeriodUnlessConfirmed) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  std::string code = propose_2024(centre, "Hỗ trợ máy sấy nông sản (kỳ kế hoạch)");
  ASSERT_EQ(api_step(centre, code, {{"den_trang_thai", "de_xuat"}, {"ngay", "2023-10-10"}})->status, 200)
      << "a proposal is prepared before the plan's period";
  ASSERT_EQ(api_step(centre, code, {{"den_trang_thai", "tham_dinh"}, {"ngay", "2023-11-20"}})->status, 200);
  // Approval in December 2023 for a 2024 project: outside its period, refused until confirmed.
  auto refused = api_step(department, code, {{"den_trang_thai", "phe_duyet"}, {"so_quyet_dinh", "5/QĐ-SCT"}, {"ngay", "2023-12-15"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("Ngày 15/12/2023 nằm ngoài kỳ kế hoạch của đề án (01/01/2024 – 31/12/2024)"), std::string::npos)
      << refused->body;
  EXPECT_NE(refused->body.find("xac_nhan_ngoai_ky"), std::string::npos) << "the API names the member that confirms";
  auto not_boolean = api_step(department, code, {{"den_trang_thai", "phe_duyet"}, {"so_quyet_dinh", "5/QĐ-SCT"},
                                                 {"ngay", "2023-12-15"}, {"xac_nhan_ngoai_ky", "có"}});
  EXPECT_EQ(not_boolean->status, 422);
  EXPECT_NE(not_boolean->body.find("phải là true hoặc false"), std::string::npos) << not_boolean->body;
  ASSERT_EQ(api_step(department, code, {{"den_trang_thai", "phe_duyet"}, {"so_quyet_dinh", "5/QĐ-SCT"}, {"ngay", "2023-12-15"},
                                        {"xac_nhan_ngoai_ky", true}})
                ->status,
            200);

  // The page's start form offers the box; without it, a start today (after 2024) is refused.
  std::string page = centre.get("/de-an/" + code)->body;
  EXPECT_NE(page.find("name=\"xac_nhan_ngoai_ky\""), std::string::npos);
  EXPECT_NE(page.find("Tôi xác nhận ngày này nằm ngoài kỳ kế hoạch"), std::string::npos);
  auto late = form_step(centre, code, {{"den_trang_thai", "dang_thuc_hien"}, {"so_quyet_dinh", "HĐ 1/2024"}});
  EXPECT_EQ(late->status, 422);
  EXPECT_NE(late->body.find("nằm ngoài kỳ kế hoạch của đề án (01/01/2024 – 31/12/2024)"), std::string::npos);
  EXPECT_NE(late->body.find(to_vn(today_in_vietnam())), std::string::npos) << "names the date refused";
  ASSERT_EQ(form_step(centre, code, {{"den_trang_thai", "dang_thuc_hien"}, {"so_quyet_dinh", "HĐ 1/2024"}, {"ngay", "05/01/2024"}})->status,
            303);
  // A progress report states the project's situation on its day: not bounded by the period.
  EXPECT_EQ(form_step(centre, code, {{"den_trang_thai", "dang_thuc_hien"}, {"ghi_chu", "Chậm tiến độ"}})->status, 303);
  // Acceptance: in 2025 only with the box ticked on the form — and not before the progress report.
  auto after_period = form_step(centre, code, {{"den_trang_thai", "nghiem_thu"}, {"so_quyet_dinh", "BB 1/2025"}, {"ngay", "20/01/2025"}});
  EXPECT_EQ(after_period->status, 422);
  EXPECT_NE(after_period->body.find("Ngày 20/01/2025 nằm ngoài kỳ kế hoạch"), std::string::npos);
  EXPECT_NE(after_period->body.find("trước ngày của bước đã ghi gần nhất (báo cáo tiến độ"), std::string::npos)
      << "every problem of the date at once";
  auto confirmed = form_step(centre, code, {{"den_trang_thai", "nghiem_thu"}, {"so_quyet_dinh", "BB 1/2025"},
                                            {"xac_nhan_ngoai_ky", "1"}});
  EXPECT_EQ(confirmed->status, 303) << confirmed->body.substr(0, 3000);
}

}  // namespace
}  // namespace kc::test
