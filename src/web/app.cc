#include "web/app.h"

#include <httplib.h>

#include <malloc.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "core/vn_format.h"
#include "web/client_address.h"
#include "web/connection_threads.h"
#include "web/guarded_server.h"
#include "web/listen_socket.h"
#include "web/request_context.h"
#include "web/request_trace.h"
#include "web/request_validation.h"
#include "web/route_table.h"
#include "web/sessions.h"

namespace kc::web {

namespace {

// Headers on every answer: no framing, no sniffing, only our own scripts and styles.
void security_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
}

std::string status_message(int status) {
  switch (status) {
    case 400: return "Yêu cầu không hợp lệ.";
    case 401: return "Cần đăng nhập.";
    case 403: return "Tài khoản bạn đang dùng không có quyền mở trang hoặc thực hiện thao tác này. Nếu công việc cần, "
                     "hãy đề nghị người quản trị cấp quyền.";
    case 404: return "Không tìm thấy trang hoặc hồ sơ này.";
    case 405: return "Phương thức không được hỗ trợ cho địa chỉ này.";
    case 413: return "Dữ liệu gửi lên quá lớn.";
    case 503: return "Cơ sở dữ liệu tạm thời không dùng được; vui lòng thử lại sau ít phút.";
    default: return "Đã có lỗi; vui lòng thử lại.";
  }
}

// Answers for one signed-in user, and downloads (documents, dossiers, reports, exports) whoever
// asks, must not be kept by a browser or a proxy: the next person at a shared office computer
// would see them with the back button or the cache. Nor may any answer that sets a cookie (the
// session, a visitor's CSRF token, even on a static file): a shared cache would hand the same
// cookie to every visitor behind it. Shared assets whose handler called them public (static
// files) stay cacheable otherwise; so do public pages for visitors.
void cache_policy(const RequestContext& ctx, httplib::Response& res) {
  bool download = res.has_header("Content-Disposition");
  bool sets_cookie = res.has_header("Set-Cookie");
  bool shared_asset = res.get_header_value("Cache-Control").rfind("public", 0) == 0;
  if (!download && !sets_cookie && (!ctx.user() || shared_asset)) return;
  res.headers.erase("Cache-Control");
  res.set_header("Cache-Control", "no-store");
}

// An upload past the body limit is answered by httplib before any route runs: say what the
// limit is and how a bigger workbook can still be loaded.
std::string too_large_message(size_t max_body_bytes) {
  return "Dữ liệu gửi lên quá lớn: mỗi lần gửi tối đa " + format_int(static_cast<int64_t>(max_body_bytes >> 20)) +
         " MB. Sổ tính lớn hơn có thể nhập bằng lệnh khuyencong import <tệp>.xlsx trên máy chủ "
         "(hoặc chia thành nhiều sổ tính nhỏ hơn).";
}

bool wants_json(const httplib::Request& req) {
  return req.path.rfind("/api/", 0) == 0 || req.get_header_value("Accept").find("application/json") != std::string::npos;
}

// ---- Databases: pool options, replicas, failures --------------------------------------------

// By default one connection per worker thread.
PoolOptions pool_options(const WebOptions& o) {
  PoolOptions p = o.pool;
  if (p.size == 0) p.size = o.threads;
  return p;
}

// Reloading the Dataset has a connection of its own: the requests waiting for a reload may hold
// every connection of the pool (each looked its caller up first), and a reload drawing from
// that pool waited for them until the pool's wait ran out — a 503 at every write once more
// signed-in users than --db-pool asked for the Dataset at once. Reloads take turns (the
// Dataset's lock), so one connection is enough.
PoolOptions reload_pool_options(const WebOptions& o) {
  PoolOptions p = pool_options(o);
  p.size = 1;
  return p;
}

// Guards App::pending_ and the setting of App::stale_ (held for a push_back or a swap). A write's
// changed() does not take the Dataset's lock: glibc's rwlock prefers readers, and under
// thousands of reads a second a write waited seconds for it (bench/write_read_benchmark.sh).
// One for every App of the process: none holds it for longer than a few instructions.
std::mutex pending_mutex;

// Which database the Dataset this thread's request uses was loaded from (-1: none used yet).
// Handlers reach the Dataset through App::dataset(), not through their RequestContext.
thread_local int t_dataset_source = -1;

// How long a Dataset reload waits for a replica to replay the write that made it stale before
// loading from the primary instead (a replica on the same network is usually milliseconds behind).
constexpr auto kDatasetCatchUp = std::chrono::milliseconds(500);

// A Dataset shared by the requests that use it. When the last of them lets an old one go
// (after a reload), its memory is handed back to the system: otherwise the allocator keeps
// the freed pages and the server's RSS grows by a Dataset at every reload.
std::shared_ptr<const Dataset> shared_dataset(Dataset&& loaded) {
  return std::shared_ptr<const Dataset>(new Dataset(std::move(loaded)), [](const Dataset* d) {
    delete d;
    malloc_trim(0);
  });
}

}  // namespace

