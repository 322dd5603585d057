// The pickers of the reference kinds beyond units, organisations, contents and establishments:
// legal documents, plans, projects, indicators, products and selection rounds — each matched by
// name without diacritics, with its detail line, limited to what the caller may name and to the
// project's years; the forms that name them (registries, plans) offer them by name; and a unit
// that ended before a record's period is refused naming its successors, on the pages and in the API.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebPickerKinds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebPickerKinds::server = nullptr;

// code -> detail ("mo_ta") of the choices offered at `path`.
std::map<std::string, std::string> offered(Browser& b, const std::string& path) {
  auto r = b.get(path, {});
  EXPECT_EQ(r->status, 200) << path << " " << r->body;
  std::map<std::string, std::string> out;
  if (r->status != 200) return out;
  nlohmann::json answer = nlohmann::json::parse(r->body);  // kept: the loop reads inside it
  for (const auto& c : answer["lua_chon"]) out[c["ma"].get<std::string>()] = c["mo_ta"].get<std::string>();
  return out;
}

std::string name_of(Browser& b, const std::string& path, const std::string& code) {
  auto r = b.get(path, {});
  nlohmann::json answer = nlohmann::json::parse(r->body);
  for (const auto& c : answer["lua_chon"])
    if (c["ma"] == code) return c["ten"];
  return "";
}

TEST_F(WebPickerKinds, LegalDocumentsByNameOrNumberIssuedByTheEndOfTheYears) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto found = offered(centre, "/api/chon/van-ban?q=ve%20khuyen%20cong");
  ASSERT_TRUE(found.count("nd-45-2012")) << "typed without diacritics";
  EXPECT_EQ(found["nd-45-2012"], "số 45/2012/NĐ-CP, 21/5/2012");
  EXPECT_EQ(name_of(centre, "/api/chon/van-ban?q=ve%20khuyen%20cong", "nd-45-2012"), "Nghị định về khuyến công");
  EXPECT_TRUE(offered(centre, "/api/chon/van-ban?q=45%2F2012").count("nd-45-2012")) << "by its number";
  // A 2016 project cannot cite the decree of 2025.
  EXPECT_TRUE(offered(centre, "/api/chon/van-ban?q=&nam_bat_dau=2026").count("nd-235-2025"));
  auto in_2016 = offered(centre, "/api/chon/van-ban?q=&nam_bat_dau=2016");
  EXPECT_FALSE(in_2016.count("nd-235-2025"));
  EXPECT_TRUE(in_2016.count("nd-45-2012"));
}

TEST_F(WebPickerKinds, PlansIndicatorsAndRoundsWithTheirDetail) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto plans = offered(centre, "/api/chon/ke-hoach?q=ke%20hoach%20khuyen%20cong%20nam%202017");
  ASSERT_TRUE(plans.count("bg-2017"));
  EXPECT_EQ(plans["bg-2017"], "năm 2017, tỉnh Bắc Giang");
  EXPECT_EQ(offered(centre, "/api/chon/ke-hoach?q=giai%20doan%202016")["bg-2016-2020"], "giai đoạn 2016–2020, tỉnh Bắc Giang");
  // The plans of the project's years only.
  auto in_2017 = offered(centre, "/api/chon/ke-hoach?q=&nam_bat_dau=2017");
  EXPECT_TRUE(in_2017.count("bg-2017"));
  EXPECT_TRUE(in_2017.count("bg-2016-2020"));
  EXPECT_FALSE(in_2017.count("bg-2016"));

  EXPECT_EQ(offered(centre, "/api/chon/chi-tieu?q=ban%20tin")["ban_tin"], "đơn vị tính: bản");

  auto rounds = offered(centre, "/api/chon/dot-binh-chon?q=quoc%20gia");
  ASSERT_TRUE(rounds.count("bc-qg-2018"));
  EXPECT_EQ(rounds["bc-qg-2018"], "cấp quốc gia, năm 2018");
  auto in_2020 = offered(centre, "/api/chon/dot-binh-chon?q=quoc%20gia&nam_bat_dau=2020");
  EXPECT_TRUE(in_2020.count("bc-qg-2020"));
  EXPECT_FALSE(in_2020.count("bc-qg-2018"));
}

