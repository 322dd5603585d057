#include "support/pg_cluster.h"

#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <csignal>
#include <regex>
#include <stdexcept>

#include "accounts/accounts.h"
#include "core/process.h"
#include "interchange/bundle.h"
#include "support/test_support.h"
#include "support/web_fixture.h"

namespace kc::test {

namespace {

const std::string kBin = "/usr/lib/postgresql/15/bin/";

bool as_root() { return geteuid() == 0; }

// Runs argv as the cluster's owner: the "postgres" user when we are root.
std::vector<std::string> as_owner(std::vector<std::string> argv) {
  if (!as_root()) return argv;
  argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
  return argv;
}

std::string new_directory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kc-pgtest.XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  if (as_root()) {
    passwd* pw = getpwnam("postgres");
    if (!pw || chown(pattern.c_str(), pw->pw_uid, pw->pw_gid) != 0)
      throw std::runtime_error("cannot give " + pattern + " to the postgres user");
  }
  return pattern;
}

PGconn* connect(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string message = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot connect to " + url + ": " + message);
  }
  return c;
}

}  // namespace

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("no free port");
  }
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

std::optional<std::string> PgCluster::unavailable() {
  if (access((kBin + "initdb").c_str(), X_OK) != 0) return "PostgreSQL 15 server binaries are not installed";
  if (as_root()) {
    if (!getpwnam("postgres")) return "running as root and there is no \"postgres\" user to run PostgreSQL";
    if (run_process({"runuser", "-u", "postgres", "--", "test", "-x", kBin + "initdb"}).exit_code != 0)
      return "the postgres user cannot run " + kBin + "initdb (see scripts/with-postgres.sh)";
  }
  return std::nullopt;
}

std::string PgCluster::run(const std::vector<std::string>& argv) const {
  ProcessResult r = run_process(as_owner(argv));
  if (r.exit_code != 0) {
    std::string log;
    if (std::filesystem::exists(dir_ + "/server.log")) log = "\nserver.log:\n" + read_file(dir_ + "/server.log");
    throw std::runtime_error(argv[0] + " failed (" + std::to_string(r.exit_code) + "): " + r.output + log);
  }
  return r.output;
}

PgCluster::PgCluster() : dir_(new_directory()), port_(free_port()) {
  run({kBin + "initdb", "-D", dir_ + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"});
}

PgCluster::PgCluster(Replica) : dir_(new_directory()), port_(free_port()) {}

std::unique_ptr<PgCluster> PgCluster::replica_of(const PgCluster& primary) {
  std::unique_ptr<PgCluster> replica(new PgCluster(Replica{}));
  // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
  replica->run({kBin + "pg_basebackup", "-h", "127.0.0.1", "-p", std::to_string(primary.port_), "-U", "postgres", "-D",
                replica->dir_ + "/data", "-R", "-X", "stream", "-c", "fast"});
  return replica;
}

PgCluster::~PgCluster() {
  if (running_) run_process(as_owner({kBin + "pg_ctl", "-D", dir_ + "/data", "-m", "immediate", "-w", "stop"}));
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void PgCluster::start() {
  // The defaults of PostgreSQL 15 already allow streaming replication (wal_level=replica,
  // max_wal_senders=10, initdb's pg_hba lines for replication from 127.0.0.1); named here so
  // that the test does not depend on them.
  run({kBin + "pg_ctl", "-D", dir_ + "/data", "-l", dir_ + "/server.log", "-w", "-o",
       "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " + dir_ +
           " -c fsync=off -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on",
       "start"});
  running_ = true;
}

void PgCluster::stop(const char* mode) {
  if (!running_) return;
  run({kBin + "pg_ctl", "-D", dir_ + "/data", "-m", mode, "-w", "stop"});
  running_ = false;
}

void PgCluster::kill_postmaster() {
  if (!running_) return;
  // The first line of postmaster.pid is the postmaster's process id.
  pid_t pid = static_cast<pid_t>(std::stol(read_file(dir_ + "/data/postmaster.pid")));
  ::kill(pid, SIGKILL);
  running_ = false;
  for (int i = 0; i < 1000; ++i) {
    waitpid(pid, nullptr, WNOHANG);  // reaps it when we are its parent (a child subreaper)
    if (::kill(pid, 0) != 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("the postmaster " + std::to_string(pid) + " did not go away after SIGKILL");
}

std::string PgCluster::url(const std::string& database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

void PgCluster::exec(const std::string& database, const std::string& sql) const {
  PGconn* c = connect(url(database));
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  std::string message = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

std::string PgCluster::value(const std::string& database, const std::string& sql) const {
  PGconn* c = connect(url(database));
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
  std::string out = ok && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? PQgetvalue(r, 0, 0) : "";
  std::string message = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(sql + ": " + message);
  return out;
}

// ---- the web server -------------------------------------------------------------------------

AppServer::AppServer(web::WebOptions options, const std::function<void(web::App&)>& extra_routes) {
  options.host = "127.0.0.1";
  options.port = 0;
  app_ = std::make_unique<web::App>(options);
  web::register_routes(*app_);
  if (extra_routes) extra_routes(*app_);
  port_ = app_->bind();
  if (port_ <= 0) throw std::runtime_error("cannot bind a port");
  thread_ = std::thread([this] { app_->run(); });
  if (!app_->wait_until_running()) throw std::runtime_error("the server did not start");
}

AppServer::~AppServer() {
  app_->stop();
  if (thread_.joinable()) thread_.join();
}

WebClient::WebClient(int port, int read_timeout_s) : client_(std::make_unique<httplib::Client>("127.0.0.1", port)) {
  client_->set_read_timeout(read_timeout_s, 0);
  client_->set_connection_timeout(5, 0);
}

httplib::Headers WebClient::headers(const httplib::Headers& extra) const {
  httplib::Headers h = extra;
  std::string c;
  for (const auto& [k, v] : cookies_) c += (c.empty() ? "" : "; ") + k + "=" + v;
  if (!c.empty()) h.emplace("Cookie", c);
  return h;
}

void WebClient::remember(const httplib::Result& r) {
  if (!r) return;
  for (const auto& [name, value] : r->headers) {
    if (name != "Set-Cookie") continue;
    std::string pair = value.substr(0, value.find(';'));
    size_t eq = pair.find('=');
    if (value.find("Max-Age=0") != std::string::npos)
      cookies_.erase(pair.substr(0, eq));
    else
      cookies_[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  static const std::regex token(R"re(name="csrf-token" content="([0-9a-f]{64})")re");
  std::smatch m;
  if (std::regex_search(r->body, m, token)) csrf_ = m[1];
}

httplib::Result WebClient::get(const std::string& path, const httplib::Headers& extra) {
  auto r = client_->Get(path, headers(extra));
  remember(r);
  return r;
}

httplib::Result WebClient::post(const std::string& path, httplib::Params form) {
  form.emplace("_csrf", csrf_);
  auto r = client_->Post(path, headers({}), form);
  remember(r);
  return r;
}

bool WebClient::sign_in(const std::string& username) {
  get("/dang-nhap");
  auto r = post("/dang-nhap", {{"ten_dang_nhap", username}, {"mat_khau", kPassword}});
  if (!r || r->status != 303) return false;
  return cookies_.count("kc_session") > 0;
}

}  // namespace kc::test