std::string status_heading(int status, const std::string& method) {
  switch (status) {
    case 400: return "Yêu cầu không hợp lệ";
    case 401: return "Cần đăng nhập";
    case 403: return method == "GET" ? "Bạn không có quyền xem trang này" : "Bạn không có quyền thực hiện thao tác này";
    case 404: return "Không tìm thấy trang";
    case 405: return "Địa chỉ này không nhận thao tác đó";
    case 409: return "Dữ liệu vừa được người khác thay đổi";
    case 413: return "Dữ liệu gửi lên quá lớn";
    case 422: return "Dữ liệu chưa hợp lệ";
    case 428: return "Cần tải lại dữ liệu trước khi sửa";
    case 429: return "Vui lòng chờ rồi thử lại";
    case 503: return "Dịch vụ tạm thời gián đoạn";
    default: return "Đã có lỗi xảy ra";
  }
}

bool Access::allows(const std::string* role) const {
  if (!signed_in) return true;
  if (!role) return false;
  return roles.empty() || std::find(roles.begin(), roles.end(), *role) != roles.end();
}

App::App(WebOptions options)
    : options_(std::move(options)),
      pool_(options_.db, pool_options(options_)),
      reload_pool_(options_.db, reload_pool_options(options_)),
      worker_slots_(static_cast<std::ptrdiff_t>(std::max<size_t>(1, options_.threads))),
      log_(options_.log_format, options_.log_fd, !options_.quiet_requests) {
  std::string error;
  auto metrics_from = AddressList::parse(options_.metrics_from, error);
  if (!metrics_from) throw std::invalid_argument("--metrics-from: " + error);
  metrics_from_ = std::move(*metrics_from);
  auto trusted_proxies = AddressList::parse(options_.trusted_proxies, error);
  if (!trusted_proxies) throw std::invalid_argument("--trusted-proxy: " + error);
  trusted_proxies_ = std::move(*trusted_proxies);
  if (!options_.db_replicas.empty())
    router_ = std::make_unique<ReadRouter>(pool_, options_.db_replicas, pool_options(options_), options_.replica_retry);
  jobs_ = std::make_unique<BackgroundJobs>(options_.jobs);
}

App::~App() = default;

std::string App::client_address(const httplib::Request& req) const {
  std::string forwarded_for;
  for (size_t i = 0, n = req.get_header_value_count("X-Forwarded-For"); i < n; ++i)
    forwarded_for += (i ? "," : "") + req.get_header_value("X-Forwarded-For", i);
  return web::client_address(req.remote_addr, forwarded_for, trusted_proxies_);
}

