// Behind a reverse proxy (client_address.h, serve --trusted-proxy): the client address that the
// sign-in throttle counts comes from X-Forwarded-For only when the connection comes from a trusted
// proxy, read from the right so a client cannot name itself. tests/package/nginx_tls_test.sh
// checks the same through a real nginx.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/hand_clock.h"
#include "support/web_fixture.h"
#include "web/client_address.h"

namespace kc::test {
namespace {

web::AddressList addresses(const std::string& text) {
  std::string error;
  auto list = web::AddressList::parse(text, error);
  EXPECT_TRUE(list) << error;
  return list ? *list : web::AddressList{};
}

TEST(ClientAddress, APeerThatIsNotTrustedIsTheClientWhateverItSends) {
  EXPECT_EQ(web::client_address("198.51.100.4", "203.0.113.9", addresses("127.0.0.1")), "198.51.100.4");
  EXPECT_EQ(web::client_address("127.0.0.1", "203.0.113.9", addresses("")), "127.0.0.1") << "no proxy trusted by default";
}

TEST(ClientAddress, ATrustedProxyNamesTheClientItSaw) {
  EXPECT_EQ(web::client_address("127.0.0.1", "203.0.113.9", addresses("127.0.0.1")), "203.0.113.9");
  EXPECT_EQ(web::client_address("127.0.0.1", "", addresses("127.0.0.1")), "127.0.0.1") << "no header: the proxy itself";
  EXPECT_EQ(web::client_address("::1", "2001:db8::7", addresses("::1")), "2001:db8::7");
}

TEST(ClientAddress, WhatTheClientWroteItselfStandsLeftAndIsNotBelieved) {
  // The client sent "X-Forwarded-For: 10.9.9.9"; the proxy appended the address it saw.
  EXPECT_EQ(web::client_address("127.0.0.1", "10.9.9.9, 203.0.113.9", addresses("127.0.0.1")), "203.0.113.9");
}

TEST(ClientAddress, AChainOfTrustedProxiesIsWalkedThrough) {
  web::AddressList trusted = addresses("127.0.0.1, 10.0.0.0/8");
  EXPECT_EQ(web::client_address("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.5", trusted), "203.0.113.9");
  EXPECT_EQ(web::client_address("127.0.0.1", "10.0.0.6,10.0.0.5", trusted), "10.0.0.6") << "all trusted: the farthest";
}

TEST(ClientAddress, AnEntryThatIsNoAddressStopsTheWalkAtTheHopThatPassedItOn) {
  web::AddressList trusted = addresses("127.0.0.1, 10.0.0.0/8");
  EXPECT_EQ(web::client_address("127.0.0.1", "unknown", trusted), "127.0.0.1");
  EXPECT_EQ(web::client_address("127.0.0.1", "203.0.113.9, nonsense, 10.0.0.5", trusted), "10.0.0.5");
}

// The server: every test client connects from 127.0.0.1 and says in X-Forwarded-For which
// client a proxy there would have seen. Three wrong passwords of one pair (account, address)
// make its next attempt wait (throttle.h); the throttle's clock stands still.
class BehindAProxy {
 public:
  explicit BehindAProxy(const std::string& trusted)
      : server_([&](web::WebOptions& o) { o.trusted_proxies = trusted; }) {
    server_.app().sign_in_throttle().set_clock(clock_.now());
  }
  int attempt(const std::string& forwarded_for, const std::string& password = "doan-sai") {
    Browser b(server_);
    b.get("/api/csrf");
    nlohmann::json body = {{"ten_dang_nhap", "trungtam"}, {"mat_khau", password}};
    auto r = b.post_json("/api/dang-nhap", body.dump(), {{"X-Forwarded-For", forwarded_for}});
    return r ? r->status : -1;
  }

 private:
  WebFixture server_;
  HandClock clock_;
};

TEST(WebTrustedProxy, FromATrustedProxyEachClientIsCountedOnItsOwn) {
  BehindAProxy proxy("127.0.0.1");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(proxy.attempt("203.0.113.9"), 422) << i;
  EXPECT_EQ(proxy.attempt("203.0.113.9", kPassword), 429) << "the guessing client waits";
  EXPECT_EQ(proxy.attempt("198.51.100.20", kPassword), 200) << "the account's owner elsewhere signs in";
  EXPECT_EQ(proxy.attempt("198.51.100.20, 203.0.113.9", kPassword), 429)
      << "the guesser cannot pass for another client by writing the header itself";
}

TEST(WebTrustedProxy, WithoutTrustTheHeaderIsIgnored) {
  BehindAProxy direct("");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(direct.attempt("203.0.113.9"), 422) << i;
  EXPECT_EQ(direct.attempt("198.51.100.20", kPassword), 429)
      << "every request counts for its connection's address, 127.0.0.1, whatever header it sends";
}

TEST(WebTrustedProxy, AnAddressThatIsNoAddressIsRefusedAtStart) {
  web::WebOptions options;
  options.trusted_proxies = "nginx.local";
  EXPECT_THROW(web::App app(options), std::invalid_argument);
}

}  // namespace
}  // namespace kc::test
