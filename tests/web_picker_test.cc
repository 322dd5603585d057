// Pickers: a user names records by typing part of their name without diacritics, and is offered
// only what they may name, valid during the project's years — through htmx fragments, the JSON
// API, and without JavaScript (the form's "Tìm" button). The proposal form asks for no code.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebPicker : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebPicker::server = nullptr;

std::vector<std::string> codes_of(Browser& b, const std::string& path) {
  auto r = b.get(path, {});
  EXPECT_EQ(r->status, 200) << path << " " << r->body;
  std::vector<std::string> out;
  nlohmann::json answer = nlohmann::json::parse(r->body);
  for (const auto& c : answer["lua_chon"]) out.push_back(c["ma"]);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST_F(WebPicker, EstablishmentsAreFoundByNameWithoutDiacritics) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto found = centre.get("/chon/co-so?q=giap%20minh%20hang&ten=co_so&nhieu=1");
  ASSERT_EQ(found->status, 200);
  EXPECT_NE(found->body.find("Hộ kinh doanh Giáp Minh Hằng"), std::string::npos) << found->body;
  EXPECT_NE(found->body.find("type=\"checkbox\" name=\"co_so\" value=\"cs-0046\""), std::string::npos) << found->body;
  EXPECT_NE(found->body.find("xã Nam Dương"), std::string::npos) << "where it is, to tell namesakes apart";
  // The htmx request sends the search box itself.
  auto typed = centre.get("/chon/co-so?ten=co_so&tim_co_so=GIAP%20MINH");
  EXPECT_NE(typed->body.find("cs-0046"), std::string::npos);
  auto none = centre.get("/chon/co-so?q=khong%20co%20co%20so%20nao%20nhu%20vay&ten=co_so");
  EXPECT_NE(none->body.find("Không tìm thấy"), std::string::npos);
}

TEST_F(WebPicker, EachRoleIsOfferedOnlyWhatItMayName) {
  Browser centre(*server), local(*server), owner(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(local.sign_in("diaphuong"));
  ASSERT_TRUE(owner.sign_in("coso"));
  // cs-0003 is in huyện Hiệp Hòa, cs-0050 in xã Nam Dương (Lục Ngạn, the local officer's area).
  EXPECT_TRUE(has(codes_of(centre, "/api/chon/co-so?q=tran%20trong%20phong"), "cs-0003"));
  EXPECT_FALSE(has(codes_of(local, "/api/chon/co-so?q=tran%20trong%20phong"), "cs-0003"));
  EXPECT_TRUE(has(codes_of(local, "/api/chon/co-so?q=cs-0050"), "cs-0050"));
  std::vector<std::string> own = codes_of(owner, "/api/chon/co-so?q=");
  EXPECT_EQ(own, std::vector<std::string>{"cs-0046"}) << "an establishment names only itself";
  // Places: the local officer's communes, not another district's.
  std::vector<std::string> places = codes_of(local, "/api/chon/don-vi-hanh-chinh?q=&nam_bat_dau=2024");
  EXPECT_TRUE(has(places, "bg-luc-ngan-nam-duong"));
  EXPECT_FALSE(has(places, "bg-hiep-hoa-luong-phong"));
  // Implementing units: their district's office and the province's centre, not another district's.
  std::vector<std::string> orgs = codes_of(local, "/api/chon/to-chuc?q=&nam_bat_dau=2024");
  EXPECT_TRUE(has(orgs, "pkt-luc-ngan"));
  EXPECT_TRUE(has(orgs, "ttkc-bg"));
  EXPECT_FALSE(has(orgs, "pkt-hiep-hoa"));
}

TEST_F(WebPicker, PlacesAreThoseValidDuringTheProjectsYears) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  // Districts were abolished on 1/7/2025: a 2024 project is placed in xã Nam Dương of Lục Ngạn,
  // a 2026 one in the communes of the new Bắc Ninh province.
  EXPECT_TRUE(has(codes_of(centre, "/api/chon/don-vi-hanh-chinh?q=nam%20duong&nam_bat_dau=2024"), "bg-luc-ngan-nam-duong"));
  std::vector<std::string> now = codes_of(centre, "/api/chon/don-vi-hanh-chinh?q=nam%20duong&nam_bat_dau=2026");
  EXPECT_FALSE(has(now, "bg-luc-ngan-nam-duong"));
  EXPECT_TRUE(has(now, "bn-nam-duong")) << "its successor";
}

