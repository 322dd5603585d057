// Projects through their lifecycle in the workspace: needs registered by an establishment,
// proposal, appraisal, approval, implementation, acceptance with a document and outputs —
// each step only by its role — amendments with their own approval, support caps, documents
// refused when they are not what they claim, and the dashboard moving with the records.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

class WebProject : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebProject::server = nullptr;

const std::string kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

httplib::Params proposal(const std::string& title, const std::string& budget, const std::string& counterpart,
                         const std::string& content = "nd45-3") {
  return {{"ten", title}, {"noi_dung", content}, {"cap_kinh_phi", "tinh"}, {"nam_bat_dau", "2026"},
          {"nam_ket_thuc", "2026"}, {"don_vi_thuc_hien", "ttkc-bg"}, {"dia_ban", "bn-chu"},
          {"kinh_phi_nsnn", budget}, {"kinh_phi_doi_ung", counterpart}, {"mo_ta", ""}, {"co_so", ""}};
}

// Posts a step form (multipart, with optional files).
httplib::Result step(Browser& b, const WebFixture& s, const std::string& code, const std::string& to,
                     std::vector<std::pair<std::string, std::string>> fields,
                     const std::vector<std::pair<std::string, std::string>>& files = {}) {
  httplib::MultipartFormDataItems items = {{"_csrf", b.csrf(), "", ""}, {"den_trang_thai", to, "", ""}};
  for (auto& [k, v] : fields) items.push_back({k, v, "", ""});
  for (auto& [name, content] : files) items.push_back({"tai_lieu", content, name, "application/octet-stream"});
  auto c = s.client();
  httplib::Headers h = {{"Cookie", "kc_session=" + b.cookie("kc_session")}};
  return c->Post(("/de-an/" + code + "/buoc").c_str(), h, items);
}

std::string created_code(const httplib::Result& r) {
  std::string to = r->get_header_value("Location");
  return to.substr(to.rfind('/') + 1);
}

TEST_F(WebProject, FromNeedsToAcceptanceEachStepByItsRole) {
  Browser owner(*server), centre(*server), department(*server), local(*server);
  ASSERT_TRUE(owner.sign_in("coso"));
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  ASSERT_TRUE(local.sign_in("diaphuong"));

  // The establishment registers its need; it is its own beneficiary.
  owner.get("/de-an/moi");
  httplib::Params p = proposal("Hỗ trợ máy sấy mỳ gạo cho hộ Giáp Minh Hằng", "150000000", "200000000");
  p.erase("dia_ban");
  p.emplace("dia_ban", "bg-luc-ngan-nam-duong");
  p.erase("nam_bat_dau");
  p.emplace("nam_bat_dau", "2024");
  p.erase("nam_ket_thuc");
  p.emplace("nam_ket_thuc", "2024");
  auto created = owner.post("/de-an", p);
  ASSERT_EQ(created->status, 303) << created->body;
  std::string code = created_code(created);
  auto page = owner.get("/de-an/" + code);
  EXPECT_NE(page->body.find("đăng ký nhu cầu"), std::string::npos);
  EXPECT_NE(page->body.find("cs-0046"), std::string::npos);

  // The establishment cannot approve; the centre prepares the proposal and sends it to appraisal.
  owner.get("/de-an/" + code);
  EXPECT_EQ(step(owner, *server, code, "phe_duyet", {{"so_quyet_dinh", "1/QĐ"}})->status, 422);
  owner.get("/de-an/" + code);
  // Every step dated in 2024, the project's year (undated steps would be today, out of order).
  ASSERT_EQ(step(owner, *server, code, "de_xuat", {{"ngay", "10/01/2024"}})->status, 303);
  centre.get("/de-an/" + code);
  ASSERT_EQ(step(centre, *server, code, "tham_dinh", {{"ngay", "20/02/2024"}})->status, 303);
  // Approval: the department only, with a decision number.
  centre.get("/de-an/" + code);
  EXPECT_EQ(step(centre, *server, code, "phe_duyet", {{"so_quyet_dinh", "99/QĐ-SCT"}})->status, 422);
  department.get("/de-an/" + code);
  auto missing_decision = step(department, *server, code, "phe_duyet", {});
  EXPECT_EQ(missing_decision->status, 422);
  EXPECT_NE(missing_decision->body.find("cần ghi số quyết định"), std::string::npos);
  ASSERT_EQ(step(department, *server, code, "phe_duyet", {{"so_quyet_dinh", "99/QĐ-SCT"}, {"ngay", "15/3/2024"}})->status, 303);
  centre.get("/de-an/" + code);
  ASSERT_EQ(step(centre, *server, code, "dang_thuc_hien", {{"so_quyet_dinh", "HĐ 12/2024"}, {"ngay", "01/4/2024"}})->status, 303);
  local.get("/de-an/" + code);
  ASSERT_EQ(step(local, *server, code, "dang_thuc_hien", {{"ghi_chu", "Đã lắp đặt xong máy sấy"}, {"ngay", "15/8/2024"}})->status, 303)
      << "a progress report by the local officer of the area";
  // Acceptance with minutes, outputs and the minutes as a PDF.
  centre.get("/de-an/" + code);
  auto accepted = step(centre, *server, code, "nghiem_thu",
                       {{"so_quyet_dinh", "BB 07/2024"}, {"ngay", "20/11/2024"}, {"ket_qua_co_so_ung_dung_may_moc", "1"}},
                       {{"bien-ban-nghiem-thu.pdf", kPdf}});
  ASSERT_EQ(accepted->status, 303) << accepted->body;
  auto done = centre.get("/de-an/" + code);
  EXPECT_NE(done->body.find("đã nghiệm thu"), std::string::npos);
  EXPECT_NE(done->body.find("bien-ban-nghiem-thu.pdf"), std::string::npos);
  EXPECT_NE(done->body.find("BB 07/2024"), std::string::npos);
  EXPECT_NE(done->body.find("20/11/2024"), std::string::npos);
  std::smatch link;
  ASSERT_TRUE(std::regex_search(done->body, link, std::regex("/de-an/" + code + "/tai-lieu/([0-9a-f]{24})")));
  auto file = centre.get(link[0]);
  EXPECT_EQ(file->status, 200);
  EXPECT_EQ(file->body, kPdf);
  EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
  EXPECT_NE(file->get_header_value("Content-Disposition").find("filename*=UTF-8''bien-ban-nghiem-thu.pdf"), std::string::npos)
      << "the download keeps the uploaded name";
  // The public sees the accepted project, not its documents.
  Browser visitor(*server);
  EXPECT_EQ(visitor.get("/de-an/" + code)->status, 200);
  EXPECT_EQ(visitor.get(link[0])->status, 303);
}

