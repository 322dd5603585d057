// The web application: configuration, the connection pool, the in-memory Dataset that pages,
// dashboards and reports read (rebuilt after every committed change, so a change shows on the
// next page load), sign-in throttling, and the route table with each route's access rule.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <string>
#include <vector>

#include "model/dataset.h"
#include "model/dataset_update.h"
#include "projects/uncertain_documents.h"
#include "web/address_list.h"
#include "web/background_jobs.h"
#include "web/list_cache.h"
#include "web/request_deadline.h"
#include "web/request_log.h"
#include "web/server_metrics.h"
#include "web/session_cache.h"
#include "store/store_pool.h"
#include "web/throttle.h"

namespace httplib {
struct Request;
struct Response;
class Server;
}  // namespace httplib

namespace kc::web {

class RequestContext;

struct WebOptions {
  std::string db = "khuyencong.db";
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  size_t threads = 8;  // requests worked on at once (worker slots); connections have their own threads
  // Slow clients (docs/deployment.md): how long a request may take to arrive (request_deadline.h),
  // and how many connections are served at once (connection_threads.h); more wait for a thread.
  RequestDeadline request_deadline;
  size_t max_connections = 1024;
  bool secure_cookies = false;  // behind TLS: cookies get the Secure attribute
  long session_seconds = 8 * 3600;
  size_t max_body_bytes = 12 * 1024 * 1024;
  std::string upload_dir;  // where attached documents are kept; default: <db>.tai-lieu/
  // Databases (store/store_pool.h): PostgreSQL read replicas, and the pools' limits and timeouts
  // (pool.size 0: one connection per thread; reloading the Dataset has one more of its own).
  std::vector<std::string> db_replicas;
  PoolOptions pool{.size = 0};
  std::chrono::milliseconds replica_retry{std::chrono::seconds(10)};  // a failed replica is left out this long
  // Diagnostic headers for the operator, off by default (answers carry no internal detail):
  // X-Khuyencong-Nguon-Doc names the database that answered (docs/deployment.md).
  bool diagnostic_headers = false;
  // Operations (docs/deployment.md, "Operations"): the log on standard output (request_log.h),
  // /metrics and who may read it (an address list, address_list.h), and how often expired
  // sessions are deleted (also once at start).
  LogFormat log_format = LogFormat::json;
  bool quiet_requests = false;  // no request lines; the server's own messages stay
  int log_fd = 1;               // standard output; tests pass a file
  std::string metrics_from = "127.0.0.1,::1";
  // Reverse proxies whose X-Forwarded-For names the client (client_address.h); empty: none, the
  // connection's own address is the client's.
  std::string trusted_proxies;
  std::chrono::seconds session_purge_interval{60};
  // Long work asked for on the web (a plan's dossier) runs on the jobs' own threads
  // (background_jobs.h): how many at once, how many wait, how long results are kept.
  JobLimits jobs;
};

// Who may call a route. An empty role list with `signed_in` false means the public.
struct Access {
  bool signed_in = false;
  std::vector<std::string> roles;  // when signed in: the roles allowed (empty: any role)
  static Access public_access() { return {}; }
  static Access any_user() { return {true, {}}; }
  static Access only(std::vector<std::string> roles) { return {true, std::move(roles)}; }
  bool allows(const std::string* role) const;  // role of the caller, nullptr for the public
};

struct Route {
  std::string method;   // GET, POST, PUT
  std::string pattern;  // httplib regex, e.g. R"(/co-so/([^/]+))"
  std::string name;     // stable id used by the role × route test
  Access access;
  bool api = false;     // JSON answers (errors included)
  std::function<void(RequestContext&)> handler;
};

class App {
 public:
  explicit App(WebOptions options);
  ~App();

  const WebOptions& options() const { return options_; }
  StorePool& pool() { return pool_; }
  // The read replicas' router; nullptr when none is configured (every read from the primary).
  ReadRouter* read_router() { return router_.get(); }
  // Failed sign-ins, by account and address together with growing waits (throttle.h).
  SignInThrottle& sign_in_throttle() { return sign_in_throttle_; }
  // The address the request's limits are counted for: the peer, or behind a trusted proxy the
  // client it names (client_address.h).
  std::string client_address(const httplib::Request& req) const;

