// The home page of each role ("Việc của tôi", /viec-cua-toi): where sign-in lands, what each
// role finds waiting for it on the demo data and on projects moved through the lifecycle here,
// each item named and linked to the step to take, within the caller's scope, and the count in
// the navigation equal to the items waiting.
#include <gtest/gtest.h>

#include <regex>
#include <vector>

#include "core/clock.h"
#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebHome : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebHome::server = nullptr;

constexpr const char* kHome = "/viec-cua-toi";

// A need registered through the proposal form; returns its code.
// `year`: the place must be valid in it (Lục Ngạn's communes until mid-2025, bn-chu after).
std::string register_need(Browser& b, const std::string& title, const std::string& place, const std::string& year = "2026") {
  b.get("/de-an/moi");
  httplib::Params p = {{"ten", title},       {"noi_dung", "nd45-3"},        {"cap_kinh_phi", "tinh"},
                       {"nam_bat_dau", year}, {"nam_ket_thuc", year},  {"don_vi_thuc_hien", "ttkc-bg"},
                       {"dia_ban", place},    {"kinh_phi_nsnn", "100000000"}, {"kinh_phi_doi_ung", "300000000"},
                       {"mo_ta", ""},         {"co_so", ""}};
  auto created = b.post("/de-an", p);
  EXPECT_EQ(created->status, 303) << created->body.substr(0, 2000);
  std::string to = created->get_header_value("Location");
  return to.substr(to.rfind('/') + 1);
}

// A lifecycle step through the project page's form (multipart, as the browser sends it).
int step(const WebFixture& s, Browser& b, const std::string& code, const std::string& to,
         const std::vector<std::pair<std::string, std::string>>& fields = {}) {
  b.get("/de-an/" + code);
  httplib::MultipartFormDataItems items = {{"_csrf", b.csrf(), "", ""}, {"den_trang_thai", to, "", ""}};
  for (const auto& [k, v] : fields) items.push_back({k, v, "", ""});
  httplib::Headers h = {{"Cookie", "kc_session=" + b.cookie("kc_session")}};
  auto r = s.client()->Post(("/de-an/" + code + "/buoc").c_str(), h, items);
  return r ? r->status : 0;
}

// The count the navigation shows beside "Việc của tôi" (0 when none is shown).
int64_t nav_count(const std::string& body) {
  std::smatch m;
  if (!std::regex_search(body, m, std::regex(R"(href="/viec-cua-toi"[^>]*>Việc của tôi \(([\d.]+)\)</a>)"))) return 0;
  std::string digits;
  for (char c : m[1].str())
    if (c != '.') digits += c;
  return std::stoll(digits);
}

// The sum of the lists the page marks as waiting (data-cho), which the navigation counts.
int64_t waiting_on_page(const std::string& body) {
  int64_t n = 0;
  std::regex waiting(R"re(data-cho="(\d+)")re");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), waiting); it != std::sregex_iterator(); ++it)
    n += std::stoll((*it)[1].str());
  return n;
}

