// The crash test (docs/performance.md, "Crash test"; bench/crash_test.sh runs it): writers write
// through the API at full speed while the server is killed with SIGKILL at random moments and
// restarted on the same database; after each restart every acknowledged write must be there
// with its values, the database sound, each record's audit trail ending with the record, and the
// documents folder holding exactly the files of the tai_lieu rows. With --kill-postgres it is the
// PostgreSQL server that is killed instead: the app must answer 503 meanwhile and recover by
// itself once PostgreSQL is started again.
//
//   crash_test [--engine sqlite|postgres] [--kills 100] [--kill-postgres] [--writers 4]
//              [--seed N] [--max-run-ms 1500] [--binary <khuyencong>] [--ctest]
// Exit status: 0 when nothing was lost, corrupt, mismatched, orphaned or missing; 1 otherwise;
// 77 when PostgreSQL clusters cannot be made here (CTest counts it as skipped).
#include <sys/prctl.h>
#include <sys/wait.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <random>
#include <thread>

#include "crash/checks.h"
#include "crash/server_process.h"
#include "crash/writer.h"
#include "support/pg_cluster.h"
#include "support/test_support.h"
#include "support/web_fixture.h"

namespace kc::crash {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct Options {
  std::string engine = "sqlite", binary = KC_CLI_PATH;
  int kills = 100, writers = 4, max_run_ms = 1500;
  bool kill_postgres = false;
  bool ctest = false;  // as the suite runs it: PostgreSQL only in its PostgreSQL pass
  uint64_t seed = 0;
};

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

struct Timings {
  std::vector<double> values;
  void add(double v) { values.push_back(v); }
  std::string summary() {
    if (values.empty()) return "-";
    std::sort(values.begin(), values.end());
    char buf[96];
    std::snprintf(buf, sizeof buf, "median %.0f ms, max %.0f ms", values[values.size() / 2], values.back());
    return buf;
  }
};

// Writers on their own threads for one round, until `stop` or until the server stops answering.
class Round {
 public:
  explicit Round(std::vector<std::unique_ptr<Writer>>& writers) {
    for (auto& w : writers) threads_.emplace_back([&w, this] { w->run(stop_); });
  }
  void end() {
    stop_ = true;
    for (auto& t : threads_) t.join();
    threads_.clear();
  }
  ~Round() {
    if (!threads_.empty()) end();
  }

