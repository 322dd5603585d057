// Projects through the JSON API: a proposal and every lifecycle step by its role, with the same
// checks as the pages, and the aggregate answer moving with each write.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/web_fixture.h"

namespace kc::test {
namespace {

using nlohmann::json;

class ApiProject : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* ApiProject::server = nullptr;

json body_of(const httplib::Result& r) { return json::parse(r->body); }

// The content-3 / provincial group of the aggregate for 2024, or zeros.
json group_2024(Browser& b) {
  auto r = b.get("/api/tong-hop?tu_nam=2024&den_nam=2024");
  EXPECT_EQ(r->status, 200) << r->body;
  json body = body_of(r);  // kept: a range-for over a temporary's member would dangle
  for (const json& g : body["nhom"])
    if (g["noi_dung"] == "nd45-3" && g["cap_kinh_phi"] == "tinh") return g;
  return {{"so_de_an", 0}, {"kinh_phi_nsnn", 0}, {"kinh_phi_doi_ung", 0}};
}

TEST_F(ApiProject, ProposalToAcceptanceMovesTheAggregate) {
  Browser local(*server), centre(*server), department(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(department.sign_in("socongthuong"));
  json before = group_2024(centre);
  auto listed_total = [&] { return body_of(centre.get("/api/de-an?kich_thuoc=1"))["tong"].get<int64_t>(); };
  int64_t total_before = listed_total();
  EXPECT_EQ(listed_total(), total_before) << "the remembered total is the counted one";

  json proposal = {{"ten", "Hỗ trợ máy sấy vải thiều"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
                   {"nam_bat_dau", 2024}, {"nam_ket_thuc", 2024}, {"don_vi_thuc_hien", "ttkc-bg"},
                   {"dia_ban", "bg-luc-ngan-nam-duong"}, {"kinh_phi_nsnn", 120000000}, {"kinh_phi_doi_ung", 300000000},
                   {"co_so", {"cs-0046"}}};
  auto created = local.post_json("/api/de-an", proposal.dump());
  ASSERT_EQ(created->status, 201) << created->body;
  json project = body_of(created)["ban_ghi"];
  std::string code = project["ma"];
  EXPECT_EQ(project["trang_thai"], "dang_ky_nhu_cau");
  EXPECT_EQ(created->get_header_value("Location"), "/api/de-an/" + code);
  EXPECT_EQ(listed_total(), total_before + 1) << "the list's total counts the new project at once";

  auto step = [&](Browser& b, json body) { return b.post_json("/api/de-an/" + code + "/buoc", body.dump()); };
  // Dated in 2024, the project's year: undated steps would be today, after the approval below.
  ASSERT_EQ(step(local, {{"den_trang_thai", "de_xuat"}, {"ngay", "2024-01-10"}})->status, 200);
  ASSERT_EQ(step(centre, {{"den_trang_thai", "tham_dinh"}, {"ngay", "2024-02-20"}})->status, 200);
  // The centre may not approve; the department must give a decision number.
  EXPECT_EQ(step(centre, {{"den_trang_thai", "phe_duyet"}, {"so_quyet_dinh", "1/QĐ"}})->status, 422);
  auto no_decision = step(department, {{"den_trang_thai", "phe_duyet"}});
  EXPECT_EQ(no_decision->status, 422);
  EXPECT_NE(no_decision->body.find("số quyết định"), std::string::npos) << no_decision->body;
  ASSERT_EQ(step(department, {{"den_trang_thai", "phe_duyet"}, {"so_quyet_dinh", "15/QĐ-SCT"}, {"ngay", "2024-03-15"}})->status, 200);
  // Approved is not yet implemented: the aggregate has not moved.
  EXPECT_EQ(group_2024(centre)["so_de_an"], before["so_de_an"]);
  ASSERT_EQ(step(centre, {{"den_trang_thai", "dang_thuc_hien"}, {"so_quyet_dinh", "HĐ 3/2024"}, {"ngay", "2024-04-01"}})->status, 200);
  json during = group_2024(centre);
  EXPECT_EQ(during["so_de_an"].get<int64_t>(), before["so_de_an"].get<int64_t>() + 1);
  EXPECT_EQ(during["kinh_phi_nsnn"].get<int64_t>(), before["kinh_phi_nsnn"].get<int64_t>() + 120000000);
  EXPECT_EQ(during["kinh_phi_doi_ung"].get<int64_t>(), before["kinh_phi_doi_ung"].get<int64_t>() + 300000000);
  auto accepted = step(centre, {{"den_trang_thai", "nghiem_thu"}, {"so_quyet_dinh", "BB 9/2024"}, {"ngay", "2024-11-20"},
                               {"ket_qua", {{"co_so_ung_dung_may_moc", 1}}}});
  ASSERT_EQ(accepted->status, 200) << accepted->body;
  EXPECT_EQ(body_of(accepted)["ban_ghi"]["trang_thai"], "nghiem_thu");
  EXPECT_EQ(body_of(accepted)["ban_ghi"]["ngay_nghiem_thu"], "2024-11-20");
  // The same project is visible to the public now, through the registry's detail.
  Browser visitor(*server);
  EXPECT_EQ(visitor.get("/api/de-an/" + code)->status, 200);
}

TEST_F(ApiProject, BadInputIsRefusedByField) {
  Browser centre(*server), owner(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  ASSERT_TRUE(owner.sign_in("coso"));
  // A field the proposer does not own (the status), and a number sent as a word.
  auto unknown = centre.post_json("/api/de-an", R"({"ten": "x", "trang_thai": "nghiem_thu"})");
  EXPECT_EQ(unknown->status, 422);
  EXPECT_TRUE(body_of(unknown)["truong"].contains("trang_thai")) << unknown->body;
  auto wrong = centre.post_json("/api/de-an", R"({"ten": "x", "kinh_phi_nsnn": true, "co_so": "cs-0046"})");
  EXPECT_EQ(wrong->status, 422);
  EXPECT_TRUE(body_of(wrong)["truong"].contains("kinh_phi_nsnn")) << wrong->body;
  EXPECT_TRUE(body_of(wrong)["truong"].contains("co_so")) << wrong->body;
  // Over the support cap valid today (content 3: 300 million per establishment, 50% of the cost).
  json over = {{"ten", "Dây chuyền chế biến"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"}, {"nam_bat_dau", 2026},
               {"nam_ket_thuc", 2026}, {"don_vi_thuc_hien", "ttkc-bg"}, {"dia_ban", "bn-chu"},
               {"kinh_phi_nsnn", 350000000}, {"kinh_phi_doi_ung", 1000000000}, {"co_so", {"cs-0046"}}};
  auto capped = centre.post_json("/api/de-an", over.dump());
  EXPECT_EQ(capped->status, 422);
  EXPECT_NE(capped->body.find("300.000.000"), std::string::npos) << capped->body;
  // An establishment cannot act on others' projects: it sees a published one, as the public
  // does, but a step on it is refused.
  EXPECT_EQ(owner.post_json("/api/de-an/bg-2016-t-001/buoc", R"({"den_trang_thai": "hau_kiem"})")->status, 403);
  // A step with a malformed date and outputs that are not numbers.
  auto bad_step = centre.post_json("/api/de-an/bg-2017-t-011/buoc",
                                   R"({"den_trang_thai": "hau_kiem", "ngay": "31/02/2024", "ket_qua": {"x": "mot"}})");
  EXPECT_EQ(bad_step->status, 422);
  EXPECT_TRUE(body_of(bad_step)["truong"].contains("ngay")) << bad_step->body;
  EXPECT_TRUE(body_of(bad_step)["truong"].contains("ket_qua")) << bad_step->body;
  // Years of the aggregate.
  auto bad_year = centre.get("/api/tong-hop?tu_nam=hai-nghin");
  EXPECT_EQ(bad_year->status, 422);
  EXPECT_EQ(centre.get("/api/tong-hop?tu_nam=2020&den_nam=2016")->status, 422);
}

TEST_F(ApiProject, AggregateAddsUpToTheDashboardPhase) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto r = centre.get("/api/tong-hop?tu_nam=2016&den_nam=2020");
  ASSERT_EQ(r->status, 200);
  json body = body_of(r);
  int64_t count = 0, budget = 0;
  for (const json& g : body["nhom"]) {
    count += g["so_de_an"].get<int64_t>();
    budget += g["kinh_phi_nsnn"].get<int64_t>();
  }
  EXPECT_EQ(body["tong"]["so_de_an"].get<int64_t>(), count);
  EXPECT_EQ(body["tong"]["kinh_phi_nsnn"].get<int64_t>(), budget);
  // The seed report's 2016–2020 phase: 297 projects, 30.722,3 million đồng of state budget.
  EXPECT_EQ(count, 297);
  EXPECT_EQ(budget, 30722300000);
}

}  // namespace
}  // namespace kc::test
