// A write makes the next Dataset from the current one (model/dataset_update.h): after every kind
// of write through the server the Dataset equals what a whole load reads from the store, the
// parts the write did not touch are shared with the previous version (no whole reload), and the
// next answer shows the write.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/dataset_update.h"
#include "store/store.h"
#include "support/web_fixture.h"
#include "support/workbook_support.h"

namespace kc::test {
namespace {

using nlohmann::json;

class DatasetUpdate : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<WebFixture>();
    before = server->app().dataset();
  }

  // The server's next Dataset, checked against a whole load of the store.
  std::shared_ptr<const Dataset> next_dataset() {
    std::shared_ptr<const Dataset> next = server->app().dataset();
    auto store = server->database().open();
    Dataset loaded = load_dataset(*store);
    EXPECT_TRUE(*next == loaded) << "the updated Dataset differs from a whole load";
    return next;
  }

  int64_t implemented_projects(Browser& b) {
    auto r = b.get("/api/tong-hop", {});
    EXPECT_EQ(r->status, 200) << r->body;
    return json::parse(r->body)["tong"]["so_de_an"].get<int64_t>();
  }

  std::unique_ptr<WebFixture> server;
  std::shared_ptr<const Dataset> before;
};

json establishment(const std::string& code, const std::string& commune) {
  return {{"ma", code}, {"ten", "Cơ sở thử cập nhật"}, {"loai", "ho_kinh_doanh"}, {"nganh", "che_bien"}, {"dia_ban", commune}};
}

TEST_F(DatasetUpdate, AnEstablishmentCreatedEditedArchivedAndRestoredIsReadAlone) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  // Its code sorts between two of the demo's, so that every later position moves by one.
  const std::string code = "cs-0001a";
  auto created = b.post_json("/api/co-so", establishment(code, "bg-tan-yen-nha-nam").dump());
  ASSERT_EQ(created->status, 201) << created->body;
  auto after_create = next_dataset();
  EXPECT_EQ(after_create->establishments.size(), before->establishments.size() + 1);
  EXPECT_NE(after_create, before);
  EXPECT_TRUE(after_create->projects.code.shares_with(before->projects.code)) << "the projects were not read again";
  EXPECT_TRUE(after_create->outputs.value.shares_with(before->outputs.value));
  long at = after_create->establishments.code.find_sorted(code);
  ASSERT_GE(at, 0);
  EXPECT_EQ(after_create->unit_index("bg-tan-yen-nha-nam"), after_create->establishments.unit[static_cast<size_t>(at)]);

  auto read = b.get("/api/co-so/" + code, {});
  json record = json::parse(read->body)["ban_ghi"];
  record["dia_ban"] = "bg-tp-bac-giang-da-mai";
  auto edited = b.put_json("/api/co-so/" + code, record.dump(), {{"If-Match", read->get_header_value("ETag")}});
  ASSERT_EQ(edited->status, 200) << edited->body;
  auto after_edit = next_dataset();
  EXPECT_EQ(after_edit->unit_index("bg-tp-bac-giang-da-mai"), after_edit->establishments.unit[static_cast<size_t>(at)]);
  EXPECT_TRUE(after_edit->establishments.code == after_create->establishments.code);
  EXPECT_TRUE(after_edit->beneficiaries.establishment.shares_with(after_create->beneficiaries.establishment))
      << "an edit moves no position";

  ASSERT_EQ(b.post_json("/api/co-so/" + code + "/luu-tru", "{}")->status, 200);
  auto after_archive = next_dataset();
  ASSERT_EQ(b.post_json("/api/co-so/" + code + "/bo-luu-tru", "{}")->status, 200);
  auto after_restore = next_dataset();
  EXPECT_TRUE(after_restore->establishments.unit.shares_with(after_edit->establishments.unit))
      << "archiving keeps the record in the reports' Dataset: nothing is copied";
}

