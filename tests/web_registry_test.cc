// Registries from the browser: search without diacritics, create with validation beside the
// fields, escaping, concurrent edits, archive, and each role's scope.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebRegistry : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebRegistry::server = nullptr;

httplib::Params establishment(const std::string& code, const std::string& name, const std::string& unit) {
  return {{"ma", code}, {"ten", name}, {"loai", "ho_kinh_doanh"}, {"nganh", "che_bien"}, {"dia_ban", unit},
          {"dia_chi", ""}, {"ma_so_thue", ""}, {"nam_thanh_lap", "2019"}, {"so_lao_dong", "12"}};
}

std::string total_of(const std::string& body) {
  std::smatch m;
  static const std::regex total(R"re(([\d.]+) hồ sơ — trang)re");
  return std::regex_search(body, m, total) ? std::string(m[1]) : "?";
}

TEST_F(WebRegistry, SearchIgnoresDiacriticsAndCase) {
  Browser b(*server);
  auto r = b.get("/lang-nghe?q=DINH%20tri");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("Làng nghề sản xuất mộc Đình Trì"), std::string::npos);
  EXPECT_EQ(total_of(r->body), "1");
}

TEST_F(WebRegistry, FiltersSortingAndPaging) {
  Browser b(*server);
  auto all = b.get("/lang-nghe");
  EXPECT_EQ(total_of(all->body), "39");
  auto traditional = b.get("/lang-nghe?truyen_thong=1");
  EXPECT_EQ(total_of(traditional->body), "14");
  Browser staff(*server);
  ASSERT_TRUE(staff.sign_in("trungtam"));
  auto page2 = staff.get("/co-so?sap_xep=ten&trang=2");
  EXPECT_EQ(page2->status, 200);
  EXPECT_NE(page2->body.find("trang 2/"), std::string::npos);
  EXPECT_NE(page2->body.find("rel=\"prev\""), std::string::npos);
}

// Sorted by name, a list is in Vietnamese order (Bắc before Bình, Đ after every D, then E), and
// so is its CSV download; codes are given in another order so that key order would differ.
TEST_F(WebRegistry, SortedByNameTheListIsInVietnameseOrder) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/co-so/moi");
  const std::vector<std::pair<std::string, std::string>> made = {
      {"cs-xep-1", "Xưởng thứ tự Ea Súp"}, {"cs-xep-2", "Xưởng thứ tự Đình Lập"}, {"cs-xep-3", "Xưởng thứ tự Dốc Lết"},
      {"cs-xep-4", "Xưởng thứ tự Bình Gia"}, {"cs-xep-5", "Xưởng thứ tự Bắc Sơn"}};
  for (const auto& [code, name] : made)
    ASSERT_EQ(b.post("/co-so", establishment(code, name, "bg-luc-ngan-nam-duong"))->status, 303) << name;
  auto order_in = [](const std::string& body) {
    std::vector<std::pair<size_t, std::string>> at;
    for (const char* word : {"Ea Súp", "Đình Lập", "Dốc Lết", "Bình Gia", "Bắc Sơn"}) at.emplace_back(body.find(word), word);
    std::sort(at.begin(), at.end());
    std::vector<std::string> out;
    for (const auto& [pos, word] : at) out.push_back(pos == std::string::npos ? "(missing)" : word);
    return out;
  };
  const std::vector<std::string> vietnamese = {"Bắc Sơn", "Bình Gia", "Dốc Lết", "Đình Lập", "Ea Súp"};
  auto page = b.get("/co-so?q=xuong%20thu%20tu&sap_xep=ten");
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(order_in(page->body), vietnamese);
  auto csv = b.get("/co-so?q=xuong%20thu%20tu&sap_xep=ten&dinh_dang=csv");
  EXPECT_EQ(order_in(csv->body), vietnamese);
  auto backwards = b.get("/co-so?q=xuong%20thu%20tu&sap_xep=ten&giam=1");
  EXPECT_EQ(order_in(backwards->body), std::vector<std::string>(vietnamese.rbegin(), vietnamese.rend()));
  auto by_code = b.get("/co-so?q=xuong%20thu%20tu");  // the default order stays the code's
  EXPECT_EQ(order_in(by_code->body), (std::vector<std::string>{"Ea Súp", "Đình Lập", "Dốc Lết", "Bình Gia", "Bắc Sơn"}));
}

