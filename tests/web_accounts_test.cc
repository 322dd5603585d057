// Accounts in the workspace: a user changes their own password, the administrator edits an
// account and issues a one-time reset code, which the user redeems on the public page.
#include <gtest/gtest.h>

#include <regex>

#include "accounts/accounts.h"
#include "accounts/password_reset.h"
#include "audit/audit.h"
#include "store/store.h"
#include "support/hand_clock.h"
#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebAccounts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world = new WebFixtureWithHandClock();
    server = &world->server;
    clock = &world->clock;
  }
  static void TearDownTestSuite() { delete world; }
  // Each test starts with the throttle's counts of this address forgotten (a quiet day passes).
  void SetUp() override { clock->advance(std::chrono::hours(48)); }
  static WebFixtureWithHandClock* world;
  static WebFixture* server;
  static HandClock* clock;

  // A fresh account of its own for each test, so that no test changes the fixture's users.
  static void add(const std::string& username, const std::string& role, const std::string& unit = "",
                  const std::string& establishment = "") {
    auto store = server->database().open();
    ASSERT_TRUE(add_user(*store, {username, "Người thử", role, unit, establishment, kPassword}, "test").empty());
  }
  static std::vector<AuditEntry> trail(const std::string& username) {
    auto store = server->database().open();
    return audit_of(*store, "nguoi_dung", username);
  }
  static bool has(const httplib::Result& r, const std::string& text) {
    return r && r->body.find(text) != std::string::npos;
  }
};
WebFixtureWithHandClock* WebAccounts::world = nullptr;
WebFixture* WebAccounts::server = nullptr;
HandClock* WebAccounts::clock = nullptr;

const std::string kNewPassword = "một câu mật khẩu mới";

TEST_F(WebAccounts, EveryRoleReachesThePasswordChangeFromTheNavigation) {
  for (const std::string role : {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong", "co_so"}) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(WebFixture::user_for(role)));
    auto home = b.get("/");
    EXPECT_TRUE(has(home, "<a href=\"/tai-khoan/doi-mat-khau\">Đổi mật khẩu</a>")) << role;
    auto page = b.get("/tai-khoan/doi-mat-khau");
    ASSERT_EQ(page->status, 200) << role;
    EXPECT_TRUE(has(page, "Ít nhất 10 ký tự")) << "the rules are stated";
    EXPECT_TRUE(has(page, "Không chứa tên đăng nhập"));
  }
  Browser visitor(*server);
  EXPECT_FALSE(has(visitor.get("/"), "/tai-khoan/doi-mat-khau"));
}

TEST_F(WebAccounts, ChangingOnesPasswordEndsTheOtherSessionsAndIsAuditedWithoutIt) {
  add("doimatkhau", "trung_tam");
  Browser here(*server), elsewhere(*server);
  ASSERT_TRUE(here.sign_in("doimatkhau"));
  ASSERT_TRUE(elsewhere.sign_in("doimatkhau"));
  here.get("/tai-khoan/doi-mat-khau");
  auto wrong = here.post("/tai-khoan/doi-mat-khau",
                         {{"mat_khau_hien_tai", "khong-phai-mat-khau"}, {"mat_khau_moi", kNewPassword}, {"nhap_lai", kNewPassword}});
  EXPECT_EQ(wrong->status, 422);
  EXPECT_TRUE(has(wrong, "Mật khẩu hiện tại không đúng."));
  auto mismatch = here.post("/tai-khoan/doi-mat-khau",
                            {{"mat_khau_hien_tai", kPassword}, {"mat_khau_moi", kNewPassword}, {"nhap_lai", kNewPassword + "!"}});
  EXPECT_EQ(mismatch->status, 422);
  EXPECT_TRUE(has(mismatch, "Hai lần nhập mật khẩu mới không giống nhau."));
  auto weak = here.post("/tai-khoan/doi-mat-khau",
                        {{"mat_khau_hien_tai", kPassword}, {"mat_khau_moi", "DoiMatKhau-2026"}, {"nhap_lai", "DoiMatKhau-2026"}});
  EXPECT_EQ(weak->status, 422);
  EXPECT_TRUE(has(weak, "Mật khẩu không được chứa tên đăng nhập."));
  auto short_one = here.post("/tai-khoan/doi-mat-khau",
                             {{"mat_khau_hien_tai", kPassword}, {"mat_khau_moi", "ngắn"}, {"nhap_lai", "ngắn"}});
  EXPECT_TRUE(has(short_one, "Mật khẩu phải có ít nhất 10 ký tự."));

  auto done = here.post("/tai-khoan/doi-mat-khau",
                        {{"mat_khau_hien_tai", kPassword}, {"mat_khau_moi", kNewPassword}, {"nhap_lai", kNewPassword}});
  ASSERT_EQ(done->status, 303) << done->body;
  auto after = here.get("/tai-khoan/doi-mat-khau?da-doi=1");
  EXPECT_EQ(after->status, 200) << "this browser goes on, in a new session";
  EXPECT_TRUE(has(after, "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc."));
  EXPECT_EQ(here.get("/tong-quan")->status, 200);
  auto other = elsewhere.get("/tong-quan");
  EXPECT_EQ(other->status, 303) << "the other session ended";
  Browser again(*server);
  EXPECT_FALSE(again.sign_in("doimatkhau", kPassword));
  EXPECT_TRUE(again.sign_in("doimatkhau", kNewPassword));

  std::vector<AuditEntry> entries = trail("doimatkhau");
  auto change = std::find_if(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.action == "doi_mat_khau"; });
  ASSERT_NE(change, entries.end());
  EXPECT_EQ(change->user, "doimatkhau");
  for (const AuditEntry& e : entries) {
    for (const std::string* text : {&e.before, &e.after, &e.note}) {
      EXPECT_EQ(text->find(kNewPassword), std::string::npos);
      EXPECT_EQ(text->find("argon2"), std::string::npos) << "no hash in the trail either";
    }
  }
}

