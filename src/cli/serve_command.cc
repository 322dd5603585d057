// serve: the web workspace. Stops cleanly on Ctrl-C or SIGTERM.
#include <csignal>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "web/app.h"

namespace kc::cli {

namespace {

web::App* running = nullptr;

void on_signal(int) {
  if (running) running->stop();
}

}  // namespace

void add_serve_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "Chạy máy chủ web (không gian làm việc trên trình duyệt)");
  auto o = std::make_shared<web::WebOptions>();
  cmd->add_option("--host", o->host, "Địa chỉ lắng nghe (mặc định 127.0.0.1)");
  cmd->add_option("--port", o->port, "Cổng (mặc định 8080; 0: cổng trống bất kỳ)");
  cmd->add_option("--threads", o->threads, "Số luồng xử lý và kết nối cơ sở dữ liệu (mặc định 8)");
  cmd->add_flag("--secure-cookies", o->secure_cookies, "Đặt thuộc tính Secure cho cookie (khi chạy sau HTTPS)");
  cmd->callback([&ctx, o] {
    web::WebOptions options = *o;
    options.db = ctx.db;
    web::App server(options);
    web::register_routes(server);
    server.dataset();  // open the database and load the records before taking requests
    int port = server.bind();
    if (port <= 0) {
      std::cerr << "Không mở được cổng " << options.host << ":" << options.port << " (đang được dùng?).\n";
      ctx.exit_code = 2;
      return;
    }
    running = &server;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::cout << "Máy chủ khuyencong đang chạy tại http://" << options.host << ":" << port << "/ (Ctrl-C để dừng)"
              << std::endl;
    server.run();
    running = nullptr;
    std::cout << "Đã dừng máy chủ.\n";
  });
}

}  // namespace kc::cli
