// Operations (docs/deployment.md, "Operations"): the request log on standard output (one JSON
// line per request, nothing secret in it, written at once even to a pipe), /metrics for the
// configured addresses only, expired sessions purged at start and while the server runs, and the
// files of uploads a crash cut short set aside at start.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "projects/documents.h"
#include "schema/record_kind.h"
#include "support/web_fixture.h"
#include "web/address_list.h"
#include "web/request_log.h"
#include "store/store_pool.h"

extern char** environ;

namespace kc::test {
namespace {

using namespace std::chrono_literals;

// Polls `done` for up to `limit`: the log line and the counters of a request are written just
// after its answer, so a client may read the answer a moment before them.
template <typename F>
bool eventually(F done, std::chrono::milliseconds limit = 5000ms) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  for (size_t nl; (nl = text.find('\n', pos)) != std::string::npos; pos = nl + 1) lines.push_back(text.substr(pos, nl - pos));
  return lines;
}

// A server whose request log goes, as JSON, to a file the test reads.
class LoggedServer {
 public:
  explicit LoggedServer(const std::function<void(web::WebOptions&)>& more = [](web::WebOptions&) {})
      : log_path_(dir_ / "log.jsonl"), fd_(open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600)),
        server_([&](web::WebOptions& o) {
          o.quiet_requests = false;
          o.log_format = web::LogFormat::json;
          o.log_fd = fd_;
          more(o);
        }) {}
  ~LoggedServer() { close(fd_); }
  WebFixture& server() { return server_; }
  std::vector<nlohmann::json> lines() const {
    std::vector<nlohmann::json> out;
    for (const std::string& line : lines_of(read_file(log_path_))) out.push_back(nlohmann::json::parse(line));
    return out;
  }
  std::string text() const { return read_file(log_path_); }

 private:
  TempDir dir_;
  std::filesystem::path log_path_;
  int fd_;
  WebFixture server_;
};

TEST(WebOperations, EveryRequestIsOneJsonLineNamingItsRouteAndNothingSecret) {
  LoggedServer logged;
  Browser b(logged.server());
  ASSERT_TRUE(b.sign_in("trungtam"));
  std::string session = b.cookie("kc_session"), csrf = b.csrf();
  ASSERT_FALSE(session.empty());
  ASSERT_FALSE(csrf.empty());
  auto r = b.get("/co-so/cs-0046?tim=bimat-truy-van");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_FALSE(r->has_header("X-Request-Id")) << "internal headers only with --diagnostic-headers";

  // The sign-in form, its POST, the home page it leads to, and the establishment's page (each
  // line is written after its answer, so two close requests may be logged in either order).
  auto page_line = [&]() -> std::optional<nlohmann::json> {
    auto lines = logged.lines();
    for (const auto& line : lines)
      if (line["route"] == "co_so_chi_tiet") return line;
    return std::nullopt;
  };
  ASSERT_TRUE(eventually([&] { return logged.lines().size() == 4 && page_line(); })) << logged.text();
  auto lines = logged.lines();
  const std::regex time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"), id("[0-9a-f]{16}");
  std::set<std::string> ids;
  bool saw_sign_in = false;
  for (const auto& line : lines) {
    for (const auto& [key, value] : line.items())
      EXPECT_TRUE(std::set<std::string>({"time", "request_id", "route", "method", "status", "duration_ms", "user"}).count(key))
          << "unexpected field " << key << " in " << line.dump();
    EXPECT_TRUE(std::regex_match(line["time"].get<std::string>(), time)) << line.dump();
    EXPECT_TRUE(std::regex_match(line["request_id"].get<std::string>(), id)) << line.dump();
    ids.insert(line["request_id"].get<std::string>());
    EXPECT_TRUE(line["status"].is_number_integer());
    EXPECT_GE(line["duration_ms"].get<double>(), 0.0);
    if (line["route"] == "dang_nhap_gui") {
      saw_sign_in = true;
      EXPECT_EQ(line["method"], "POST");
      EXPECT_EQ(line["status"].get<int>() / 100, 3) << line.dump();
    }
  }
  EXPECT_TRUE(saw_sign_in) << logged.text();
  EXPECT_EQ(ids.size(), lines.size()) << "one id per request";
  const auto page = *page_line();
  EXPECT_EQ(page["method"], "GET");
  EXPECT_EQ(page["status"], 200);
  EXPECT_EQ(page["user"], "trungtam");
  for (const auto& line : lines) {
    if (line["route"] == "dang_nhap") {
      EXPECT_FALSE(line.contains("user")) << "a visitor has no user: " << line.dump();
    }
  }

  // Nothing a person typed or holds: the password, the cookie, the CSRF token, the record's id
  // in the path, the query string.
  std::string all = logged.text();
  for (const std::string& secret : {std::string(kPassword), session, csrf, std::string("cs-0046"),
                                    std::string("bimat"), std::string("/co-so")})
    EXPECT_EQ(all.find(secret), std::string::npos) << "the log holds " << secret << ":\n" << all;
}

