// migrate-db, backup, restore: moving and safeguarding a whole database.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "core/vn_format.h"
#include "store/copy_store.h"
#include "store/store.h"

namespace kc::cli {

namespace {

struct MigrateOptions {
  std::string from, to;
  bool replace = false;
};

void run_migrate(Context& ctx, const MigrateOptions& o) {
  auto from = open_store(o.from);
  auto to = open_store(o.to);
  ProgressReporter progress = progress_reporter(ctx);
  CopyResult r = copy_store(*from, *to, o.replace, progress);
  if (r.refused) {
    std::cerr << "Không sao chép: " << *r.refused << ".\n";
    ctx.exit_code = 1;
    return;
  }
  std::cout << "Đã sao chép " << format_int(r.rows_copied) << " bản ghi từ " << from->describe() << " sang "
            << to->describe() << ".\nKiểm tra từng bảng (số bản ghi, mã băm nội dung):\n";
  for (const TableCheck& t : r.tables)
    std::cout << "  " << (t.matches() ? "khớp     " : "KHÁC NHAU") << "  " << t.kind << ": " << format_int(t.source.rows)
              << " / " << format_int(t.target.rows) << " bản ghi, " << t.source.digest.substr(0, 16)
              << (t.matches() ? "" : " ≠ " + t.target.digest.substr(0, 16)) << "\n";
  if (!r.verified()) {
    std::cerr << "Dữ liệu đích không khớp với nguồn; hãy chạy lại với --replace.\n";
    ctx.exit_code = 1;
  }
}

}  // namespace

void add_migrate_db_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("migrate-db", "Chuyển toàn bộ dữ liệu sang cơ sở dữ liệu khác (ví dụ SQLite → PostgreSQL)");
  auto o = std::make_shared<MigrateOptions>();
  cmd->add_option("--from", o->from, "Nguồn: tệp SQLite hoặc postgresql://…")->required();
  cmd->add_option("--to", o->to, "Đích: postgresql://người_dùng@máy:cổng/tên_csdl hoặc tệp SQLite")->required();
  cmd->add_flag("--replace", o->replace, "Xóa dữ liệu đang có ở đích rồi chép (trong cùng một giao dịch)");
  cmd->callback([&ctx, o] { run_migrate(ctx, *o); });
}

void add_backup_commands(CLI::App& app, Context& ctx) {
  auto* backup = app.add_subcommand("backup", "Sao lưu toàn bộ cơ sở dữ liệu ra một tệp");
  auto backup_file = std::make_shared<std::string>();
  backup->add_option("file", *backup_file, "Tệp sao lưu (SQLite: tệp cơ sở dữ liệu; PostgreSQL: định dạng pg_dump)")->required();
  backup->callback([&ctx, backup_file] {
    if (std::filesystem::exists(*backup_file)) {
      std::cerr << "Tệp " << *backup_file << " đã tồn tại; hãy chọn tên khác để không ghi đè bản sao lưu cũ.\n";
      ctx.exit_code = 1;
      return;
    }
    auto store = open_store(ctx.db);
    ProgressReporter progress = progress_reporter(ctx);
    store->backup_to(*backup_file, progress);
    std::cout << "Đã sao lưu " << store->describe() << " vào " << *backup_file << ".\n";
  });

  auto* restore = app.add_subcommand("restore", "Khôi phục cơ sở dữ liệu từ tệp sao lưu (thay toàn bộ dữ liệu hiện có)");
  auto restore_file = std::make_shared<std::string>();
  restore->add_option("file", *restore_file, "Tệp sao lưu do lệnh backup tạo")->required()->check(CLI::ExistingFile);
  restore->callback([&ctx, restore_file] {
    auto store = open_store(ctx.db);
    ProgressReporter progress = progress_reporter(ctx);
    store->restore_from(*restore_file, progress);
    std::cout << "Đã khôi phục " << store->describe() << " từ " << *restore_file << ".\n";
  });
}

}  // namespace kc::cli