TEST_F(WebRegistry, StaffCreateAnEstablishmentAndItsHistoryIsKept) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/co-so/moi");
  auto created = b.post("/co-so", establishment("cs-moi-01", "Hộ kinh doanh Thử Nghiệm", "bg-luc-ngan-nam-duong"));
  ASSERT_EQ(created->status, 303) << created->body;
  EXPECT_EQ(created->get_header_value("Location"), "/co-so/cs-moi-01");
  auto detail = b.get("/co-so/cs-moi-01");
  EXPECT_NE(detail->body.find("Hộ kinh doanh Thử Nghiệm"), std::string::npos);
  EXPECT_NE(detail->body.find("xã Nam Dương"), std::string::npos);
  EXPECT_NE(detail->body.find("<td>trungtam</td><td>tạo</td>"), std::string::npos) << "the history names who created it";
  EXPECT_NE(b.get("/co-so?q=thu%20nghiem")->body.find("cs-moi-01"), std::string::npos);
}

TEST_F(WebRegistry, BadInputIsRefusedBesideTheFieldsAndNothingIsWritten) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/co-so/moi");
  httplib::Params form = establishment("cs-sai-01", "", "khong-co-don-vi");
  form.erase("so_lao_dong");
  form.emplace("so_lao_dong", "-3");
  auto r = b.post("/co-so", form);
  EXPECT_EQ(r->status, 422);
  // Every problem in one answer: the empty name, the negative count and the unknown area.
  EXPECT_NE(r->body.find("Tên cơ sở: bắt buộc, không được để trống"), std::string::npos);
  EXPECT_NE(r->body.find("Số lao động: không được nhỏ hơn 0"), std::string::npos);
  EXPECT_NE(r->body.find("không tìm thấy đơn vị hành chính &quot;khong-co-don-vi&quot;"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_EQ(b.get("/co-so/cs-sai-01")->status, 404);
  // A code already used is reported beside the other problems, not after them.
  httplib::Params dup_form = establishment("cs-0046", "", "bg-luc-ngan-nam-duong");
  auto dup = b.post("/co-so", dup_form);
  EXPECT_EQ(dup->status, 422);
  EXPECT_NE(dup->body.find("&quot;cs-0046&quot; đã được dùng cho một hồ sơ khác"), std::string::npos)
      << "(quotes are escaped in HTML)";
  EXPECT_NE(dup->body.find("Tên cơ sở: bắt buộc"), std::string::npos);
}

TEST_F(WebRegistry, TextIsEscapedEverywhere) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/co-so/moi");
  std::string evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
  auto r = b.post("/co-so", establishment("cs-xss-01", evil, "bg-luc-ngan-nam-duong"));
  ASSERT_EQ(r->status, 303);
  for (std::string page : {"/co-so/cs-xss-01", "/co-so?q=script", "/co-so/cs-xss-01/sua"}) {
    auto shown = b.get(page);
    EXPECT_EQ(shown->body.find("<script>alert"), std::string::npos) << page;
    EXPECT_EQ(shown->body.find("<img src=x"), std::string::npos) << page;
    EXPECT_NE(shown->body.find("&lt;script&gt;"), std::string::npos) << page;
  }
}

TEST_F(WebRegistry, TheSecondOfTwoConcurrentEditsIsRefusedAndNothingIsLost) {
  Browser first(*server), second(*server);
  ASSERT_TRUE(first.sign_in("trungtam"));
  ASSERT_TRUE(second.sign_in("socongthuong"));
  // Both open the edit form of the same village.
  auto form1 = first.get("/lang-nghe/ln-02/sua");
  auto form2 = second.get("/lang-nghe/ln-02/sua");
  static const std::regex base(R"re(name="_goc" value="([^"]*)")re");
  std::smatch m1, m2;
  ASSERT_TRUE(std::regex_search(form1->body, m1, base));
  ASSERT_TRUE(std::regex_search(form2->body, m2, base));
  auto unescape = [](std::string s) {
    for (auto [from, to] : {std::pair{"&quot;", "\""}, {"&amp;", "&"}, {"&#39;", "'"}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}}) {
      for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, std::strlen(from), to);
    }
    return s;
  };
  auto fields = [&](const std::string& base_json, const std::string& craft) {
    auto j = nlohmann::json::parse(unescape(base_json));
    httplib::Params p;
    for (auto& [k, v] : j.items()) p.emplace(k, k == "nghe" ? craft : v.get<std::string>());
    p.emplace("_goc", unescape(base_json));
    return p;
  };
  auto saved = first.post("/lang-nghe/ln-02", fields(m1[1], "nghề đan cói (sửa lần 1)"));
  ASSERT_EQ(saved->status, 303) << saved->body;
  auto refused = second.post("/lang-nghe/ln-02", fields(m2[1], "nghề làm bún (sửa lần 2)"));
  EXPECT_EQ(refused->status, 409);
  EXPECT_NE(refused->body.find("vừa được người khác thay đổi"), std::string::npos);
  EXPECT_NE(refused->body.find("nghề → &quot;nghề đan cói (sửa lần 1)&quot;"), std::string::npos) << "names what changed";
  EXPECT_NE(refused->body.find("nghề làm bún (sửa lần 2)"), std::string::npos) << "keeps what the second person typed";
  EXPECT_NE(first.get("/lang-nghe/ln-02")->body.find("nghề đan cói (sửa lần 1)"), std::string::npos);
}