 private:
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

// Starts PostgreSQL again after its postmaster was killed: the old backends may still hold its
// shared memory for a moment, so it is tried until it starts (30 s at most).
void restart_postgres(test::PgCluster& cluster) {
  auto until = Clock::now() + std::chrono::seconds(30);
  for (;;) {
    try {
      cluster.start();
      return;
    } catch (const std::exception& e) {
      if (Clock::now() > until) throw;
      std::this_thread::sleep_for(milliseconds(200));
    }
  }
}

// What a run did and found; the run's exit status (0: nothing lost, corrupt or out of place).
struct RunFacts {
  int startup_kills = 0, no_503 = 0;
  double total_s = 0;
  Timings *restarts, *outages_503, *recoveries;
};

int report(const Options& o, const std::vector<std::unique_ptr<Writer>>& writers, const Findings& findings,
           const RunFacts& run, const std::filesystem::path& documents) {
  WriteCounts all;
  for (const auto& w : writers) {
    for (size_t i = 0; i < all.acked.size(); ++i) all.acked[i] += w->counts().acked[i];
    all.unanswered += w->counts().unanswered;
    all.server_errors += w->counts().server_errors;
    all.refused += w->counts().refused;
  }
  std::cout << "kills: " << o.kills << (o.kill_postgres ? " of the PostgreSQL postmaster" : " of the app server");
  if (run.startup_kills) std::cout << " (plus " << run.startup_kills << " more during start-up)";
  std::cout << " in " << static_cast<int>(run.total_s) << " s\n"
            << "acknowledged writes: " << all.total_acked() << "\n";
  for (size_t i = 0; i < all.acked.size(); ++i)
    std::cout << "  " << op_name(static_cast<Op>(i)) << ": " << all.acked[i] << "\n";
  std::cout << "unanswered writes (killed under them; either outcome allowed): " << all.unanswered
            << " (of them 5xx: " << all.server_errors << ")\n"
            << "refused writes (4xx): " << all.refused << "\n"
            << "acknowledged writes checked after the restarts (summed): " << findings.verified << "\n"
            << "lost: " << findings.lost << "\ncorrupt: " << findings.corrupt
            << "\naudit mismatches: " << findings.audit_mismatches
            << "\norphaned files: " << findings.orphaned_files.size()
            << "\nmissing files: " << findings.missing_files.size()
            << "\nfiles of unfinished uploads set aside by the server at start: " << files_set_aside(documents) << "\n";
  if (o.kill_postgres)
    std::cout << "503 while PostgreSQL was down: seen after " << run.outages_503->summary() << "; not seen: " << run.no_503
              << "\nrecovery without restarting the app, from PostgreSQL's restart to /healthz 200: "
              << run.recoveries->summary() << "\n";
  else
    std::cout << "restart to /healthz 200: " << run.restarts->summary() << "\n";
  for (const auto& w : writers)
    for (const std::string& r : w->refusals()) std::cout << "refused: " << r << "\n";
  for (const std::string& d : findings.details) std::cout << "problem: " << d << "\n";
  bool ok = findings.lost == 0 && findings.corrupt == 0 && findings.audit_mismatches == 0 &&
            findings.orphaned_files.empty() && findings.missing_files.empty() && run.no_503 == 0 && all.refused == 0 &&
            all.total_acked() > 0;
  std::cout << (ok ? "PASSED" : "FAILED") << "\n";
  return ok ? 0 : 1;
}

int run(const Options& o) {
  if (o.engine != "sqlite" && o.engine != "postgres") throw std::runtime_error("--engine: sqlite or postgres");
  if (o.kill_postgres && o.engine != "postgres") throw std::runtime_error("--kill-postgres needs --engine postgres");
  std::unique_ptr<test::PgCluster> cluster;
  if (o.engine == "postgres") {
    if (o.ctest && !std::getenv("KC_TEST_POSTGRES")) {
      std::cout << "skipped: PostgreSQL only in the suite's PostgreSQL pass (scripts/with-postgres.sh, KC_TEST_POSTGRES)\n";
      return 77;
    }
    if (auto why = test::PgCluster::unavailable()) {
      std::cout << "skipped: " << *why << "\n";
      return 77;
    }
    // A killed postmaster's parent must reap it before a new one may start: be that parent.
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    cluster = std::make_unique<test::PgCluster>();
    cluster->start();
    cluster->exec("postgres", "CREATE DATABASE kc ENCODING 'UTF8' TEMPLATE template0");
  }
  test::TempDir dir;
  std::string db = cluster ? cluster->url("kc") : (dir / "khuyencong.db").string();
  std::filesystem::path documents = dir / "tai-lieu";
  test::seed_demo_with_users(db);
  ServerProcess server(o.binary, db,
                       {"--threads", "4", "--upload-dir", documents.string(), "--quiet-requests", "--db-wait", "2",
                        "--db-connect-timeout", "2", "--db-statement-timeout", "10"},
                       dir / "server.log");
  auto fail = [&](const std::string& why) {
    std::cout << "FAILED: " << why << "\nthe server's log:\n" << test::read_file(dir / "server.log") << "\n";
    return 1;
  };
  if (!server.start_ready(std::chrono::seconds(60))) return fail("the server did not start");

  uint64_t seed = o.seed ? o.seed : std::random_device{}();
  std::mt19937_64 rng(seed);
  std::vector<std::unique_ptr<Writer>> writers;
  for (int i = 0; i < o.writers; ++i) {
    writers.push_back(std::make_unique<Writer>(i, server.port(), seed + static_cast<uint64_t>(i) + 1));
    if (!writers.back()->sign_in()) return fail("writer " + std::to_string(i) + " could not sign in");
  }
  std::cout << "crash test: " << o.engine << (o.kill_postgres ? ", PostgreSQL server killed" : ", app server killed")
            << ", " << o.kills << " kills, " << o.writers << " writers, seed " << seed << "\n";

  Findings findings;
  Timings restarts, outages_503, recoveries;
  int startup_kills = 0, no_503 = 0;
  std::uniform_int_distribution<int> run_ms(20, o.max_run_ms);
  auto started = Clock::now();
  for (int k = 1; k <= o.kills; ++k) {
    {
      Round round(writers);
      std::this_thread::sleep_for(milliseconds(run_ms(rng)));
      if (!o.kill_postgres) {
        server.kill_now();
      } else {
        cluster->kill_postmaster();
        // The app, still running, must answer 503 while its database is gone.
        auto down = Clock::now();
        int status = 0;
        while ((status = server.status_of("/healthz")) != 503 && ms_since(down) < 15000)
          std::this_thread::sleep_for(milliseconds(20));
        if (status == 503) outages_503.add(ms_since(down));
        else ++no_503;
      }
      round.end();
    }
    auto restart = Clock::now();
    if (!o.kill_postgres) {
      // One kill in ten lands during start-up (opening the database, the Dataset's first load).
      if (std::uniform_int_distribution<int>(0, 9)(rng) == 0) {
        server.start();
        std::this_thread::sleep_for(milliseconds(std::uniform_int_distribution<int>(0, 300)(rng)));
        server.kill_now();
        ++startup_kills;
      }
      if (!server.start_ready(std::chrono::seconds(60)))
        return fail("the server did not start again after kill " + std::to_string(k));
      for (auto& w : writers) w->use_port(server.port());
      restarts.add(ms_since(restart));
    } else {
      restart_postgres(*cluster);
      // The same app process, not restarted, answers again.
      if (!server.wait_ready(std::chrono::seconds(30)))
        return fail("the app did not recover after PostgreSQL came back (kill " + std::to_string(k) + ")");
      recoveries.add(ms_since(restart));
    }
    check_after_restart(db, documents, writers, findings);
  }
  double total_s = ms_since(started) / 1000;
  server.terminate();

  return report(o, writers, findings, {startup_kills, no_503, total_s, &restarts, &outages_503, &recoveries}, documents);
}

}  // namespace
}  // namespace kc::crash

int main(int argc, char** argv) {
  kc::crash::Options o;
  CLI::App app("Crash test: SIGKILL under writes, then every acknowledged write checked");
  app.add_option("--engine", o.engine, "sqlite or postgres");
  app.add_option("--kills", o.kills, "how many times the server is killed");
  app.add_flag("--kill-postgres", o.kill_postgres, "kill the PostgreSQL postmaster instead of the app");
  app.add_option("--writers", o.writers, "writing clients at once");
  app.add_option("--seed", o.seed, "random seed (0: a new one, printed)");
  app.add_option("--max-run-ms", o.max_run_ms, "longest time between a restart and the next kill");
  app.add_option("--binary", o.binary, "the khuyencong binary");
  app.add_flag("--ctest", o.ctest, "as the test suite runs it: PostgreSQL only when KC_TEST_POSTGRES is set");
  CLI11_PARSE(app, argc, argv);
  try {
    return kc::crash::run(o);
  } catch (const std::exception& e) {
    std::cout << "FAILED: " << e.what() << "\n";
    return 1;
  }
}
