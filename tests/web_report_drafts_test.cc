// The "Báo cáo" area (docs/web.md, "Reports as drafts"): the centre creates a draft, writes a
// section with a live preview, submits it; the department returns it with a comment, approves
// and issues it; readers see the right pages and steps, others are refused; two editors of one
// section lose nothing; any two versions compare line by line.
#include <gtest/gtest.h>

#include <regex>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

constexpr const char* kPhasePlan = "bg-2016-2020";
constexpr const char* kSection = "I.3.2";  // limitations: a section every phase report has

class WebReportDrafts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;

  static Browser signed_in(const std::string& role) {
    Browser b(*server);
    EXPECT_TRUE(b.sign_in(WebFixture::user_for(role))) << role;
    return b;
  }

  // The code of the phase report kind, read from the centre's creation form (the option whose
  // label names a phase, "giai đoạn").
  static std::string phase_kind(Browser& centre) {
    std::string page = centre.get("/bao-cao")->body;
    size_t select = page.find("id=\"loai_bao_cao\"");
    EXPECT_NE(select, std::string::npos) << "the centre's page has the creation form";
    std::string options = page.substr(select, page.find("</select>", select) - select);
    std::smatch m;
    std::regex option(R"re(<option value="([^"]+)"[^>]*>[^<]*giai đoạn[^<]*</option>)re");
    EXPECT_TRUE(std::regex_search(options, m, option)) << options;
    return m.empty() ? std::string() : m[1].str();
  }

  // A new phase report draft of the demo's plan, made by the centre through the page.
  static std::string new_draft(Browser& centre) {
    std::string kind = phase_kind(centre);
    auto r = centre.post("/bao-cao", {{"loai_bao_cao", kind}, {"ke_hoach", kPhasePlan}, {"nam", ""}});
    EXPECT_EQ(r->status, 303) << r->body.substr(0, 2000);
    std::string location = r->get_header_value("Location");
    EXPECT_EQ(location.rfind("/bao-cao/", 0), 0u) << location;
    return location.substr(std::string("/bao-cao/").size());
  }

  static std::string section_path(const std::string& code) { return "/bao-cao/" + code + "/muc/" + kSection; }

  // The version the editor shows in its hidden field, as a browser would send it back.
  static std::string base_version(Browser& b, const std::string& code) {
    std::string page = b.get(section_path(code))->body;
    std::smatch m;
    EXPECT_TRUE(std::regex_search(page, m, std::regex(R"re(name="phien_ban" value="(\d+)")re"))) << page.substr(0, 500);
    return m.empty() ? std::string() : m[1].str();
  }

  static int save(Browser& b, const std::string& code, const std::string& text, const std::string& base) {
    return b.post(section_path(code), {{"noi_dung", text}, {"phien_ban", base}})->status;
  }

  static int step(Browser& b, const std::string& code, httplib::Params form) {
    return b.post("/bao-cao/" + code + "/buoc", std::move(form))->status;
  }
};
WebFixture* WebReportDrafts::server = nullptr;

bool has(const std::string& body, const std::string& what) { return body.find(what) != std::string::npos; }

TEST_F(WebReportDrafts, TheCentreCreatesADraftThatOpensAndIsListed) {
  Browser centre = signed_in("trung_tam");
  std::string code = new_draft(centre);
  auto page = centre.get("/bao-cao/" + code);
  ASSERT_EQ(page->status, 200);
  EXPECT_TRUE(has(page->body, "id=\"buoc-trinh\"")) << "the centre may submit its draft";
  EXPECT_TRUE(has(page->body, section_path(code))) << "each section links to the editor";
  EXPECT_TRUE(has(centre.get("/bao-cao")->body, "data-ma=\"" + code + "\""));
  EXPECT_TRUE(has(centre.get("/bao-cao?trang_thai=du_thao")->body, "data-ma=\"" + code + "\""));
  EXPECT_FALSE(has(centre.get("/bao-cao?trang_thai=da_ban_hanh")->body, "data-ma=\"" + code + "\"")) << "filtered";
  // A plan that does not exist: the form again, with a message, and nothing created.
  auto bad = centre.post("/bao-cao", {{"loai_bao_cao", phase_kind(centre)}, {"ke_hoach", "khong-co"}, {"nam", ""}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_TRUE(has(bad->body, "Chưa lập được báo cáo"));
}

TEST_F(WebReportDrafts, EachRoleSeesItsPagesAndSteps) {
  Browser centre = signed_in("trung_tam");
  std::string code = new_draft(centre);
  std::string report = "/bao-cao/" + code;
  // The department reads the draft but has no step before it is submitted, nor the editor's form.
  Browser department = signed_in("so_cong_thuong");
  auto seen = department.get(report);
  ASSERT_EQ(seen->status, 200);
  for (const char* form : {"id=\"buoc-trinh\"", "id=\"buoc-duyet\"", "id=\"buoc-tra-lai\"", "id=\"buoc-ban-hanh\""})
    EXPECT_FALSE(has(seen->body, form)) << form;
  EXPECT_FALSE(has(department.get(section_path(code))->body, "id=\"soan-muc\""));
  EXPECT_EQ(step(department, code, {{"buoc", "duyet"}}), 422) << "the library refuses approving a draft";
  // A local officer of Lục Ngạn reads the province's report, with no step and no editor form.
  Browser local = signed_in("dia_phuong");
  auto read = local.get(report);
  ASSERT_EQ(read->status, 200);
  EXPECT_FALSE(has(read->body, "action=\"" + report + "/buoc\""));
  auto editor = local.get(section_path(code));
  ASSERT_EQ(editor->status, 200);
  EXPECT_FALSE(has(editor->body, "id=\"soan-muc\""));
  EXPECT_EQ(local.post(section_path(code), {{"noi_dung", "x"}, {"phien_ban", "0"}})->status, 403);
  EXPECT_EQ(step(local, code, {{"buoc", "trinh"}}), 403);
  // An establishment and the public reach none of it.
  Browser establishment = signed_in("co_so");
  EXPECT_EQ(establishment.get("/bao-cao")->status, 403);
  EXPECT_EQ(establishment.get(report)->status, 403);
  Browser visitor(*server);
  EXPECT_EQ(visitor.get(report)->status, 303);
  // An unknown report is 404 for a reader.
  EXPECT_EQ(centre.get("/bao-cao/khong-co")->status, 404);
  EXPECT_EQ(centre.get("/bao-cao/" + code + "/muc/khong-co")->status, 404);
}

TEST_F(WebReportDrafts, WritesNeedTheCsrfToken) {
  Browser centre = signed_in("trung_tam");
  std::string code = new_draft(centre);
  centre.get(section_path(code));
  auto saved = centre.post(section_path(code), {{"noi_dung", "Không có mã."}, {"phien_ban", "0"}}, false);
  EXPECT_EQ(saved->status, 403);
  EXPECT_TRUE(has(saved->body, "mã chống giả mạo"));
  EXPECT_EQ(centre.post(section_path(code) + "/xem-truoc", {{"noi_dung", "x"}}, false)->status, 403);
  EXPECT_EQ(centre.post("/bao-cao/" + code + "/buoc", {{"buoc", "trinh"}}, false)->status, 403);
  EXPECT_EQ(centre.post("/bao-cao", {{"ke_hoach", kPhasePlan}}, false)->status, 403);
  EXPECT_EQ(base_version(centre, code), "0") << "nothing was saved";
}

TEST_F(WebReportDrafts, ThePreviewHighlightsFiguresAndNamesProblemsWithTheirLines) {
  Browser centre = signed_in("trung_tam");
  std::string code = new_draft(centre);
  std::string preview = section_path(code) + "/xem-truoc";
  auto good = centre.post(preview, {{"noi_dung", "Tổng cộng {de_an.tong.so_de_an} được thực hiện <b>."}});
  ASSERT_EQ(good->status, 200);
  EXPECT_TRUE(has(good->body, "<mark class=\"so-lieu\"")) << good->body;
  EXPECT_TRUE(has(good->body, "&lt;b&gt;")) << "staff text is escaped";
  EXPECT_FALSE(has(good->body, "narrative-problems"));
  auto bad = centre.post(preview, {{"noi_dung", "Đoạn một.\n\nCó {de_an.tong.khong_co} ở đây."}});
  ASSERT_EQ(bad->status, 200);
  EXPECT_TRUE(has(bad->body, "narrative-problems"));
  EXPECT_TRUE(has(bad->body, "de_an.tong.khong_co"));
  EXPECT_TRUE(has(bad->body, "dòng 3")) << bad->body;
  EXPECT_TRUE(has(bad->body, "data-dong=\"3\""));
  // The editor lists the figures with their references, and the page without JavaScript shows
  // the same preview from its "Xem trước" button, saving nothing.
  auto editor = centre.get(section_path(code));
  EXPECT_TRUE(has(editor->body, "data-figure=\"de_an.tong.so_de_an\""));
  EXPECT_TRUE(has(editor->body, "<code>{de_an.tong.so_de_an}</code>"));
  auto plain = centre.post(section_path(code), {{"noi_dung", "Có {de_an.tong.so_de_an}."}, {"phien_ban", "0"}, {"xem_truoc", "1"}});
  EXPECT_EQ(plain->status, 200);
  EXPECT_TRUE(has(plain->body, "<mark class=\"so-lieu\""));
  EXPECT_EQ(base_version(centre, code), "0");
  // A text with problems is not saved.
  EXPECT_EQ(save(centre, code, "Có {khong.co}.", "0"), 422);
  EXPECT_EQ(base_version(centre, code), "0");
}

// A long section: the editor's form is multipart (as the browser sends it, enctype and
// hx-encoding), since cpp-httplib refuses urlencoded forms over 8 KB — about 1.000 Vietnamese
// characters once percent-encoded.
TEST_F(WebReportDrafts, ALongSectionIsPreviewedAndSavedFromTheMultipartForm) {
  Browser centre = signed_in("trung_tam");
  std::string code = new_draft(centre);
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Đoạn " + std::to_string(i) + ": các cơ sở được hỗ trợ {de_an.tong.so_de_an} đã đổi mới thiết bị.\n\n";
  ASSERT_GT(text.size(), 5000u);
  auto editor = centre.get(section_path(code));
  EXPECT_TRUE(has(editor->body, "enctype=\"multipart/form-data\" hx-encoding=\"multipart/form-data\""));
  auto urlencoded = centre.post(section_path(code) + "/xem-truoc", {{"noi_dung", text}});
  EXPECT_EQ(urlencoded->status, 413) << "the limit the multipart form avoids";
  auto preview = centre.post_multipart(section_path(code) + "/xem-truoc", {{"noi_dung", text, "", ""}});
  ASSERT_EQ(preview->status, 200);
  EXPECT_TRUE(has(preview->body, "Đoạn 59: các cơ sở được hỗ trợ <mark class=\"so-lieu\""));
  auto saved = centre.post_multipart(section_path(code), {{"noi_dung", text, "", ""}, {"phien_ban", "0", "", ""}});
  ASSERT_EQ(saved->status, 303) << saved->body.substr(0, 1000);
  EXPECT_EQ(base_version(centre, code), "1");
}

TEST_F(WebReportDrafts, TheSecondEditorOfASectionSeesTheFirstsTextAndKeepsTheirOwn) {
  Browser first = signed_in("trung_tam"), second = signed_in("trung_tam");
  std::string code = new_draft(first);
  std::string base = base_version(first, code);
  ASSERT_EQ(base_version(second, code), base);
  ASSERT_EQ(save(first, code, "Văn bản của người thứ nhất.", base), 303);
  auto conflict = second.post(section_path(code), {{"noi_dung", "Văn bản của người thứ hai."}, {"phien_ban", base}});
  ASSERT_EQ(conflict->status, 409);
  EXPECT_TRUE(has(conflict->body, "id=\"xung-dot\""));
  EXPECT_TRUE(has(conflict->body, "Văn bản của người thứ nhất.")) << "the other's text is shown";
  EXPECT_TRUE(has(conflict->body, ">Văn bản của người thứ hai.</textarea>")) << "this person's text is kept in the box";
  std::smatch m;
  ASSERT_TRUE(std::regex_search(conflict->body, m, std::regex(R"re(name="phien_ban" value="(\d+)")re")));
  EXPECT_NE(m[1].str(), base) << "saving again applies over the other's version";
  EXPECT_EQ(save(second, code, "Văn bản của người thứ hai.", m[1].str()), 303);
  EXPECT_TRUE(has(first.get(section_path(code))->body, ">Văn bản của người thứ hai.</textarea>"));
}

TEST_F(WebReportDrafts, TwoVersionsCompareLineByLineInSignsAndWords) {
  Browser centre = signed_in("trung_tam");
  std::string code = new_draft(centre);
  ASSERT_EQ(save(centre, code, "Dòng chung.\nDòng cũ.", base_version(centre, code)), 303);
  std::string v1 = base_version(centre, code);
  ASSERT_EQ(save(centre, code, "Dòng chung.\nDòng mới.", v1), 303);
  std::string v2 = base_version(centre, code);
  auto history = centre.get(section_path(code) + "/lich-su?cu=" + v1 + "&moi=" + v2);
  ASSERT_EQ(history->status, 200);
  const std::string& body = history->body;
  EXPECT_TRUE(has(body, "<span class=\"diff-bo\"><span class=\"diff-op\" aria-hidden=\"true\">− </span><span class=\"visually-hidden\">Bỏ: </span>Dòng cũ.</span>")) << body;
  EXPECT_TRUE(has(body, "<span class=\"diff-them\"><span class=\"diff-op\" aria-hidden=\"true\">+ </span><span class=\"visually-hidden\">Thêm: </span>Dòng mới.</span>"));
  EXPECT_TRUE(has(body, "<span class=\"diff-giu\"><span class=\"diff-op\" aria-hidden=\"true\">  </span><span class=\"visually-hidden\"></span>Dòng chung.</span>"));
  EXPECT_EQ(centre.get(section_path(code) + "/lich-su?cu=999&moi=" + v2)->status, 404);
  // A local officer reads the history too.
  EXPECT_EQ(signed_in("dia_phuong").get(section_path(code) + "/lich-su")->status, 200);
}

TEST_F(WebReportDrafts, SubmitReturnApproveIssueEachByItsRole) {
  Browser centre = signed_in("trung_tam"), department = signed_in("so_cong_thuong");
  std::string code = new_draft(centre);
  std::string report = "/bao-cao/" + code;
  ASSERT_EQ(save(centre, code, "Hạn chế: {de_an.tong.so_de_an} chưa đủ.", base_version(centre, code)), 303);
  EXPECT_EQ(step(department, code, {{"buoc", "trinh"}}), 422) << "submitting is the centre's";
  ASSERT_EQ(step(centre, code, {{"buoc", "trinh"}}), 303);
  // The department's home page lists it; returning needs a comment.
  std::string home = department.get("/viec-cua-toi")->body;
  EXPECT_TRUE(has(home, "id=\"bao-cao-cho-duyet\""));
  EXPECT_TRUE(has(home, "href=\"" + report + "\""));
  auto no_comment = department.post(report + "/buoc", {{"buoc", "tra_lai"}, {"y_kien", ""}});
  EXPECT_EQ(no_comment->status, 422);
  EXPECT_TRUE(has(no_comment->body, "id=\"buoc-tra-lai\"")) << "the form is still offered";
  ASSERT_EQ(step(department, code, {{"buoc", "tra_lai"}, {"y_kien", "Bổ sung nguyên nhân."}}), 303);
  // The centre sees it returned, with the comment among the events, and submits again.
  EXPECT_TRUE(has(centre.get("/viec-cua-toi")->body, "href=\"" + report + "\""));
  auto returned = centre.get(report);
  EXPECT_TRUE(has(returned->body, "Bổ sung nguyên nhân."));
  EXPECT_TRUE(has(returned->body, "id=\"buoc-trinh\""));
  ASSERT_EQ(step(centre, code, {{"buoc", "trinh"}}), 303);
  EXPECT_EQ(step(centre, code, {{"buoc", "duyet"}}), 422) << "approving is the department's";
  ASSERT_EQ(step(department, code, {{"buoc", "duyet"}}), 303);
  // Issuing: prefilled with today's date; a bad date is named, nothing issued.
  auto approved = department.get(report);
  ASSERT_TRUE(has(approved->body, "id=\"buoc-ban-hanh\""));
  EXPECT_TRUE(std::regex_search(approved->body, std::regex(R"re(name="ngay_ban_hanh" value="\d\d/\d\d/\d{4}")re")));
  auto bad_date = department.post(report + "/buoc", {{"buoc", "ban_hanh"}, {"so_ky_hieu", "218/BC-SCT"}, {"ngay_ban_hanh", "31/02/2020"}});
  EXPECT_EQ(bad_date->status, 422);
  EXPECT_TRUE(has(bad_date->body, "Ngày ban hành &quot;31/02/2020&quot; không hợp lệ"));
  ASSERT_EQ(step(department, code,
                 {{"buoc", "ban_hanh"}, {"so_ky_hieu", "218/BC-SCT"}, {"ngay_ban_hanh", "15/12/2020"},
                  {"tham_quyen_ky", "KT. GIÁM ĐỐC"}, {"chuc_vu_ky", "PHÓ GIÁM ĐỐC"}, {"nguoi_ky", "Nguyễn Văn A"},
                  {"noi_nhan", "- Bộ Công Thương (b/c);\n\n- Lưu: VT."}}),
            303);
  auto issued = centre.get(report);
  EXPECT_TRUE(has(issued->body, "id=\"so-ky-hieu\">218/BC-SCT<"));
  EXPECT_TRUE(has(issued->body, "id=\"so-lieu-thay-doi\""));
  EXPECT_FALSE(has(issued->body, "action=\"" + report + "/buoc\"")) << "no step after issuing";
  EXPECT_FALSE(has(centre.get(section_path(code))->body, "id=\"soan-muc\"")) << "an issued report is not edited";
  auto md = centre.get(report + "/tai?dinh_dang=md");
  ASSERT_EQ(md->status, 200);
  EXPECT_TRUE(has(md->body, "218/BC-SCT"));
  EXPECT_TRUE(has(md->body, "Hạn chế:"));
  auto docx = signed_in("dia_phuong").get(report + "/tai?dinh_dang=docx");
  ASSERT_EQ(docx->status, 200);
  EXPECT_EQ(docx->body.substr(0, 2), "PK");
  EXPECT_EQ(centre.get(report + "/tai?dinh_dang=doc")->status, 400);
}

}  // namespace
}  // namespace kc::test
