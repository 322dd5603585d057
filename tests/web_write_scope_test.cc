// The scope of every write: a local officer (diaphuong, huyện Lục Ngạn) and an establishment
// (coso, cs-0046 in xã Nam Dương, Lục Ngạn) try to name, through every write route that carries
// a scoped field, a place, an implementing unit or a beneficiary outside their scope — on
// create, on edit and in amendments, through the pages and the API. Each attempt is refused
// naming the field, and nothing is written; the same write inside the scope is accepted (so the
// refusals are not a route refusing everything). A walk over the route table fails when a write
// route that a scoped role reaches is in neither list below.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebWriteScope : public ::testing::Test {
 public:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebWriteScope::server = nullptr;

// Demo facts: inside Lục Ngạn, and outside it (huyện Hiệp Hòa).
constexpr const char* kInsideCommune = "bg-luc-ngan-nam-duong";
constexpr const char* kOutsideCommune = "bg-hiep-hoa-luong-phong";
constexpr const char* kInsideEstablishment = "cs-0050";   // xã Nam Dương
constexpr const char* kOutsideEstablishment = "cs-0003";  // xã Lương Phong, Hiệp Hòa
constexpr const char* kInsideOrganisation = "pkt-luc-ngan";
constexpr const char* kProvinceOrganisation = "ttkc-bg";
constexpr const char* kOutsideOrganisation = "pkt-hiep-hoa";

// Write routes a scoped role reaches, each checked below for its scoped fields.
const std::set<std::string> kScopedFieldRoutes = {
    "de_an_tao", "de_an_api_tao", "de_an_cap_nhat", "de_an_dieu_chinh", "co_so_tao", "co_so_cap_nhat", "co_so_api_tao",
    "co_so_api_cap_nhat"};
// Write routes a scoped role reaches that name no scoped field: the record they act on is
// checked against the caller's scope (web_access_test, web_project_test), nothing they send can
// move it elsewhere.
const std::set<std::string> kRoutesWithoutScopedFields = {
    "dang_nhap_gui", "dang_xuat", "api_dang_nhap", "api_dang_xuat",  // the caller's own session
    "doi_mat_khau_gui", "dat_lai_mat_khau_gui",                      // the caller's own password
    "de_an_buoc", "de_an_api_buoc",                                  // a step: date, decision, comment, outputs, documents
    "co_so_luu_tru", "co_so_bo_luu_tru", "co_so_api_luu_tru", "co_so_api_bo_luu_tru",  // archive the record as it is
    // A large list's download job: it writes no record, and reads with the caller's scope
    // (web_list_download_test shows a local officer's job holding only their area's rows).
    "de_an_tai_danh_sach", "co_so_tai_danh_sach", "lang_nghe_tai_danh_sach", "san_pham_tai_danh_sach",
    "hoi_cho_tai_danh_sach", "cum_cong_nghiep_tai_danh_sach", "van_ban_tai_danh_sach", "don_vi_hanh_chinh_tai_danh_sach",
};

httplib::Params proposal(const std::string& title, const std::string& place, const std::string& implementer,
                         const std::string& beneficiaries) {
  return {{"ten", title},           {"noi_dung", "nd45-3"},        {"cap_kinh_phi", "tinh"},       {"nam_bat_dau", "2024"},
          {"nam_ket_thuc", "2024"}, {"don_vi_thuc_hien", implementer}, {"dia_ban", place},         {"kinh_phi_nsnn", "50000000"},
          {"kinh_phi_doi_ung", "100000000"}, {"mo_ta", ""},         {"co_so", beneficiaries}};
}

std::string created_code(const httplib::Result& r) {
  std::string to = r->get_header_value("Location");
  return to.substr(to.rfind('/') + 1);
}

// How many projects (any status) carry this title, as the centre sees them.
int projects_titled(const std::string& title) {
  Browser centre(*WebWriteScope::server);
  EXPECT_TRUE(centre.sign_in("trungtam"));
  auto r = centre.get("/api/de-an?q=" + httplib::detail::encode_query_param(title), {});
  return r && r->status == 200 ? nlohmann::json::parse(r->body)["tong"].get<int>() : -1;
}