TEST_F(WebProject, ProposalsAreCheckedAgainstTheSupportCaps) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/de-an/moi");
  // Machinery support (content 3) from 2018 on: at most 300 million per establishment and 50% of the cost.
  httplib::Params p = proposal("Hỗ trợ dây chuyền chế biến", "350000000", "1000000000");
  p.erase("co_so");
  p.emplace("co_so", "cs-0046");
  auto refused = centre.post("/de-an", p);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("vượt mức tối đa 300.000.000 đồng mỗi cơ sở theo Thông tư 28/2018/TT-BTC"), std::string::npos)
      << refused->body.substr(0, 2000);
  httplib::Params share = proposal("Hỗ trợ máy đóng gói", "200000000", "100000000");
  share.erase("co_so");
  share.emplace("co_so", "cs-0046");
  auto too_high = centre.post("/de-an", share);
  EXPECT_EQ(too_high->status, 422);
  EXPECT_NE(too_high->body.find("vượt tỷ lệ tối đa 50%"), std::string::npos);
  httplib::Params ok = proposal("Hỗ trợ máy đóng gói", "200000000", "300000000");
  ok.erase("co_so");
  ok.emplace("co_so", "cs-0046");
  EXPECT_EQ(centre.post("/de-an", ok)->status, 303);
}