std::string code_on(const std::string& page) {
  std::smatch m;
  static const std::regex code("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
  return std::regex_search(page, m, code) ? m.str() : "";
}

TEST_F(WebAccounts, AResetCodeIsShownOnceStoredHashedAndWorksOnce) {
  add("quenmatkhau", "so_cong_thuong");
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  admin.get("/quan-tri/tai-khoan");
  auto issued = admin.post("/quan-tri/tai-khoan/quenmatkhau/ma-dat-lai", {});
  ASSERT_EQ(issued->status, 200);
  EXPECT_EQ(issued->get_header_value("Cache-Control"), "no-store");
  std::string code = code_on(issued->body);
  ASSERT_FALSE(code.empty()) << issued->body;
  EXPECT_TRUE(has(issued, "Mã chỉ hiện một lần"));
  {
    auto store = server->database().open();
    int rows = 0;
    store->scan(kind("dat_lai_mat_khau"), [&](const Row& r) {
      ++rows;
      std::string bare = std::regex_replace(code, std::regex("-"), "");
      for (const Value& v : r) {
        std::string text(text_or_empty(v));
        EXPECT_EQ(text.find(code), std::string::npos) << "only the hash is kept";
        EXPECT_EQ(text.find(bare), std::string::npos) << "only the hash is kept";
      }
    });
    EXPECT_EQ(rows, 1);
  }
  Browser user(*server);
  ASSERT_TRUE(user.sign_in("quenmatkhau"));

  Browser visitor(*server);
  EXPECT_EQ(visitor.get("/dat-lai-mat-khau")->status, 200);
  std::string typed = code;  // typed in lower case, with spaces instead of dashes: still the code
  for (char& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto mismatch = visitor.post("/dat-lai-mat-khau", {{"ma", typed}, {"mat_khau_moi", kNewPassword}, {"nhap_lai", "khác hẳn"}});
  EXPECT_EQ(mismatch->status, 422);
  EXPECT_TRUE(has(mismatch, "Hai lần nhập mật khẩu mới không giống nhau."));
  auto done = visitor.post("/dat-lai-mat-khau", {{"ma", typed}, {"mat_khau_moi", kNewPassword}, {"nhap_lai", kNewPassword}});
  ASSERT_EQ(done->status, 303) << done->body;
  EXPECT_EQ(done->get_header_value("Location"), "/dang-nhap?da-dat-lai=1");
  EXPECT_TRUE(has(visitor.get("/dang-nhap?da-dat-lai=1"), "Đã đặt mật khẩu mới."));
  EXPECT_EQ(user.get("/tong-quan")->status, 303) << "the sessions of the account ended";
  Browser fresh(*server);
  EXPECT_TRUE(fresh.sign_in("quenmatkhau", kNewPassword));

  auto reused = visitor.post("/dat-lai-mat-khau", {{"ma", code}, {"mat_khau_moi", kNewPassword}, {"nhap_lai", kNewPassword}});
  EXPECT_EQ(reused->status, 422);
  EXPECT_TRUE(has(reused, "Mã đặt lại này đã được dùng"));

  std::vector<AuditEntry> entries = trail("quenmatkhau");
  std::set<std::string> actions;
  for (const AuditEntry& e : entries) {
    actions.insert(e.action);
    EXPECT_EQ(e.note.find(code), std::string::npos) << "the code is not in the trail";
  }
  EXPECT_TRUE(actions.count("cap_ma_dat_lai"));
  EXPECT_TRUE(actions.count("dat_lai_mat_khau"));
}

TEST_F(WebAccounts, ExpiredWithdrawnAndWrongCodesAreRefusedInVietnamese) {
  add("mahethan", "trung_tam");
  std::string expired, first, second;
  {
    auto store = server->database().open();
    expired = issue_reset_code(*store, "mahethan", "quantri", -60)->code;
    first = issue_reset_code(*store, "mahethan", "quantri")->code;
    second = issue_reset_code(*store, "mahethan", "quantri")->code;
  }
  Browser visitor(*server);
  visitor.get("/dat-lai-mat-khau");
  auto try_code = [&](const std::string& code) {
    return visitor.post("/dat-lai-mat-khau", {{"ma", code}, {"mat_khau_moi", kNewPassword}, {"nhap_lai", kNewPassword}});
  };
  // Issuing a code withdraws the earlier unused ones: the first no longer works.
  EXPECT_TRUE(has(try_code(first), "đã được dùng hoặc đã bị thay bằng mã mới"));
  auto wrong = try_code("ABCD-EFGH-JKMN-PQRS");
  EXPECT_EQ(wrong->status, 422);
  EXPECT_TRUE(has(wrong, "Mã đặt lại không đúng."));
  EXPECT_EQ(try_code("ABCD-EFGH-JKMN-PQR2")->status, 422);
  auto throttled = try_code(second);
  EXPECT_EQ(throttled->status, 429) << "three wrong codes from one address: the next try waits";
  EXPECT_TRUE(has(throttled, "Nhập sai mã nhiều lần. Vui lòng thử lại sau 1 giây."));
  clock->advance(std::chrono::seconds(1));
  EXPECT_EQ(try_code(second)->status, 303);
  {
    auto store = server->database().open();
    expired = issue_reset_code(*store, "mahethan", "quantri", -60)->code;
  }
  auto late = try_code(expired);
  EXPECT_EQ(late->status, 422);
  EXPECT_TRUE(has(late, "Mã đặt lại đã hết hạn lúc ")) << late->body;
}

TEST_F(WebAccounts, TheAdministratorEditsNameRoleAndScopeWithChecks) {
  add("suataikhoan", "dia_phuong", "bg-luc-ngan");
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  auto form = admin.get("/quan-tri/tai-khoan/suataikhoan");
  ASSERT_EQ(form->status, 200);
  EXPECT_TRUE(has(form, "value=\"bg-luc-ngan\""));
  auto no_unit = admin.post("/quan-tri/tai-khoan/suataikhoan", {{"ho_ten", "Chị Lan"}, {"vai_tro", "dia_phuong"}, {"don_vi", ""}});
  EXPECT_EQ(no_unit->status, 422);
  EXPECT_TRUE(has(no_unit, "Cán bộ địa phương cần có địa bàn phụ trách"));
  auto unknown = admin.post("/quan-tri/tai-khoan/suataikhoan", {{"ho_ten", "Chị Lan"}, {"vai_tro", "dia_phuong"}, {"don_vi", "khong-co-dau"}});
  EXPECT_EQ(unknown->status, 422);
  EXPECT_TRUE(has(unknown, "Không có đơn vị hành chính mã &quot;khong-co-dau&quot;"));
  auto no_establishment = admin.post("/quan-tri/tai-khoan/suataikhoan", {{"ho_ten", "Chị Lan"}, {"vai_tro", "co_so"}});
  EXPECT_TRUE(has(no_establishment, "Tài khoản của cơ sở cần có mã cơ sở."));
  auto saved = admin.post("/quan-tri/tai-khoan/suataikhoan",
                          {{"ho_ten", "Nguyễn Thị Lan"}, {"vai_tro", "co_so"}, {"don_vi", "bg-luc-ngan"}, {"co_so", "cs-0046"}});
  ASSERT_EQ(saved->status, 303) << saved->body;
  auto list = admin.get(saved->get_header_value("Location"));
  EXPECT_TRUE(has(list, "Đã lưu thay đổi của tài khoản suataikhoan."));
  EXPECT_TRUE(has(list, "Nguyễn Thị Lan"));
  auto store = server->database().open();
  std::optional<User> u = find_user(*store, "suataikhoan");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->name, "Nguyễn Thị Lan");
  EXPECT_EQ(u->role, "co_so");
  EXPECT_EQ(u->establishment, "cs-0046");
  EXPECT_EQ(u->unit, "") << "an establishment's account has no area of its own";
  std::vector<AuditEntry> entries = trail("suataikhoan");
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "sua_tai_khoan");
  EXPECT_EQ(entries.front().user, "quantri");
  EXPECT_NE(entries.front().before.find("bg-luc-ngan"), std::string::npos);
  EXPECT_NE(entries.front().after.find("cs-0046"), std::string::npos);

  Browser user(*server);
  ASSERT_TRUE(user.sign_in("suataikhoan"));
  EXPECT_TRUE(has(user.get("/"), "(cơ sở công nghiệp nông thôn)")) << "the new role is the one the user signs in with";
}

