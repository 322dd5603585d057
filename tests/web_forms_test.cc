// How forms take what people type (docs/web.md, "Typing money and dates"): money in the forms
// people and the application write it, with a live preview computed by the server's parser;
// dates as dd/mm/yyyy or yyyy-mm-dd; every error of a form at once, beside its field and in a
// summary at the top; labels with a capital letter.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "schema/record_kind.h"
#include "support/web_fixture.h"
#include "web/record_view.h"
#include "web/templates.h"

namespace kc::test {
namespace {

using nlohmann::json;

class WebForms : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebForms::server = nullptr;

httplib::Params proposal(const std::string& budget, const std::string& counterpart) {
  return {{"ten", "Hỗ trợ máy sấy nông sản"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
          {"nam_bat_dau", "2026"}, {"nam_ket_thuc", "2026"}, {"don_vi_thuc_hien", "ttkc-bg"},
          {"dia_ban", "bn-chu"}, {"kinh_phi_nsnn", budget}, {"kinh_phi_doi_ung", counterpart},
          {"mo_ta", ""}, {"co_so", ""}};
}

json project(Browser& b, const httplib::Result& created) {
  std::string to = created->get_header_value("Location");
  return json::parse(b.get("/api/de-an/" + to.substr(to.rfind('/') + 1))->body)["ban_ghi"];
}

TEST_F(WebForms, MoneyTypedAsTheApplicationPrintsItIsSaved) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/de-an/moi");
  auto created = centre.post("/de-an", proposal("150.000.000", "200 triệu đồng"));
  ASSERT_EQ(created->status, 303) << created->body;
  json p = project(centre, created);
  EXPECT_EQ(p["kinh_phi_nsnn"], 150000000);
  EXPECT_EQ(p["kinh_phi_doi_ung"], 200000000);
}

TEST_F(WebForms, TheApiTakesTheSameHumanForms) {
  Browser local(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  json body = {{"ten", "Hỗ trợ máy đóng gói"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
               {"nam_bat_dau", 2024}, {"nam_ket_thuc", 2024}, {"don_vi_thuc_hien", "ttkc-bg"},
               {"dia_ban", "bg-luc-ngan-nam-duong"}, {"kinh_phi_nsnn", "120 triệu"},
               {"kinh_phi_doi_ung", "0,3 tỷ"}, {"co_so", {"cs-0046"}}};
  auto created = local.post_json("/api/de-an", body.dump());
  ASSERT_EQ(created->status, 201) << created->body;
  json p = json::parse(created->body)["ban_ghi"];
  EXPECT_EQ(p["kinh_phi_nsnn"], 120000000);
  EXPECT_EQ(p["kinh_phi_doi_ung"], 300000000);
}

TEST_F(WebForms, RefusedMoneyNamesFieldAndValueAndEveryErrorComesAtOnce) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/de-an/moi");
  auto r = centre.post("/de-an", proposal("150,000,000", "-5 triệu"));
  ASSERT_EQ(r->status, 422) << r->body;
  EXPECT_NE(r->body.find("Kinh phí ngân sách nhà nước (đồng): dấu phẩy là dấu thập phân"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("&quot;150,000,000&quot;"), std::string::npos);
  EXPECT_NE(r->body.find("Kinh phí đối ứng (đồng): số tiền không được âm; gặp &quot;-5 triệu&quot;"), std::string::npos);
  // The summary at the top links to both fields.
  size_t summary = r->body.find("class=\"alert error-summary\" role=\"alert\" tabindex=\"-1\"");
  ASSERT_NE(summary, std::string::npos) << r->body;
  size_t form = r->body.find("<form", summary);
  EXPECT_LT(r->body.find("href=\"#f_kinh_phi_nsnn\"", summary), form);
  EXPECT_LT(r->body.find("href=\"#f_kinh_phi_doi_ung\"", summary), form);
}

TEST_F(WebForms, ThePreviewSaysWhatTheServerUnderstood) {
  Browser visitor(*server);
  auto ok = visitor.get("/dinh-dang/tien?gia_tri=150%20tri%E1%BB%87u");
  ASSERT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, "= 150.000.000 đồng (một trăm năm mươi triệu đồng)");
  EXPECT_EQ(ok->get_header_value("Content-Type"), "text/html; charset=utf-8");
  // As htmx sends it: the input's own name and value, `truong` naming it (a browser sends "+" for a
  // space; this test client would send "+" itself as %2B).
  auto named = visitor.get("/dinh-dang/tien?truong=kinh_phi_nsnn&kinh_phi_nsnn=1%2C05%20t%E1%BB%B7");
  EXPECT_EQ(named->body, "= 1.050.000.000 đồng (một tỷ không trăm năm mươi triệu đồng)");
  auto refused = visitor.get("/dinh-dang/tien?gia_tri=%3Cb%3E1.5%20tri%E1%BB%87u");
  EXPECT_NE(refused->body.find("<span class=\"field-error\">"), std::string::npos) << refused->body;
  EXPECT_NE(refused->body.find("&lt;b&gt;1.5 triệu"), std::string::npos) << "escaped: " << refused->body;
  EXPECT_EQ(refused->body.find("<b>"), std::string::npos);
  EXPECT_EQ(visitor.get("/dinh-dang/tien?gia_tri=")->body, "");
}

TEST(WebFormField, AMoneyFieldCarriesItsPreviewAndTheLiveRequest) {
  const Field& budget = kind("de_an").field("kinh_phi_nsnn");
  web::Data fields = web::list();
  fields.push_back(web::form_field(budget, "150 triệu", "", false));
  web::Data d;
  d.set("fields", fields);
  std::string html = web::render_template("registry_form", d);
  EXPECT_NE(html.find("<label for=\"f_kinh_phi_nsnn\">Kinh phí ngân sách nhà nước (đồng)"), std::string::npos) << html;
  EXPECT_NE(html.find("hx-get=\"/dinh-dang/tien?truong=kinh_phi_nsnn\""), std::string::npos) << html;
  EXPECT_NE(html.find("hx-trigger=\"input changed delay:300ms\""), std::string::npos);
  EXPECT_NE(html.find("aria-describedby=\"p_kinh_phi_nsnn\""), std::string::npos);
  EXPECT_NE(html.find("<span id=\"p_kinh_phi_nsnn\" class=\"money-preview\" aria-live=\"polite\">= 150.000.000 đồng "
                      "(một trăm năm mươi triệu đồng)</span>"),
            std::string::npos)
      << html;
  // A stored amount comes back grouped the Vietnamese way.
  EXPECT_EQ(web::form_field(budget, "550000000", "", false).get("value")->string_value(), "550.000.000");
}

httplib::Params document(const std::string& code, const std::string& date) {
  return {{"ma", code}, {"so_hieu", "12/2024/QĐ-UBND"}, {"loai", "quyet_dinh"}, {"co_quan_ban_hanh", "UBND tỉnh"},
          {"cap_ban_hanh", "tinh"}, {"dia_ban", ""}, {"ngay_ban_hanh", date}, {"trich_yeu", "Quy định mức hỗ trợ"},
          {"sua_doi", ""}, {"thay_the", ""}};
}

TEST_F(WebForms, DatesInDayMonthYearAreReadAndShownThatWay) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/van-ban/moi");
  ASSERT_EQ(centre.post("/van-ban", document("qd-thu-ngay-1", "5/3/2024"))->status, 303);
  ASSERT_EQ(centre.post("/van-ban", document("qd-thu-ngay-2", "2024-03-06"))->status, 303);
  EXPECT_EQ(json::parse(centre.get("/api/van-ban/qd-thu-ngay-1")->body)["ban_ghi"]["ngay_ban_hanh"], "2024-03-05");
  auto form = centre.get("/van-ban/qd-thu-ngay-2/sua");
  EXPECT_NE(form->body.find("value=\"06/3/2024\""), std::string::npos) << "the form shows dd/mm/yyyy";
  EXPECT_NE(form->body.find("data-date-picker"), std::string::npos) << "a calendar is offered beside it";
  auto impossible = centre.post("/van-ban", document("qd-thu-ngay-3", "31/02/2024"));
  ASSERT_EQ(impossible->status, 422);
  EXPECT_NE(impossible->body.find("Ngày ban hành: ngày không hợp lệ"), std::string::npos) << impossible->body;
  EXPECT_NE(impossible->body.find("&quot;31/02/2024&quot;"), std::string::npos);
  EXPECT_EQ(centre.get("/van-ban/qd-thu-ngay-3")->status, 404);
}

TEST_F(WebForms, RulesBetweenFieldsAreReportedBesideAReferenceThatNamesNothing) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/lang-nghe/moi");
  auto r = centre.post("/lang-nghe", {{"ma", "ln-thu-quy-tac"}, {"ten", "Làng nghề thử"}, {"nghe", "mây tre đan"},
                                      {"truyen_thong", "0"}, {"dia_ban", "khong-co-xa-nay"}, {"quyet_dinh_cong_nhan", ""},
                                      {"ngay_cong_nhan", "15/7/2015"}, {"ngay_thu_hoi", "01/3/2015"},
                                      {"hoat_dong_hieu_qua", "1"}, {"noi_bat", "0"}});
  ASSERT_EQ(r->status, 422);
  EXPECT_NE(r->body.find("Xã, phường: không tìm thấy đơn vị hành chính &quot;khong-co-xa-nay&quot;"), std::string::npos)
      << r->body;
  EXPECT_NE(r->body.find("Ngày thu hồi danh hiệu: &quot;ngày thu hồi danh hiệu&quot; (01/3/2015) không được trước "
                         "&quot;ngày công nhận&quot; (15/7/2015)"),
            std::string::npos)
      << "the rule is checked in the same answer, its dates as people write them";
}

TEST_F(WebForms, LabelsStartWithACapitalLetter) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto form = centre.get("/van-ban/moi");
  EXPECT_NE(form->body.find("<label for=\"f_so_hieu\">Số, ký hiệu"), std::string::npos);
  EXPECT_NE(form->body.find("<label for=\"f_dia_ban\">Địa bàn của cơ quan ban hành"), std::string::npos)
      << "đ becomes Đ";
  auto detail = centre.get("/van-ban/nd-235-2025");
  EXPECT_NE(detail->body.find("<dt>Ngày ban hành</dt>"), std::string::npos);
  EXPECT_EQ(detail->body.find("<dt>ngày ban hành</dt>"), std::string::npos);
}

}  // namespace
}  // namespace kc::test