TEST(WebOperations, DiagnosticHeadersSendTheRequestIdOfTheLogLine) {
  LoggedServer logged([](web::WebOptions& o) { o.diagnostic_headers = true; });
  auto r = logged.server().client()->Get("/healthz");
  ASSERT_TRUE(r);
  std::string id = r->get_header_value("X-Request-Id");
  ASSERT_EQ(id.size(), 16u);
  ASSERT_TRUE(eventually([&] { return logged.text().find(id) != std::string::npos; })) << logged.text();
  EXPECT_EQ(logged.lines().back()["route"], "healthz");
  // An address no route takes is logged too, under one name whatever its path.
  ASSERT_TRUE(logged.server().client()->Get("/khong-co/trang-nay"));
  ASSERT_TRUE(eventually([&] { return logged.lines().size() == 2; }));
  EXPECT_EQ(logged.lines().back()["route"], "unmatched");
  EXPECT_EQ(logged.lines().back()["status"], 404);
  EXPECT_EQ(logged.text().find("khong-co"), std::string::npos);
  // A request refused before its handler runs (text that is not UTF-8) still names its route.
  auto refused = logged.server().client()->Get("/co-so?tim=%FF");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  ASSERT_TRUE(eventually([&] { return logged.lines().size() == 3; }));
  EXPECT_EQ(logged.lines().back()["route"], "co_so_danh_sach");
  EXPECT_EQ(logged.lines().back()["status"], 400);
}

TEST(WebOperations, QuietRequestsLeaveOutRequestLines) {
  LoggedServer logged([](web::WebOptions& o) { o.quiet_requests = true; });
  ASSERT_TRUE(logged.server().client()->Get("/healthz"));
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(logged.text(), "");
}

TEST(WebOperations, TextFormatIsOneReadableLine) {
  web::RequestLog log(web::LogFormat::text, -1, true);
  auto epoch = std::chrono::system_clock::time_point(std::chrono::milliseconds(1764768000123));
  EXPECT_EQ(log.format_request({epoch, "00ff00ff00ff00ff", "co_so_chi_tiet", "GET", 200, 1500us, "trungtam"}),
            "2025-12-03T13:20:00.123Z 00ff00ff00ff00ff GET co_so_chi_tiet 200 1.500ms user=trungtam\n");
  EXPECT_EQ(log.format_message("Đã dừng máy chủ."), "Đã dừng máy chủ.\n");
  web::RequestLog json(web::LogFormat::json, -1, true);
  auto line = nlohmann::json::parse(json.format_message("tên \"có\" dấu\n"));
  EXPECT_EQ(line["message"], "tên \"có\" dấu\n");
}

// ---- /metrics --------------------------------------------------------------------------------