std::shared_ptr<const Dataset> App::dataset() {
  std::atomic_ref<bool> stale(stale_);
  if (!stale.load()) {
    std::shared_lock lock(dataset_mutex_);  // readers share it; a reload or an update takes it alone
    if (dataset_) {
      t_dataset_source = dataset_source_;
      return dataset_;
    }
  }
  // Stale: the first request in applies what was written; those after it wait here, not on the
  // shared lock, so the update is not held up by a stream of readers.
  std::unique_lock lock(dataset_mutex_);
  std::vector<RecordChange> changes;
  bool reload = !dataset_;
  {
    std::lock_guard guard(pending_mutex);
    reload = stale.exchange(false) || reload;
    changes.swap(pending_);
  }
  try {
    // What the writes changed, read again into a copy that shares everything else (more than
    // 256 changes at once: a whole load costs less).
    if (reload && dataset_ && changes.size() <= 256)
      if (auto updated = updated_dataset_from_primary(changes)) {
        dataset_ = std::move(updated);
        reload = false;
      }
    if (reload) {
      // The old Dataset goes first: requests wait on this lock during the reload anyway, and
      // freeing it before the new one is built keeps one Dataset in memory, not two, unless a
      // request still holds it.
      dataset_.reset();
      auto since = std::chrono::steady_clock::now();
      dataset_ = load_dataset_routed();
      metrics_.dataset_reloaded(std::chrono::steady_clock::now() - since);
      malloc_trim(0);  // the loader's temporary indexes, freed, go back to the system too
    }
  } catch (...) {
    std::lock_guard guard(pending_mutex);  // the next request tries again
    pending_.insert(pending_.end(), changes.begin(), changes.end());
    stale.store(true);
    throw;
  }
  t_dataset_source = dataset_source_;
  return dataset_;
}

// The Dataset from a replica that has replayed everything the primary had committed when the
// reload began (so a write that made it stale is in it), otherwise from the primary.
std::shared_ptr<const Dataset> App::load_dataset_routed() {
  std::optional<Lsn> required;
  if (router_) {
    try {
      required = router_->primary_position();
    } catch (const StoreError& e) {
      std::cerr << "[web] vị trí WAL của máy chủ chính: " << e.what() << "\n";  // the primary decides below
    }
  }
  if (required) {
    if (auto replica = router_->replica(*required, kDatasetCatchUp)) {
      try {
        auto data = shared_dataset(load_dataset(*replica->lease));
        dataset_source_ = replica->source;
        return data;
      } catch (const StoreError& e) {
        replica->lease.mark_broken();
        router_->failed(replica->source, e.what());
      }
    }
  }
  auto lease = reload_pool_.lease();
  try {
    auto data = shared_dataset(load_dataset(*lease));
    dataset_source_ = 0;
    return data;
  } catch (const StoreError&) {
    lease.mark_broken();
    pool_.discard_connections();
    throw;
  }
}

// The next Dataset from the current one and the pending changes, read from the primary (where
// they were just committed); nullptr when it must be loaded whole.
std::shared_ptr<const Dataset> App::updated_dataset_from_primary(const std::vector<RecordChange>& changes) {
  auto lease = reload_pool_.lease();
  try {
    std::optional<Dataset> next = updated_dataset(*dataset_, *lease, changes);
    if (!next) return nullptr;
    dataset_source_ = 0;
    return std::make_shared<const Dataset>(std::move(*next));
  } catch (const StoreError&) {
    lease.mark_broken();
    pool_.discard_connections();
    throw;
  }
}

// A request failed on the database: its connections are not reused, nor are the primary's idle
// ones (a database that went away took them all), and a failed replica is left out for a while.
void App::database_failed(RequestContext& ctx, const StoreError& e) {
  if (dynamic_cast<const PoolBusy*>(&e)) return;  // nothing failed, the pool was full
  if (ctx.lease_) {
    ctx.lease_->mark_broken();
    pool_.discard_connections();
    reload_pool_.discard_connections();
  }
  if (ctx.read_lease_) {
    ctx.read_lease_->mark_broken();
    if (router_) router_->failed(ctx.read_source_, e.what());
  }
}

void App::changed() { changed("", ""); }

void App::changed(std::string_view kind, std::string key) {
  {
    std::lock_guard guard(pending_mutex);
    RecordChange change{std::string(kind), std::move(key)};
    if (std::find(pending_.begin(), pending_.end(), change) == pending_.end()) pending_.push_back(std::move(change));
    std::atomic_ref<bool>(stale_).store(true);
  }
  ++data_version_;
}

void App::add(Route route) { routes_.push_back(std::move(route)); }

