// Destructive actions ask before they act (web/confirm.h): ending a project (cancel, not
// approved) needs its confirmation box ticked, checked on the server; refusing an amendment
// without JavaScript answers a page that asks, carrying what was typed. Archiving a record is in
// web_registry_test.cc.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

using nlohmann::json;

class WebConfirm : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebConfirm::server = nullptr;

// A step form as the project page sends it (multipart).
httplib::Result step(const WebFixture& s, Browser& b, const std::string& code, const std::string& to,
                     const httplib::Params& fields) {
  httplib::MultipartFormDataItems items = {{"_csrf", b.csrf(), "", ""}, {"den_trang_thai", to, "", ""}};
  for (const auto& [k, v] : fields) items.push_back({k, v, "", ""});
  httplib::Headers h = {{"Cookie", "kc_session=" + b.cookie("kc_session")}};
  return s.client()->Post(("/de-an/" + code + "/buoc").c_str(), h, items);
}

std::string status_of(Browser& b, const std::string& code) {
  return json::parse(b.get("/api/de-an/" + code)->body)["ban_ghi"]["trang_thai"];
}

TEST_F(WebConfirm, CancellingAProjectNeedsItsBoxTicked) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/de-an/moi");
  auto created = centre.post("/de-an", {{"ten", "Đề án sẽ hủy"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
                                        {"nam_bat_dau", "2026"}, {"nam_ket_thuc", "2026"}, {"don_vi_thuc_hien", "ttkc-bg"},
                                        {"dia_ban", "bn-chu"}, {"kinh_phi_nsnn", "50 triệu"}, {"kinh_phi_doi_ung", "50 triệu"},
                                        {"mo_ta", ""}, {"co_so", ""}});
  ASSERT_EQ(created->status, 303) << created->body;
  std::string to = created->get_header_value("Location"), code = to.substr(to.rfind('/') + 1);
  auto page = centre.get("/de-an/" + code);
  EXPECT_NE(page->body.find("<input type=\"checkbox\" name=\"xac_nhan\" value=\"1\" required> Tôi xác nhận hủy đề án này"),
            std::string::npos)
      << "the cancel form has its box";
  auto refused = step(*server, centre, code, "huy", {{"ghi_chu", "Không còn nhu cầu"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("Hãy đánh dấu ô"), std::string::npos) << refused->body;
  EXPECT_EQ(status_of(centre, code), "dang_ky_nhu_cau") << "nothing happened";
  centre.get("/de-an/" + code);
  EXPECT_EQ(step(*server, centre, code, "huy", {{"ghi_chu", "Không còn nhu cầu"}, {"xac_nhan", "1"}})->status, 303);
  EXPECT_EQ(status_of(centre, code), "huy");
}

TEST_F(WebConfirm, RefusingAnAmendmentAsksFirstWithoutJavaScript) {
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  json running = json::parse(department.get("/api/de-an?trang_thai=dang_thuc_hien&kich_thuoc=1")->body);
  ASSERT_FALSE(running["ban_ghi"].empty()) << running;
  std::string code = running["ban_ghi"][0]["ma"];
  department.get("/de-an/" + code);
  auto proposed = department.post("/de-an/" + code + "/dieu-chinh",
                                  {{"noi_dung_dieu_chinh", "kinh_phi"}, {"kinh_phi_nsnn", "1 tỷ 200 triệu"},
                                   {"ly_do", "Giá thiết bị tăng"}});
  ASSERT_EQ(proposed->status, 303) << proposed->body;
  auto page = department.get("/de-an/" + code);
  EXPECT_NE(page->body.find("kinh_phi_nsnn = 1200000000"), std::string::npos) << "kept as understood";
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page->body, m, std::regex("/dieu-chinh/([0-9a-f]+)/tu-choi\" class=\"inline-form\" "
                                                          "data-confirm=\"")));
  std::string refuse = "/de-an/" + code + "/dieu-chinh/" + std::string(m[1]) + "/tu-choi";
  auto asked = department.post(refuse, {{"ghi_chu_duyet", "Chưa đủ căn cứ"}});
  ASSERT_EQ(asked->status, 200);
  EXPECT_NE(asked->body.find("Không phê duyệt đề nghị điều chỉnh này?"), std::string::npos);
  EXPECT_NE(asked->body.find("name=\"ghi_chu_duyet\" value=\"Chưa đủ căn cứ\""), std::string::npos)
      << "what was typed goes with the answer";
  EXPECT_NE(department.get("/de-an/" + code)->body.find("/tu-choi\""), std::string::npos) << "still waiting";
  EXPECT_EQ(department.post(refuse, {{"ghi_chu_duyet", "Chưa đủ căn cứ"}, {"xac_nhan", "1"}})->status, 303);
  EXPECT_EQ(department.get("/de-an/" + code)->body.find(refuse), std::string::npos) << "decided";
}

}  // namespace
}  // namespace kc::test