TEST_F(WebRegistry, ArchivedRecordsLeaveTheListButNotTheDatabase) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  auto detail = b.get("/lang-nghe/ln-03");
  EXPECT_NE(detail->body.find("data-confirm=\"Lưu trữ làng nghề ln-03?"), std::string::npos)
      << "with JavaScript, a dialog asks first";
  // Without JavaScript the server asks first: a page with the question, nothing archived yet.
  auto asked = b.post("/lang-nghe/ln-03/luu-tru", {});
  ASSERT_EQ(asked->status, 200);
  EXPECT_NE(asked->body.find("<h1>Lưu trữ làng nghề ln-03?</h1>"), std::string::npos) << asked->body;
  EXPECT_NE(asked->body.find("name=\"xac_nhan\" value=\"1\""), std::string::npos);
  EXPECT_EQ(b.get("/lang-nghe/ln-03")->body.find("(đã lưu trữ)"), std::string::npos);
  EXPECT_EQ(b.post("/lang-nghe/ln-03/luu-tru", {{"xac_nhan", "1"}})->status, 303);
  EXPECT_EQ(b.get("/lang-nghe?q=" + std::string("ln-03"))->body.find("/lang-nghe/ln-03\""), std::string::npos);
  EXPECT_NE(b.get("/lang-nghe/ln-03")->body.find("(đã lưu trữ)"), std::string::npos);
  EXPECT_NE(b.get("/lang-nghe?luu_tru=1")->body.find("/lang-nghe/ln-03\""), std::string::npos);
  b.get("/lang-nghe/ln-03");
  EXPECT_EQ(b.post("/lang-nghe/ln-03/bo-luu-tru", {})->status, 303);
  EXPECT_NE(b.get("/lang-nghe")->body.find("/lang-nghe/ln-03\""), std::string::npos);
}

TEST_F(WebRegistry, ALocalOfficerWorksOnlyInTheirArea) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("diaphuong"));
  auto list = b.get("/co-so");
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(list->body.find("huyện Việt Yên"), std::string::npos);
  EXPECT_EQ(b.get("/co-so/cs-0024")->status, 404) << "cs-0024 is in Việt Yên";
  EXPECT_EQ(b.get("/co-so/cs-0046")->status, 200);
  b.get("/co-so/moi");
  auto outside = b.post("/co-so", establishment("cs-ngoai-01", "Cơ sở ngoài địa bàn", "bg-viet-yen-tu-lan"));
  EXPECT_EQ(outside->status, 422);
  EXPECT_NE(outside->body.find("chỉ được chọn địa bàn bạn phụ trách"), std::string::npos);
  auto inside = b.post("/co-so", establishment("cs-trong-01", "Cơ sở trong địa bàn", "bg-luc-ngan-nam-duong"));
  EXPECT_EQ(inside->status, 303) << inside->body;
  EXPECT_EQ(b.get("/can-bo")->status, 403);
}

TEST_F(WebRegistry, AnEstablishmentSeesOnlyItself) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("coso"));
  auto list = b.get("/co-so");
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(total_of(list->body), "1");
  EXPECT_NE(list->body.find("cs-0046"), std::string::npos);
  EXPECT_EQ(b.get("/co-so/cs-0045")->status, 404);
  EXPECT_EQ(b.get("/co-so/cs-0046/sua")->status, 403);
}

TEST_F(WebRegistry, ThePublicSeesOnlyPublishedRegistries) {
  Browser b(*server);
  EXPECT_EQ(b.get("/lang-nghe")->status, 200);
  EXPECT_EQ(b.get("/van-ban/nd-235-2025")->status, 200);
  EXPECT_EQ(b.get("/co-so")->status, 303);
  EXPECT_EQ(b.get("/can-bo")->status, 303);
  auto index = b.get("/danh-muc");
  EXPECT_NE(index->body.find("/lang-nghe"), std::string::npos);
  EXPECT_EQ(index->body.find("/co-so\""), std::string::npos);
}

TEST_F(WebRegistry, ListsDownloadAsCsv) {
  Browser b(*server);
  auto csv = b.get("/lang-nghe?truyen_thong=1&dinh_dang=csv");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 15) << "header + 14 traditional villages";
}

}  // namespace
}  // namespace kc::test