// Connections have threads of their own (connection_threads.h); a request, once it has arrived,
// waits here for one of the --threads worker slots, so that the work done at once (database
// connections, memory) stays as before however many connections are open.
void App::dispatch(const Route& route, const httplib::Request& req, httplib::Response& res) {
  worker_slots_.acquire();
  struct Release {
    std::counting_semaphore<>& slots;
    ~Release() { slots.release(); }
  } release{worker_slots_};
  if (serve(route, req, res, true)) return;
  // A replica failed under a GET: the answer is started again, every read from the primary.
  res.status = -1;
  res.reason.clear();
  res.headers.clear();
  res.body.clear();
  res.location.clear();
  serve(route, req, res, false);
}

bool App::serve(const Route& route, const httplib::Request& req, httplib::Response& res, bool replicas) {
  security_headers(res);
  RequestContext ctx(*this, route, req, res);
  ctx.replicas_allowed_ = replicas;
  current_trace().route = &route - routes_.data();  // the log line's and /metrics' route name
  t_dataset_source = -1;
  // Before anything reads the request (the session cookie included): text that is not UTF-8.
  // The caller is not known yet, so the answer is kept by no cache whoever it was.
  if (auto flaw = malformed_text(req)) {
    ctx.error(400, *flaw);
    res.set_header("Cache-Control", "no-store");
    return true;
  }
  try {
    ctx.identify();
    if (!route.access.allows(ctx.role())) {
      if (!ctx.user() && !route.api) {
        ctx.redirect("/dang-nhap?tiep=" + httplib::detail::encode_query_param(req.path));
      } else {
        ctx.error(ctx.user() ? 403 : 401, status_message(ctx.user() ? 403 : 401));
      }
    } else if (route.method != "GET" && !ctx.csrf_ok()) {
      ctx.error(403, "Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo không khớp); hãy tải lại trang và thử lại.");
    } else {
      route.handler(ctx);
      // A sign-out, a locked account or a changed role shows on the very next request.
      if (route.method != "GET") {
        session_cache_.forget_all();
        ++write_version_;
      }
      // Read-your-writes: this user's next reads wait for a replica that has this write.
      if (router_ && route.method != "GET" && ctx.used_primary_ && ctx.user()) router_->wrote(ctx.user()->username);
    }
  } catch (const StoreError& e) {
    std::cerr << "[web] " << req.method << " " << req.path << ": " << e.what() << "\n";
    database_failed(ctx, e);
    if (replicas && route.method == "GET" && ctx.read_source_ > 0) return false;
    ctx.error(503, status_message(503));
  } catch (const std::exception& e) {
    std::cerr << "[web] " << req.method << " " << req.path << ": " << e.what() << "\n";
    ctx.error(500, status_message(500));
  }
  cache_policy(ctx, res);
  current_trace().user = ctx.user() ? ctx.user()->username : std::string();
  // Diagnostic, only when asked for: which database answered this request's reads (docs/deployment.md).
  int source = ctx.read_source_ >= 0 ? ctx.read_source_ : t_dataset_source >= 0 ? t_dataset_source : ctx.used_primary_ ? 0 : -1;
  if (options_.diagnostic_headers && source >= 0) res.set_header("X-Khuyencong-Nguon-Doc", source_label(source));
  // The id of this request's log line, so that a reported answer can be found in the log.
  if (options_.diagnostic_headers) res.set_header("X-Request-Id", current_trace().id);
  return true;
}

