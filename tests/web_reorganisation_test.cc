// The 2025 reorganisation in daily work: an officer whose district ended is told so and shown
// the units that took it over; history pages show the unit of the time with its successor.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "store/store.h"
#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebReorganisation : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;

  // An officer of its own, so that no test changes the fixture's users.
  static void add(const std::string& username, const std::string& unit) {
    auto store = server->database().open();
    ASSERT_TRUE(add_user(*store, {username, "Người thử", "dia_phuong", unit, "", kPassword}, "test").empty());
  }
};
WebFixture* WebReorganisation::server = nullptr;

TEST_F(WebReorganisation, OfficerOfAnEndedDistrictIsToldWhatTookItOver) {
  add("luc-ngan-cu", "bg-luc-ngan");
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("luc-ngan-cu"));
  auto home = b.get("/viec-cua-toi");
  ASSERT_EQ(home->status, 200);
  EXPECT_NE(home->body.find("Địa bàn của bạn (huyện Lục Ngạn) đã kết thúc hiệu lực từ 01/7/2025; các đơn vị kế thừa: "),
            std::string::npos)
      << home->body.substr(0, 3000);
  EXPECT_NE(home->body.find("xã Nam Dương"), std::string::npos);  // a commune that took over one of its communes
  EXPECT_NE(home->body.find("tỉnh Bắc Ninh"), std::string::npos);  // what took over the district itself
  EXPECT_EQ(home->body.find("thị xã Chũ"), std::string::npos);      // split off earlier and ended too
  // The proposal form says the same.
  EXPECT_NE(b.get("/de-an/moi")->body.find("Địa bàn của bạn (huyện Lục Ngạn) đã kết thúc hiệu lực từ 01/7/2025"),
            std::string::npos);
}

TEST_F(WebReorganisation, OfficerOfAValidUnitSeesNoNotice) {
  add("nam-duong-moi", "bn-nam-duong");
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("nam-duong-moi"));
  EXPECT_EQ(b.get("/viec-cua-toi")->body.find("đã kết thúc hiệu lực"), std::string::npos);
}

TEST_F(WebReorganisation, HistoryPageShowsTheUnitOfTheTimeWithItsSuccessor) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  auto page = b.get("/de-an/bg-2017-t-011");  // 2017, in xã Nam Dương of huyện Lục Ngạn
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("xã Nam Dương (nay: xã Nam Dương)"), std::string::npos) << page->body.substr(0, 3000);
}

TEST_F(WebReorganisation, ThePickerOffersTheSuccessorsOfAnEndedUnit) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  // "luc ngan" names no unit valid in 2026: the district and its communes ended on 30/6/2025.
  auto r = b.get("/api/chon/don-vi-hanh-chinh?q=luc%20ngan&nam_bat_dau=2026", {});
  ASSERT_EQ(r->status, 200);
  std::map<std::string, std::string> offered;  // code -> detail
  nlohmann::json answer = nlohmann::json::parse(r->body);
  for (const auto& c : answer["lua_chon"]) offered[c["ma"].get<std::string>()] = c["mo_ta"].get<std::string>();
  ASSERT_TRUE(offered.count("bn-nam-duong")) << r->body;
  EXPECT_EQ(offered["bn-nam-duong"], "kế thừa xã Nam Dương (huyện Lục Ngạn)");
  EXPECT_FALSE(offered.count("bg-luc-ngan-nam-duong"));
  EXPECT_FALSE(offered.count("bg-tx-chu")) << "ended too: not offered";
}