TEST_F(DatasetUpdate, AProjectProposedAndItsStepsAreReadAloneAndShowInTheNextAnswer) {
  Browser local(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  json body = {{"ten", "Hỗ trợ máy đóng gói"}, {"noi_dung", "nd45-3"}, {"cap_kinh_phi", "tinh"},
               {"nam_bat_dau", 2024}, {"nam_ket_thuc", 2024}, {"don_vi_thuc_hien", "ttkc-bg"},
               {"dia_ban", "bg-luc-ngan-nam-duong"}, {"kinh_phi_nsnn", "120 triệu"},
               {"kinh_phi_doi_ung", "0,3 tỷ"}, {"co_so", {"cs-0046"}}};
  auto created = local.post_json("/api/de-an", body.dump());
  ASSERT_EQ(created->status, 201) << created->body;
  std::string code = json::parse(created->body)["ban_ghi"]["ma"];
  auto proposed = next_dataset();
  EXPECT_EQ(proposed->projects.size(), before->projects.size() + 1);
  EXPECT_EQ(proposed->beneficiaries.size(), before->beneficiaries.size() + 1) << "with its beneficiary";
  EXPECT_TRUE(proposed->establishments.unit.shares_with(before->establishments.unit)) << "establishments not read again";
  EXPECT_TRUE(proposed->plans.shares_with(before->plans));

  // Acceptance with outputs, then settlement: the outputs and the settlement day follow.
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  const std::string running = "bg-2021-t-001";  // the demo's project in progress
  json accept = {{"den_trang_thai", "nghiem_thu"}, {"ngay", "2021-10-15"}, {"so_quyet_dinh", "QĐ-NT"}};
  auto accepted = centre.post_json("/api/de-an/" + running + "/buoc", accept.dump());
  ASSERT_EQ(accepted->status, 200) << accepted->body;
  auto after_acceptance = next_dataset();
  json settle = {{"den_trang_thai", "quyet_toan"}, {"ngay", "2021-11-20"}, {"so_quyet_dinh", "QĐ-QT"}};
  ASSERT_EQ(centre.post_json("/api/de-an/" + running + "/buoc", settle.dump())->status, 200);
  auto settled = next_dataset();
  size_t i = static_cast<size_t>(std::lower_bound(settled->projects.code.begin(), settled->projects.code.end(), running) -
                                 settled->projects.code.begin());
  EXPECT_EQ(settled->projects.status[i], "quyet_toan");
  EXPECT_EQ(settled->projects.settled_on[i], 20211120);
  EXPECT_TRUE(settled->projects.code.shares_with(after_acceptance->projects.code)) << "a step adds no project";

  // The proposal taken up to "đang thực hiện": the aggregate's very next answer counts it.
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  int64_t counted = implemented_projects(centre);
  for (auto [to, who] : {std::pair{"de_xuat", &centre}, std::pair{"tham_dinh", &centre}, std::pair{"phe_duyet", &department},
                         std::pair{"dang_thuc_hien", &centre}}) {
    json step = {{"den_trang_thai", to}, {"ngay", "2024-03-01"}, {"so_quyet_dinh", std::string("QĐ-") + to}};
    auto r = who->post_json("/api/de-an/" + code + "/buoc", step.dump());
    ASSERT_EQ(r->status, 200) << to << ": " << r->body;
    EXPECT_EQ(implemented_projects(centre), counted + (std::string(to) == "dang_thuc_hien" ? 1 : 0)) << "after " << to;
  }
  next_dataset();
}

TEST_F(DatasetUpdate, AnImportReadsAgainOnlyThePartsOfItsKinds) {
  Browser b(*server);
  ASSERT_TRUE(b.sign_in("trungtam"));
  b.get("/nhap-du-lieu");
  httplib::MultipartFormDataItems items = {{"so_tinh", new_content_workbook("nd-thu-nghiem", "01/01/2026"), "noi-dung.xlsx",
                                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                                           {"_csrf", b.csrf(), "", ""}};
  auto r = server->client()->Post("/nhap-du-lieu", {{"Cookie", "kc_session=" + b.cookie("kc_session")}}, items);
  ASSERT_EQ(r->status, 200) << r->body;
  auto imported = next_dataset();
  EXPECT_EQ(imported->contents.size(), before->contents.size() + 1);
  EXPECT_TRUE(imported->establishments.unit.shares_with(before->establishments.unit));
  EXPECT_TRUE(imported->units.shares_with(before->units));
}

TEST_F(DatasetUpdate, APlanAndItsTargetsAreReadAgainWithoutTheProjects) {
  auto store = server->database().open();
  const RecordKind& targets = kind("muc_tieu");
  Row target(targets.fields.size());
  ASSERT_FALSE(before->targets.empty());
  const Target& t = before->targets[0];
  target[static_cast<size_t>(targets.field_index("ke_hoach"))] = before->plans[static_cast<size_t>(t.plan)].code;
  target[static_cast<size_t>(targets.field_index("chi_tieu"))] = before->indicators[static_cast<size_t>(t.indicator)].code;
  std::optional<Row> row = store->find(targets, target);
  ASSERT_TRUE(row);
  (*row)[static_cast<size_t>(targets.field_index("gia_tri"))] = t.value + 7;
  ASSERT_TRUE(store->update(targets, *row));
  server->app().changed("muc_tieu");
  auto next = next_dataset();
  EXPECT_EQ(next->targets[0].value, t.value + 7);
  EXPECT_TRUE(next->projects.status.shares_with(before->projects.status));
}

TEST_F(DatasetUpdate, AChangeThatSaysNothingOrTouchesTheUnitsLoadsEverything) {
  auto store = server->database().open();
  EXPECT_FALSE(updated_dataset(*before, *store, {{"", ""}}));
  EXPECT_FALSE(updated_dataset(*before, *store, {{"don_vi_hanh_chinh", "bg"}}));
  std::optional<Dataset> same = updated_dataset(*before, *store, {{"nguoi_dung", "quantri"}});
  ASSERT_TRUE(same) << "a kind the Dataset does not hold changes nothing";
  EXPECT_TRUE(same->projects.code.shares_with(before->projects.code));
  EXPECT_TRUE(*same == *before);
  server->app().changed();
  auto reloaded = next_dataset();
  EXPECT_FALSE(reloaded->projects.code.shares_with(before->projects.code)) << "loaded whole";
}

}  // namespace
}  // namespace kc::test
