// serve: the web workspace. Stops cleanly on Ctrl-C or SIGTERM.
#include <malloc.h>
#include <unistd.h>

#include <cstdlib>

#include <csignal>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "store/store.h"
#include "web/app.h"

namespace kc::cli {

namespace {

web::App* running = nullptr;

struct DatabaseFlags {
  double wait_s = 3, replica_retry_s = 10;
};

// Slow clients (docs/deployment.md): the request deadline, in the units a person writes.
struct DeadlineFlags {
  double header_timeout_s = 5;
  size_t min_upload_kb = 16;
};

// The log's format: as asked, or by default text on a terminal (a person reading) and JSON
// otherwise (the journal, a file, a log collector).
std::optional<web::LogFormat> chosen_log_format(const std::string& name) {
  if (name == "auto") return isatty(STDOUT_FILENO) ? web::LogFormat::text : web::LogFormat::json;
  return web::parse_log_format(name);
}

void on_signal(int) {
  if (running) running->stop();
}

}  // namespace

void add_serve_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "Chạy máy chủ web (không gian làm việc trên trình duyệt)");
  auto o = std::make_shared<web::WebOptions>();
  cmd->add_option("--host", o->host, "Địa chỉ lắng nghe (mặc định 127.0.0.1)");
  cmd->add_option("--port", o->port, "Cổng (mặc định 8080; 0: cổng trống bất kỳ)");
  cmd->add_option("--threads", o->threads, "Số yêu cầu được xử lý cùng lúc và số kết nối cơ sở dữ liệu (mặc định 8)");
  // Slow clients (docs/deployment.md): request deadline, connections served at once.
  auto deadline = std::make_shared<DeadlineFlags>();
  cmd->add_option("--header-timeout", deadline->header_timeout_s,
                  "Số giây tối đa để nhận phần đầu một yêu cầu, kể từ byte đầu tiên (mặc định 5)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--min-upload-rate", deadline->min_upload_kb,
                  "Tốc độ gửi tối thiểu (KB/giây) của phần thân yêu cầu sau thời hạn trên; chậm hơn thì "
                  "kết nối bị đóng (mặc định 16)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-connections", o->max_connections,
                  "Số kết nối được phục vụ cùng lúc; các kết nối sau phải chờ (mặc định 1024)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--upload-dir", o->upload_dir, "Thư mục lưu tài liệu đính kèm (mặc định: <tệp csdl>.tai-lieu)");
  cmd->add_flag("--secure-cookies", o->secure_cookies, "Đặt thuộc tính Secure cho cookie (khi chạy sau HTTPS)");
  // Databases (docs/deployment.md): read replicas, pool limits and timeouts.
  auto db = std::make_shared<DatabaseFlags>();
  cmd->add_option("--db-replica", o->db_replicas,
                  "Bản sao chỉ đọc PostgreSQL (postgresql://…) để phục vụ việc đọc; lặp lại cho nhiều bản sao");
  cmd->add_option("--db-pool", o->pool.size, "Số kết nối tối đa tới mỗi cơ sở dữ liệu (mặc định bằng --threads; việc nạp lại dữ liệu tổng hợp có thêm một kết nối riêng)");
  cmd->add_option("--db-wait", db->wait_s, "Số giây chờ một kết nối rảnh trước khi trả lời 503 (mặc định 3)");
  cmd->add_option("--db-connect-timeout", o->pool.connect_timeout_s, "Số giây chờ kết nối PostgreSQL (mặc định 5)");
  cmd->add_option("--db-statement-timeout", o->pool.statement_timeout_s,
                  "Số giây tối đa cho một câu lệnh PostgreSQL, 0: không giới hạn (mặc định 60)");
  cmd->add_option("--replica-retry", db->replica_retry_s, "Số giây tạm bỏ qua một bản sao bị lỗi (mặc định 10)");
  cmd->add_flag("--diagnostic-headers", o->diagnostic_headers,
                "Gửi tiêu đề chẩn đoán X-Khuyencong-Nguon-Doc (cơ sở dữ liệu nào đã trả lời) và X-Request-Id "
                "(mã yêu cầu trong nhật ký) để người vận hành dò lỗi");
  // Operations (docs/deployment.md): the log on standard output, /metrics.
  auto log_format = std::make_shared<std::string>("auto");
  cmd->add_option("--log-format", *log_format,
                  "Dạng nhật ký trên đầu ra chuẩn: json (mỗi yêu cầu một dòng JSON), text, hoặc auto "
                  "(mặc định: text khi chạy trên màn hình, json khi ghi vào tệp, ống hay journal)");
  cmd->add_flag("--quiet-requests", o->quiet_requests, "Không ghi nhật ký từng yêu cầu (vẫn ghi thông báo của máy chủ)");
  cmd->add_option("--metrics-from", o->metrics_from,
                  "Địa chỉ hoặc dải mạng được đọc /metrics, cách nhau bởi dấu phẩy (mặc định 127.0.0.1,::1)");
  cmd->add_option("--trusted-proxy", o->trusted_proxies,
                  "Địa chỉ hoặc dải mạng của máy chủ ủy quyền ngược (nginx…) được tin tiêu đề X-Forwarded-For "
                  "để biết địa chỉ người dùng, cách nhau bởi dấu phẩy (mặc định: không tin máy nào)");
  cmd->callback([&ctx, o, db, deadline, log_format] {
    web::WebOptions options = *o;
    options.request_deadline.header_timeout = std::chrono::milliseconds(static_cast<long>(deadline->header_timeout_s * 1000));
    options.request_deadline.min_rate = deadline->min_upload_kb * 1024;
    options.db = ctx.db;
    options.pool.wait = std::chrono::milliseconds(static_cast<long>(db->wait_s * 1000));
    options.replica_retry = std::chrono::milliseconds(static_cast<long>(db->replica_retry_s * 1000));
    auto format = chosen_log_format(*log_format);
    if (!format) {
      std::cerr << "--log-format: “" << *log_format << "” không hợp lệ; chọn json, text hoặc auto.\n";
      ctx.exit_code = 2;
      return;
    }
    options.log_format = *format;
    std::string address_error;
    for (auto [flag, list] : {std::pair{"--metrics-from", &options.metrics_from}, {"--trusted-proxy", &options.trusted_proxies}}) {
      if (!web::AddressList::parse(*list, address_error)) {
        std::cerr << flag << ": " << address_error << ".\n";
        ctx.exit_code = 2;
        return;
      }
    }
    if (!options.db_replicas.empty() && !is_postgres_url(options.db)) {
      std::cerr << "--db-replica cần --db là địa chỉ PostgreSQL (postgresql://…).\n";
      ctx.exit_code = 2;
      return;
    }
    // glibc gives each thread that allocates its own malloc arena and keeps what is freed there:
    // with a worker thread per connection that grew the server to ~1 GB under load at national
    // scale (docs/performance.md). Two arenas serve 32 threads with little contention here;
    // glibc's own MALLOC_ARENA_MAX, when set, decides instead.
    if (!std::getenv("MALLOC_ARENA_MAX")) mallopt(M_ARENA_MAX, 2);
    web::App server(options);
    web::register_routes(server);
    // Open the database and load the records before taking requests. A database that cannot be
    // reached now is not fatal: pages answer 503 until it can, then the server goes on by itself.
    // One made by a newer program is: it will not become usable by waiting.
    try {
      server.dataset();
    } catch (const NewerSchemaError& e) {
      std::cerr << e.what() << "\n";
      ctx.exit_code = 2;
      return;
    } catch (const StoreError& e) {
      std::cerr << "Cảnh báo: chưa dùng được cơ sở dữ liệu (" << e.what()
                << "); máy chủ vẫn chạy và trả lời 503 cho tới khi cơ sở dữ liệu sẵn sàng.\n";
    }
    int port = server.bind();
    if (port <= 0) {
      std::cerr << "Không mở được cổng " << options.host << ":" << options.port << " (đang được dùng?).\n";
      ctx.exit_code = 2;
      return;
    }
    running = &server;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    // A log reader that went away (a closed pipe) must not end the server: its writes fail instead.
    std::signal(SIGPIPE, SIG_IGN);
    // Written at once, as every line of the log (request_log.h): whoever waits for this line on
    // a pipe (a supervisor, the browser tests) gets it now, not when a buffer fills.
    std::ostringstream started;
    started << "Máy chủ khuyencong đang chạy tại http://" << options.host << ":" << port << "/ (Ctrl-C để dừng)";
    if (!options.db_replicas.empty()) started << "; đọc từ " << options.db_replicas.size() << " bản sao";
    server.log().message(started.str());
    server.run();
    running = nullptr;
    server.log().message("Đã dừng máy chủ.");
  });
}

}  // namespace kc::cli
