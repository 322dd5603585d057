// The user guide (/huong-dan): public, one section per role, every picture it shows served as a
// PNG, and every page's "Hướng dẫn" link opening the caller's own section.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebGuide : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebGuide::server = nullptr;

TEST_F(WebGuide, PublicWithASectionPerRole) {
  Browser b(*server);
  auto r = b.get("/huong-dan");
  ASSERT_EQ(r->status, 200);
  for (const char* id : {"chung", "co-so", "dia-phuong", "trung-tam", "so-cong-thuong", "quan-tri"})
    EXPECT_NE(r->body.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
}

TEST_F(WebGuide, EveryPictureIsServedAsPng) {
  Browser b(*server);
  std::string body = b.get("/huong-dan")->body;
  std::regex img(R"re(<img src="([^"]+)"[^>]*alt="([^"]*)")re");
  std::set<std::string> seen;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), img); it != std::sregex_iterator(); ++it) {
    std::string src = (*it)[1];
    EXPECT_FALSE(std::string((*it)[2]).empty()) << src << " has no alt text";
    auto r = b.get(src);
    ASSERT_EQ(r->status, 200) << src;
    EXPECT_EQ(r->get_header_value("Content-Type"), "image/png") << src;
    EXPECT_EQ(r->body.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << src;
    seen.insert(src);
  }
  EXPECT_GE(seen.size(), 6u);
}

TEST_F(WebGuide, EveryPageLinksToTheCallersSection) {
  struct Case { const char* user; const char* page; const char* section; };
  for (const Case& c : {Case{nullptr, "/", "chung"}, Case{"coso", "/viec-cua-toi", "co-so"},
                        Case{"diaphuong", "/de-an", "dia-phuong"}, Case{"trungtam", "/tong-quan", "trung-tam"},
                        Case{"socongthuong", "/ke-hoach", "so-cong-thuong"}, Case{"quantri", "/quan-tri/tai-khoan", "quan-tri"}}) {
    Browser b(*server);
    if (c.user) {
      ASSERT_TRUE(b.sign_in(c.user)) << c.user;
    }
    auto r = b.get(c.page);
    ASSERT_EQ(r->status, 200) << c.page;
    EXPECT_NE(r->body.find(std::string("href=\"/huong-dan#") + c.section + "\">Hướng dẫn</a>"), std::string::npos)
        << (c.user ? c.user : "visitor") << " on " << c.page;
  }
}

}  // namespace
}  // namespace kc::test
