// Plans and targets in the workspace (docs/web-plans.md): phase and annual plans created and
// edited with the import's rules, targets set, changed and removed (audited), achievement
// computed as the phase report computes it and moving as projects and their outputs are
// recorded; Vietnamese errors beside their fields, escaped names, roles, concurrent edits.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebPlan : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebPlan::server = nullptr;

// The row of the targets table for `indicator`, or "" when the plan has no such target.
std::string target_row(const std::string& page, const std::string& indicator) {
  size_t start = page.find("id=\"chi-tieu-" + indicator + "\"");
  if (start == std::string::npos) return {};
  return page.substr(start, page.find("</tr>", start) - start);
}

std::string unescape_html(std::string s) {
  static const std::vector<std::pair<std::string, std::string>> entities = {
      {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [entity, text] : entities)
    for (size_t at = s.find(entity); at != std::string::npos; at = s.find(entity, at + text.size()))
      s.replace(at, entity.size(), text);
  return s;
}

// The fields of the plan form as the page fills them in (inputs, selected options, text areas,
// the hidden version), ready to post back.
httplib::Params form_of(const std::string& page) {
  std::map<std::string, std::string> v;
  static const std::regex input(R"re(<input (?:id="f_[a-z_]+" )?(?:type="hidden" )?name="([a-z_]+)" value="([^"]*)")re");
  static const std::regex select(R"re(<select id="f_([a-z_]+)"[^>]*>(.*?)</select>)re");
  static const std::regex selected(R"re(<option value="([^"]*)" selected>)re");
  static const std::regex textarea(R"re(<textarea id="f_([a-z_]+)"[^>]*>([^<]*)</textarea>)re");
  for (std::sregex_iterator it(page.begin(), page.end(), input), end; it != end; ++it) v[(*it)[1]] = unescape_html((*it)[2]);
  for (std::sregex_iterator it(page.begin(), page.end(), select), end; it != end; ++it) {
    std::string options = (*it)[2];
    std::smatch m;
    v[(*it)[1]] = std::regex_search(options, m, selected) ? unescape_html(m[1]) : "";
  }
  for (std::sregex_iterator it(page.begin(), page.end(), textarea), end; it != end; ++it) v[(*it)[1]] = unescape_html((*it)[2]);
  v.erase("_csrf");  // Browser::post adds the current one
  return httplib::Params(v.begin(), v.end());
}

httplib::Params with(httplib::Params p, const std::string& name, const std::string& value) {
  p.erase(name);
  p.emplace(name, value);
  return p;
}

httplib::Params plan(const std::string& code, const std::string& name, const std::string& type, const std::string& area,
                     const std::string& from, const std::string& to, const std::string& parent) {
  return {{"ma", code},        {"ten", name},       {"loai", type},     {"dia_ban", area},
          {"tu_nam", from},    {"den_nam", to},     {"van_ban_phe_duyet", ""}, {"ke_hoach_cha", parent},
          {"co_quan_bao_cao", "sct-bg"}, {"phuong_huong", ""}};
}

httplib::Params target(const std::string& indicator, const std::string& value, const std::string& note = "") {
  return {{"chi_tieu", indicator}, {"gia_tri", value}, {"ghi_chu", note}};
}

TEST_F(WebPlan, ThePhasePlanShowsAchievementAsTheReportStatesIt) {
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  auto listing = admin.get("/ke-hoach");
  ASSERT_EQ(listing->status, 200);
  EXPECT_NE(listing->body.find("Kế hoạch khuyến công tỉnh Bắc Giang giai đoạn 2016 - 2020"), std::string::npos);
  EXPECT_NE(listing->body.find("href=\"/ke-hoach/bg-2017\""), std::string::npos);
  EXPECT_NE(listing->body.find("href=\"/ke-hoach\""), std::string::npos) << "the navigation names the plans";
  EXPECT_EQ(listing->body.find("Lập kế hoạch"), std::string::npos) << "the administrator does not manage plans";

  auto page = admin.get("/ke-hoach/bg-2016-2020");
  ASSERT_EQ(page->status, 200);
  // The figures of the evaluation report (DOMAIN.md): 16.150 million đồng, 79,17% of the
  // provincial budget target; 1.377 trainees, 153%; 153 establishments, 143% (not the 142,9%
  // the original report printed).
  std::string budget = target_row(page->body, "kp_tinh");
  EXPECT_NE(budget.find("16.150"), std::string::npos) << budget;
  EXPECT_NE(budget.find("20.400"), std::string::npos) << budget;
  EXPECT_NE(budget.find("79,17%"), std::string::npos) << budget;
  EXPECT_NE(target_row(page->body, "hoc_vien_tap_huan").find("153%"), std::string::npos);
  EXPECT_NE(target_row(page->body, "co_so_ung_dung_may_moc").find("143%"), std::string::npos);
  EXPECT_NE(page->body.find("Mã bg-2016-2020 — giai đoạn 2016 - 2020, tỉnh Bắc Giang"), std::string::npos);
  EXPECT_NE(page->body.find("sct-bg — Sở Công Thương"), std::string::npos) << "the reporting agency is named";
  EXPECT_NE(page->body.find("href=\"/ke-hoach/bg-2020\""), std::string::npos) << "its annual plans are listed";
  EXPECT_EQ(page->body.find("Sửa kế hoạch"), std::string::npos);
  EXPECT_EQ(page->body.find("Lưu mục tiêu"), std::string::npos);
}

TEST_F(WebPlan, AnAnnualPlanUnderThePhasePlanWithTargetsSetChangedAndRemoved) {
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  // Starting from the phase plan: the form proposes an annual plan of it, in its area.
  auto form = department.get("/ke-hoach/moi?ke_hoach_cha=bg-2016-2020");
  ASSERT_EQ(form->status, 200);
  httplib::Params fields = form_of(form->body);
  EXPECT_EQ(fields.find("ke_hoach_cha")->second, "bg-2016-2020");
  EXPECT_EQ(fields.find("loai")->second, "hang_nam");
  EXPECT_EQ(fields.find("dia_ban")->second, "bg");
  fields = with(with(with(with(fields, "ma", "bg-2020-bs"), "ten", "Kế hoạch khuyến công bổ sung năm 2020"), "tu_nam", "2020"),
                "den_nam", "2020");
  auto created = department.post("/ke-hoach", fields);
  ASSERT_EQ(created->status, 303) << created->body.substr(0, 3000);
  EXPECT_EQ(created->get_header_value("Location"), "/ke-hoach/bg-2020-bs");
  auto empty = department.get("/ke-hoach/bg-2020-bs");
  ASSERT_EQ(empty->status, 200);
  EXPECT_NE(empty->body.find("Kế hoạch chưa có mục tiêu nào"), std::string::npos);
  EXPECT_NE(department.get("/ke-hoach/bg-2016-2020")->body.find("href=\"/ke-hoach/bg-2020-bs\""), std::string::npos);

  // A target: 5.000 million đồng of provincial budget; 2020's provincial projects in Bắc Giang
  // spent 4.535 million: 90,7%.
  ASSERT_EQ(department.post("/ke-hoach/bg-2020-bs/chi-tieu", target("kp_tinh", "5000000000", "theo Quyết định bổ sung"))->status, 303);
  ASSERT_EQ(department.post("/ke-hoach/bg-2020-bs/chi-tieu", target("co_so_ung_dung_may_moc", "40"))->status, 303);
  auto page = department.get("/ke-hoach/bg-2020-bs");
  std::string budget = target_row(page->body, "kp_tinh");
  EXPECT_NE(budget.find("5.000"), std::string::npos) << budget;
  EXPECT_NE(budget.find("4.535"), std::string::npos) << budget;
  EXPECT_NE(budget.find("90,7%"), std::string::npos) << budget;
  EXPECT_NE(budget.find("theo Quyết định bổ sung"), std::string::npos) << budget;
  std::string machinery = target_row(page->body, "co_so_ung_dung_may_moc");
  EXPECT_NE(machinery.find(">37<"), std::string::npos) << machinery;
  EXPECT_NE(machinery.find("92,5%"), std::string::npos) << machinery;

  // Setting the same indicator again changes its target (the "Sửa" link fills the form in).
  auto edit_link = department.get("/ke-hoach/bg-2020-bs?chi_tieu=kp_tinh");
  EXPECT_NE(edit_link->body.find("value=\"5000000000\""), std::string::npos);
  ASSERT_EQ(department.post("/ke-hoach/bg-2020-bs/chi-tieu", target("kp_tinh", "4000000000"))->status, 303);
  budget = target_row(department.get("/ke-hoach/bg-2020-bs")->body, "kp_tinh");
  EXPECT_NE(budget.find("113,38%"), std::string::npos) << budget;

  // Removing a target: gone from the page, kept in the history with what it was.
  ASSERT_EQ(department.post("/ke-hoach/bg-2020-bs/chi-tieu/co_so_ung_dung_may_moc/xoa", {})->status, 303);
  page = department.get("/ke-hoach/bg-2020-bs");
  EXPECT_EQ(target_row(page->body, "co_so_ung_dung_may_moc"), "");
  EXPECT_NE(target_row(page->body, "kp_tinh"), "");
  EXPECT_NE(page->body.find("<td>xóa</td><td>mục tiêu co_so_ung_dung_may_moc</td>"), std::string::npos);
  EXPECT_NE(page->body.find("Giá trị mục tiêu: 40"), std::string::npos) << "the removed target, as it was, in words";
  EXPECT_EQ(department.post("/ke-hoach/bg-2020-bs/chi-tieu/co_so_ung_dung_may_moc/xoa", {})->status, 404);
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  auto trail = admin.get("/quan-tri/nhat-ky?loai_ho_so=muc_tieu&ma_ho_so=ke_hoach%3Dbg-2020-bs%7Cchi_tieu%3Dco_so_ung_dung_may_moc");
  EXPECT_NE(trail->body.find("<td>xóa</td>"), std::string::npos) << "the removal is in the audit trail";
}

TEST_F(WebPlan, AchievementMovesAsAProjectIsImplementedAndAccepted) {
  Browser department(*server), centre(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  ASSERT_TRUE(centre.sign_in("trungtam"));
  // The 2026–2030 phase plan of the merged province and its 2026 annual plan, with targets.
  department.get("/ke-hoach/moi");
  auto phase = department.post("/ke-hoach", plan("bn-2026-2030", "Kế hoạch khuyến công tỉnh Bắc Ninh giai đoạn 2026 - 2030",
                                                 "giai_doan", "bn", "2026", "2030", ""));
  ASSERT_EQ(phase->status, 303) << phase->body.substr(0, 3000);
  auto annual = centre.post("/ke-hoach", plan("bn-2026", "Kế hoạch khuyến công tỉnh Bắc Ninh năm 2026", "hang_nam", "bn",
                                              "2026", "2026", "bn-2026-2030"));
  ASSERT_EQ(annual->status, 303) << annual->body.substr(0, 3000);
  ASSERT_EQ(centre.post("/ke-hoach/bn-2026/chi-tieu", target("kp_tinh", "400000000"))->status, 303);
  ASSERT_EQ(centre.post("/ke-hoach/bn-2026/chi-tieu", target("co_so_ung_dung_may_moc", "8"))->status, 303);
  auto before = centre.get("/ke-hoach/bn-2026");
  EXPECT_NE(before->body.find("Mã bn-2026 — năm 2026, tỉnh Bắc Ninh"), std::string::npos);
  EXPECT_NE(target_row(before->body, "kp_tinh").find(">0%<"), std::string::npos) << target_row(before->body, "kp_tinh");
  EXPECT_NE(target_row(before->body, "co_so_ung_dung_may_moc").find(">0%<"), std::string::npos);

  // A machinery project of 200 million đồng in Chũ: proposed, appraised, approved, started.
  centre.get("/de-an/moi");
  auto proposed = centre.post("/de-an", {{"ten", "Hỗ trợ máy đóng gói cho cơ sở ở Chũ"}, {"noi_dung", "nd45-3"},
                                         {"cap_kinh_phi", "tinh"}, {"nam_bat_dau", "2026"}, {"nam_ket_thuc", "2026"},
                                         {"don_vi_thuc_hien", "ttkc-bg"}, {"dia_ban", "bn-chu"},
                                         {"kinh_phi_nsnn", "200000000"}, {"kinh_phi_doi_ung", "300000000"},
                                         {"mo_ta", ""}, {"co_so", "cs-0046"}});
  ASSERT_EQ(proposed->status, 303) << proposed->body.substr(0, 3000);
  std::string location = proposed->get_header_value("Location");
  std::string project = location.substr(location.rfind('/') + 1);
  auto step = [&](Browser& b, const std::string& to, httplib::Params fields) {
    b.get("/de-an/" + project);
    fields.emplace("den_trang_thai", to);
    auto r = b.post("/de-an/" + project + "/buoc", fields);
    EXPECT_EQ(r->status, 303) << to << ": " << r->body.substr(0, 3000);
  };
  step(centre, "de_xuat", {});
  step(centre, "tham_dinh", {});
  step(department, "phe_duyet", {{"so_quyet_dinh", "15/QĐ-SCT"}});
  EXPECT_NE(target_row(centre.get("/ke-hoach/bn-2026")->body, "kp_tinh").find(">0%<"), std::string::npos)
      << "an approved project that has not started does not count";
  step(centre, "dang_thuc_hien", {{"so_quyet_dinh", "HĐ 03/2026"}});
  auto started = centre.get("/ke-hoach/bn-2026");
  std::string budget = target_row(started->body, "kp_tinh");
  EXPECT_NE(budget.find(">200<"), std::string::npos) << budget;
  EXPECT_NE(budget.find(">50%<"), std::string::npos) << budget;
  EXPECT_NE(target_row(started->body, "co_so_ung_dung_may_moc").find(">0%<"), std::string::npos);

  // Accepted with its outputs: two establishments equipped, 2 of 8.
  step(centre, "nghiem_thu", {{"so_quyet_dinh", "BB 09/2026"}, {"ket_qua_co_so_ung_dung_may_moc", "2"}});
  auto accepted = centre.get("/ke-hoach/bn-2026");
  std::string machinery = target_row(accepted->body, "co_so_ung_dung_may_moc");
  EXPECT_NE(machinery.find(">2<"), std::string::npos) << machinery;
  EXPECT_NE(machinery.find(">25%<"), std::string::npos) << machinery;
  // The phase plan counts the same project (no target there yet, so none shown).
  centre.post("/ke-hoach/bn-2026-2030/chi-tieu", target("kp_tinh", "2000000000"));
  EXPECT_NE(target_row(centre.get("/ke-hoach/bn-2026-2030")->body, "kp_tinh").find(">10%<"), std::string::npos);
}

TEST_F(WebPlan, RefusedInputIsExplainedInVietnameseBesideItsField) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/ke-hoach/moi");
  auto bad_year = centre.post("/ke-hoach", plan("bg-loi", "Kế hoạch thử", "hang_nam", "bg", "20x6", "2016", "bg-2016-2020"));
  EXPECT_EQ(bad_year->status, 422);
  EXPECT_NE(bad_year->body.find("<span id=\"e_tu_nam\" class=\"field-error\">Từ năm: năm phải có 4 chữ số; gặp"),
            std::string::npos) << bad_year->body.substr(0, 4000);
  EXPECT_NE(bad_year->body.find("value=\"Kế hoạch thử\""), std::string::npos) << "what was typed is kept";

  auto two_years = centre.post("/ke-hoach", plan("bg-loi", "Kế hoạch thử", "hang_nam", "bg", "2016", "2017", "bg-2016-2020"));
  EXPECT_EQ(two_years->status, 422);
  EXPECT_NE(two_years->body.find("kế hoạch hằng năm phải có năm bắt đầu và năm kết thúc trùng nhau"), std::string::npos);
  auto annual_parent = centre.post("/ke-hoach", plan("bg-loi", "Kế hoạch thử", "hang_nam", "bg", "2017", "2017", "bg-2017"));
  EXPECT_EQ(annual_parent->status, 422);
  EXPECT_NE(annual_parent->body.find("kế hoạch cha &quot;bg-2017&quot; không phải kế hoạch giai đoạn"), std::string::npos);
  auto outside = centre.post("/ke-hoach", plan("bg-loi", "Kế hoạch thử", "hang_nam", "bg", "2021", "2021", "bg-2016-2020"));
  EXPECT_EQ(outside->status, 422);
  EXPECT_NE(outside->body.find("nằm ngoài thời kỳ của kế hoạch cha"), std::string::npos);
  auto taken = centre.post("/ke-hoach", plan("bg-2017", "Trùng mã", "hang_nam", "bg", "2017", "2017", ""));
  EXPECT_EQ(taken->status, 422);
  EXPECT_NE(taken->body.find("&quot;bg-2017&quot; đã được dùng cho một hồ sơ khác"), std::string::npos);
  EXPECT_EQ(centre.get("/ke-hoach/bg-loi")->status, 404) << "nothing refused was kept";

  centre.get("/ke-hoach/bg-2017");
  auto unknown = centre.post("/ke-hoach/bg-2017/chi-tieu", target("khong-co", "10"));
  EXPECT_EQ(unknown->status, 422);
  EXPECT_NE(unknown->body.find("<span id=\"mte_chi_tieu\" class=\"field-error\">Chỉ tiêu: không tìm thấy chỉ tiêu &quot;khong-co&quot;</span>"),
            std::string::npos) << unknown->body.substr(0, 4000);
  auto negative = centre.post("/ke-hoach/bg-2017/chi-tieu", target("ban_tin", "-5"));
  EXPECT_EQ(negative->status, 422);
  EXPECT_NE(negative->body.find("<span id=\"mte_gia_tri\" class=\"field-error\">Giá trị mục tiêu: không được nhỏ hơn 0"),
            std::string::npos);
  EXPECT_NE(negative->body.find("value=\"-5\""), std::string::npos);
  EXPECT_EQ(target_row(negative->body, "ban_tin"), "") << "nothing refused was kept";
}

TEST_F(WebPlan, ThePlanNameIsShownAsTextNeverAsMarkup) {
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  department.get("/ke-hoach/moi");
  std::string name = "<script>alert(\"kế hoạch\")</script><img src=x onerror=alert(1)>";
  ASSERT_EQ(department.post("/ke-hoach", plan("bg-xss", name, "giai_doan", "bg", "2016", "2020", ""))->status, 303);
  for (const char* path : {"/ke-hoach", "/ke-hoach/bg-xss", "/ke-hoach/bg-xss/sua", "/ke-hoach/moi"}) {
    auto page = department.get(path);
    ASSERT_EQ(page->status, 200) << path;
    EXPECT_EQ(page->body.find("<script>alert"), std::string::npos) << path;
    EXPECT_EQ(page->body.find("<img src=x"), std::string::npos) << path;
    EXPECT_NE(page->body.find("&lt;script&gt;alert(&quot;kế hoạch&quot;)&lt;/script&gt;"), std::string::npos) << path;
  }
}

TEST_F(WebPlan, StaffReadPlansAndOnlyTheDepartmentAndTheCentreChangeThem) {
  for (const char* user : {"diaphuong", "coso"}) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(user));
    EXPECT_EQ(b.get("/ke-hoach")->status, 403) << user;
    EXPECT_EQ(b.get("/ke-hoach/bg-2016-2020")->status, 403) << user;
    EXPECT_EQ(b.post("/ke-hoach/bg-2016-2020/chi-tieu", target("ban_tin", "1"))->status, 403) << user;
    EXPECT_EQ(b.get("/")->body.find("href=\"/ke-hoach\""), std::string::npos) << user;
  }
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  EXPECT_EQ(admin.get("/ke-hoach/bg-2016-2020")->status, 200);
  EXPECT_EQ(admin.get("/ke-hoach/moi")->status, 403);
  EXPECT_EQ(admin.post("/ke-hoach", plan("bg-qt", "Kế hoạch", "giai_doan", "bg", "2016", "2020", ""))->status, 403);
  EXPECT_EQ(admin.post("/ke-hoach/bg-2016-2020/chi-tieu", target("ban_tin", "1"))->status, 403);
  EXPECT_EQ(admin.post("/ke-hoach/bg-2016-2020/chi-tieu/ban_tin/xoa", {})->status, 403);
  Browser visitor(*server);
  auto anonymous = visitor.get("/ke-hoach");
  EXPECT_EQ(anonymous->status, 303);
  EXPECT_EQ(anonymous->get_header_value("Location").rfind("/dang-nhap", 0), 0u);

  // A change without the form's anti-forgery token is refused, and nothing changes.
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  department.get("/ke-hoach/bg-2016-2020");
  EXPECT_EQ(department.post("/ke-hoach/bg-2016-2020/chi-tieu/ban_tin/xoa", {}, false)->status, 403);
  EXPECT_NE(target_row(department.get("/ke-hoach/bg-2016-2020")->body, "ban_tin"), "");
}

TEST_F(WebPlan, ConcurrentEditsOfAPlanConflictAndKeepWhatWasTyped) {
  Browser first(*server), second(*server);
  ASSERT_TRUE(first.sign_in("socongthuong"));
  ASSERT_TRUE(second.sign_in("trungtam"));
  auto first_form = first.get("/ke-hoach/bg-2019/sua");
  auto second_form = second.get("/ke-hoach/bg-2019/sua");
  ASSERT_EQ(first_form->status, 200);
  ASSERT_EQ(second_form->status, 200);
  httplib::Params mine = with(form_of(first_form->body), "ten", "Kế hoạch khuyến công tỉnh Bắc Giang năm 2019 (điều chỉnh)");
  httplib::Params theirs = with(form_of(second_form->body), "phuong_huong", "Ưu tiên các huyện miền núi.");
  ASSERT_EQ(first.post("/ke-hoach/bg-2019", mine)->status, 303);

  auto conflict = second.post("/ke-hoach/bg-2019", theirs);
  EXPECT_EQ(conflict->status, 409);
  EXPECT_NE(conflict->body.find("Kế hoạch vừa được người khác thay đổi"), std::string::npos);
  EXPECT_NE(conflict->body.find("tên kế hoạch → &quot;Kế hoạch khuyến công tỉnh Bắc Giang năm 2019 (điều chỉnh)&quot;"),
            std::string::npos) << conflict->body.substr(0, 4000);
  EXPECT_NE(conflict->body.find(">Ưu tiên các huyện miền núi.</textarea>"), std::string::npos) << "what was typed is kept";
  // Saving again applies over the new version: both changes are kept.
  httplib::Params again = form_of(conflict->body);
  ASSERT_EQ(second.post("/ke-hoach/bg-2019", with(again, "ten", "Kế hoạch khuyến công tỉnh Bắc Giang năm 2019 (điều chỉnh)"))->status,
            303);
  auto page = second.get("/ke-hoach/bg-2019");
  EXPECT_NE(page->body.find("<h1>Kế hoạch khuyến công tỉnh Bắc Giang năm 2019 (điều chỉnh)</h1>"), std::string::npos);
  EXPECT_NE(page->body.find("Ưu tiên các huyện miền núi."), std::string::npos);
}

}  // namespace
}  // namespace kc::test
