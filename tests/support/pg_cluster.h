// PostgreSQL 15 clusters of a test's own, for tests that stop, restart or replicate a database
// server (which the suite's shared cluster from scripts/with-postgres.sh must not suffer): each
// lives in a new temporary directory, listens on 127.0.0.1 on a free port, runs as the
// "postgres" system user when the tests run as root (PostgreSQL refuses root), and is stopped
// and removed by its destructor whatever happened.
//
// Also: a khuyencong web server on such a database (AppServer) and a browser-like client for it
// (WebClient), like WebFixture and Browser but with the App's options in the test's hands.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "web/app.h"

namespace kc::test {

// A TCP port on 127.0.0.1 that nobody listens on now.
int free_port();

class PgCluster {
 public:
  // Why clusters cannot be made on this machine (no PostgreSQL 15 server binaries, no
  // "postgres" user when root), or nullopt when they can.
  static std::optional<std::string> unavailable();

  // A new primary cluster (initdb, trust authentication, replication allowed from 127.0.0.1);
  // not started.
  PgCluster();
  // A streaming replica of `primary` (pg_basebackup -R over loopback; the primary must run);
  // not started.
  static std::unique_ptr<PgCluster> replica_of(const PgCluster& primary);
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  void start();                      // waits until it accepts connections; throws on failure
  void stop(const char* mode = "fast");  // waits until it has stopped
  // The postmaster killed with SIGKILL, as a crash of the database server's machine process
  // would: no shutdown, its backends left to notice on their own. Returns once it is gone (the
  // caller reaps it if it is the postmaster's parent, see bench/crash/crash_test.cc); start()
  // may then have to be tried again until the old backends have quit.
  void kill_postmaster();
  bool running() const { return running_; }
  int port() const { return port_; }
  std::string url(const std::string& database = "postgres") const;

  // Runs `sql` on `database`; throws std::runtime_error on failure.
  void exec(const std::string& database, const std::string& sql) const;
  // The first value of `sql`'s first row ("" for NULL or no row).
  std::string value(const std::string& database, const std::string& sql) const;

 private:
  struct Replica {};
  explicit PgCluster(Replica);
  std::string run(const std::vector<std::string>& argv) const;  // as the owner; throws on failure

  std::string dir_;
  int port_ = 0;
  bool running_ = false;
};

// A khuyencong web server on a free loopback port, running in a thread until destroyed.
class AppServer {
 public:
  explicit AppServer(web::WebOptions options, const std::function<void(web::App&)>& extra_routes = {});
  ~AppServer();
  web::App& app() { return *app_; }
  int port() const { return port_; }

 private:
  std::unique_ptr<web::App> app_;
  std::thread thread_;
  int port_ = 0;
};


// A browser-like client: keeps cookies, sends back the CSRF token of the last page it loaded.
class WebClient {
 public:
  explicit WebClient(int port, int read_timeout_s = 30);
  httplib::Result get(const std::string& path, const httplib::Headers& extra = {});
  httplib::Result post(const std::string& path, httplib::Params form);
  bool sign_in(const std::string& username);

 private:
  void remember(const httplib::Result& r);
  httplib::Headers headers(const httplib::Headers& extra) const;
  std::unique_ptr<httplib::Client> client_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

}  // namespace kc::test
