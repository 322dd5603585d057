// Failed sign-ins (throttle.h): the throttle on its own with a clock moved by hand, then the
// server's sign-in form and API behind one office address.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/hand_clock.h"
#include "support/web_fixture.h"
#include "web/throttle.h"

namespace kc::test {
namespace {

using std::chrono::seconds;
using Throttle = web::SignInThrottle;

class SignInThrottleUnit : public ::testing::Test {
 protected:
  HandClock clock;
  Throttle throttle{Throttle::default_limits(), clock.now()};
  void fail(const std::string& account, const std::string& address, int times = 1) {
    for (int i = 0; i < times; ++i) throttle.failed(account, address);
  }
};

TEST_F(SignInThrottleUnit, APairWaitsLongerAfterEachFailureUpToFifteenMinutes) {
  fail("an", "10.0.0.1", 2);
  EXPECT_EQ(throttle.wait_seconds("an", "10.0.0.1"), 0) << "two mistakes cost nothing";
  long expected = 1;
  for (int i = 0; i < 14; ++i) {
    fail("an", "10.0.0.1");
    EXPECT_EQ(throttle.wait_seconds("an", "10.0.0.1"), std::min(expected, 900L)) << "failure " << i + 3;
    clock.advance(seconds(throttle.wait_seconds("an", "10.0.0.1")));
    EXPECT_EQ(throttle.wait_seconds("an", "10.0.0.1"), 0) << "allowed again once the wait is over";
    expected *= 2;
  }
  fail("an", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("an", "10.0.0.1"), 900) << "capped at 15 minutes";
}

TEST_F(SignInThrottleUnit, TheOwnerFromAnotherAddressIsNotHeldBackByAnAttackedPair) {
  fail("an", "10.0.0.1", 12);
  EXPECT_GT(throttle.wait_seconds("an", "10.0.0.1"), 60);
  EXPECT_EQ(throttle.wait_seconds("an", "192.168.1.20"), 0);
  EXPECT_EQ(throttle.wait_seconds("binh", "10.0.0.1"), 0) << "12 failures do not touch the address";
}

TEST_F(SignInThrottleUnit, DistributedGuessingOfOneAccountWaitsAtMostAMinute) {
  for (int i = 0; i < 19; ++i) fail("an", "10.1.0." + std::to_string(i));
  EXPECT_EQ(throttle.wait_seconds("an", "172.16.0.1"), 0) << "19 failures over many addresses: no wait yet";
  fail("an", "10.1.0.99");
  EXPECT_EQ(throttle.wait_seconds("an", "172.16.0.1"), 1);
  for (int i = 0; i < 200; ++i) fail("an", "10.2." + std::to_string(i / 250) + "." + std::to_string(i % 250));
  EXPECT_EQ(throttle.wait_seconds("an", "172.16.0.1"), 60) << "the owner elsewhere waits a minute at most";
  EXPECT_EQ(throttle.wait_seconds("binh", "172.16.0.1"), 0);
}

TEST_F(SignInThrottleUnit, AnAddressGuessingManyAccountsIsSlowedNotBlocked) {
  for (int i = 0; i < 99; ++i) fail("nv" + std::to_string(i), "203.0.113.5");
  EXPECT_EQ(throttle.wait_seconds("dong-nghiep", "203.0.113.5"), 0) << "an office's 99 mistakes cost a colleague nothing";
  for (int i = 99; i < 400; ++i) fail("nv" + std::to_string(i), "203.0.113.5");
  long wait = throttle.wait_seconds("dong-nghiep", "203.0.113.5");
  EXPECT_GT(wait, 0) << "a flood from one address is slowed";
  EXPECT_LE(wait, 10) << "but never for more than 10 seconds";
}

TEST_F(SignInThrottleUnit, SuccessClearsThePairAndQuietTimeClearsTheRest) {
  fail("an", "10.0.0.1", 5);
  EXPECT_GT(throttle.wait_seconds("an", "10.0.0.1"), 0);
  throttle.succeeded("an", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("an", "10.0.0.1"), 0);
  fail("an", "10.0.0.1", 2);
  EXPECT_EQ(throttle.wait_seconds("an", "10.0.0.1"), 0) << "the count started over";
  fail("an", "10.0.0.1", 4);
  clock.advance(seconds(24 * 3600));
  EXPECT_EQ(throttle.wait_seconds("an", "10.0.0.1"), 0);
  fail("an", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("an", "10.0.0.1"), 0) << "a day without failures: the count starts over";
  clock.advance(seconds(25 * 3600));
  throttle.wait_seconds("an", "10.0.0.1");
  EXPECT_EQ(throttle.entries(), 0u) << "expired keys are dropped when looked at";
}

TEST_F(SignInThrottleUnit, AFloodOfDistinctKeysCannotGrowMemoryWithoutBound) {
  Throttle::Limits limits = Throttle::default_limits();
  limits.max_entries = 1000;
  Throttle small(limits, clock.now());
  for (int i = 0; i < 5; ++i) small.failed("an", "10.0.0.1");
  long attacked = small.wait_seconds("an", "10.0.0.1");
  ASSERT_GT(attacked, 0);
  for (int i = 0; i < 20000; ++i) {
    if (i % 100 == 0) {
      clock.advance(seconds(1));
      small.failed("an", "10.0.0.1");  // the attack goes on during the flood
    }
    small.failed(std::string(1000, 'x') + std::to_string(i), "fd00::" + std::to_string(i));
  }
  EXPECT_LE(small.entries(), 3 * limits.max_entries);
  EXPECT_GT(small.wait_seconds("an", "10.0.0.1"), attacked) << "the pair under attack is among the last to go";
}

// The server: every test client comes from 127.0.0.1, one "office address". The throttle's
// clock is frozen and moved by hand; the tests of this file together stay under the address's
// 100 failures.
class WebSignInThrottle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world = new WebFixtureWithHandClock();
    server = &world->server;
    clock = &world->clock;
  }
  static void TearDownTestSuite() { delete world; }
  static httplib::Result attempt(Browser& b, const std::string& user, const std::string& password) {
    b.get("/dang-nhap");
    return b.post("/dang-nhap", {{"ten_dang_nhap", user}, {"mat_khau", password}});
  }
  static WebFixtureWithHandClock* world;
  static WebFixture* server;
  static HandClock* clock;
};
WebFixtureWithHandClock* WebSignInThrottle::world = nullptr;
WebFixture* WebSignInThrottle::server = nullptr;
HandClock* WebSignInThrottle::clock = nullptr;

