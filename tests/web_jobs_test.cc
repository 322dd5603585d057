// Background jobs on the web (web/background_jobs.h, pages_jobs.cc): a plan's dossier is built
// on a job thread while the request threads serve everyone else; its page follows the
// progress (htmx every second, a meta refresh and a link without JavaScript) and offers the
// file when ready, the same dossier the command line writes. A job is its owner's alone, and
// starting one is a POST with the CSRF token. The job is held in the middle of its work by the
// test hook, so "while it builds" is certain without timing guesses.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <regex>
#include <thread>

#include "audit/audit.h"
#include "model/dataset.h"
#include "projects/dossier.h"
#include "store/store.h"
#include "support/job_gate.h"
#include "support/web_fixture.h"
#include "support/zip_reader.h"
#include "web/project_pages.h"

namespace kc::test {
namespace {

using Clock = JobClock;
const std::string kPlan = "bg-2016-2020";

class WebJobs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebJobs::server = nullptr;

TEST_F(WebJobs, PlanDossierBuildsInTheBackgroundWhileOtherPagesAnswer) {
  auto gate = std::make_shared<JobGate>();
  OpenAtExit open_at_exit{gate};
  server->app().jobs().set_test_hook([gate](const std::string& id) { gate->hold(id); });
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto plan_page = centre.get("/ke-hoach/" + kPlan);
  ASSERT_NE(plan_page->body.find("action=\"/ke-hoach/" + kPlan + "/ho-so\""), std::string::npos) << "the button is a form";
  size_t form = plan_page->body.find("action=\"/ke-hoach/" + kPlan + "/ho-so\"");
  EXPECT_NE(plan_page->body.find("name=\"_csrf\" value=\"" + centre.csrf() + "\"", form), std::string::npos)
      << "the form carries the session's token";

  // Starting the job answers at once, with the job's page.
  auto started = Clock::now();
  std::string job = job_path_of(centre.post("/ke-hoach/" + kPlan + "/ho-so", {}));
  ASSERT_FALSE(job.empty());
  EXPECT_LT(seconds_since(started), 2.0);
  auto reached = gate->reached.get_future();
  ASSERT_EQ(reached.wait_for(std::chrono::seconds(60)), std::future_status::ready);

  // The job is in the middle of its work (one project done) and holds its thread: every page
  // still answers in normal time, for its owner and for others.
  auto page = centre.get(job);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Đang lập hồ sơ: 1/"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("hx-get=\"" + job + "/trang-thai\" hx-trigger=\"every 1s\""), std::string::npos);
  EXPECT_NE(page->body.find("<noscript><meta http-equiv=\"refresh\""), std::string::npos) << "works without JavaScript";
  EXPECT_NE(page->body.find("href=\"" + job + "\">Làm mới trang"), std::string::npos);
  EXPECT_EQ(centre.get(job + "/tai-ve")->status, 409) << "no file before it is ready";
  Browser department(*server);
  ASSERT_TRUE(department.sign_in("socongthuong"));
  expect_pages_answer_meanwhile({&centre, &department}, {"/", "/de-an", "/ke-hoach", "/ke-hoach/bg-2016", "/tong-quan", "/co-so"},
                                "the dossier builds");
  // Another user, even staff, does not see it; the public is sent to sign in.
  expect_job_hidden_from(department, *server, job);

  gate->open();
  std::string status;
  for (auto t = Clock::now(); seconds_since(t) < 120;) {
    status = centre.get(job + "/trang-thai")->body;
    if (status.find("Đã xong") != std::string::npos || status.find("role=\"alert\"") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_NE(status.find("Đã xong"), std::string::npos) << status;
  EXPECT_EQ(status.find("hx-trigger"), std::string::npos) << "polling stops when the job is done";
  EXPECT_NE(status.find("href=\"" + job + "/tai-ve\""), std::string::npos);

  auto zip = centre.get(job + "/tai-ve");
  ASSERT_EQ(zip->status, 200);
  EXPECT_EQ(zip->get_header_value("Content-Type"), "application/zip");
  EXPECT_NE(zip->get_header_value("Content-Disposition").find("filename*=UTF-8''Hồ sơ kế hoạch " + kPlan + ".zip"),
            std::string::npos);
  EXPECT_EQ(zip->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(department.get(job + "/tai-ve")->status, 404);

  // The same dossier as the command line's (projects/dossier.h on the same database): the same
  // files, every data file and document byte for byte (the pages say when and for whom).
  auto store = server->database().open();
  Dataset data = load_dataset(*store);
  web::WebOptions web_options = server->app().options();
  std::string cli_zip = ::testing::TempDir() + "cli-plan-dossier.zip";
  ASSERT_TRUE(write_plan_dossier(*store, data, kPlan, cli_zip, {web::document_dir(web_options), "dòng lệnh"}));
  auto from_web = unzip_bytes(zip->body), from_cli = unzip_file(cli_zip);
  ASSERT_EQ(from_web.size(), from_cli.size());
  EXPECT_GT(from_web.size(), 100u);
  for (const auto& [path, bytes] : from_cli) {
    ASSERT_TRUE(from_web.count(path)) << path;
    bool generated_page = path.ends_with(".html") || path == "muc_luc.csv" || path == "SHA256SUMS.txt";
    if (!generated_page) {
      EXPECT_EQ(from_web[path], bytes) << path;
    }
  }
  // The download is in the plan's audit trail, by its owner.
  bool audited = false;
  for (const AuditEntry& e : audit_of(*store, "ke_hoach", kPlan))
    audited = audited || (e.action == "tai_ho_so" && e.user == "trungtam" && e.note.find("đề án") != std::string::npos);
  EXPECT_TRUE(audited);
  server->app().jobs().set_test_hook({});
}

TEST_F(WebJobs, StartingAJobNeedsTheCsrfTokenAndAKnownPlanInScope) {
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  centre.get("/ke-hoach/" + kPlan);
  EXPECT_EQ(centre.post("/ke-hoach/" + kPlan + "/ho-so", {}, false)->status, 403);
  EXPECT_EQ(centre.post("/ke-hoach/khong-co/ho-so", {})->status, 404);
  for (const char* user : {"diaphuong", "coso"}) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(user));
    b.get("/");
    EXPECT_EQ(b.post("/ke-hoach/" + kPlan + "/ho-so", {})->status, 403) << user;
  }
  EXPECT_EQ(centre.get("/viec-nen/0123456789abcdef0123456789abcdef")->status, 404);
}

}  // namespace
}  // namespace kc::test