TEST_F(WebReorganisation, AProposalInAnEndedUnitIsRefusedNamingItsSuccessor) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/de-an/moi");
  httplib::Params p = {{"ten", "Đề án thử ở xã đã sáp nhập"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
                       {"nam_bat_dau", "2026"}, {"nam_ket_thuc", "2026"}, {"don_vi_thuc_hien", "ttkc-bg"},
                       {"dia_ban", "bg-luc-ngan-nam-duong"}, {"kinh_phi_nsnn", "100000000"},
                       {"kinh_phi_doi_ung", "300000000"}, {"mo_ta", ""}, {"co_so", ""}};
  auto refused = b.post("/de-an", p);
  ASSERT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("đã sáp nhập vào xã Nam Dương (mã bn-nam-duong); hãy chọn đơn vị kế thừa"), std::string::npos)
      << refused->body.substr(0, 4000);
  p.erase("dia_ban");
  p.emplace("dia_ban", "bn-nam-duong");
  EXPECT_EQ(b.post("/de-an", p)->status, 303) << "the successor is accepted";
}

// Runs last in this file: it moves every officer of an ended unit of this suite's own server.
TEST_F(WebReorganisation, TheAdministratorMovesEveryOfficerOfAnEndedUnitInOneAction) {
  add("chuyen-thu", "bg-luc-ngan");
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  auto page = admin.get("/quan-tri/tai-khoan");
  ASSERT_EQ(page->status, 200);
  // Each listed officer with the first successor offered; ours to the new xã Nam Dương.
  httplib::Params p = {{"xac_nhan", "1"}};
  std::regex select(R"re(name="don_vi\.([a-z0-9._-]+)"><option value="([^"]+)")re");
  std::string body = page->body;
  for (std::sregex_iterator it(body.begin(), body.end(), select), end; it != end; ++it)
    if ((*it)[1] != "chuyen-thu") p.emplace("don_vi." + (*it)[1].str(), (*it)[2].str());
  ASSERT_NE(body.find("name=\"don_vi.chuyen-thu\""), std::string::npos) << body.substr(0, 4000);
  EXPECT_NE(body.find("<option value=\"bn-nam-duong\">xã Nam Dương (bn-nam-duong)</option>"), std::string::npos);
  p.emplace("don_vi.chuyen-thu", "bg-hiep-hoa-luong-phong");  // not a successor: nothing moves
  EXPECT_EQ(admin.post("/quan-tri/chuyen-don-vi-ke-thua", p)->status, 422);
  p.erase("don_vi.chuyen-thu");
  p.emplace("don_vi.chuyen-thu", "bn-nam-duong");
  auto moved = admin.post("/quan-tri/chuyen-don-vi-ke-thua", p);
  ASSERT_EQ(moved->status, 200);
  EXPECT_NE(moved->body.find("sang đơn vị kế thừa."), std::string::npos);
  EXPECT_EQ(moved->body.find("name=\"don_vi.chuyen-thu\""), std::string::npos) << "no one is left to move";
  {
    auto store = server->database().open();
    std::vector<AuditEntry> trail = audit_of(*store, "nguoi_dung", "chuyen-thu");
    ASSERT_FALSE(trail.empty());
    EXPECT_TRUE(std::any_of(trail.begin(), trail.end(), [](const AuditEntry& e) {
      return e.action == "sua_tai_khoan" && e.after.find("bn-nam-duong") != std::string::npos;
    }));
  }
  // The officer now proposes a 2026 project in the new commune.
  Browser officer(*server);
  ASSERT_TRUE(officer.sign_in("chuyen-thu"));
  EXPECT_EQ(officer.get("/viec-cua-toi")->body.find("đã kết thúc hiệu lực"), std::string::npos);
  officer.get("/de-an/moi");
  httplib::Params proposal = {{"ten", "Đề án thử tại xã Nam Dương mới"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
                              {"nam_bat_dau", "2026"}, {"nam_ket_thuc", "2026"}, {"don_vi_thuc_hien", "ttkc-bn"},
                              {"dia_ban", "bn-nam-duong"}, {"kinh_phi_nsnn", "100000000"},
                              {"kinh_phi_doi_ung", "300000000"}, {"mo_ta", ""}, {"co_so", ""}};
  auto created = officer.post("/de-an", proposal);
  EXPECT_EQ(created->status, 303) << created->body.substr(0, 4000);
}

}  // namespace
}  // namespace kc::test