void App::install_routes() {
  server_ = std::make_unique<GuardedServer>(options_.request_deadline);
  httplib::Server& s = *server_;
  s.set_tcp_nodelay(true);
  remember_listen_socket(s, &listen_socket_);
  s.set_keep_alive_max_count(1000);
  // A kept-alive connection holds a connection thread (not a worker slot) until it has been idle
  // this long. A page and its assets arrive well within a second; the next click costs a new
  // handshake.
  s.set_keep_alive_timeout(1);
  s.set_payload_max_length(options_.max_body_bytes);
  s.set_read_timeout(10, 0);
  s.set_write_timeout(10, 0);
  route_bodiless_requests(s);
  size_t ready = options_.threads, ceiling = options_.max_connections;
  s.new_task_queue = [ready, ceiling] { return new ConnectionThreads(ready, ceiling); };
  install_operations(s);
  for (const Route& route : routes_) {
    auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) { dispatch(route, req, res); };
    if (route.method == "GET")
      s.Get(route.pattern, handler);
    else if (route.method == "POST")
      s.Post(route.pattern, handler);
    else if (route.method == "PUT")
      s.Put(route.pattern, handler);
  }
  // Answers httplib produces itself (unknown route, body too large, bad request) and handler
  // statuses without a body get a Vietnamese message in the right format. A request that reached
  // no route is checked for malformed text like the others: it says so, as a 400.
  s.set_error_handler([max_body = options_.max_body_bytes, diagnostic = options_.diagnostic_headers](
                          const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    security_headers(res);
    if (diagnostic && !current_trace().id.empty()) res.set_header("X-Request-Id", current_trace().id);
    std::string message = res.status == 413 ? too_large_message(max_body) : status_message(res.status);
    if (auto flaw = res.status == 413 ? std::nullopt : malformed_text(req)) {
      res.status = 400;
      message = *flaw;
    }
    if (wants_json(req)) {
      res.set_content(nlohmann::json({{"loi", message}, {"ma_loi", res.status}}).dump(), "application/json; charset=utf-8");
    } else {
      Data d;
      d.set("status", std::to_string(res.status));
      d.set("message", message);
      Data layout;
      d.set("heading", status_heading(res.status, req.method));
      layout.set("title", status_heading(res.status, req.method));
      layout.set("nav", list());
      res.set_content(render_page("error", d, layout), "text/html; charset=utf-8");
    }
  });
  s.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    std::cerr << "[web] unhandled error on " << req.method << " " << req.path << "\n";
    res.status = 500;
    res.set_content(status_message(500), "text/plain; charset=utf-8");
  });
}

// A request without a body is routed here, before httplib would read on, through a RouteTable
// (route_table.h): httplib's own routing tries every pattern of the method in turn.
// And a POST or PUT with neither Content-Length nor Transfer-Encoding has no body (RFC 9112,
// 6.3), but cpp-httplib 0.11 reads such a request's body until the client closes the
// connection: `curl -X POST` without data (docs/api.md's sign-out) waited the whole read
// timeout, then got a 400. Such a request is routed here too, with its empty body.
void App::route_bodiless_requests(httplib::Server& s) {
  auto table = std::make_shared<RouteTable>(routes_);
  s.set_pre_routing_handler([this, table](const httplib::Request& req, httplib::Response& res) {
    // The request's headers are read: its log line's clock starts (request_trace.h).
    RequestTrace& trace = current_trace();
    trace = RequestTrace{};
    trace.started = true;
    trace.start = std::chrono::steady_clock::now();
    trace.id = request_id();
    bool body_expected = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
    if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding"))
      return httplib::Server::HandlerResponse::Unhandled;  // httplib reads the body, then routes
    // httplib's own Request, not a constant one: the route's groups go where httplib puts them.
    auto& routed = const_cast<httplib::Request&>(req);
    if (const Route* route = table->find(req.method, req.path, routed.matches)) {
      dispatch(*route, req, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!body_expected) return httplib::Server::HandlerResponse::Unhandled;  // /metrics, HEAD, unknown: httplib's
    res.status = 404;  // as httplib answers an unknown route (its error handler writes the page)
    return httplib::Server::HandlerResponse::Handled;
  });
}

int App::bind() {
  install_routes();
  int port = options_.port == 0 ? server_->bind_to_any_port(options_.host)
                                : server_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  if (port > 0 && !widen_listen_backlog(listen_socket_))
    std::cerr << "[web] could not widen the listen queue; bursts of new connections may wait\n";
  return port;
}

void App::run() {
  purge_expired_sessions();  // what expired while the server was down (then as requests come)
  sweep_documents();         // what a crash under an upload left, before any upload can start
  next_purge_s_ = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::steady_clock::now().time_since_epoch() + options_.session_purge_interval)
                      .count();
  server_->listen_after_bind();
}

bool App::wait_until_running(std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (server_ && !server_->is_running()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return server_ != nullptr;
}

void App::stop() {
  // httplib's stop() does nothing before listen has begun, which would leave run() blocked.
  if (!server_) return;
  wait_until_running(std::chrono::seconds(10));
  server_->stop();
}

}  // namespace kc::web
