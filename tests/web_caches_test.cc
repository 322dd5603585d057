// The web server's memories between requests: list pages and totals (list_cache.h) and
// signed-in callers (session_cache.h) — what they keep, and exactly when they let go.
#include <gtest/gtest.h>

#include <thread>

#include "store/store.h"
#include "support/test_database.h"
#include "web/list_cache.h"
#include "web/session_cache.h"

namespace kc::test {
namespace {

Row unit(const std::string& code, const std::string& name) {
  return Row{code, name, std::string("tinh"), std::string("tinh"), std::monostate{}, std::string("1997-01-01"),
             std::monostate{}};
}

void add_unit(Store& store, const std::string& code) {
  Transaction tx(store);
  store.insert(kind("don_vi_hanh_chinh"), unit(code, "Tỉnh " + code));
  tx.commit();
}

ListQuery first_page() {
  ListQuery q;
  q.limit = 2;
  return q;
}

TEST(ListCache, RemembersAPageUntilTheDataVersionChanges) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  add_unit(*store, "b");
  add_unit(*store, "c");
  web::ListCache cache;

  auto first = cache.list(*store, k, first_page(), 1);
  EXPECT_EQ(first->total, 2);
  add_unit(*store, "a");  // written behind the cache's back: same version, same answer
  auto again = cache.list(*store, k, first_page(), 1);
  EXPECT_EQ(again.get(), first.get());
  EXPECT_EQ(as_text(again->rows[0][0]), "b");

  auto changed = cache.list(*store, k, first_page(), 2);  // the server advanced the version
  EXPECT_EQ(changed->total, 3);
  EXPECT_EQ(as_text(changed->rows[0][0]), "a");
}

TEST(ListCache, PagesAndSortsAreRememberedApartButShareTheirTotal) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  for (const char* code : {"a", "b", "c"}) add_unit(*store, code);
  web::ListCache cache;

  ListQuery second = first_page();
  second.offset = 2;
  ListQuery reversed = first_page();
  reversed.descending = true;
  EXPECT_EQ(as_text(cache.list(*store, k, first_page(), 1)->rows[0][0]), "a");
  EXPECT_EQ(as_text(cache.list(*store, k, second, 1)->rows[0][0]), "c");
  EXPECT_EQ(as_text(cache.list(*store, k, reversed, 1)->rows[0][0]), "c");
  EXPECT_NE(web::page_signature(k, first_page()), web::page_signature(k, second));
  EXPECT_EQ(web::total_signature(k, first_page()), web::total_signature(k, second));
}

TEST(ListCache, ReadsOnlyWhenAskedNotToRemember) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  add_unit(*store, "b");
  web::ListCache cache;
  EXPECT_EQ(cache.list(*store, k, first_page(), 1, false)->total, 1);
  add_unit(*store, "c");
  EXPECT_EQ(cache.list(*store, k, first_page(), 1, false)->total, 2);  // nothing was kept
}

// The rendered answer of a page (the API's JSON) is made once per page and data version: the
// same text while the version stays, made again from the new page once it changes.
TEST(ListCache, RendersAPageOncePerDataVersion) {
  TestDatabase db;
  auto store = db.open();
  const RecordKind& k = kind("don_vi_hanh_chinh");
  add_unit(*store, "b");
  web::ListCache cache;
  int renders = 0;
  auto render = [&](const ListPage& page) {
    ++renders;
    return std::to_string(page.total) + ":" + as_text(page.rows[0][0]);
  };
  auto first = cache.rendered(*store, k, first_page(), 1, true, render);
  EXPECT_EQ(*first, "1:b");
  add_unit(*store, "a");
  EXPECT_EQ(cache.rendered(*store, k, first_page(), 1, true, render).get(), first.get());
  EXPECT_EQ(renders, 1);
  EXPECT_EQ(*cache.rendered(*store, k, first_page(), 2, true, render), "2:a");  // a write advanced the version
  EXPECT_EQ(renders, 2);
  ListQuery second = first_page();
  second.offset = 1;
  EXPECT_EQ(*cache.rendered(*store, k, second, 2, true, render), "2:b");  // another page, its own answer
  EXPECT_EQ(*cache.rendered(*store, k, first_page(), 2, false, render), "2:a");  // not remembered: made again
  EXPECT_EQ(renders, 4);
}

web::SignedInCaller caller(const std::string& expires) {
  web::SignedInCaller c;
  c.session = {"hash", "lan", "csrf", expires};
  c.user.username = "lan";
  c.user.role = "trung_tam";
  return c;
}

TEST(SessionCache, KeepsACallerForItsTimeToLiveAndNeverPastTheSessionsExpiry) {
  web::SessionCache cache(std::chrono::milliseconds(200));
  cache.remember("token", caller("2026-11-28 12:00:00"), cache.generation());
  auto found = cache.find("token", "2026-11-28 11:00:00");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user.role, "trung_tam");
  EXPECT_FALSE(cache.find("other", "2026-11-28 11:00:00"));
  EXPECT_FALSE(cache.find("token", "2026-11-28 12:00:01"));  // the session has expired

  cache.remember("token", caller("2026-11-28 12:00:00"), cache.generation());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(cache.find("token", "2026-11-28 11:00:00"));  // looked up too long ago
}

TEST(SessionCache, ForgetsEverythingAtAChangeAndKeepsNothingLookedUpBeforeIt) {
  web::SessionCache cache;
  cache.remember("a", caller("2030-01-01 00:00:00"), cache.generation());
  uint64_t before = cache.generation();  // a request starts looking "b" up…
  cache.forget_all();                    // …a sign-out is committed meanwhile…
  cache.remember("b", caller("2030-01-01 00:00:00"), before);  // …so its answer is not kept
  EXPECT_FALSE(cache.find("a", "2026-11-28 11:00:00"));
  EXPECT_FALSE(cache.find("b", "2026-11-28 11:00:00"));
  cache.remember("b", caller("2030-01-01 00:00:00"), cache.generation());
  EXPECT_TRUE(cache.find("b", "2026-11-28 11:00:00"));
}

}  // namespace
}  // namespace kc::test
