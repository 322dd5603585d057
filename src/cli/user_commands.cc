// user add / list / lock / unlock: accounts from the command line. The password is read from
// standard input (one line), so scripts can pipe it and it never appears in the process list.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "accounts/accounts.h"
#include "cli/commands.h"
#include "store/store.h"

namespace kc::cli {

namespace {

constexpr const char* kCliUser = "dong-lenh";  // who the audit trail names for CLI changes

std::string read_password() {
  bool tty = isatty(STDIN_FILENO);
  termios saved{};
  if (tty) {
    std::cerr << "Mật khẩu: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

struct AddOptions {
  NewUser user;
};

}  // namespace

void add_user_commands(CLI::App& app, Context& ctx) {
  auto* user = app.add_subcommand("user", "Quản lý tài khoản người dùng");
  user->require_subcommand(1);

  auto* add = user->add_subcommand("add", "Tạo tài khoản (mật khẩu đọc từ đầu vào chuẩn)");
  auto o = std::make_shared<AddOptions>();
  add->add_option("username", o->user.username, "Tên đăng nhập")->required();
  add->add_option("--role", o->user.role, "quan_tri, so_cong_thuong, trung_tam, dia_phuong hoặc co_so")->required();
  add->add_option("--name", o->user.name, "Họ và tên (mặc định: tên đăng nhập)");
  add->add_option("--unit", o->user.unit, "Địa bàn phụ trách (mã đơn vị hành chính), bắt buộc với dia_phuong");
  add->add_option("--co-so", o->user.establishment, "Mã cơ sở, bắt buộc với vai trò co_so");
  add->callback([&ctx, o] {
    NewUser u = o->user;
    if (u.name.empty()) u.name = u.username;
    u.password = read_password();
    auto store = open_store(ctx.db);
    FieldErrors errors = add_user(*store, u, kCliUser);
    if (!errors.empty()) {
      std::cerr << "Không tạo được tài khoản:\n";
      for (const auto& [field, message] : errors) std::cerr << "  " << field << ": " << message << "\n";
      ctx.exit_code = 1;
      return;
    }
    std::cout << "Đã tạo tài khoản " << u.username << " (" << role_label(u.role) << ").\n";
  });

  auto* list = user->add_subcommand("list", "Liệt kê tài khoản");
  list->callback([&ctx] {
    auto store = open_store(ctx.db);
    for (const User& u : list_users(*store))
      std::cout << u.username << "\t" << role_label(u.role) << "\t" << u.name << (u.unit.empty() ? "" : "\t" + u.unit)
                << (u.active ? "" : "\t(đã khóa)") << "\n";
  });

  for (bool active : {false, true}) {
    auto* cmd = user->add_subcommand(active ? "unlock" : "lock", active ? "Mở khóa tài khoản" : "Khóa tài khoản");
    auto name = std::make_shared<std::string>();
    cmd->add_option("username", *name, "Tên đăng nhập")->required();
    cmd->callback([&ctx, name, active] {
      auto store = open_store(ctx.db);
      if (!set_user_active(*store, *name, active, kCliUser)) {
        std::cerr << "Không có tài khoản " << *name << ".\n";
        ctx.exit_code = 1;
        return;
      }
      std::cout << (active ? "Đã mở khóa " : "Đã khóa ") << *name << ".\n";
    });
  }
}

}  // namespace kc::cli
