// Registry list downloads too large for a request thread (web/list_download.h): with the
// threshold lowered to 20 rows, the establishments' list offers its downloads as a form that
// starts a background job; the job reports its progress on its page while every other page
// answers in normal time; its file holds the list's rows (filters, sort and the caller's scope
// as they were asked) and downloads for its owner only, and not once the owner's scope changed.
// The job is held in the middle of its work by the test hook (support/job_gate.h).
#include <gtest/gtest.h>

#include <thread>

#include "core/vn_format.h"
#include "schema/value.h"
#include "store/store.h"
#include "support/job_gate.h"
#include "support/list_rows.h"
#include "support/web_fixture.h"
#include "web/registries.h"

namespace kc::test {
namespace {

constexpr int64_t kThreshold = 20;

class WebListDownload : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new WebFixture([](web::WebOptions& o) { o.jobs.list_download_rows = kThreshold; });
  }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebListDownload::server = nullptr;

// The rows `query` selects from the store, as the bundle's CSV text, the codes row first.
std::vector<std::vector<std::string>> expected_rows(Store& store, const RecordKind& k, ListQuery query) {
  query.limit = 1000000;
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> header;
  for (const Field& f : k.fields) header.emplace_back(f.name);
  out.push_back(header);
  for (const Row& row : store.list(k, query).rows) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < k.fields.size(); ++i) cells.push_back(format_field(k.fields[i], row[i]));
    out.push_back(cells);
  }
  return out;
}

// Follows the job's progress until it is done (or failed); the last status part.
std::string wait_until_finished(Browser& b, const std::string& job) {
  std::string status;
  for (auto t = JobClock::now(); seconds_since(t) < 120;) {
    status = b.get(job + "/trang-thai")->body;
    if (status.find("Đã xong") != std::string::npos || status.find("role=\"alert\"") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return status;
}

TEST_F(WebListDownload, LargeExcelListIsABackgroundJobWhileOtherPagesAnswer) {
  const RecordKind& k = kind("co_so");
  auto gate = std::make_shared<JobGate>();
  OpenAtExit open_at_exit{gate};
  server->app().jobs().set_test_hook([gate](const std::string& id) { gate->hold(id); });
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));

  // The list offers its downloads as a form carrying the list's own parameters and the token.
  auto list = centre.get("/co-so?sap_xep=ten&giam=1&trang=2");
  ASSERT_EQ(list->status, 200);
  size_t form = list->body.find("action=\"/tai-danh-sach/co-so\"");
  ASSERT_NE(form, std::string::npos) << "a large list's downloads start a job";
  EXPECT_EQ(list->body.find("dinh_dang=xlsx"), std::string::npos) << "no direct link";
  for (std::string field : std::vector<std::string>{"name=\"sap_xep\" value=\"ten\"", "name=\"giam\" value=\"1\"",
                            "name=\"_csrf\" value=\"" + centre.csrf() + "\"", "name=\"dinh_dang\" value=\"xlsx\""})
    EXPECT_NE(list->body.find(field, form), std::string::npos) << field;
  EXPECT_EQ(list->body.find("name=\"trang\"", form), std::string::npos) << "the download is the whole list";
  // A direct link (a bookmark) answers the same form, not the file: a GET starts nothing.
  auto direct = centre.get("/co-so?sap_xep=ten&giam=1&dinh_dang=xlsx");
  ASSERT_EQ(direct->status, 200);
  EXPECT_NE(direct->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(direct->body.find("action=\"/tai-danh-sach/co-so\""), std::string::npos);
  EXPECT_NE(direct->body.find("được lập trong nền"), std::string::npos);

  auto started = JobClock::now();
  std::string job = job_path_of(centre.post("/tai-danh-sach/co-so", {{"dinh_dang", "xlsx"}, {"sap_xep", "ten"}, {"giam", "1"}}));
  ASSERT_FALSE(job.empty());
  EXPECT_LT(seconds_since(started), 2.0);
  auto reached = gate->reached.get_future();
  ASSERT_EQ(reached.wait_for(std::chrono::seconds(60)), std::future_status::ready);

  // Held after its first row: the page tells the progress; every page answers meanwhile.
  ListQuery by_name_desc;
  by_name_desc.sort_field = static_cast<size_t>(k.field_index("ten"));
  by_name_desc.descending = true;
  std::vector<std::vector<std::string>> expected = expected_rows(*server->database().open(), k, by_name_desc);
  int64_t total = static_cast<int64_t>(expected.size()) - 1;
  ASSERT_GT(total, kThreshold);
  auto page = centre.get(job);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Danh sách cơ sở công nghiệp"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("Đang ghi sổ tính Excel: 1/" + format_int(total) + " hồ sơ"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("<progress max=\"" + std::to_string(total) + "\" value=\"1\""), std::string::npos);
  EXPECT_EQ(centre.get(job + "/tai-ve")->status, 409) << "no file before it is ready";
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  expect_pages_answer_meanwhile({&centre, &department},
                                {"/", "/co-so", "/de-an", "/tong-quan", "/co-so?q=khong-co-ten-nay&dinh_dang=csv"},
                                "the list is written");
  expect_job_hidden_from(department, *server, job);

  gate->open();
  std::string status = wait_until_finished(centre, job);
  ASSERT_NE(status.find("Đã xong: " + format_int(total) + " hồ sơ"), std::string::npos) << status;
  auto file = centre.get(job + "/tai-ve");
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(file->get_header_value("Content-Disposition").find("co_so.xlsx"), std::string::npos);
  EXPECT_EQ(file->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(xlsx_rows(file->body, k), expected) << "every row, sorted as asked";
  EXPECT_EQ(department.get(job + "/tai-ve")->status, 404);
  server->app().jobs().set_test_hook({});
}