nlohmann::json project_as_centre(const std::string& code) {
  Browser centre(*WebWriteScope::server);
  EXPECT_TRUE(centre.sign_in("trungtam"));
  return nlohmann::json::parse(centre.get("/api/de-an/" + code, {})->body)["ban_ghi"];
}

// The form of the edit page: its fields as the page filled them, and the version it is based on.
httplib::Params edit_form(Browser& b, const std::string& code) {
  auto page = b.get("/de-an/" + code + "/sua");
  EXPECT_EQ(page->status, 200);
  httplib::Params form;
  const std::string& html = page->body;
  std::regex input(R"re(<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), input); it != std::sregex_iterator(); ++it)
    if ((*it)[1] != "_csrf") form.emplace((*it)[1], (*it)[2]);
  std::regex select(R"re(<select[^>]*name="([a-z_]+)"[^>]*>([\s\S]*?)</select>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), select); it != std::sregex_iterator(); ++it) {
    std::smatch chosen;
    std::string options = (*it)[2];
    if (std::regex_search(options, chosen, std::regex(R"re(<option value="([^"]*)" selected)re"))) form.emplace((*it)[1], chosen[1]);
  }
  std::regex textarea(R"re(<textarea[^>]*name="([a-z_]+)"[^>]*>([^<]*)</textarea>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), textarea); it != std::sregex_iterator(); ++it)
    form.emplace((*it)[1], (*it)[2]);
  std::smatch goc;
  std::regex base(R"re(name="_goc" value="([^"]*)")re");
  if (std::regex_search(page->body, goc, base)) {
    std::string v = goc[1];
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{{"&quot;", "\""}, {"&amp;", "&"}, {"&#39;", "'"}})
      for (size_t at; (at = v.find(from)) != std::string::npos;) v.replace(at, from.size(), to);
    form.erase("_goc");
    form.emplace("_goc", v);
  }
  return form;
}

void set(httplib::Params& form, const std::string& name, const std::string& value) {
  form.erase(name);
  form.emplace(name, value);
}

struct ScopedCaller {
  std::string user, place, implementer, beneficiary;  // a proposal inside the scope
};

// One proposal per refused field, through the page and through the API, then the accepted one.
void proposals_outside_the_scope_are_refused(const ScopedCaller& c) {
  Browser b(*WebWriteScope::server);
  ASSERT_TRUE(b.sign_in(c.user));
  struct Attempt {
    std::string field, place, implementer, beneficiary;
  };
  std::vector<Attempt> attempts = {{"dia_ban", kOutsideCommune, c.implementer, c.beneficiary},
                                   {"don_vi_thuc_hien", c.place, kOutsideOrganisation, c.beneficiary},
                                   {"co_so", c.place, c.implementer, kOutsideEstablishment}};
  for (const Attempt& a : attempts) {
    std::string title = "Ngoài phạm vi " + c.user + " " + a.field;
    b.get("/de-an/moi");
    auto page = b.post("/de-an", proposal(title, a.place, a.implementer, a.beneficiary));
    EXPECT_EQ(page->status, 422) << c.user << " " << a.field;
    EXPECT_NE(page->body.find("id=\"e_" + a.field + "\""), std::string::npos) << c.user << " " << a.field << ": the message sits beside the field";
    nlohmann::json body = {{"ten", title + " API"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"}, {"nam_bat_dau", "2024"},
                           {"nam_ket_thuc", "2024"}, {"don_vi_thuc_hien", a.implementer}, {"dia_ban", a.place},
                           {"kinh_phi_nsnn", "50000000"}, {"kinh_phi_doi_ung", "100000000"}, {"co_so", {a.beneficiary}}};
    auto api = b.post_json("/api/de-an", body.dump());
    EXPECT_EQ(api->status, 422) << c.user << " " << a.field << " " << api->body;
    EXPECT_TRUE(nlohmann::json::parse(api->body)["truong"].contains(a.field)) << api->body;
    EXPECT_EQ(projects_titled(title), 0) << "nothing written";
  }
  b.get("/de-an/moi");
  auto inside = b.post("/de-an", proposal("Trong phạm vi " + c.user, c.place, c.implementer, c.beneficiary));
  EXPECT_EQ(inside->status, 303) << inside->body.substr(0, 3000);
}

TEST_F(WebWriteScope, ALocalOfficerProposesOnlyInsideTheirArea) {
  proposals_outside_the_scope_are_refused({"diaphuong", kInsideCommune, kInsideOrganisation, kInsideEstablishment});
  // The province's centre implements projects everywhere: naming it is inside the scope.
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("diaphuong"));
  b.get("/de-an/moi");
  EXPECT_EQ(b.post("/de-an", proposal("Do trung tâm thực hiện", kInsideCommune, kProvinceOrganisation, kInsideEstablishment))->status, 303);
}

TEST_F(WebWriteScope, AnEstablishmentProposesOnlyForItselfWhereItWorks) {
  proposals_outside_the_scope_are_refused({"coso", kInsideCommune, kInsideOrganisation, "cs-0046"});
  // Its district or province is a place containing it: accepted. Another establishment is not.
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("coso"));
  b.get("/de-an/moi");
  EXPECT_EQ(b.post("/de-an", proposal("Ở cấp huyện", "bg-luc-ngan", kInsideOrganisation, "cs-0046"))->status, 303);
  b.get("/de-an/moi");
  auto neighbour = b.post("/de-an", proposal("Cho cơ sở láng giềng", kInsideCommune, kInsideOrganisation, kInsideEstablishment));
  EXPECT_EQ(neighbour->status, 422) << "an establishment names no other establishment, even in its own commune";
}

// Edits of a proposal: every scoped field, for both scoped roles; the project stays as it was.
TEST_F(WebWriteScope, EditingAProposalCannotMoveItOutOfTheScope) {
  for (const ScopedCaller& c : {ScopedCaller{"diaphuong", kInsideCommune, kInsideOrganisation, kInsideEstablishment},
                                ScopedCaller{"coso", kInsideCommune, kInsideOrganisation, "cs-0046"}}) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(c.user));
    b.get("/de-an/moi");
    auto created = b.post("/de-an", proposal("Để sửa " + c.user, c.place, c.implementer, c.beneficiary));
    ASSERT_EQ(created->status, 303) << created->body.substr(0, 3000);
    std::string code = created_code(created);
    for (auto [field, value] : std::vector<std::pair<std::string, std::string>>{
             {"dia_ban", kOutsideCommune}, {"don_vi_thuc_hien", kOutsideOrganisation}, {"co_so", kOutsideEstablishment}}) {
      httplib::Params form = edit_form(b, code);
      set(form, field, field == "co_so" ? c.beneficiary + ", " + value : value);
      auto r = b.post("/de-an/" + code, form);
      EXPECT_EQ(r->status, 422) << c.user << " moves " << field << " to " << value;
      EXPECT_NE(r->body.find(value), std::string::npos) << "the refusal names the value";
    }
    nlohmann::json now = project_as_centre(code);
    EXPECT_EQ(now["dia_ban"], c.place);
    EXPECT_EQ(now["don_vi_thuc_hien"], c.implementer);
    Browser centre(*server);
    ASSERT_TRUE(centre.sign_in("trungtam"));
    auto page = centre.get("/de-an/" + code);
    EXPECT_EQ(page->body.find(kOutsideEstablishment), std::string::npos) << "no beneficiary was added";
  }
}

// The edit form saves the beneficiaries it shows, and saving it unchanged is no error.
TEST_F(WebWriteScope, TheEditFormSavesBeneficiariesAndAcceptsNoChange) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("diaphuong"));
  b.get("/de-an/moi");
  auto created = b.post("/de-an", proposal("Sửa cơ sở thụ hưởng", kInsideCommune, kInsideOrganisation, kInsideEstablishment));
  ASSERT_EQ(created->status, 303);
  std::string code = created_code(created);
  auto unchanged = b.post("/de-an/" + code, edit_form(b, code));
  EXPECT_EQ(unchanged->status, 303) << unchanged->body.substr(0, 2000);
  httplib::Params form = edit_form(b, code);
  set(form, "co_so", std::string(kInsideEstablishment) + ", cs-0045");
  ASSERT_EQ(b.post("/de-an/" + code, form)->status, 303);
  httplib::Params again = edit_form(b, code);
  std::string shown;
  for (auto [it, end] = again.equal_range("co_so"); it != end; ++it) shown += it->second + " ";
  EXPECT_NE(shown.find("cs-0045"), std::string::npos) << "the added beneficiary was saved: " << shown;
  EXPECT_NE(shown.find(kInsideEstablishment), std::string::npos) << shown;
}

TEST_F(WebWriteScope, ALocalOfficerCannotMoveAnEstablishmentOutOfTheirArea) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("diaphuong"));
  b.get("/co-so/moi");
  auto created = b.post("/co-so", {{"ma", "cs-pham-vi-1"}, {"ten", "Cơ sở thử phạm vi"}, {"loai", "ho_kinh_doanh"},
                                   {"nganh", "che_bien"}, {"dia_ban", kInsideCommune}});
  ASSERT_EQ(created->status, 303) << created->body.substr(0, 2000);
  auto form_page = b.get("/co-so/cs-pham-vi-1/sua");
  std::smatch goc;
  ASSERT_TRUE(std::regex_search(form_page->body, goc, std::regex(R"re(name="_goc" value="([^"]*)")re")));
  std::string base = std::regex_replace(std::string(goc[1]), std::regex("&quot;"), "\"");
  auto moved = b.post("/co-so/cs-pham-vi-1", {{"ma", "cs-pham-vi-1"}, {"ten", "Cơ sở thử phạm vi"}, {"loai", "ho_kinh_doanh"},
                                              {"nganh", "che_bien"}, {"dia_ban", kOutsideCommune}, {"_goc", base}});
  EXPECT_EQ(moved->status, 422) << "the page refuses the move";
  EXPECT_NE(moved->body.find("chỉ được chọn địa bàn bạn phụ trách"), std::string::npos);
  // Through the API too.
  auto read = b.get("/api/co-so/cs-pham-vi-1", {});
  std::string etag = read->get_header_value("ETag");
  nlohmann::json record = nlohmann::json::parse(read->body)["ban_ghi"];
  record["dia_ban"] = kOutsideCommune;
  EXPECT_EQ(b.put_json("/api/co-so/cs-pham-vi-1", record.dump(), {{"If-Match", etag}})->status, 422);
  nlohmann::json elsewhere = record;
  elsewhere["ma"] = "cs-pham-vi-2";
  EXPECT_EQ(b.post_json("/api/co-so", elsewhere.dump())->status, 422);
  EXPECT_EQ(nlohmann::json::parse(b.get("/api/co-so/cs-pham-vi-1", {})->body)["ban_ghi"]["dia_ban"], kInsideCommune);
  // A move inside the area is accepted.
  auto inside = b.post("/co-so/cs-pham-vi-1", {{"ma", "cs-pham-vi-1"}, {"ten", "Cơ sở thử phạm vi"}, {"loai", "ho_kinh_doanh"},
                                               {"nganh", "che_bien"}, {"dia_ban", "bg-luc-ngan-phuong-son"}, {"_goc", base}});
  EXPECT_EQ(inside->status, 303) << inside->body.substr(0, 2000);
}

// Amendments of an approved project of the officer's area: place and beneficiaries.
TEST_F(WebWriteScope, AmendmentsCannotMoveAProjectOutOfTheScope) {
  Browser local(*server), centre(*server), department(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  local.get("/de-an/moi");
  auto created = local.post("/de-an", proposal("Điều chỉnh trong phạm vi", kInsideCommune, kInsideOrganisation, kInsideEstablishment));
  ASSERT_EQ(created->status, 303);
  std::string code = created_code(created);
  for (auto [who, to, decision] : std::vector<std::tuple<Browser*, std::string, std::string>>{
           {&centre, "de_xuat", ""}, {&centre, "tham_dinh", ""}, {&department, "phe_duyet", "9/QĐ-SCT"}}) {
    who->get("/de-an/" + code);
    httplib::Params step = {{"den_trang_thai", to}, {"ngay", "2024-03-01"}, {"so_quyet_dinh", decision}, {"ghi_chu", ""}};
    ASSERT_EQ(who->post_json("/api/de-an/" + code + "/buoc",
                             nlohmann::json{{"den_trang_thai", to}, {"ngay", "2024-03-01"}, {"so_quyet_dinh", decision}}.dump())
                  ->status,
              200)
        << to;
  }
  local.get("/de-an/" + code);
  auto place = local.post("/de-an/" + code + "/dieu-chinh",
                          {{"noi_dung_dieu_chinh", "dia_ban"}, {"dia_ban", kOutsideCommune}, {"ly_do", "Chuyển địa điểm"}});
  EXPECT_EQ(place->status, 422);
  EXPECT_NE(place->body.find(kOutsideCommune), std::string::npos);
  auto who = local.post("/de-an/" + code + "/dieu-chinh",
                        {{"noi_dung_dieu_chinh", "co_so"}, {"co_so", kOutsideEstablishment}, {"ly_do", "Đổi cơ sở"}});
  EXPECT_EQ(who->status, 422);
  auto page = department.get("/de-an/" + code);
  EXPECT_EQ(page->body.find("Chuyển địa điểm"), std::string::npos) << "no amendment was recorded";
  auto inside = local.post("/de-an/" + code + "/dieu-chinh",
                           {{"noi_dung_dieu_chinh", "dia_ban"}, {"dia_ban", "bg-luc-ngan-phuong-son"}, {"ly_do", "Trong huyện"}});
  EXPECT_EQ(inside->status, 303) << inside->body.substr(0, 2000);
}

// Reading is wider than writing: signed-in users see at least what the public sees (the
// published projects everywhere), and act only within their scope.
TEST_F(WebWriteScope, SignedInUsersSeeAtLeastWhatThePublicSees) {
  auto total = [](Browser& b) { return nlohmann::json::parse(b.get("/api/de-an?kich_thuoc=1", {})->body)["tong"].get<int>(); };
  Browser visitor(*server), local(*server), owner(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  ASSERT_TRUE(owner.sign_in("coso"));
  int published = total(visitor);
  EXPECT_GT(published, 200);
  EXPECT_GE(total(local), published);
  EXPECT_GE(total(owner), published);
  // bg-2021-q-001 is approved (published), in huyện Tân Yên, and not the establishment's: both see
  // it; neither may propose an amendment of it (they could on their own approved projects).
  for (Browser* b : {&local, &owner}) {
    auto page = b->get("/de-an/bg-2021-q-001");
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("/dieu-chinh\""), std::string::npos) << "no amendment form on another's project";
    EXPECT_EQ(page->body.find("ho-so.zip"), std::string::npos) << "its records stay with those in charge, as for the public";
    EXPECT_EQ(b->get("/de-an/bg-2021-q-001/ho-so.zip")->status, 404);
    auto amend = b->post("/de-an/bg-2021-q-001/dieu-chinh", {{"noi_dung_dieu_chinh", "tien_do"}, {"nam_ket_thuc", "2027"}, {"ly_do", "x"}});
    EXPECT_EQ(amend->status, 403);
  }
}

TEST_F(WebWriteScope, EveryWriteRouteOfAScopedRoleIsAccountedFor) {
  int walked = 0;
  for (const web::Route& route : server->app().routes()) {
    if (route.method == "GET") continue;
    std::string officer = "dia_phuong", establishment = "co_so";
    if (!route.access.allows(&officer) && !route.access.allows(&establishment)) continue;
    ++walked;
    EXPECT_TRUE(kScopedFieldRoutes.count(route.name) || kRoutesWithoutScopedFields.count(route.name))
        << route.method << " " << route.pattern << " (" << route.name
        << ") is a write route a scoped role reaches: check its scoped fields here and list it";
  }
  EXPECT_EQ(static_cast<size_t>(walked), kScopedFieldRoutes.size() + kRoutesWithoutScopedFields.size())
      << "every listed route still exists";
  std::cout << "write routes of scoped roles walked: " << walked << "\n";
}

}  // namespace
}  // namespace kc::test