// The value of the series `name{labels}` (labels as written), or -1 when it is absent.
double series(const std::string& exposition, const std::string& name_and_labels) {
  for (const std::string& line : lines_of(exposition))
    if (line.rfind(name_and_labels + " ", 0) == 0) return std::stod(line.substr(name_and_labels.size() + 1));
  return -1;
}

TEST(WebOperations, MetricsAnswerLoopbackWithTheSeries) {
  WebFixture server;
  Browser b(server);
  ASSERT_TRUE(b.sign_in("quantri"));
  auto client = server.client();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(client->Get("/healthz"));
  std::string text;
  ASSERT_TRUE(eventually([&] {
    auto r = client->Get("/metrics");
    text = r && r->status == 200 ? r->body : "";
    // Each request is counted just after its answer is written: the last ones may not be yet.
    return series(text, R"(khuyencong_http_requests_total{route="healthz",status="200"})") == 3 &&
           series(text, R"(khuyencong_http_requests_total{route="dang_nhap_gui",status="303"})") == 1 &&
           series(text, R"(khuyencong_http_requests_total{route="metrics",status="200"})") >= 1;
  })) << text;
  auto r = client->Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  text = r->body;
  EXPECT_EQ(series(text, R"(khuyencong_http_request_duration_seconds_bucket{route="healthz",le="+Inf"})"), 3) << text;
  EXPECT_EQ(series(text, R"(khuyencong_http_request_duration_seconds_bucket{route="healthz",le="10"})"), 3) << text;
  EXPECT_GE(series(text, R"(khuyencong_http_request_duration_seconds_bucket{route="healthz",le="0.0025"})"), 0);
  EXPECT_EQ(series(text, R"(khuyencong_http_request_duration_seconds_count{route="healthz"})"), 3);
  EXPECT_GE(series(text, R"(khuyencong_http_request_duration_seconds_sum{route="healthz"})"), 0);
  EXPECT_EQ(series(text, R"(khuyencong_db_pool_waits_total{pool="requests"})"), 0);
  EXPECT_EQ(series(text, R"(khuyencong_db_pool_wait_seconds_total{pool="requests"})"), 0);
  EXPECT_EQ(series(text, R"(khuyencong_db_pool_timeouts_total{pool="reload"})"), 0);
  EXPECT_EQ(series(text, "khuyencong_sessions_active"), 1) << text;
  EXPECT_GE(series(text, "khuyencong_sessions_purged_total"), 0);
  EXPECT_NE(text.find("# TYPE khuyencong_http_request_duration_seconds histogram\n"), std::string::npos);

  // A write makes the Dataset stale: the next use reloads it, counted with its time.
  server.app().dataset();
  double reloads = series(client->Get("/metrics")->body, "khuyencong_dataset_reloads_total");
  EXPECT_GE(reloads, 1);
  server.app().changed();
  server.app().dataset();
  text = client->Get("/metrics")->body;
  EXPECT_EQ(series(text, "khuyencong_dataset_reloads_total"), reloads + 1);
  EXPECT_GT(series(text, "khuyencong_dataset_reload_seconds_total"), 0);
  EXPECT_GT(series(text, "khuyencong_dataset_last_reload_seconds"), 0);

  // Through a reverse proxy (which connects from loopback) nobody gets them, signed in or not.
  auto proxied = b.get("/metrics", {{"X-Forwarded-For", "203.0.113.7"}});
  ASSERT_TRUE(proxied);
  EXPECT_EQ(proxied->status, 404);
}

TEST(WebOperations, MetricsRefusedWhenTheConfiguredAddressesExcludeTheCaller) {
  WebFixture server([](web::WebOptions& o) { o.metrics_from = "10.0.0.0/8, 192.168.1.5"; });
  Browser b(server);
  ASSERT_TRUE(b.sign_in("quantri"));  // an administrator's cookie opens nothing here
  auto r = b.get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("Không tìm thấy trang"), std::string::npos) << r->body;
  EXPECT_EQ(r->body.find("khuyencong_"), std::string::npos);
}