TEST_F(WebProject, DocumentsMustBeWhatTheyClaim) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  centre.get("/de-an/moi");
  auto created = centre.post("/de-an", proposal("Tập huấn khởi sự doanh nghiệp", "40000000", "0", "nd45-2"));
  ASSERT_EQ(created->status, 303) << created->body;
  std::string code = created_code(created);
  centre.get("/de-an/" + code);
  auto fake = step(centre, *server, code, "de_xuat", {}, {{"hop-dong.pdf", "MZ\x90\x00 not a pdf"}});
  EXPECT_EQ(fake->status, 422);
  EXPECT_NE(fake->body.find("không phải là tệp pdf hợp lệ"), std::string::npos);
  centre.get("/de-an/" + code);
  auto exe = step(centre, *server, code, "de_xuat", {}, {{"virus.exe", "MZ"}});
  EXPECT_EQ(exe->status, 422);
  EXPECT_NE(exe->body.find("chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPG"), std::string::npos);
  centre.get("/de-an/" + code);
  auto big = step(centre, *server, code, "de_xuat", {}, {{"qua-lon.pdf", "%PDF-" + std::string(10 * 1024 * 1024, 'x')}});
  EXPECT_EQ(big->status, 422);
  EXPECT_NE(big->body.find("lớn hơn 10 MB"), std::string::npos);
  EXPECT_NE(centre.get("/de-an/" + code)->body.find("đăng ký nhu cầu"), std::string::npos) << "nothing moved";
  // Document ids are looked up, never used as paths.
  for (std::string probe : {"..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "0123456789abcdef01234567"})
    EXPECT_EQ(centre.get("/de-an/" + code + "/tai-lieu/" + probe)->status, 404) << probe;
}

TEST_F(WebProject, AmendmentsNeedTheirOwnApproval) {
  Browser centre(*server), department(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  centre.get("/de-an/moi");
  auto created = centre.post("/de-an", proposal("Xuất bản bản tin khuyến công", "60000000", "0", "nd45-6"));
  ASSERT_EQ(created->status, 303);
  std::string code = created_code(created);
  for (auto [who, to, extra] : std::vector<std::tuple<Browser*, std::string, std::vector<std::pair<std::string, std::string>>>>{
           {&centre, "de_xuat", {}}, {&centre, "tham_dinh", {}}, {&department, "phe_duyet", {{"so_quyet_dinh", "5/QĐ-SCT"}}}}) {
    who->get("/de-an/" + code);
    ASSERT_EQ(step(*who, *server, code, to, extra)->status, 303) << to;
  }
  centre.get("/de-an/" + code);
  auto proposed = centre.post("/de-an/" + code + "/dieu-chinh",
                              {{"noi_dung_dieu_chinh", "kinh_phi"}, {"kinh_phi_nsnn", "80000000"}, {"ly_do", "Tăng số lượng bản in"}});
  ASSERT_EQ(proposed->status, 303) << proposed->body;
  auto page = department.get("/de-an/" + code);
  EXPECT_NE(page->body.find("60.000.000 đ"), std::string::npos) << "unchanged until approved";
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page->body, m, std::regex("/de-an/" + code + "/dieu-chinh/([0-9a-f]+)/duyet")));
  EXPECT_EQ(centre.post(m[0], {{"so_quyet_dinh", "6/QĐ-SCT"}})->status, 403) << "the centre cannot approve";
  EXPECT_EQ(department.post(m[0], {{"so_quyet_dinh", "6/QĐ-SCT"}})->status, 303);
  auto after = department.get("/de-an/" + code);
  EXPECT_NE(after->body.find("80.000.000 đ"), std::string::npos);
  EXPECT_NE(after->body.find("đã phê duyệt"), std::string::npos);
}