  // The current Dataset; loaded on first use. Readers keep their snapshot alive while they use it.
  std::shared_ptr<const Dataset> dataset();
  // Called after a change is committed: the next dataset() reflects it. Told which record
  // changed (a project: with its steps, outputs, beneficiaries), the next Dataset reads only
  // that again (model/dataset_update.h); told nothing, it loads everything again.
  void changed();
  void changed(std::string_view kind, std::string key = {});
  // Advanced by every changed(): caches of query answers (list_cache.h) are valid for one version.
  uint64_t data_version() const { return data_version_.load(); }
  // Advanced by every request that may write (any method but GET), whatever it wrote: what is
  // read from records outside the Dataset (amendments waiting) may be remembered for one value.
  uint64_t write_version() const { return write_version_.load(); }
  ListCache& list_cache() { return list_cache_; }
  BackgroundJobs& jobs() { return *jobs_; }
  SessionCache& session_cache() { return session_cache_; }

  // Operations (operations.cc): the log on standard output, the counters /metrics shows, and
  // the purge of expired sessions (done at start, then at most once per session_purge_interval
  // by the request that finds it due, after its answer was written). Returns how many went.
  const RequestLog& log() const { return log_; }
  int64_t purge_expired_sessions();
  // At start: files of uploads that never committed set aside (documents.h, set_aside_unreferenced).
  void sweep_documents();
  // Uploads whose COMMIT failed (uncertain_documents.h): settled by /healthz and after requests.
  UncertainDocuments& uncertain_documents() { return uncertain_documents_; }
  void settle_uncertain_documents();

  void add(Route route);
  const std::vector<Route>& routes() const { return routes_; }

  // Binds to options().host:port (port 0: a free one) and returns the port; then run() serves
  // until stop() is called from another thread.
  int bind();
  void run();
  // Blocks until run() accepts connections (or the timeout passes); false on timeout.
  bool wait_until_running(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Stops a running server; safe to call before run() has started (it waits for it first).
  void stop();

 private:
  void install_routes();
  void route_bodiless_requests(httplib::Server& s);
  void dispatch(const Route& route, const httplib::Request& req, httplib::Response& res);
  // Database routing and failures (app.cc, "Databases"): one attempt at answering; false when a
  // replica failed under a GET and the request should be answered again from the primary.
  bool serve(const Route& route, const httplib::Request& req, httplib::Response& res, bool replicas);
  void database_failed(RequestContext& ctx, const StoreError& e);
  std::shared_ptr<const Dataset> load_dataset_routed();
  std::shared_ptr<const Dataset> updated_dataset_from_primary(const std::vector<RecordChange>& changes);  // nullptr: load it whole
  // Operations (operations.cc).
  void install_operations(httplib::Server& s);
  void request_finished(const httplib::Request& req, const httplib::Response& res);
  void serve_metrics(const httplib::Request& req, httplib::Response& res);
  void purge_sessions_when_due();

  WebOptions options_;
  StorePool pool_;
  StorePool reload_pool_;  // the Dataset's reloads only (app.cc, reload_pool_options)
  std::unique_ptr<ReadRouter> router_;
  int dataset_source_ = 0;  // which database the current Dataset was loaded from (source_label)
  SignInThrottle sign_in_throttle_;
  std::shared_mutex dataset_mutex_;
  std::shared_ptr<const Dataset> dataset_;
  bool stale_ = true;                  // through std::atomic_ref, set with pending_ (app.cc)
  std::vector<RecordChange> pending_;  // committed since the current Dataset; {""}: anything
  std::atomic<uint64_t> data_version_{1};
  std::atomic<uint64_t> write_version_{1};
  ListCache list_cache_;
  SessionCache session_cache_;
  std::vector<Route> routes_;
  std::unique_ptr<httplib::Server> server_;
  std::counting_semaphore<> worker_slots_;  // options_.threads: requests worked on at once
  int listen_socket_ = -1;  // the bound socket (listen_socket.h)
  RequestLog log_;
  AddressList metrics_from_;
  AddressList trusted_proxies_;
  ServerMetrics metrics_;
  std::atomic<int64_t> next_purge_s_{0};  // steady clock seconds when the next purge is due
  UncertainDocuments uncertain_documents_;
  // Last, so that it goes first: running jobs are cancelled and joined before the rest goes.
  std::unique_ptr<BackgroundJobs> jobs_;
};

// The heading of an error page, in words a person understands ("Không tìm thấy trang" for 404);
// `method` tells reading a page (GET) from doing something (POST, PUT) where that matters (403).
std::string status_heading(int status, const std::string& method);

// Registers every page and API route of the product on `app`.
void register_routes(App& app);

}  // namespace kc::web