TEST_F(WebPicker, TheProposalFormAsksForNoCode) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto form = centre.get("/de-an/moi");
  ASSERT_EQ(form->status, 200);
  const std::string& html = form->body;
  // Content, implementing unit and years are choices with names; no "mã …" hint asks for a code.
  EXPECT_NE(html.find("<select id=\"f_noi_dung\""), std::string::npos);
  EXPECT_NE(html.find("<select id=\"f_don_vi_thuc_hien\""), std::string::npos);
  // A new proposal is for this year: the implementing units valid now (the merged province's
  // centre, not Bắc Giang's, which ceased on 30/6/2025).
  EXPECT_NE(html.find("value=\"ttkc-bn\""), std::string::npos);
  EXPECT_EQ(html.find("value=\"ttkc-bg\""), std::string::npos);
  EXPECT_NE(html.find("<select id=\"f_nam_bat_dau\""), std::string::npos);
  EXPECT_EQ(html.find("placeholder=\"mã "), std::string::npos) << "no field asks for a code";
  EXPECT_NE(html.find("name=\"tim_co_so\""), std::string::npos) << "beneficiaries are searched by name";
}

TEST_F(WebPicker, WithoutJavaScriptTheSearchButtonOffersMatchesAndSavesNothing) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/de-an/moi");
  httplib::Params form = {{"ten", "Tìm không cần mã"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
                          {"nam_bat_dau", "2024"}, {"nam_ket_thuc", "2024"}, {"don_vi_thuc_hien", "ttkc-bg"},
                          {"tim_dia_ban", ""}, {"kinh_phi_nsnn", "50000000"}, {"kinh_phi_doi_ung", "100000000"},
                          {"tim_co_so", "giap minh"}, {"_tim", "co_so"}};
  auto searched = centre.post("/de-an", form);
  EXPECT_EQ(searched->status, 200) << "shown again, not saved";
  EXPECT_NE(searched->body.find("type=\"checkbox\" name=\"co_so\" value=\"cs-0046\""), std::string::npos);
  EXPECT_NE(searched->body.find("value=\"Tìm không cần mã\""), std::string::npos) << "what was typed stays";
  auto list = centre.get("/api/de-an?q=" + httplib::detail::encode_query_param("Tìm không cần mã"), {});
  EXPECT_EQ(nlohmann::json::parse(list->body)["tong"], 0);
  // Ticking the match and saving: the beneficiary is the establishment found by name.
  form.erase("_tim");
  form.emplace("co_so", "cs-0046");
  form.emplace("dia_ban", "bg-luc-ngan-nam-duong");
  auto saved = centre.post("/de-an", form);
  ASSERT_EQ(saved->status, 303) << saved->body.substr(0, 3000);
  auto page = centre.get(saved->get_header_value("Location"));
  EXPECT_NE(page->body.find("Hộ kinh doanh Giáp Minh Hằng"), std::string::npos) << "the page names the beneficiary";
  EXPECT_NE(page->body.find("Trung tâm Khuyến công và Xúc tiến thương mại"), std::string::npos) << "and the implementing unit";
}

TEST_F(WebPicker, RegistryFormsChooseReferencesByName) {
  Browser local(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  auto form = local.get("/co-so/moi");
  ASSERT_EQ(form->status, 200);
  // The establishment's commune: a list of the officer's communes by name, not a code to type.
  EXPECT_NE(form->body.find("<select id=\"f_dia_ban\""), std::string::npos);
  EXPECT_NE(form->body.find(">xã Nam Dương — huyện Lục Ngạn</option>"), std::string::npos);
  EXPECT_EQ(form->body.find("bg-hiep-hoa-luong-phong"), std::string::npos) << "another district's commune is not offered";
  // A product's establishment: searched by name (the centre may name any of 259).
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/san-pham/moi");
  auto searched = centre.post("/san-pham", {{"ma", "sp-tim"}, {"ten", "Mỳ Chũ"}, {"tim_co_so", "giap minh"}, {"_tim", "co_so"}});
  EXPECT_EQ(searched->status, 200) << "shown again with the matches, not saved";
  EXPECT_NE(searched->body.find("type=\"radio\" name=\"co_so\" value=\"cs-0046\""), std::string::npos);
  EXPECT_EQ(centre.get("/san-pham/sp-tim")->status, 404);
}

// An amendment's new place and beneficiaries are chosen by name too.
TEST_F(WebPicker, AmendmentsChooseThePlaceAndBeneficiariesByName) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto page = centre.get("/de-an/bg-2021-q-001");  // approved: amendments may be proposed
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<label for=\"f_dia_ban\">Địa bàn mới</label>"), std::string::npos);
  EXPECT_NE(page->body.find("name=\"tim_co_so\""), std::string::npos) << "beneficiaries searched by name";
  EXPECT_EQ(page->body.find("(mã, cách nhau bằng dấu phẩy)"), std::string::npos) << "no field asks for codes";
  // Two establishments ticked (two values of co_so), as the picker sends them.
  httplib::Params form = {{"noi_dung_dieu_chinh", "co_so"}, {"co_so", "cs-0046"}, {"co_so", "cs-0050"}, {"ly_do", "Thêm cơ sở"}};
  ASSERT_EQ(centre.post("/de-an/bg-2021-q-001/dieu-chinh", form)->status, 303);
  auto after = centre.get("/de-an/bg-2021-q-001");
  EXPECT_NE(after->body.find("cs-0046, cs-0050"), std::string::npos) << "both proposed";
}

