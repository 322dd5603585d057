// Reloading the Dataset after a change has a database connection of its own: the requests that
// wait for the reload may hold every connection of the pool (each looked its caller up first).
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/test_database.h"
#include "web/app.h"

namespace kc::test {
namespace {

TEST(WebDatasetReload, AReloadDoesNotWaitForTheConnectionsRequestsHold) {
  TestDatabase db;
  web::WebOptions options;
  options.db = db.url();
  options.threads = 2;
  options.pool.size = 2;
  options.pool.wait = std::chrono::milliseconds(500);
  web::App app(options);
  size_t units_before = app.dataset()->units.size();

  // Two requests hold the pool's two connections; one of them writes a record.
  auto first = app.pool().lease();
  auto second = app.pool().lease();
  {
    Transaction tx(*first);
    first->insert(kind("don_vi_hanh_chinh"), Row{std::string("tinh-moi"), std::string("Tỉnh Mới"), std::string("tinh"),
                                                 std::string("tinh"), std::monostate{}, std::string("2025-07-01"),
                                                 std::monostate{}});
    tx.commit();
  }
  app.changed();

  // The reload neither waits for them nor fails with "máy chủ đang bận", and sees the write.
  std::shared_ptr<const Dataset> reloaded;
  ASSERT_NO_THROW(reloaded = app.dataset());
  EXPECT_EQ(reloaded->units.size(), units_before + 1);
}

}  // namespace
}  // namespace kc::test