TEST_F(WebProject, TheDashboardMovesWithTheRecords) {
  Browser department(*server), centre(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto projects_in = [&](const std::string& body) {
    std::smatch m;
    std::regex_search(body, m, std::regex(R"re(data-figure="de_an.tong.so_de_an">([\d.]+)<)re"));
    return std::string(m[1]);
  };
  EXPECT_EQ(projects_in(department.get("/tong-quan?ke_hoach=bg-2016-2020")->body), "297");
  // A 2020 project started through the workspace counts for the 2016–2020 plan on the next load.
  centre.get("/de-an/moi");
  httplib::Params p = proposal("Tập huấn an toàn thực phẩm cho cơ sở chế biến", "45000000", "0", "nd45-2");
  for (auto [field, value] : {std::pair{"nam_bat_dau", "2020"}, {"nam_ket_thuc", "2020"}, {"dia_ban", "bg-luc-ngan-nam-duong"}}) {
    p.erase(field);
    p.emplace(field, value);
  }
  auto created = centre.post("/de-an", p);
  ASSERT_EQ(created->status, 303) << created->body;
  std::string code = created_code(created);
  for (auto [who, to, extra] : std::vector<std::tuple<Browser*, std::string, std::vector<std::pair<std::string, std::string>>>>{
           {&centre, "de_xuat", {{"ngay", "10/01/2020"}}},
           {&centre, "tham_dinh", {{"ngay", "20/01/2020"}}},
           {&department, "phe_duyet", {{"so_quyet_dinh", "7/QĐ-SCT"}, {"ngay", "15/02/2020"}}}}) {
    who->get("/de-an/" + code);
    ASSERT_EQ(step(*who, *server, code, to, extra)->status, 303) << to;
  }
  EXPECT_EQ(projects_in(department.get("/tong-quan?ke_hoach=bg-2016-2020")->body), "297") << "approved is not yet implemented";
  centre.get("/de-an/" + code);
  ASSERT_EQ(step(centre, *server, code, "dang_thuc_hien", {{"so_quyet_dinh", "HĐ 3/2020"}, {"ngay", "01/3/2020"}})->status, 303);
  EXPECT_EQ(projects_in(department.get("/tong-quan?ke_hoach=bg-2016-2020")->body), "298");
}

// Two people edit the same proposal: the second save writes nothing and answers 409 with what
// they typed, the field the first person changed named with its new value, and the new version
// as the form's base, so that saving again applies over it.
TEST_F(WebProject, ASecondEditOverAnotherIsRefusedKeepingWhatWasTyped) {
  Browser first(*server), second(*server);
  ASSERT_TRUE(first.sign_in("trungtam"));
  ASSERT_TRUE(second.sign_in("trungtam"));
  auto created = first.post("/de-an", proposal("Hỗ trợ lò sấy vải thiều", "50000000", "100000000"));
  ASSERT_EQ(created->status, 303) << created->body;
  std::string code = created_code(created);

  static const std::regex base(R"re(name="_goc" value="([^"]*)")re");
  auto base_of = [](const std::string& html) {
    std::smatch m;
    if (!std::regex_search(html, m, base)) return std::string();
    std::string v = m[1];
    for (auto [from, to] : {std::pair<std::string, std::string>{"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
      for (size_t at; (at = v.find(from)) != std::string::npos;) v.replace(at, from.size(), to);
    return v;
  };
  auto edit = [](const std::string& base_json, const std::string& title) {
    nlohmann::json values = nlohmann::json::parse(base_json);
    httplib::Params p;
    for (auto& [k, v] : values.items()) p.emplace(k, k == "ten" ? title : v.get<std::string>());
    p.emplace("_goc", base_json);
    return p;
  };
  std::string base1 = base_of(first.get("/de-an/" + code + "/sua")->body);
  std::string base2 = base_of(second.get("/de-an/" + code + "/sua")->body);
  ASSERT_FALSE(base1.empty());
  ASSERT_EQ(base1, base2);

  auto saved = first.post("/de-an/" + code, edit(base1, "Hỗ trợ lò sấy vải thiều (sửa lần 1)"));
  ASSERT_EQ(saved->status, 303) << saved->body;
  auto refused = second.post("/de-an/" + code, edit(base2, "Hỗ trợ lò sấy vải thiều (sửa lần 2)"));
  EXPECT_EQ(refused->status, 409);
  EXPECT_NE(refused->body.find("Đề án vừa được người khác thay đổi"), std::string::npos) << refused->body;
  EXPECT_NE(refused->body.find("→ &quot;Hỗ trợ lò sấy vải thiều (sửa lần 1)&quot;"), std::string::npos) << "names what changed";
  EXPECT_NE(refused->body.find("Hỗ trợ lò sấy vải thiều (sửa lần 2)"), std::string::npos) << "keeps what was typed";
  EXPECT_NE(first.get("/de-an/" + code)->body.find("(sửa lần 1)"), std::string::npos) << "the first save stands";

  // The refused form carries the new version: saving again applies over it.
  std::string newer = base_of(refused->body);
  EXPECT_NE(newer.find("(sửa lần 1)"), std::string::npos);
  auto again = second.post("/de-an/" + code, edit(newer, "Hỗ trợ lò sấy vải thiều (sửa lần 2)"));
  EXPECT_EQ(again->status, 303) << again->body;
  EXPECT_NE(first.get("/de-an/" + code)->body.find("(sửa lần 2)"), std::string::npos);

  // A form without its base is refused and writes nothing.
  httplib::Params no_base = edit(newer, "Hỗ trợ lò sấy vải thiều (không có bản gốc)");
  no_base.erase("_goc");
  EXPECT_EQ(second.post("/de-an/" + code, no_base)->status, 400);
  EXPECT_EQ(first.get("/de-an/" + code)->body.find("không có bản gốc"), std::string::npos);
}

}  // namespace
}  // namespace kc::test