// The administrator gives an account its area and establishment by name too.
TEST_F(WebPicker, AccountFormsChooseTheScopeByName) {
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  auto edit = admin.get("/quan-tri/tai-khoan/diaphuong");
  ASSERT_EQ(edit->status, 200);
  EXPECT_NE(edit->body.find("<select id=\"f_don_vi\""), std::string::npos);
  EXPECT_NE(edit->body.find("selected>huyện Lục Ngạn — tỉnh Bắc Giang</option>"), std::string::npos) << "its area, by name";
  EXPECT_NE(edit->body.find("name=\"tim_co_so\""), std::string::npos) << "establishments searched by name";
  EXPECT_EQ(edit->body.find("mã đơn vị hành chính"), std::string::npos) << "no field asks for a code";
  // Without JavaScript, "Tìm" shows the matches; nothing is saved.
  auto searched = admin.post("/quan-tri/tai-khoan/diaphuong",
                             {{"ho_ten", "Đổi tên thử"}, {"vai_tro", "dia_phuong"}, {"don_vi", "bg-luc-ngan"},
                              {"tim_co_so", "giap minh"}, {"_tim", "co_so"}});
  EXPECT_EQ(searched->status, 200);
  EXPECT_NE(searched->body.find("value=\"cs-0046\""), std::string::npos);
  EXPECT_EQ(admin.get("/quan-tri/tai-khoan/diaphuong")->body.find("Đổi tên thử"), std::string::npos) << "not saved";
}

// Choices come in Vietnamese order of their names: a dropdown of communes (Tân Quang before
// Thanh Hải, which byte order swaps), and searched establishments (Bắc, Bình, D, Đ, E), whatever
// their codes' order.
TEST_F(WebPicker, ChoicesAreInVietnameseOrder) {
  Browser local(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  auto form = local.get("/co-so/moi");
  ASSERT_EQ(form->status, 200);
  size_t select = form->body.find("<select id=\"f_dia_ban\"");
  ASSERT_NE(select, std::string::npos);
  std::string options = form->body.substr(select, form->body.find("</select>", select) - select);
  std::vector<std::string> labels;
  static const std::regex option(R"re(<option value="[^"]+"[^>]*>([^<]*)</option>)re");
  for (std::sregex_iterator it(options.begin(), options.end(), option), end; it != end; ++it) labels.push_back((*it)[1]);
  EXPECT_EQ(labels, (std::vector<std::string>{"thị trấn Chũ — huyện Lục Ngạn", "xã Giáp Sơn — huyện Lục Ngạn",
                                              "xã Hồng Giang — huyện Lục Ngạn", "xã Kiên Thành — huyện Lục Ngạn",
                                              "huyện Lục Ngạn — tỉnh Bắc Giang", "xã Nam Dương — huyện Lục Ngạn",
                                              "xã Phượng Sơn — huyện Lục Ngạn", "xã Quý Sơn — huyện Lục Ngạn",
                                              "xã Tân Quang — huyện Lục Ngạn", "xã Thanh Hải — huyện Lục Ngạn"}));

  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/co-so/moi");
  for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
           {"cs-chon-1", "Xưởng chọn thử Ea Súp"}, {"cs-chon-2", "Xưởng chọn thử Đình Lập"},
           {"cs-chon-3", "Xưởng chọn thử Dốc Lết"}, {"cs-chon-4", "Xưởng chọn thử Bình Gia"},
           {"cs-chon-5", "Xưởng chọn thử Bắc Sơn"}}) {
    httplib::Params made = {{"ma", code}, {"ten", name}, {"loai", "ho_kinh_doanh"}, {"nganh", "che_bien"},
                            {"dia_ban", "bg-luc-ngan-nam-duong"}, {"nam_thanh_lap", "2019"}, {"so_lao_dong", "3"}};
    ASSERT_EQ(centre.post("/co-so", made)->status, 303) << name;
  }
  EXPECT_EQ(codes_of(centre, "/api/chon/co-so?q=xuong%20chon%20thu"),
            (std::vector<std::string>{"cs-chon-5", "cs-chon-4", "cs-chon-3", "cs-chon-2", "cs-chon-1"}));
}

TEST_F(WebPicker, PickersNeedASignedInUser) {
  Browser visitor(*server);
  EXPECT_EQ(visitor.get("/api/chon/co-so?q=giap", {})->status, 401);
  EXPECT_EQ(visitor.get("/chon/co-so?q=giap")->status, 303);
}

}  // namespace
}  // namespace kc::test