TEST_F(WebAccounts, TheAdministratorKeepsTheirOwnRoleAndUnknownAccountsAre404) {
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  admin.get("/quan-tri/tai-khoan");
  auto self = admin.post("/quan-tri/tai-khoan/quantri", {{"ho_ten", "Quản trị"}, {"vai_tro", "trung_tam"}});
  EXPECT_EQ(self->status, 422);
  EXPECT_TRUE(has(self, "Không thể tự đổi vai trò của tài khoản đang dùng."));
  EXPECT_EQ(admin.get("/quan-tri/tai-khoan/khong-co")->status, 404);
  EXPECT_EQ(admin.post("/quan-tri/tai-khoan/khong-co/ma-dat-lai", {})->status, 404);
}

// Locking an account asks first: without JavaScript's dialog the server answers a page that
// asks, and the account stays open until the question is answered.
TEST_F(WebAccounts, LockingAnAccountAsksFirst) {
  add("khoathu", "trung_tam");
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  admin.get("/quan-tri/tai-khoan");
  auto asked = admin.post("/quan-tri/tai-khoan/khoathu/khoa", {});
  EXPECT_EQ(asked->status, 200);
  EXPECT_NE(asked->body.find("Khóa tài khoản khoathu?"), std::string::npos) << asked->body.substr(0, 2000);
  Browser centre(*server);
  EXPECT_TRUE(centre.sign_in("khoathu")) << "not locked before the answer";
  admin.get("/quan-tri/tai-khoan");
  EXPECT_EQ(admin.post("/quan-tri/tai-khoan/khoathu/khoa", {{"xac_nhan", "1"}})->status, 303);
  Browser again(*server);
  EXPECT_FALSE(again.sign_in("khoathu")) << "locked once confirmed";
  admin.get("/quan-tri/tai-khoan");
  EXPECT_EQ(admin.post("/quan-tri/tai-khoan/khoathu/mo-khoa", {})->status, 303) << "unlocking needs no question";
  EXPECT_TRUE(again.sign_in("khoathu"));
}

}  // namespace
}  // namespace kc::test