TEST_F(WebPickerKinds, ProductsNameTheirEstablishmentWithinTheCallersScope) {
  Browser centre(*server), local(*server), owner(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(local.sign_in("diaphuong"));
  ASSERT_TRUE(owner.sign_in("coso"));
  auto found = offered(centre, "/api/chon/san-pham?q=my%20gao%20chu");
  ASSERT_TRUE(found.count("sp-001"));
  EXPECT_EQ(found["sp-001"], "Hợp tác xã Sản xuất và Kinh doanh mỳ Chũ Nam Dương");
  EXPECT_TRUE(offered(centre, "/api/chon/san-pham?q=gom").count("sp-003"));
  // The officer of Lục Ngạn: products of its establishments (sp-001), not Việt Yên's pottery.
  EXPECT_TRUE(offered(local, "/api/chon/san-pham?q=my%20gao%20chu").count("sp-001"));
  EXPECT_FALSE(offered(local, "/api/chon/san-pham?q=gom").count("sp-003"));
  // An establishment names only its own products (cs-0046 has none in the demo).
  EXPECT_TRUE(offered(owner, "/api/chon/san-pham?q=").empty());
}

TEST_F(WebPickerKinds, ProjectsWithinTheCallersScopeAndYears) {
  Browser centre(*server), local(*server), owner(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(local.sign_in("diaphuong"));
  ASSERT_TRUE(owner.sign_in("coso"));
  auto found = offered(centre, "/api/chon/de-an?q=giap%20minh%20hang");
  ASSERT_TRUE(found.count("bg-2017-t-011"));
  EXPECT_EQ(found["bg-2017-t-011"], "2017, xã Nam Dương");
  EXPECT_TRUE(offered(centre, "/api/chon/de-an?q=bac%20ly").count("bg-2016-h-020")) << "the centre: every project";
  EXPECT_FALSE(offered(centre, "/api/chon/de-an?q=giap%20minh%20hang&nam_bat_dau=2018").count("bg-2017-t-011"))
      << "a project of other years";
  // The officer of Lục Ngạn: its district's projects, not Hiệp Hòa's.
  EXPECT_TRUE(offered(local, "/api/chon/de-an?q=thanh%20hai").count("bg-2016-h-001"));
  EXPECT_FALSE(offered(local, "/api/chon/de-an?q=bac%20ly").count("bg-2016-h-020"));
  // An establishment: only the projects it benefits from.
  auto own = offered(owner, "/api/chon/de-an?q=");
  EXPECT_EQ(own.size(), 1u);
  EXPECT_TRUE(own.count("bg-2017-t-011"));
  EXPECT_FALSE(offered(owner, "/api/chon/de-an?q=thanh%20hai").count("bg-2016-h-001"));
}

// The scan stops once 20 names starting with what was typed are found: the answer still says
// there are more, and names starting so still come before names merely containing the words.
TEST_F(WebPickerKinds, TwentyAtMostWithMoreSaid) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  nlohmann::json all = nlohmann::json::parse(centre.get("/api/chon/de-an?q=", {})->body);
  EXPECT_EQ(all["lua_chon"].size(), 20u);
  EXPECT_TRUE(all["con_nua"].get<bool>()) << "302 projects";
  nlohmann::json some = nlohmann::json::parse(centre.get("/api/chon/de-an?q=giap%20minh%20hang", {})->body);
  EXPECT_FALSE(some["con_nua"].get<bool>());
  nlohmann::json ho = nlohmann::json::parse(centre.get("/api/chon/de-an?q=ho%20tro", {})->body);
  ASSERT_EQ(ho["lua_chon"].size(), 20u);
  EXPECT_TRUE(ho["con_nua"].get<bool>());
  for (const auto& c : ho["lua_chon"]) EXPECT_EQ(c["ten"].get<std::string>().rfind("Hỗ trợ", 0), 0u) << c["ten"];
}

TEST_F(WebPickerKinds, AnUnknownKindListsTheKnownOnes) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto r = centre.get("/api/chon/khong-co", {});
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("van-ban, ke-hoach, de-an, chi-tieu, san-pham, dot-binh-chon"), std::string::npos) << r->body;
}

