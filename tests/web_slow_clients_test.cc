// Slow clients (docs/deployment.md, "Slow clients"): connections that send their headers or body
// a byte at a time neither keep other visitors waiting nor stay open past their deadline
// (request_deadline.h, guarded_server.h, connection_threads.h).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/slow_clients.h"
#include "support/test_database.h"
#include "web/app.h"

namespace kc::test {
namespace {

using namespace std::chrono_literals;

struct RunningApp {
  explicit RunningApp(web::WebOptions options) : app(std::move(options)) {
    web::register_routes(app);
    port = app.bind();
    runner = std::thread([this] { app.run(); });
    app.wait_until_running();
  }
  ~RunningApp() {
    app.stop();
    runner.join();
  }
  web::App app;
  int port = -1;
  std::thread runner;
};

web::WebOptions options_for(const TestDatabase& db) {
  web::WebOptions options;
  options.db = db.url();
  options.port = 0;
  options.threads = 8;  // the default: eight requests worked on at once
  options.quiet_requests = true;
  options.request_deadline.header_timeout = 3s;
  options.request_deadline.min_rate = 1024;  // bytes/s; the clients below send 10
  return options;
}

// 200 connections dripping a byte every 100 ms: each page asked for meanwhile is answered within
// a second (before: the eight worker threads were all held, and a page waited for over 2 s), and
// each slow connection is closed once its deadline (3 s + 1 s per KB received) has passed.
TEST(WebSlowClients, OthersAreAnsweredWithinASecondAndTheSlowAreCutOff) {
  TestDatabase db;
  RunningApp server(options_for(db));
  ASSERT_GT(server.port, 0);

  auto start = std::chrono::steady_clock::now();
  SlowClients slow(server.port, 200);
  ASSERT_EQ(slow.connected(), 200u);
  std::this_thread::sleep_for(300ms);  // every slow connection has been taken in by now

  for (int i = 0; i < 5; ++i) {
    TimedAnswer a = timed_get(server.port, "/dang-nhap");
    EXPECT_EQ(a.status, 200);
    EXPECT_LT(a.seconds, 1.0) << "request " << i;
  }
  // The slow ones were all still being read (not turned away): they go only at their deadline.
  if (std::chrono::steady_clock::now() - start < 2500ms) {
    EXPECT_EQ(slow.closed_by_server(), 0u);
  }
  EXPECT_GT(slow.bytes_sent(), 0u);

  auto until = start + 12s;
  while (slow.closed_by_server() < slow.connected() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(100ms);
  EXPECT_EQ(slow.closed_by_server(), slow.connected());
  EXPECT_GE(std::chrono::steady_clock::now() - start, 3s);  // not before their deadline

  // And the server still answers as usual afterwards.
  EXPECT_EQ(timed_get(server.port, "/dang-nhap").status, 200);
}

// An honest request is not cut off by the deadline: headers sent at once, then a body larger
// than the deadline's free part would allow at a trickle, but at more than the minimum rate.
TEST(WebSlowClients, AnUploadAboveTheMinimumRateGetsThrough) {
  TestDatabase db;
  web::WebOptions options = options_for(db);
  options.request_deadline.header_timeout = 500ms;
  RunningApp server(options);
  ASSERT_GT(server.port, 0);
  // 4 KB sent in 1 s (4 KB/s, above the 1 KB/s minimum): past the 0,5 s of headers' time.
  std::string body = "{\"ten_dang_nhap\":\"khong-co\",\"mat_khau\":\"" + std::string(4000, 'x') + "\"}";
  std::string request = "POST /api/dang-nhap HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  SlowSender sender(server.port);
  ASSERT_TRUE(sender.connected());
  ASSERT_TRUE(sender.send(request));
  for (size_t i = 0; i < body.size(); i += 400) {
    std::this_thread::sleep_for(100ms);
    ASSERT_TRUE(sender.send(body.substr(i, 400)));
  }
  int status = sender.answer_status();
  // Answered by the sign-in route (not a 400 from a cut-off body): no such user, or refused CSRF.
  EXPECT_TRUE(status == 401 || status == 403 || status == 422) << status;
}

}  // namespace
}  // namespace kc::test
