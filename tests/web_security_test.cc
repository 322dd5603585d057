// The web workspace's gatekeeping: sign-in, sessions, CSRF, throttling, headers, errors.
#include <gtest/gtest.h>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebSecurity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebSecurity::server = nullptr;

TEST_F(WebSecurity, PublicHomeShowsPublishedFiguresWithoutSignIn) {
  Browser b(*server);
  auto r = b.get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(r->body.find("30.722,3"), std::string::npos) << "the state budget of the 2016–2020 plan";
  EXPECT_EQ(r->body.find("Đăng xuất"), std::string::npos);
}

TEST_F(WebSecurity, HealthCheckAnswersInJson) {
  auto r = server->client()->Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("\"trang_thai\":\"ok\""), std::string::npos);
}

TEST_F(WebSecurity, SignInSetsAnHttpOnlySessionCookieAndSignOutEndsIt) {
  Browser b(*server);
  b.get("/dang-nhap");
  auto r = b.post("/dang-nhap", {{"ten_dang_nhap", "socongthuong"}, {"mat_khau", kPassword}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/viec-cua-toi");  // the role's home page
  std::string set_cookie;
  for (const auto& [k, v] : r->headers)
    if (k == "Set-Cookie" && v.rfind("kc_session=", 0) == 0) set_cookie = v;
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(b.get("/tong-quan")->status, 200);
  std::string token = b.cookie("kc_session");
  EXPECT_EQ(b.post("/dang-xuat", {})->status, 303);
  // The old token is dead on the server, not only forgotten by this browser.
  Browser replay(*server);
  replay.set_cookie("kc_session", token);
  EXPECT_EQ(replay.get("/tong-quan")->status, 303);
}

TEST_F(WebSecurity, WrongPasswordIsRefusedInVietnamese) {
  Browser b(*server);
  b.get("/dang-nhap");
  auto r = b.post("/dang-nhap", {{"ten_dang_nhap", "trungtam"}, {"mat_khau", "sai-mat-khau-roi"}});
  EXPECT_EQ(r->status, 422);
  EXPECT_NE(r->body.find("Tên đăng nhập hoặc mật khẩu không đúng"), std::string::npos);
  EXPECT_TRUE(b.cookie("kc_session").empty());
}

TEST_F(WebSecurity, RepeatedFailuresAreThrottled) {
  // The throttle's clock stands still here, so the first wait (1 s) cannot pass unnoticed on a
  // slow machine; web_sign_in_throttle_test.cc walks the growing waits.
  using Clock = web::SignInThrottle::Clock;
  server->app().sign_in_throttle().set_clock([t = Clock::now()] { return t; });
  Browser b(*server);
  b.get("/dang-nhap");
  for (int i = 0; i < 3; ++i) {
    auto wrong = b.post("/dang-nhap", {{"ten_dang_nhap", "quantri"}, {"mat_khau", "doan-sai-" + std::to_string(i)}});
    EXPECT_EQ(wrong->status, 422) << "three mistakes are only refused " << i;
  }
  auto r = b.post("/dang-nhap", {{"ten_dang_nhap", "quantri"}, {"mat_khau", kPassword}});
  server->app().sign_in_throttle().set_clock([] { return Clock::now(); });
  EXPECT_EQ(r->status, 429) << "even the right password waits once this account is throttled from this address";
  EXPECT_NE(r->body.find("Đăng nhập sai nhiều lần liên tiếp. Vui lòng thử lại sau 1 giây."), std::string::npos);
  EXPECT_EQ(r->get_header_value("Retry-After"), "1");
}

TEST_F(WebSecurity, SessionFixationIsImpossible) {
  Browser b(*server);
  std::string planted(64, 'a');
  b.set_cookie("kc_session", planted);
  ASSERT_TRUE(b.sign_in("trungtam"));
  EXPECT_NE(b.cookie("kc_session"), planted);
  Browser attacker(*server);
  attacker.set_cookie("kc_session", planted);
  EXPECT_EQ(attacker.get("/tong-quan")->status, 303) << "the planted token never becomes a session";
}

TEST_F(WebSecurity, StateChangesWithoutTheCsrfTokenAreRefused) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("socongthuong"));
  auto missing = b.post("/dang-xuat", {}, false);
  EXPECT_EQ(missing->status, 403);
  EXPECT_NE(missing->body.find("mã chống giả mạo"), std::string::npos);
  auto wrong = b.post("/dang-xuat", {{"_csrf", std::string(64, '0')}}, false);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(b.get("/tong-quan")->status, 200) << "still signed in";
  // Sign-in itself needs the token that came with the form.
  Browser fresh(*server);
  auto forged = fresh.post("/dang-nhap", {{"ten_dang_nhap", "socongthuong"}, {"mat_khau", kPassword}}, false);
  EXPECT_EQ(forged->status, 403);
}

TEST_F(WebSecurity, SignedOutUsersAreSentToSignInAndForeignRedirectsIgnored) {
  Browser b(*server);
  auto r = b.get("/tong-quan");
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/dang-nhap?tiep=/tong-quan");
  b.get("/dang-nhap");
  auto signed_in = b.post("/dang-nhap", {{"ten_dang_nhap", "socongthuong"}, {"mat_khau", kPassword}, {"tiep", "//evil.example/"}});
  EXPECT_EQ(signed_in->get_header_value("Location"), "/viec-cua-toi");
}

TEST_F(WebSecurity, EveryAnswerCarriesProtectiveHeaders) {
  auto r = server->client()->Get("/");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(WebSecurity, UnknownRoutesMalformedAndOversizedRequestsGetProper4xx) {
  auto c = server->client();
  auto missing = c->Get("/khong-co-trang-nay");
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("Không tìm thấy"), std::string::npos);
  auto api_missing = c->Get("/api/khong-co");
  EXPECT_EQ(api_missing->status, 404);
  EXPECT_NE(api_missing->body.find("\"loi\""), std::string::npos);
  auto traversal = c->Get("/static/..%2F..%2Fetc%2Fpasswd");
  EXPECT_EQ(traversal->status, 404);
  std::string huge(13 * 1024 * 1024, 'x');
  auto oversized = c->Post("/dang-nhap", huge, "application/x-www-form-urlencoded");
  ASSERT_TRUE(oversized);
  EXPECT_EQ(oversized->status, 413);
}

TEST_F(WebSecurity, RolesAreCheckedOnTheServer) {
  Browser local(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  auto r = local.get("/tong-quan");
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(r->body.find("không có quyền"), std::string::npos);
  Browser staff(*server);
  ASSERT_TRUE(staff.sign_in("trungtam"));
  auto dash = staff.get("/tong-quan");
  EXPECT_EQ(dash->status, 200);
  EXPECT_NE(dash->body.find("30.722,3"), std::string::npos);
  auto csv = staff.get("/tong-quan/bang-1.csv?ke_hoach=bg-2016-2020");
  EXPECT_EQ(csv->status, 200);
  EXPECT_NE(csv->body.find("Tổng cộng,17,132,148,297"), std::string::npos) << csv->body;
}

}  // namespace
}  // namespace kc::test
