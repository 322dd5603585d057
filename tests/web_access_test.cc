// The role × route matrix: every route the server registers, requested by the public and by
// each role, reaches exactly the callers this table says — decided on the server.
// A new route fails the test until it is added here with its expected audience.
#include <gtest/gtest.h>

#include <set>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

const std::vector<std::string> kRoles = {"public", "quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};

struct Expectation {
  std::string method, path;          // a concrete request for the route
  std::set<std::string> allowed;     // who gets through ("public" = without signing in)
  httplib::Params form = {};         // for POST: a harmless form (invalid data is fine: it proves access)
};

const std::set<std::string> kEveryone = {"public", "quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};
const std::set<std::string> kSignedIn = {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};
const std::set<std::string> kStaff = {"quan_tri", "so_cong_thuong", "trung_tam"};
const std::set<std::string> kAdmin = {"quan_tri"};

// Who reads and who writes each registry, with a record every reader may see.
struct RegistryExpectation {
  std::string kind, slug, key;
  std::set<std::string> readers, writers;
};
const std::set<std::string> kStaffAndLocal = {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong"};
const std::set<std::string> kSignedInNotPublic = {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};
const std::vector<RegistryExpectation> kRegistries = {
    {"co_so", "co-so", "cs-0046", kSignedInNotPublic, kStaffAndLocal},  // cs-0046: Lục Ngạn, the test establishment
    {"lang_nghe", "lang-nghe", "ln-01", kEveryone, kStaff},
    {"san_pham", "san-pham", "sp-001", kEveryone, kStaff},
    {"hoi_cho", "hoi-cho", "hc-2016-01", kEveryone, kStaff},
    {"cum_cong_nghiep", "cum-cong-nghiep", "ccn-chau-minh-bac-ly", kEveryone, kStaff},
    {"van_ban", "van-ban", "nd-235-2025", kEveryone, kStaff},
    {"don_vi_hanh_chinh", "don-vi-hanh-chinh", "bg-luc-ngan", kEveryone, {"quan_tri", "so_cong_thuong"}},
    {"can_bo", "can-bo", "pkt-hiep-hoa-01", kStaff, kStaff},
};

const std::map<std::string, Expectation>& matrix() {
  static const std::map<std::string, Expectation> m = [] {
    std::map<std::string, Expectation> m = {
      {"trang_chu", {"GET", "/", kEveryone}},
      {"healthz", {"GET", "/healthz", kEveryone}},
      {"bieu_tuong", {"GET", "/favicon.ico", kEveryone}},
      {"tep_tinh", {"GET", "/static/app.css", kEveryone}},
      {"thu_vien", {"GET", "/vendor/htmx.min.js", kEveryone}},
      {"dang_nhap", {"GET", "/dang-nhap", kEveryone}},
      {"dang_nhap_gui", {"POST", "/dang-nhap", kEveryone, {{"ten_dang_nhap", "khong-co"}, {"mat_khau", "x"}}}},
      {"dang_xuat", {"POST", "/dang-xuat", kSignedIn}},
      {"tong_quan", {"GET", "/tong-quan", kStaff}},
      {"tong_quan_csv", {"GET", "/tong-quan/bang-1.csv?ke_hoach=bg-2016-2020", kStaff}},
      {"bao_cao", {"GET", "/bao-cao", kStaff}},
      {"bao_cao_tai", {"GET", "/bao-cao/tai?ke_hoach=bg-2016-2020&dinh_dang=json", kStaff}},
      {"tai_khoan", {"GET", "/quan-tri/tai-khoan", kAdmin}},
      {"tai_khoan_tao", {"POST", "/quan-tri/tai-khoan", kAdmin, {{"ten_dang_nhap", "x"}}}},
      {"tai_khoan_khoa", {"POST", "/quan-tri/tai-khoan/khong-co/khoa", kAdmin}},
      {"tai_khoan_mo_khoa", {"POST", "/quan-tri/tai-khoan/khong-co/mo-khoa", kAdmin}},
      {"nhat_ky", {"GET", "/quan-tri/nhat-ky", kAdmin}},
      {"danh_muc", {"GET", "/danh-muc", kEveryone}},
    };
    for (const RegistryExpectation& r : kRegistries) {
      std::string base = "/" + r.slug, record = base + "/" + r.key;
      // Writes send an empty form or change nothing: a refusal is 403, a granted write is 422/303.
      m[r.kind + "_danh_sach"] = {"GET", base, r.readers};
      m[r.kind + "_chi_tiet"] = {"GET", record, r.readers};
      m[r.kind + "_them"] = {"GET", base + "/moi", r.writers};
      m[r.kind + "_tao"] = {"POST", base, r.writers};
      m[r.kind + "_sua"] = {"GET", record + "/sua", r.writers};
      m[r.kind + "_cap_nhat"] = {"POST", record, r.writers, {{"_goc", "{}"}}};
      m[r.kind + "_luu_tru"] = {"POST", record + "/luu-tru", r.writers};  // undone by the next role's bo-luu-tru
      m[r.kind + "_bo_luu_tru"] = {"POST", record + "/bo-luu-tru", r.writers};
    }
    return m;
  }();
  return m;
}

class WebAccess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebAccess::server = nullptr;

TEST_F(WebAccess, EveryRouteIsInTheMatrix) {
  std::set<std::string> registered;
  for (const web::Route& r : server->app().routes()) {
    registered.insert(r.name);
    EXPECT_TRUE(matrix().count(r.name)) << "route " << r.name << " (" << r.method << " " << r.pattern
                                        << ") has no expectation in web_access_test.cc";
  }
  for (const auto& [name, e] : matrix()) EXPECT_TRUE(registered.count(name)) << "no route named " << name;
}

TEST_F(WebAccess, EachRoleReachesExactlyItsRoutes) {
  for (const std::string& role : kRoles) {
    Browser b(*server);
    if (role != "public") {
      ASSERT_TRUE(b.sign_in(WebFixture::user_for(role))) << role;
    }
    for (const auto& [name, e] : matrix()) {
      if (name == "dang_xuat") continue;  // checked last, it ends the session
      b.get("/dang-nhap");                // a fresh CSRF token for this browser
      if (role != "public") b.get("/");
      auto r = e.method == "GET" ? b.get(e.path) : b.post(e.path, e.form);
      ASSERT_TRUE(r) << name;
      bool allowed = e.allowed.count(role) > 0;
      bool sent_to_sign_in = r->status == 303 && r->get_header_value("Location").rfind("/dang-nhap", 0) == 0;
      bool refused = r->status == 401 || r->status == 403 || sent_to_sign_in;
      EXPECT_EQ(!refused, allowed) << role << " " << e.method << " " << e.path << " → " << r->status;
      EXPECT_LT(r->status, 500) << role << " " << e.path;
      if (!allowed && role != "public") {
        EXPECT_EQ(r->status, 403) << role << " " << e.path;
      }
    }
    // Sign-out: a signed-in user leaves (303 home); the public is sent to sign in first.
    auto out = b.post("/dang-xuat", {});
    EXPECT_EQ(out->status, 303) << role;
    EXPECT_EQ(out->get_header_value("Location").rfind("/dang-nhap", 0) == 0, role == "public") << role;
  }
}

}  // namespace
}  // namespace kc::test
