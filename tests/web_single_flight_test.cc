// Single flight (web/single_flight.h): concurrent misses of a remembered answer for one key wait
// for one computation — the helper itself, the list cache, and the server's first requests after
// a start and after a change (home lists, the rendered home page, a list page).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <nlohmann/json.hpp>
#include <vector>

#include "store/store.h"
#include "support/test_database.h"
#include "support/web_fixture.h"
#include "web/list_cache.h"
#include "web/single_flight.h"

namespace kc::test {
namespace {

using namespace std::chrono_literals;

uint64_t computed(const std::string& name) { return web::flight_counters(name).computed.load(); }
uint64_t joined(const std::string& name) { return web::flight_counters(name).joined.load(); }

// Waits (5 s at most) until `done` holds.
template <typename Done>
bool eventually(Done done) {
  for (auto until = std::chrono::steady_clock::now() + 5s; std::chrono::steady_clock::now() < until;) {
    if (done()) return true;
    std::this_thread::sleep_for(1ms);
  }
  return done();
}

// `n` threads call `call(i)` at once; returns their answers.
template <typename Result, typename Call>
std::vector<Result> at_once(int n, Call call) {
  std::vector<Result> out(static_cast<size_t>(n));
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < n) std::this_thread::yield();
      out[static_cast<size_t>(i)] = call(i);
    });
  for (auto& t : threads) t.join();
  return out;
}

TEST(SingleFlight, ConcurrentMissesForOneKeyComputeOnce) {
  web::SingleFlight<std::shared_ptr<const int>> flight("test_once");
  constexpr int kCallers = 8;
  uint64_t computed_before = computed("test_once"), joined_before = joined("test_once");
  std::atomic<int> computations{0};
  auto answers = at_once<std::shared_ptr<const int>>(kCallers, [&](int) {
    return flight.run("k", [] { return std::shared_ptr<const int>(); }, [&] {
      ++computations;
      // The computation lasts until every other caller waits for it.
      EXPECT_TRUE(eventually([&] { return joined("test_once") - joined_before == kCallers - 1; }));
      return std::make_shared<const int>(42);
    });
  });
  EXPECT_EQ(computations.load(), 1);
  EXPECT_EQ(computed("test_once") - computed_before, 1u);
  EXPECT_EQ(joined("test_once") - joined_before, static_cast<uint64_t>(kCallers - 1));
  for (const auto& a : answers) EXPECT_EQ(a.get(), answers[0].get()) << "every caller has the one answer";
  EXPECT_EQ(*answers[0], 42);
  EXPECT_EQ(flight.running(), 0u);
}

TEST(SingleFlight, OtherKeysComputeApartAndFoundAnswersAreNotComputed) {
  web::SingleFlight<std::shared_ptr<const int>> flight("test_keys");
  uint64_t before = computed("test_keys");
  auto answers = at_once<std::shared_ptr<const int>>(4, [&](int i) {
    return flight.run("k" + std::to_string(i), [] { return std::shared_ptr<const int>(); },
                      [i] { return std::make_shared<const int>(i); });
  });
  for (int i = 0; i < 4; ++i) EXPECT_EQ(*answers[static_cast<size_t>(i)], i);
  EXPECT_EQ(computed("test_keys") - before, 4u);
  auto found = flight.run("k0", [] { return std::make_shared<const int>(7); },
                          []() -> std::shared_ptr<const int> { throw std::logic_error("not to be computed"); });
  EXPECT_EQ(*found, 7);
  EXPECT_EQ(computed("test_keys") - before, 4u);
}

TEST(SingleFlight, AFailureReachesEveryWaiterAndTheNextMissComputesAgain) {
  web::SingleFlight<std::shared_ptr<const int>> flight("test_failure");
  constexpr int kCallers = 4;
  uint64_t joined_before = joined("test_failure");
  auto failures = at_once<int>(kCallers, [&](int) {
    try {
      flight.run("k", [] { return std::shared_ptr<const int>(); }, [&]() -> std::shared_ptr<const int> {
        EXPECT_TRUE(eventually([&] { return joined("test_failure") - joined_before == kCallers - 1; }));
        throw std::runtime_error("the database went away");
      });
    } catch (const std::runtime_error&) {
      return 1;
    }
    return 0;
  });
  for (int f : failures) EXPECT_EQ(f, 1);
  auto again = flight.run("k", [] { return std::shared_ptr<const int>(); }, [] { return std::make_shared<const int>(1); });
  EXPECT_EQ(*again, 1);
}