TEST(WebOperations, MetricsAddressList) {
  std::string error;
  auto list = web::AddressList::parse("127.0.0.1, 10.0.0.0/8,::1, 2001:db8::/32", error);
  ASSERT_TRUE(list) << error;
  EXPECT_TRUE(list->contains("127.0.0.1"));
  EXPECT_FALSE(list->contains("127.0.0.2"));
  EXPECT_TRUE(list->contains("10.200.3.4"));
  EXPECT_TRUE(list->contains("::ffff:10.1.2.3"));  // an IPv4 client on an IPv6 socket
  EXPECT_FALSE(list->contains("11.0.0.1"));
  EXPECT_TRUE(list->contains("::1"));
  EXPECT_TRUE(list->contains("2001:db8:1::5"));
  EXPECT_FALSE(list->contains("2001:db9::5"));
  EXPECT_FALSE(list->contains("khong-phai-dia-chi"));
  EXPECT_FALSE(web::AddressList::parse("127.0.0.1,10.0.0.0/33", error));
  EXPECT_NE(error.find("10.0.0.0/33"), std::string::npos) << error;
  EXPECT_FALSE(web::AddressList::parse("localhost", error));
  EXPECT_NE(error.find("“localhost” không phải địa chỉ"), std::string::npos) << error;
  auto nobody = web::AddressList::parse("", error);
  ASSERT_TRUE(nobody);
  EXPECT_FALSE(nobody->contains("127.0.0.1"));
}

TEST(WebOperations, PoolCountsWaitsAndTimeouts) {
  TestDatabase db;
  StorePool pool(db.url(), PoolOptions{.size = 1, .wait = 60ms});
  auto held = pool.lease();
  EXPECT_EQ(pool.stats().waits, 0u);
  EXPECT_THROW(pool.lease(), PoolBusy);
  auto stats = pool.stats();
  EXPECT_EQ(stats.waits, 1u);
  EXPECT_EQ(stats.timeouts, 1u);
  EXPECT_GE(stats.waited, 50ms);
}

// ---- Expired sessions ------------------------------------------------------------------------

const RecordKind& sessions() { return kind("phien"); }

void add_session(Store& store, const std::string& hash, long expires_in_seconds) {
  store.insert(sessions(), Row{hash, std::string("trungtam"), std::string(64, 'c'), utc_text_in(-7200),
                               utc_text_in(expires_in_seconds)});
}

bool session_exists(Store& store, const std::string& hash) {
  Row key(sessions().fields.size());
  key[0] = hash;
  return store.find(sessions(), key).has_value();
}

const std::string kExpired(64, 'e'), kLive(64, 'a');

TEST(WebOperations, ExpiredSessionsArePurgedAtStart) {
  WebFixture server([](web::WebOptions& o) {
    auto store = open_store(o.db);
    add_session(*store, kExpired, -60);
    add_session(*store, kLive, 3600);
  });
  auto store = server.database().open();
  EXPECT_FALSE(session_exists(*store, kExpired));
  EXPECT_TRUE(session_exists(*store, kLive));
}