TEST_F(WebListDownload, CsvJobKeepsTheFiltersAndTheOwnersScope) {
  const RecordKind& k = kind("co_so");
  Browser local(*server);
  ASSERT_TRUE(local.sign_in("diaphuong"));
  local.get("/co-so");
  EXPECT_EQ(local.post("/tai-danh-sach/co-so", {{"dinh_dang", "csv"}}, false)->status, 403) << "CSRF";
  EXPECT_EQ(local.post("/tai-danh-sach/co-so", {{"dinh_dang", "pdf"}})->status, 400);
  std::string job = job_path_of(local.post("/tai-danh-sach/co-so", {{"dinh_dang", "csv"}, {"loai", "hop_tac_xa"}}));
  ASSERT_FALSE(job.empty());
  ASSERT_NE(wait_until_finished(local, job).find("Đã xong"), std::string::npos);
  auto file = local.get(job + "/tai-ve");
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "text/csv; charset=utf-8");

  // The rows of the local officer's area (Lục Ngạn) of that kind, nothing else.
  auto data = server->app().dataset();
  ListQuery mine;
  mine.equals.emplace_back(static_cast<size_t>(k.field_index("loai")), Value(std::string("hop_tac_xa")));
  std::vector<Value> units;
  for (const std::string& u : web::units_within(*data, "bg-luc-ngan")) units.emplace_back(u);
  mine.any_of.emplace_back(static_cast<size_t>(k.field_index("dia_ban")), units);
  std::vector<std::vector<std::string>> expected = expected_rows(*server->database().open(), k, mine);
  ASSERT_GT(expected.size(), 1u);
  EXPECT_EQ(csv_rows(file->body), expected);
  EXPECT_LT(expected.size(), expected_rows(*server->database().open(), k, ListQuery{}).size());

  // Once the owner's area changes, the job is no longer theirs to see; back, it is again.
  Browser admin(*server);
  ASSERT_TRUE(admin.sign_in("quantri"));
  auto move_to = [&](const std::string& unit) {
    admin.get("/quan-tri/tai-khoan/diaphuong");
    auto r = admin.post("/quan-tri/tai-khoan/diaphuong",
                        {{"ho_ten", "Cán bộ địa phương"}, {"vai_tro", "dia_phuong"}, {"don_vi", unit}, {"co_so", ""}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 303) << r->body;
  };
  move_to("bg-hiep-hoa");
  EXPECT_EQ(local.get(job)->status, 404);
  EXPECT_EQ(local.get(job + "/tai-ve")->status, 404);
  move_to("bg-luc-ngan");
  EXPECT_EQ(local.get(job + "/tai-ve")->status, 200);
}

TEST_F(WebListDownload, SmallListsStillDownloadAtOnceAndThePublicOnlySmallOnes) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  // A search that finds nothing: under the threshold, the file comes with the answer.
  auto small = centre.get("/co-so?q=khong-co-ten-nay&dinh_dang=csv");
  ASSERT_EQ(small->status, 200);
  EXPECT_EQ(small->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv_rows(small->body).size(), 1u) << "the codes row only";
  EXPECT_NE(centre.get("/co-so?q=khong-co-ten-nay")->body.find("dinh_dang=xlsx"), std::string::npos) << "a plain link";
  // The public, who own no job, are told to narrow a large list.
  Browser visitor(*server);
  auto projects = visitor.get("/de-an?dinh_dang=xlsx");
  ASSERT_EQ(projects->status, 403);
  EXPECT_NE(projects->body.find("Hãy lọc bớt"), std::string::npos) << projects->body;
  EXPECT_EQ(visitor.get("/de-an")->body.find("/tai-danh-sach/"), std::string::npos);
  EXPECT_EQ(visitor.post("/tai-danh-sach/de-an", {{"dinh_dang", "csv"}})->status, 303) << "sent to sign in";
}

}  // namespace
}  // namespace kc::test