TEST(SingleFlight, ListCacheReadsAColdPageOnceForConcurrentCallers) {
  TestDatabase db;
  const RecordKind& k = kind("don_vi_hanh_chinh");
  {
    auto store = db.open();
    Transaction tx(*store);
    for (int i = 0; i < 300; ++i)
      store->insert(k, Row{"u" + std::to_string(i), "Tỉnh " + std::to_string(i), std::string("tinh"), std::string("tinh"),
                           std::monostate{}, std::string("1997-01-01"), std::monostate{}});
    tx.commit();
  }
  constexpr int kCallers = 8;
  std::vector<std::unique_ptr<Store>> stores;
  for (int i = 0; i < kCallers; ++i) stores.push_back(db.open());
  web::ListCache cache;
  ListQuery q;
  q.limit = 50;
  for (int version : {1, 2}) {  // a start, then a change
    uint64_t before = computed("list");
    auto pages = at_once<std::shared_ptr<const ListPage>>(
        kCallers, [&](int i) { return cache.list(*stores[static_cast<size_t>(i)], k, q, static_cast<uint64_t>(version)); });
    EXPECT_EQ(computed("list") - before, 1u) << "version " << version;
    for (const auto& p : pages) EXPECT_EQ(p.get(), pages[0].get());
    EXPECT_EQ(pages[0]->total, 300);
  }
}

// Browsers of one account, each with its own session, signed in through the API: signing in on
// the form would open the home page, and compute it, before the test asks for it.
std::vector<std::unique_ptr<Browser>> signed_in(const WebFixture& server, const std::string& user, int n) {
  std::vector<std::unique_ptr<Browser>> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(std::make_unique<Browser>(server));
    EXPECT_EQ(out.back()->get("/api/csrf", {})->status, 200);
    nlohmann::json credentials = {{"ten_dang_nhap", user}, {"mat_khau", kPassword}};
    EXPECT_EQ(out.back()->post_json("/api/dang-nhap", credentials.dump())->status, 200);
  }
  return out;
}

// The page with each browser's own CSRF token taken out (the rest must be the same).
std::string without_token(std::string body, const std::string& token) {
  for (size_t at; !token.empty() && (at = body.find(token)) != std::string::npos;) body.erase(at, token.size());
  return body;
}

TEST(SingleFlight, FirstHomePagesAfterAStartAndAfterAChangeAreComputedOnce) {
  WebFixture server;
  constexpr int kCallers = 12;
  auto browsers = signed_in(server, "trungtam", kCallers);
  auto round = [&](const std::string& when) {
    uint64_t work = computed("home_work"), page = computed("home_page");
    auto bodies = at_once<std::string>(kCallers, [&](int i) {
      auto r = browsers[static_cast<size_t>(i)]->get("/viec-cua-toi");
      EXPECT_EQ(r->status, 200);
      return without_token(r->body, browsers[static_cast<size_t>(i)]->csrf());
    });
    EXPECT_EQ(computed("home_work") - work, 1u) << when;
    EXPECT_EQ(computed("home_page") - page, 1u) << when;
    for (const std::string& b : bodies) EXPECT_EQ(b, bodies[0]) << when;
    EXPECT_NE(bodies[0].find("Việc của tôi"), std::string::npos);
  };
  round("after the start (the Dataset loads first)");
  // A change: the next answers are computed again, once.
  Browser editor(server);
  ASSERT_TRUE(editor.sign_in("trungtam"));
  auto record = editor.get("/api/co-so/cs-0046", {});
  ASSERT_EQ(record->status, 200);
  nlohmann::json r = nlohmann::json::parse(record->body)["ban_ghi"];
  r["so_lao_dong"] = r["so_lao_dong"].is_number() ? r["so_lao_dong"].get<int64_t>() + 1 : 1;
  auto put = editor.put_json("/api/co-so/cs-0046", r.dump(), {{"If-Match", record->get_header_value("ETag")}});
  ASSERT_EQ(put->status, 200) << put->body;
  round("after a change");
}

TEST(SingleFlight, AColdListPageIsReadOnceAndShownInMetrics) {
  WebFixture server;
  constexpr int kCallers = 12;
  auto browsers = signed_in(server, "trungtam", kCallers);
  uint64_t before = computed("list");
  auto bodies = at_once<std::string>(kCallers, [&](int i) {
    auto r = browsers[static_cast<size_t>(i)]->get("/api/de-an?kich_thuoc=50&sap_xep=ma", {});
    EXPECT_EQ(r->status, 200);
    return r->body;
  });
  EXPECT_EQ(computed("list") - before, 1u);
  for (const std::string& b : bodies) EXPECT_EQ(b, bodies[0]);
  auto metrics = server.client()->Get("/metrics");
  ASSERT_EQ(metrics->status, 200);
  std::string line = "khuyencong_cache_computations_total{cache=\"list\"} " + std::to_string(computed("list")) + "\n";
  EXPECT_NE(metrics->body.find(line), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("khuyencong_cache_joined_total{cache=\"list\"} "), std::string::npos);
}

}  // namespace
}  // namespace kc::test