// A server killed between writing an upload's file and committing its row leaves a file that no
// row names (bench/crash_test.sh hunts for them); one killed while writing leaves a "*.tmp". The
// next start sets the first aside and deletes the second; committed documents stay and download.
TEST(WebOperations, FilesOfUnfinishedUploadsAreSetAsideAtStart) {
  TempDir docs;
  StoredDocument kept;
  WebFixture server([&](web::WebOptions& o) {
    o.upload_dir = docs.path().string();
    auto store = open_store(o.db);
    kept = store_document(*store, docs.path(), "bg-2016-t-001", "", {"biên bản.pdf", "%PDF-1.4 đã lưu"}, "trungtam");
    write_file(docs / "0123456789abcdef0123456789abcdef.bin", "%PDF-1.4 tải lên không hoàn tất");
    write_file(docs / "fedcba9876543210fedcba9876543210.bin.tmp", "%PDF-1.4 ghi d");
  });
  EXPECT_EQ(read_file(docs / kSetAsideFolder / "0123456789abcdef0123456789abcdef.bin"), "%PDF-1.4 tải lên không hoàn tất");
  EXPECT_FALSE(std::filesystem::exists(docs / "0123456789abcdef0123456789abcdef.bin"));
  EXPECT_FALSE(std::filesystem::exists(docs / "fedcba9876543210fedcba9876543210.bin.tmp"));
  std::set<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(docs.path()))
    if (entry.is_regular_file()) left.insert(entry.path().filename().string());
  EXPECT_EQ(left, std::set<std::string>{kept.stored_name});
  Browser centre(server);
  ASSERT_TRUE(centre.sign_in("trungtam"));
  auto download = centre.get("/de-an/bg-2016-t-001/tai-lieu/" + kept.id);
  ASSERT_TRUE(download);
  EXPECT_EQ(download->status, 200);
  EXPECT_EQ(download->body, "%PDF-1.4 đã lưu");
}

TEST(WebOperations, ExpiredSessionsArePurgedWhileRunning) {
  WebFixture server([](web::WebOptions& o) { o.session_purge_interval = std::chrono::seconds(0); });
  auto store = server.database().open();
  add_session(*store, kExpired, -1);
  add_session(*store, kLive, 3600);
  ASSERT_TRUE(server.client()->Get("/healthz"));  // the purge's turn comes after a request
  EXPECT_TRUE(eventually([&] { return !session_exists(*store, kExpired); })) << "the expired session is still there";
  EXPECT_TRUE(session_exists(*store, kLive));
  std::string text;
  EXPECT_TRUE(eventually([&] {
    text = server.client()->Get("/metrics")->body;
    return series(text, "khuyencong_sessions_purged_total") >= 1;
  })) << text;
}

// ---- The binary's standard output through a pipe ---------------------------------------------

// Reads from `fd` until `text` has arrived (true) or `limit` passed.
bool read_until(int fd, std::string& got, const std::string& text, std::chrono::milliseconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (got.find(text) == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return false;
    got.append(buf, static_cast<size_t>(n));
  }
  return true;
}

TEST(WebOperations, EveryLineReachesAPipeAtOnce) {
  TestDatabase db;
  seed_demo_with_users(db.url());
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<std::string> args = {KC_CLI_PATH, "--db", db.url(), "serve", "--port", "0", "--threads", "2"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, KC_CLI_PATH, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);

  // The server keeps running: its first line must arrive without waiting for a buffer to fill.
  std::string got;
  bool started = read_until(out[0], got, "/ (Ctrl-C", 30s);
  std::smatch port;
  bool has_port = std::regex_search(got, port, std::regex(R"(đang chạy tại http://127\.0\.0\.1:(\d+)/)"));
  if (started && has_port) {
    auto first = nlohmann::json::parse(got.substr(0, got.find('\n')), nullptr, false);
    EXPECT_TRUE(first.is_object() && first.contains("message")) << "JSON on a pipe by default: " << got;
    httplib::Client client("127.0.0.1", std::stoi(port[1]));
    auto r = client.Get("/healthz");
    EXPECT_TRUE(r && r->status == 200);
    EXPECT_TRUE(read_until(out[0], got, R"("route":"healthz")", 5s)) << got;
  }
  kill(pid, SIGTERM);
  EXPECT_TRUE(read_until(out[0], got, "Đã dừng máy chủ.", 15s)) << got;
  int status = 0;
  waitpid(pid, &status, 0);
  close(out[0]);
  ASSERT_TRUE(started) << got;
  ASSERT_TRUE(has_port) << got;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace kc::test