TEST_F(WebPickerKinds, RegistryAndPlanFormsNameTheseReferencesByName) {
  Browser centre(*server), dept(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(dept.sign_in("socongthuong"));
  // A legal document amends another: a short list, offered whole by name.
  auto doc = centre.get("/van-ban/moi");
  ASSERT_EQ(doc->status, 200);
  EXPECT_NE(doc->body.find("<select id=\"f_sua_doi\""), std::string::npos);
  EXPECT_NE(doc->body.find(">Nghị định về khuyến công — số 45/2012/NĐ-CP, 21/5/2012</option>"), std::string::npos);
  // A fair's project: 300 of them, searched by name; without JavaScript "Tìm" offers the matches.
  auto fair = centre.get("/hoi-cho/moi");
  ASSERT_EQ(fair->status, 200);
  EXPECT_NE(fair->body.find("name=\"tim_de_an\""), std::string::npos);
  EXPECT_NE(fair->body.find("hx-get=\"/chon/de-an?ten=de_an\""), std::string::npos);
  EXPECT_EQ(fair->body.find("hx-include"), std::string::npos) << "no years on this form to send with a search";
  auto searched = centre.post("/hoi-cho", {{"ma", "hc-tim"}, {"ten", "Hội chợ thử"}, {"tim_de_an", "giap minh"}, {"_tim", "de_an"}});
  EXPECT_EQ(searched->status, 200) << "shown again with the matches, not saved";
  EXPECT_NE(searched->body.find("type=\"radio\" name=\"de_an\" value=\"bg-2017-t-011\""), std::string::npos);
  EXPECT_EQ(centre.get("/hoi-cho/hc-tim")->status, 404);
  // A plan's area, approving decision and reporting body: by name, no code typed.
  auto plan = dept.get("/ke-hoach/moi");
  ASSERT_EQ(plan->status, 200);
  for (const char* field : {"f_dia_ban", "f_van_ban_phe_duyet", "f_co_quan_bao_cao"})
    EXPECT_NE(plan->body.find(std::string("<select id=\"") + field + "\""), std::string::npos) << field;
}

TEST_F(WebPickerKinds, TheApiNamesTheSuccessorsOfAnEndedUnitAsThePageDoes) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  const std::string said = "đã sáp nhập vào xã Nam Dương (mã bn-nam-duong); hãy chọn đơn vị kế thừa";
  nlohmann::json proposal = {{"ten", "Đề án ở xã đã sáp nhập"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
                             {"nam_bat_dau", "2026"}, {"nam_ket_thuc", "2026"}, {"don_vi_thuc_hien", "ttkc-bn"},
                             {"dia_ban", "bg-luc-ngan-nam-duong"}, {"kinh_phi_nsnn", "100000000"},
                             {"kinh_phi_doi_ung", "300000000"}};
  auto api = centre.post_json("/api/de-an", proposal.dump());
  ASSERT_EQ(api->status, 422) << api->body;
  std::string message = nlohmann::json::parse(api->body)["truong"]["dia_ban"];
  EXPECT_NE(message.find(said), std::string::npos) << message;
  // The proposal page says the same.
  centre.get("/de-an/moi");
  httplib::Params form;
  for (const auto& [name, value] : proposal.items()) form.emplace(name, value.get<std::string>());
  auto page = centre.post("/de-an", form);
  ASSERT_EQ(page->status, 422);
  EXPECT_NE(page->body.find(said), std::string::npos);
  // A registry record: a craft village recognised in 2026 in the commune that ended in 2025.
  nlohmann::json village = {{"ma", "ln-thu"}, {"ten", "Làng nghề thử"}, {"nghe", "mỳ gạo"}, {"truyen_thong", false},
                            {"dia_ban", "bg-luc-ngan-nam-duong"}, {"ngay_cong_nhan", "2026-01-15"},
                            {"hoat_dong_hieu_qua", true}, {"noi_bat", false}};
  auto registry = centre.post_json("/api/lang-nghe", village.dump());
  ASSERT_EQ(registry->status, 422) << registry->body;
  message = nlohmann::json::parse(registry->body)["truong"]["dia_ban"];
  EXPECT_NE(message.find(said), std::string::npos) << message;
  // Before the merger the same commune is right: nothing to add.
  village["ngay_cong_nhan"] = "2024-01-15";
  EXPECT_EQ(centre.post_json("/api/lang-nghe", village.dump())->status, 201);
}

}  // namespace
}  // namespace kc::test
