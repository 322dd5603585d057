// Dossier downloads in the workspace: "Tải hồ sơ (ZIP)" answers a ZIP named in Vietnamese
// (RFC 5987) to exactly the callers who may see the project or plan — a local officer within
// their area, an establishment for its own projects, staff for plans — and 404/403 or the
// sign-in page to everyone else; each download is in the audit trail.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "audit/audit.h"
#include "projects/dossier_archive.h"
#include "support/web_fixture.h"
#include "support/zip_reader.h"

namespace kc::test {
namespace {

class WebDossier : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new WebFixture(); }
  static void TearDownTestSuite() { delete server; }
  static WebFixture* server;
};
WebFixture* WebDossier::server = nullptr;

const std::string kInLucNgan = "bg-2017-t-011";  // Lục Ngạn, benefits cs-0046 (the test establishment)
const std::string kElsewhere = "bg-2016-h-003";  // Việt Yên, not the test establishment's

// The response head as it travels: cpp-httplib's client percent-decodes header values, which
// would hide whether the server encoded the file name.
std::string raw_response_head(int port, const std::string& path, const std::string& session) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return {};
  }
  std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: kc_session=" + session +
                        "\r\nConnection: close\r\n\r\n";
  if (send(fd, request.data(), request.size(), 0) < 0) {
    close(fd);
    return {};
  }
  std::string head;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) head.append(buffer, static_cast<size_t>(n));  // to the end: the server finishes writing
  close(fd);
  return head.substr(0, head.find("\r\n\r\n"));
}

// A ZIP with the index and `inside`, offered under `vietnamese_name` (decoded, as the client shows it).
void expect_zip(const httplib::Result& r, const std::string& vietnamese_name, const std::string& inside) {
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/zip");
  std::string disposition = r->get_header_value("Content-Disposition");
  EXPECT_EQ(disposition.rfind("attachment; filename=\"", 0), 0u) << disposition;
  EXPECT_NE(disposition.find("filename*=UTF-8''" + vietnamese_name), std::string::npos) << disposition;
  auto zip = unzip_bytes(r->body);
  EXPECT_TRUE(zip.count(kIndexHtml));
  EXPECT_TRUE(zip.count(inside)) << inside;
}

TEST_F(WebDossier, ProjectDossierForThoseWhoMaySeeTheProject) {
  const std::string name = "Hồ sơ đề án bg-2017-t-011.zip";
  {
    // On the wire: RFC 5987, UTF-8 percent-encoded, with a plain ASCII fallback.
    Browser b(*server);
    ASSERT_TRUE(b.sign_in("trungtam"));
    std::string head = raw_response_head(server->port(), "/de-an/" + kInLucNgan + "/ho-so.zip", b.cookie("kc_session"));
    EXPECT_NE(head.find("Content-Disposition: attachment; filename=\"ho-so-de-an-bg-2017-t-011.zip\"; "
                        "filename*=UTF-8''H%E1%BB%93%20s%C6%A1%20%C4%91%E1%BB%81%20%C3%A1n%20bg-2017-t-011.zip"),
              std::string::npos)
        << head;
  }
  for (const char* user : {"quantri", "socongthuong", "trungtam", "diaphuong", "coso"}) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(user));
    expect_zip(b.get("/de-an/" + kInLucNgan + "/ho-so.zip"), name, "de_an/" + kInLucNgan + "/ho_so.html");
    auto page = b.get("/de-an/" + kInLucNgan);
    EXPECT_NE(page->body.find("/de-an/" + kInLucNgan + "/ho-so.zip"), std::string::npos) << user;
    EXPECT_NE(page->body.find("Tải hồ sơ (ZIP)"), std::string::npos) << user;
  }
  // Outside the caller's scope: as if it did not exist.
  for (const char* user : {"diaphuong", "coso"}) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(user));
    EXPECT_EQ(b.get("/de-an/" + kElsewhere + "/ho-so.zip")->status, 404) << user;
  }
  Browser staff(*server);
  ASSERT_TRUE(staff.sign_in("trungtam"));
  EXPECT_EQ(staff.get("/de-an/khong-co/ho-so.zip")->status, 404);
  // The public: never, not even for a published project; no link on its page either.
  Browser visitor(*server);
  auto r = visitor.get("/de-an/" + kInLucNgan + "/ho-so.zip");
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location").rfind("/dang-nhap", 0), 0u);
  EXPECT_EQ(visitor.get("/de-an/" + kInLucNgan)->body.find("ho-so.zip"), std::string::npos);
  // Each download is in the project's audit trail.
  auto store = server->database().open();
  size_t downloads = 0;
  for (const AuditEntry& e : audit_of(*store, "de_an", kInLucNgan))
    if (e.action == "tai_ho_so") ++downloads;
  EXPECT_EQ(downloads, 6u) << "five roles and the raw request";
}

// A plan's dossier is a background job (tests/web_jobs_test.cc follows one in detail): started
// by a POST, downloaded from the job's page when done.
TEST_F(WebDossier, PlanDossierForStaff) {
  const std::string name = "Hồ sơ kế hoạch bg-2016.zip";
  Browser centre(*server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  EXPECT_NE(centre.get("/ke-hoach/bg-2016")->body.find("action=\"/ke-hoach/bg-2016/ho-so\""), std::string::npos);
  auto started = centre.post("/ke-hoach/bg-2016/ho-so", {});
  ASSERT_EQ(started->status, 303);
  std::string job = started->get_header_value("Location");
  for (int i = 0; i < 6000 && centre.get(job + "/tai-ve")->status == 409; ++i)  // at most a minute
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  expect_zip(centre.get(job + "/tai-ve"), name, "ke_hoach/ke_hoach.html");
  EXPECT_EQ(centre.post("/ke-hoach/khong-co/ho-so", {})->status, 404);
  for (const char* user : {"diaphuong", "coso"}) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(user));
    b.get("/");
    EXPECT_EQ(b.post("/ke-hoach/bg-2016/ho-so", {})->status, 403) << user;
  }
  Browser visitor(*server);
  visitor.get("/dang-nhap");
  EXPECT_EQ(visitor.post("/ke-hoach/bg-2016/ho-so", {})->status, 303);
  auto store = server->database().open();
  bool recorded = false;
  for (const AuditEntry& e : audit_of(*store, "ke_hoach", "bg-2016")) recorded = recorded || e.action == "tai_ho_so";
  EXPECT_TRUE(recorded);
}

}  // namespace
}  // namespace kc::test