TEST_F(WebSignInThrottle, AnOfficeWithManyWrongPasswordsStillSignsInItsColleagues) {
  Browser office(*server);
  for (int i = 0; i < 60; ++i) {
    auto r = attempt(office, "nhan-vien-" + std::to_string(i % 20), "doan-sai-" + std::to_string(i));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422) << "attempt " << i << " is checked, not refused unheard";
  }
  Browser colleague(*server);
  auto r = attempt(colleague, "socongthuong", kPassword);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303) << "60 wrong passwords behind the same address do not lock a colleague out";
  EXPECT_EQ(colleague.get("/tong-quan")->status, 200);
}

TEST_F(WebSignInThrottle, TheAttackedAccountWaitsLongerEachTimeAndIsToldHowLong) {
  Browser b(*server);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(attempt(b, "trungtam", "doan-sai-" + std::to_string(i))->status, 422) << i;
  const std::vector<std::pair<long, std::string>> waits = {
      {1, "1 giây"}, {2, "2 giây"}, {4, "4 giây"}, {8, "8 giây"}, {16, "16 giây"}, {32, "32 giây"}, {64, "2 phút"}};
  for (const auto& [seconds_to_wait, words] : waits) {
    auto r = attempt(b, "trungtam", kPassword);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 429) << "even the right password waits while the pair is held back";
    EXPECT_EQ(r->get_header_value("Retry-After"), std::to_string(seconds_to_wait));
    EXPECT_NE(r->body.find("Vui lòng thử lại sau " + words + "."), std::string::npos) << words;
    EXPECT_TRUE(b.cookie("kc_session").empty());
    clock->advance(seconds(seconds_to_wait));
    if (seconds_to_wait < 64) {
      EXPECT_EQ(attempt(b, "trungtam", "lai-doan-sai")->status, 422);
    }
  }
  Browser colleague(*server);
  EXPECT_EQ(attempt(colleague, "diaphuong", kPassword)->status, 303) << "other accounts of the address sign in";
  EXPECT_EQ(attempt(b, "trungtam", kPassword)->status, 303) << "after the wait, the right password gets in";
  EXPECT_EQ(attempt(b, "trungtam", "mot-lan-sai")->status, 422) << "and the pair's count started over";
}

TEST_F(WebSignInThrottle, TheApiSaysWhenToTryAgain) {
  Browser b(*server);
  b.get("/api/csrf");
  nlohmann::json body = {{"ten_dang_nhap", "coso"}, {"mat_khau", "doan-sai"}};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(b.post_json("/api/dang-nhap", body.dump())->status, 422) << i;
  body["mat_khau"] = kPassword;
  auto r = b.post_json("/api/dang-nhap", body.dump());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(r->get_header_value("Retry-After"), "1");
  EXPECT_EQ(nlohmann::json::parse(r->body)["loi"], "Đăng nhập sai nhiều lần liên tiếp. Vui lòng thử lại sau 1 giây.");
  clock->advance(seconds(1));
  EXPECT_EQ(b.post_json("/api/dang-nhap", body.dump())->status, 200);
}

}  // namespace
}  // namespace kc::test
