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
const std::set<std::string> kProposers = {"so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};
const std::set<std::string> kPlanEditors = {"so_cong_thuong", "trung_tam"};
const std::set<std::string> kReportReaders = {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong"};

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
      {"viec_cua_toi", {"GET", "/viec-cua-toi", kSignedIn}},
      {"tong_quan", {"GET", "/tong-quan", kStaff}},
      {"tong_quan_csv", {"GET", "/tong-quan/bang-1.csv?ke_hoach=bg-2016-2020", kStaff}},
      // The "Báo cáo" area (docs/web.md, "Reports as drafts"): staff and local officers read it
      // (which reports, drafts::find_report decides: an unknown one is 404 for every reader);
      // the centre creates (an empty form is 422); the centre and the department save sections
      // and take steps. The quick download of a phase report stays the staff's.
      {"bao_cao", {"GET", "/bao-cao", kReportReaders}},
      {"bao_cao_tao", {"POST", "/bao-cao", {"trung_tam"}}},
      {"bao_cao_tai", {"GET", "/bao-cao/tai?ke_hoach=bg-2016-2020&dinh_dang=json", kStaff}},
      {"bao_cao_chi_tiet", {"GET", "/bao-cao/khong-co", kReportReaders}},
      {"bao_cao_van_ban", {"GET", "/bao-cao/khong-co/tai?dinh_dang=pdf", kReportReaders}},
      {"bao_cao_buoc", {"POST", "/bao-cao/khong-co/buoc", kPlanEditors, {{"buoc", "trinh"}}}},
      {"bao_cao_muc", {"GET", "/bao-cao/khong-co/muc/I.3.2", kReportReaders}},
      {"bao_cao_muc_luu", {"POST", "/bao-cao/khong-co/muc/I.3.2", kPlanEditors, {{"noi_dung", "x"}}}},
      {"bao_cao_xem_truoc", {"POST", "/bao-cao/khong-co/muc/I.3.2/xem-truoc", kPlanEditors, {{"noi_dung", "x"}}}},
      {"bao_cao_lich_su", {"GET", "/bao-cao/khong-co/muc/I.3.2/lich-su", kReportReaders}},
      // Loading a workbook: centre staff and administrators. A form without a file is 422.
      {"nhap_du_lieu", {"GET", "/nhap-du-lieu", {"quan_tri", "trung_tam"}}},
      {"nhap_du_lieu_gui", {"POST", "/nhap-du-lieu", {"quan_tri", "trung_tam"}}},
      {"tai_khoan", {"GET", "/quan-tri/tai-khoan", kAdmin}},
      {"tai_khoan_tao", {"POST", "/quan-tri/tai-khoan", kAdmin, {{"ten_dang_nhap", "x"}}}},
      {"tai_khoan_khoa", {"POST", "/quan-tri/tai-khoan/khong-co/khoa", kAdmin}},
      {"tai_khoan_mo_khoa", {"POST", "/quan-tri/tai-khoan/khong-co/mo-khoa", kAdmin}},
      // Editing an account and issuing a reset code: an unknown account is 404 for the administrator.
      {"tai_khoan_sua", {"GET", "/quan-tri/tai-khoan/khong-co", kAdmin}},
      {"tai_khoan_cap_nhat", {"POST", "/quan-tri/tai-khoan/khong-co", kAdmin, {{"ho_ten", "x"}}}},
      {"tai_khoan_ma_dat_lai", {"POST", "/quan-tri/tai-khoan/khong-co/ma-dat-lai", kAdmin}},
      {"chuyen_don_vi_ke_thua", {"POST", "/quan-tri/chuyen-don-vi-ke-thua", kAdmin}},
      // One's own password: every signed-in role (an empty form is 422); the reset page with a
      // one-time code: everyone (a wrong code is 422, then the throttle's 429).
      {"doi_mat_khau", {"GET", "/tai-khoan/doi-mat-khau", kSignedIn}},
      {"doi_mat_khau_gui", {"POST", "/tai-khoan/doi-mat-khau", kSignedIn}},
      {"dat_lai_mat_khau", {"GET", "/dat-lai-mat-khau", kEveryone}},
      {"dat_lai_mat_khau_gui", {"POST", "/dat-lai-mat-khau", kEveryone, {{"ma", "khong-dung"}}}},
      {"nhat_ky", {"GET", "/quan-tri/nhat-ky", kAdmin}},
      {"nhap_du_lieu_mau", {"GET", "/nhap-du-lieu/mau.xlsx", {"quan_tri", "trung_tam"}}},
      {"danh_muc", {"GET", "/danh-muc", kEveryone}},
      // The live preview beside money fields: reads nothing but the value sent.
      {"dinh_dang_tien", {"GET", "/dinh-dang/tien?gia_tri=150%20tri%E1%BB%87u", kEveryone}},
      {"huong_dan", {"GET", "/huong-dan", kEveryone}},
      // The JSON API (docs/api.md). Writes send a form, not JSON: a granted call answers 400.
      {"api_csrf", {"GET", "/api/csrf", kEveryone}},
      {"api_dang_nhap", {"POST", "/api/dang-nhap", kEveryone}},
      {"api_dang_xuat", {"POST", "/api/dang-xuat", kSignedIn}},
      {"api_openapi", {"GET", "/api/openapi.json", kEveryone}},
      // Projects (lifecycle pages). bg-2017-t-011 is settled, in Lục Ngạn and benefits cs-0046:
      // everyone may read it; a proposer in scope is let through and then told it can no
      // longer be edited directly (409), a step without its fields is 422.
      {"de_an_danh_sach", {"GET", "/de-an", kEveryone}},
      {"de_an_chi_tiet", {"GET", "/de-an/bg-2017-t-011", kEveryone}},
      {"de_an_them", {"GET", "/de-an/moi", kProposers}},
      {"de_an_tao", {"POST", "/de-an", kProposers}},
      {"de_an_sua", {"GET", "/de-an/bg-2017-t-011/sua", kProposers}},
      {"de_an_cap_nhat", {"POST", "/de-an/bg-2017-t-011", kProposers, {{"_goc", "{}"}}}},
      {"de_an_buoc", {"POST", "/de-an/bg-2017-t-011/buoc", kProposers}},
      {"de_an_tai_lieu", {"GET", "/de-an/bg-2017-t-011/tai-lieu/khong-co", kSignedIn}},
      {"de_an_dieu_chinh", {"POST", "/de-an/bg-2017-t-011/dieu-chinh", kProposers}},
      // Dossiers (docs/dossier.md): whoever signed in may see the project (in scope: the local
      // officer of Lục Ngạn, the establishment it benefits); plans: staff.
      {"de_an_ho_so", {"GET", "/de-an/bg-2017-t-011/ho-so.zip", kSignedIn}},
      {"de_an_tai_danh_sach", {"POST", "/tai-danh-sach/de-an", kSignedIn}},
      {"de_an_api_danh_sach", {"GET", "/api/de-an", kEveryone}},
      {"de_an_api_chi_tiet", {"GET", "/api/de-an/bg-2017-t-011", kEveryone}},
      {"de_an_api_tao", {"POST", "/api/de-an", kProposers}},
      {"de_an_api_buoc", {"POST", "/api/de-an/bg-2017-t-011/buoc", kProposers}},
      {"api_tong_hop", {"GET", "/api/tong-hop?tu_nam=2016&den_nam=2020", kStaff}},
      // Pickers (docs/web.md, "Pickers"): every signed-in user, each offered their own scope.
      {"chon", {"GET", "/chon/co-so?q=giap", kSignedIn}},
      {"api_chon", {"GET", "/api/chon/co-so?q=giap", kSignedIn}},
      {"de_an_xet_dieu_chinh", {"POST", "/de-an/bg-2017-t-011/dieu-chinh/0a/duyet", {"so_cong_thuong"}}},
      // Plans and targets (docs/web-plans.md): staff read them; the department and the centre
      // change them. The forms sent are refused as invalid (422), conflict with the current
      // version (409) or name no target (404): access is granted, nothing changes.
      {"ke_hoach_danh_sach", {"GET", "/ke-hoach", kStaff}},
      {"ke_hoach_chi_tiet", {"GET", "/ke-hoach/bg-2016-2020", kStaff}},
      // A plan's dossier is a background job (docs/web.md, "Background jobs"): an unknown plan
      // is 404 for staff, so no job starts here. A job is its owner's: an unknown id is 404 for
      // every signed-in caller.
      {"ke_hoach_ho_so", {"POST", "/ke-hoach/khong-co/ho-so", kStaff}},
      {"viec_nen", {"GET", "/viec-nen/0123456789abcdef0123456789abcdef", kSignedIn}},
      {"viec_nen_trang_thai", {"GET", "/viec-nen/0123456789abcdef0123456789abcdef/trang-thai", kSignedIn}},
      {"viec_nen_tai_ve", {"GET", "/viec-nen/0123456789abcdef0123456789abcdef/tai-ve", kSignedIn}},
      {"ke_hoach_them", {"GET", "/ke-hoach/moi", kPlanEditors}},
      {"ke_hoach_tao", {"POST", "/ke-hoach", kPlanEditors}},
      {"ke_hoach_sua", {"GET", "/ke-hoach/bg-2016-2020/sua", kPlanEditors}},
      {"ke_hoach_cap_nhat", {"POST", "/ke-hoach/bg-2016-2020", kPlanEditors, {{"_goc", "{}"}}}},
      {"ke_hoach_dat_muc_tieu", {"POST", "/ke-hoach/bg-2016-2020/chi-tieu", kPlanEditors}},
      {"ke_hoach_xoa_muc_tieu", {"POST", "/ke-hoach/bg-2016-2020/chi-tieu/khong-co/xoa", kPlanEditors}},
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
      // The same registry in the JSON API: the same readers and writers. PUT sends "{}" without
      // a version: a granted call answers 428.
      std::string api = "/api/" + r.slug, api_record = api + "/" + r.key;
      // A large list's download is a background job (docs/web.md, "List downloads"): the form
      // sent names no format (400), so no job starts; the public owns no job.
      std::set<std::string> signed_in_readers = r.readers;
      signed_in_readers.erase("public");
      m[r.kind + "_tai_danh_sach"] = {"POST", "/tai-danh-sach/" + r.slug, signed_in_readers};
      m[r.kind + "_api_danh_sach"] = {"GET", api, r.readers};
      m[r.kind + "_api_chi_tiet"] = {"GET", api_record, r.readers};
      m[r.kind + "_api_tao"] = {"POST", api, r.writers};
      m[r.kind + "_api_cap_nhat"] = {"PUT", api_record, r.writers};
      m[r.kind + "_api_luu_tru"] = {"POST", api_record + "/luu-tru", r.writers};
      m[r.kind + "_api_bo_luu_tru"] = {"POST", api_record + "/bo-luu-tru", r.writers};
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
      if (name == "dang_xuat" || name == "api_dang_xuat") continue;  // checked last, they end the session
      b.get("/dang-nhap");                // a fresh CSRF token for this browser
      if (role != "public") b.get("/");
      auto r = e.method == "GET"   ? b.get(e.path)
               : e.method == "PUT" ? b.put_json(e.path, "{}")
                                   : b.post(e.path, e.form);
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
    // The API's sign-out, in a browser of its own: 200 for a signed-in user, 401 for the public.
    Browser api(*server);
    if (role != "public") {
      ASSERT_TRUE(api.sign_in(WebFixture::user_for(role))) << role;
    }
    api.get("/api/csrf");
    auto api_out = api.post_json("/api/dang-xuat", "{}");
    ASSERT_TRUE(api_out) << role;
    EXPECT_EQ(api_out->status, role == "public" ? 401 : 200) << role;
  }
}

}  // namespace
}  // namespace kc::test
