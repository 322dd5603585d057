// khuyencong: the command-line shell around the library. Each subcommand parses its
// options, calls one service and prints the outcome in Vietnamese.
#include <CLI/CLI.hpp>

#include <iostream>

#include "interchange/bundle.h"
#include "store/store.h"

namespace {

constexpr size_t kMaxProblemsShown = 200;

int run_import(const std::string& db, const std::string& dir) {
  auto store = kc::open_store(db);
  kc::ImportResult r = kc::import_bundle(*store, dir);
  if (!r.ok()) {
    std::cerr << "Không nhập dữ liệu: phát hiện " << r.problems.size()
              << " vấn đề; cơ sở dữ liệu không thay đổi.\n";
    for (size_t i = 0; i < r.problems.size() && i < kMaxProblemsShown; ++i)
      std::cerr << "  " << kc::format_problem(r.problems[i]) << "\n";
    if (r.problems.size() > kMaxProblemsShown)
      std::cerr << "  … và " << r.problems.size() - kMaxProblemsShown << " vấn đề khác.\n";
    return 1;
  }
  std::cout << "Đã nhập " << r.total_rows << " bản ghi vào " << store->describe() << ".\n";
  return 0;
}

int run_export(const std::string& db, const std::string& dir) {
  auto store = kc::open_store(db);
  kc::ExportResult r = kc::export_bundle(*store, dir);
  std::cout << "Đã xuất " << r.total_rows << " bản ghi ra thư mục " << dir << ".\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"khuyencong — quản lý chương trình khuyến công"};
  app.require_subcommand(1);
  std::string db = "khuyencong.db";
  app.add_option("--db", db, "Cơ sở dữ liệu: đường dẫn tệp SQLite (mặc định khuyencong.db)");

  std::string import_dir, export_dir;
  auto* import_cmd = app.add_subcommand("import", "Nhập bộ dữ liệu CSV (kiểm tra toàn bộ trước khi ghi)");
  import_cmd->add_option("dir", import_dir, "Thư mục bộ dữ liệu")->required();
  auto* export_cmd = app.add_subcommand("export", "Xuất toàn bộ dữ liệu ra bộ CSV");
  export_cmd->add_option("dir", export_dir, "Thư mục đích")->required();
  auto* init_cmd = app.add_subcommand("init", "Tạo hoặc nâng cấp cơ sở dữ liệu");

  CLI11_PARSE(app, argc, argv);
  try {
    if (*import_cmd) return run_import(db, import_dir);
    if (*export_cmd) return run_export(db, export_dir);
    if (*init_cmd) {
      auto store = kc::open_store(db);
      std::cout << "Cơ sở dữ liệu " << store->describe() << " ở phiên bản lược đồ " << store->schema_version() << ".\n";
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "Lỗi: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