// The text of one list of the page (from its id to the end of the section).
std::string section(const std::string& body, const std::string& id) {
  size_t start = body.find("id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  size_t end = body.find("</section>", start);
  return body.substr(start, end - start);
}

std::string home(Browser& b) {
  auto r = b.get(kHome);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(nav_count(r->body), waiting_on_page(r->body)) << "the navigation counts the items waiting";
  return r->body;
}

TEST_F(WebHome, EachRoleLandsOnItsHomePageAfterSignIn) {
  for (const std::string role : {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong", "co_so"}) {
    Browser b(*server);
    b.get("/dang-nhap");
    auto r = b.post("/dang-nhap", {{"ten_dang_nhap", WebFixture::user_for(role)}, {"mat_khau", kPassword}});
    ASSERT_EQ(r->status, 303) << role;
    EXPECT_EQ(r->get_header_value("Location"), kHome) << role;
    auto page = b.get(kHome);
    EXPECT_EQ(page->status, 200) << role;
    EXPECT_NE(page->body.find("<h1>Việc của tôi</h1>"), std::string::npos) << role;
  }
  // A page asked for before signing in still wins.
  Browser b(*server);
  b.get("/dang-nhap");
  auto r = b.post("/dang-nhap", {{"ten_dang_nhap", "trungtam"}, {"mat_khau", kPassword}, {"tiep", "/bao-cao"}});
  EXPECT_EQ(r->get_header_value("Location"), "/bao-cao");
  // The public has no home page of its own.
  Browser visitor(*server);
  EXPECT_EQ(visitor.get(kHome)->status, 303);
}

TEST_F(WebHome, TheCentreSeesTheDemoWorkAndAProposalToAppraise) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  std::string before = home(centre);
  // The demo: bg-2021-t-001 is in progress and its end year (2021) has passed, with no progress
  // report; bg-2021-q-001 is approved and waits for its contract.
  std::string late = section(before, "nghiem-thu-tre-han");
  EXPECT_NE(late.find(R"(href="/de-an/bg-2021-t-001#buoc-nghiem_thu")"), std::string::npos) << late;
  EXPECT_NE(late.find("vải thiều sấy khô"), std::string::npos) << "the item names the project";
  EXPECT_NE(late.find("kết thúc năm 2021"), std::string::npos);
  EXPECT_NE(section(before, "bao-cao-tien-do").find("bg-2021-t-001#buoc-dang_thuc_hien-tien-do"), std::string::npos);
  EXPECT_NE(section(before, "cho-ky-hop-dong").find("/de-an/bg-2021-q-001#buoc-dang_thuc_hien"), std::string::npos);
  int64_t count_before = nav_count(before);
  EXPECT_GE(count_before, 4);

  // A proposal made here: listed to appraise, named, linked to the appraisal step; counted.
  std::string code = register_need(centre, "Hỗ trợ máy ép viên nén mùn cưa cho hợp tác xã Tân Sơn", "bn-chu");
  ASSERT_EQ(step(*server, centre, code, "de_xuat"), 303);
  std::string after = home(centre);
  std::string proposals = section(after, "de-xuat-cho-tham-dinh");
  EXPECT_NE(proposals.find("Hỗ trợ máy ép viên nén mùn cưa cho hợp tác xã Tân Sơn"), std::string::npos) << proposals;
  EXPECT_NE(proposals.find("href=\"/de-an/" + code + "#buoc-tham_dinh\""), std::string::npos) << proposals;
  EXPECT_NE(proposals.find("Đề xuất chờ thẩm định <span class=\"work-count\">(1)</span>"), std::string::npos) << proposals;
  EXPECT_EQ(nav_count(after), count_before + 1);
  // The link's anchor is the step's form on the project page.
  EXPECT_NE(centre.get("/de-an/" + code)->body.find("id=\"buoc-tham_dinh\""), std::string::npos);

  // Sent to appraisal: it leaves the centre's list and waits for the department.
  ASSERT_EQ(step(*server, centre, code, "tham_dinh"), 303);
  EXPECT_EQ(home(centre).find(code), std::string::npos);
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  std::string dept = home(department);
  std::string appraised = section(dept, "cho-phe-duyet");
  EXPECT_NE(appraised.find("href=\"/de-an/" + code + "#buoc-phe_duyet\""), std::string::npos) << appraised;
  EXPECT_NE(appraised.find("Hỗ trợ máy ép viên nén mùn cưa"), std::string::npos);
  // Demo: 203 settled projects wait for their post-audit; the first 20 are listed, then "xem tất cả".
  std::string audits = section(dept, "cho-hau-kiem");
  EXPECT_NE(audits.find("(203)"), std::string::npos);
  EXPECT_NE(audits.find(R"(href="/de-an?trang_thai=quyet_toan">Xem tất cả 203</a>)"), std::string::npos)
      << "the link opens this list whole, and says so";
  size_t listed = 0;
  for (size_t at = audits.find("#buoc-hau_kiem"); at != std::string::npos; at = audits.find("#buoc-hau_kiem", at + 1)) ++listed;
  EXPECT_EQ(listed, 20u);
}

TEST_F(WebHome, TheDepartmentSeesAmendmentsToDecide) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  int64_t before = nav_count(home(department));
  centre.get("/de-an/bg-2021-q-001");
  auto proposed = centre.post("/de-an/bg-2021-q-001/dieu-chinh",
                              {{"noi_dung_dieu_chinh", "tien_do"}, {"nam_ket_thuc", "2022"}, {"ly_do", "Chậm giao thiết bị"}});
  ASSERT_EQ(proposed->status, 303) << proposed->body.substr(0, 2000);
  std::string page = home(department);
  std::string amendments = section(page, "dieu-chinh-cho-duyet");
  EXPECT_NE(amendments.find(R"(href="/de-an/bg-2021-q-001#dieu-chinh")"), std::string::npos) << amendments;
  EXPECT_NE(amendments.find("máy nông nghiệp"), std::string::npos) << "named by the project";
  EXPECT_EQ(nav_count(page), before + 1);
  // The centre follows it, without counting it as its own work.
  std::string followed = home(centre);
  EXPECT_NE(section(followed, "dieu-chinh-cho-duyet").find("bg-2021-q-001"), std::string::npos);
  EXPECT_EQ(section(followed, "dieu-chinh-cho-duyet").find("data-cho"), std::string::npos);
}

TEST_F(WebHome, AnAcceptedProjectWaitsForItsSettlementUntil22January) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  std::string code = register_need(centre, "Hỗ trợ máy đóng gói chè cho hợp tác xã Tân Sơn", "bn-chu");
  ASSERT_EQ(step(*server, centre, code, "de_xuat"), 303);
  ASSERT_EQ(step(*server, centre, code, "tham_dinh"), 303);
  ASSERT_EQ(step(*server, department, code, "phe_duyet", {{"so_quyet_dinh", "12/QĐ-SCT"}}), 303);
  ASSERT_EQ(step(*server, centre, code, "dang_thuc_hien", {{"so_quyet_dinh", "HĐ 3/2026"}}), 303);
  // In progress, ending this year: acceptance due; work started today, so no progress report is due yet.
  std::string in_progress = home(centre);
  EXPECT_NE(section(in_progress, "nghiem-thu-den-han").find("href=\"/de-an/" + code + "#buoc-nghiem_thu\""), std::string::npos);
  EXPECT_EQ(section(in_progress, "bao-cao-tien-do").find(code), std::string::npos);
  int64_t before = nav_count(in_progress);
  // Accepted today (no date given): the settlement report is due by 22/01 of next year.
  ASSERT_EQ(step(*server, centre, code, "nghiem_thu", {{"so_quyet_dinh", "BB 9/2026"}, {"ket_qua_co_so_ung_dung_may_moc", "1"}}),
            303);
  std::string page = home(centre);
  std::string due = section(page, "quyet-toan-den-han");
  EXPECT_NE(due.find("href=\"/de-an/" + code + "#buoc-quyet_toan\""), std::string::npos) << due;
  EXPECT_NE(due.find("Hỗ trợ máy đóng gói chè cho hợp tác xã Tân Sơn"), std::string::npos);
  EXPECT_NE(due.find("hạn quyết toán 22/01/" + std::to_string(today_in_vietnam().year + 1)), std::string::npos) << due;
  EXPECT_EQ(due.find("quá hạn"), std::string::npos);
  EXPECT_EQ(section(page, "nghiem-thu-den-han").find(code), std::string::npos);
  EXPECT_EQ(nav_count(page), before);  // -1 acceptance due, +1 settlement due
  // Settled: nothing waits for the centre, the post-audit waits for the department.
  ASSERT_EQ(step(*server, centre, code, "quyet_toan", {{"so_quyet_dinh", "QT 1/2026"}}), 303);
  EXPECT_EQ(home(centre).find(code), std::string::npos);
  EXPECT_NE(section(home(department), "cho-hau-kiem").find("(204)"), std::string::npos);
}

TEST_F(WebHome, ALocalOfficerSeesTheirAreaOnly) {
  Browser local(*server), centre(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  ASSERT_TRUE(centre.sign_in("trungtam"));
  std::string mine = register_need(local, "Hỗ trợ lò sấy vải thiều cho tổ hợp tác Nam Dương", "bg-luc-ngan-nam-duong", "2024");
  std::string other = register_need(centre, "Hỗ trợ máy dệt cho hợp tác xã ở Chũ", "bn-chu");
  std::string page = home(local);
  std::string needs = section(page, "nhu-cau-cho-de-xuat");
  EXPECT_NE(needs.find("href=\"/de-an/" + mine + "#buoc-de_xuat\""), std::string::npos) << needs;
  EXPECT_EQ(page.find(other), std::string::npos) << "another district's need is not theirs";
  // Their area by status, counts and money in Vietnamese formats.
  EXPECT_NE(page.find("Đề án trên địa bàn huyện Lục Ngạn theo trạng thái"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"num\">1.665</td>"), std::string::npos) << "đã hậu kiểm: 1.665 triệu đồng";
  // Progress report due on the demo's project in progress, until they send one.
  std::string due = section(page, "bao-cao-tien-do");
  EXPECT_NE(due.find("bg-2021-t-001#buoc-dang_thuc_hien-tien-do"), std::string::npos) << due;
  int64_t count = nav_count(page);
  ASSERT_EQ(step(*server, local, "bg-2021-t-001", "dang_thuc_hien", {{"ghi_chu", "Đã lắp đặt xong lò sấy"}}), 303);
  std::string after = home(local);
  EXPECT_EQ(section(after, "bao-cao-tien-do").find("bg-2021-t-001"), std::string::npos) << "reported today";
  EXPECT_EQ(nav_count(after), count - 1);
}

TEST_F(WebHome, AnEstablishmentSeesItsProjectsAndNeeds) {
  Browser owner(*server);
  ASSERT_TRUE(owner.sign_in("coso"));
  std::string before = home(owner);
  EXPECT_NE(section(before, "de-an-cua-co-so").find(R"(href="/de-an/bg-2017-t-011")"), std::string::npos);
  EXPECT_NE(before.find(R"(href="/de-an/moi")"), std::string::npos) << "a way to register a new need";
  std::string code = register_need(owner, "Hỗ trợ máy sấy mỳ gạo cho hộ Giáp Minh Hằng", "bg-luc-ngan-nam-duong", "2024");
  std::string after = home(owner);
  EXPECT_NE(section(after, "nhu-cau-da-dang-ky").find("Hỗ trợ máy sấy mỳ gạo cho hộ Giáp Minh Hằng"), std::string::npos);
  EXPECT_NE(section(after, "de-an-cua-co-so").find("/de-an/" + code), std::string::npos);
  EXPECT_NE(section(after, "de-an-cua-co-so").find("(2)"), std::string::npos);
  EXPECT_EQ(nav_count(after), 0) << "nothing is asked of it yet";
}

TEST_F(WebHome, TheAdministratorSeesLockedAccountsAndRecentChanges) {
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  std::string before = home(admin);
  EXPECT_NE(before.find("Thay đổi gần đây"), std::string::npos);
  admin.get("/quan-tri/tai-khoan");
  ASSERT_EQ(admin.post("/quan-tri/tai-khoan/coso/khoa", {{"xac_nhan", "1"}})->status, 303);
  std::string after = home(admin);
  EXPECT_NE(section(after, "tai-khoan-bi-khoa").find("coso"), std::string::npos);
  EXPECT_EQ(nav_count(after), nav_count(before) + 1);
  admin.get("/quan-tri/tai-khoan");
  ASSERT_EQ(admin.post("/quan-tri/tai-khoan/coso/mo-khoa", {})->status, 303);
  EXPECT_EQ(nav_count(home(admin)), nav_count(before));
}

}  // namespace
}  // namespace kc::test
