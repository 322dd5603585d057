// The App's operations side: the request log, /metrics, the purge of expired sessions
// (docs/deployment.md, "Operations"), and the documents folder's sweep at start.
#include <httplib.h>

#include <iostream>

#include "core/vn_format.h"
#include "projects/documents.h"
#include "web/app.h"
#include "web/project_pages.h"
#include "web/request_trace.h"
#include "web/sessions.h"
#include "web/single_flight.h"

namespace kc::web {

namespace {

thread_local RequestTrace t_trace;

// Requests that come through a reverse proxy carry the client's address in one of these; such a
// request arrives from the proxy's address (often loopback), which says nothing about who asked.
bool forwarded(const httplib::Request& req) {
  return req.has_header("X-Forwarded-For") || req.has_header("Forwarded") || req.has_header("X-Real-IP");
}

int64_t steady_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

RequestTrace& current_trace() { return t_trace; }

// Slots of ServerMetrics: one per route of the table, then /metrics itself, then requests that
// matched no route (httplib's own 404, 400, 413).
void App::install_operations(httplib::Server& s) {
  std::vector<std::string> names;
  for (const Route& route : routes_) names.push_back(route.name);
  names.push_back("metrics");
  names.push_back("unmatched");
  metrics_.name_routes(std::move(names));
  s.Get("/metrics", [this](const httplib::Request& req, httplib::Response& res) { serve_metrics(req, res); });
  // httplib calls its logger after the answer is written, on the thread that answered.
  s.set_logger([this](const httplib::Request& req, const httplib::Response& res) { request_finished(req, res); });
}

void App::request_finished(const httplib::Request& req, const httplib::Response& res) {
  RequestTrace& t = t_trace;
  auto duration = t.started ? std::chrono::steady_clock::now() - t.start : std::chrono::nanoseconds(0);
  size_t slot = t.route >= 0 ? static_cast<size_t>(t.route) : routes_.size() + 1;
  if (t.id.empty()) t.id = request_id();
  metrics_.record(slot, res.status, duration);
  log_.request({std::chrono::system_clock::now(), t.id,
                slot == routes_.size() ? "metrics" : slot < routes_.size() ? routes_[slot].name : "unmatched",
                req.method, res.status, duration, t.user});
  t = RequestTrace{};
  purge_sessions_when_due();
  if (uncertain_documents_.pending()) settle_uncertain_documents();
}

// Only for the configured addresses, and never through a proxy; others are told there is no such
// page, as for any unknown address. A signed-in cookie opens nothing here.
void App::serve_metrics(const httplib::Request& req, httplib::Response& res) {
  t_trace.route = static_cast<long>(routes_.size());
  if (forwarded(req) || !metrics_from_.contains(req.remote_addr)) {
    res.status = 404;  // the error handler writes the Vietnamese page
    return;
  }
  std::optional<int64_t> active;
  try {
    auto lease = pool_.lease();
    active = count_active_sessions(*lease);
  } catch (const StoreError& e) {
    std::cerr << "[web] /metrics: " << e.what() << "\n";  // the rest is still worth reading
  }
  std::vector<ServerMetrics::Pool> pools;
  for (auto [name, pool] : {std::pair<const char*, StorePool*>{"requests", &pool_}, {"reload", &reload_pool_}}) {
    StorePool::Stats st = pool->stats();
    pools.push_back({name, st.waits, st.timeouts, st.waited});
  }
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(metrics_.exposition(pools, active) + flight_exposition(), "text/plain; version=0.0.4; charset=utf-8");
}

int64_t App::purge_expired_sessions() {
  try {
    auto lease = pool_.lease();
    int64_t purged = web::purge_expired_sessions(*lease);
    metrics_.sessions_purged(static_cast<uint64_t>(purged));
    return purged;
  } catch (const StoreError& e) {
    std::cerr << "[web] xóa phiên đăng nhập hết hạn: " << e.what() << "\n";  // tried again at the next turn
    return 0;
  }
}

void App::sweep_documents() {
  std::filesystem::path dir = document_dir(options_);
  try {
    auto lease = pool_.lease();
    DocumentSweep s = set_aside_unreferenced(*lease, dir);
    if (s.set_aside > 0)
      log_.message("Đã chuyển " + format_int(s.set_aside) +
                   " tệp tài liệu không có bản ghi (tải lên chưa hoàn tất khi máy chủ dừng đột ngột) vào thư mục " +
                   (dir / kSetAsideFolder).string());
    if (s.partial_removed > 0) log_.message("Đã xóa " + format_int(s.partial_removed) + " tệp tài liệu ghi dở.");
  } catch (const std::exception& e) {
    // The rows unreadable (nothing moved without them) or the folder: tried again at the next start.
    std::cerr << "[web] kiểm tra thư mục tài liệu " << dir.string() << ": " << e.what() << "\n";
  }
}

void App::settle_uncertain_documents() {
  try {
    auto lease = pool_.lease();  // the primary: a replica may not have the row yet
    int64_t removed = uncertain_documents_.settle(*lease);
    if (removed > 0)
      log_.message("Đã xóa " + format_int(removed) + " tệp tài liệu của lần tải lên không được ghi vào cơ sở dữ liệu.");
  } catch (const StoreError&) {
    // The database still does not answer: kept for the next request.
  }
}

// One request at a time wins the turn (compare-exchange); the others go on at once.
void App::purge_sessions_when_due() {
  int64_t now = steady_seconds(), due = next_purge_s_.load(std::memory_order_relaxed);
  if (now < due) return;
  if (!next_purge_s_.compare_exchange_strong(due, now + options_.session_purge_interval.count())) return;
  purge_expired_sessions();
}

}  // namespace kc::web
