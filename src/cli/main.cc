// khuyencong: the command-line shell around the library. Each subcommand parses its options,
// calls one service and prints the outcome in Vietnamese.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"khuyencong — hệ thống quản lý chương trình khuyến công"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "khuyencong " KHUYENCONG_VERSION, "In phiên bản rồi thoát");
  // Options may also come from a TOML file (the package's /etc/khuyencong/khuyencong.conf):
  // top-level keys for the global options (db), a [serve] section for serve's. What the command
  // line gives wins. An unknown key is an error, so a misspelt option is not silently ignored;
  // set before the subcommands are added, which copy it.
  app.allow_config_extras(CLI::config_extras_mode::error);
  app.set_config("--config", "", "Đọc tùy chọn từ tệp cấu hình (TOML; tùy chọn trên dòng lệnh được ưu tiên)")
      ->check(CLI::ExistingFile);
  kc::cli::Context ctx;
  app.add_option("--db", ctx.db, "Cơ sở dữ liệu: đường dẫn tệp SQLite (mặc định khuyencong.db)");
  app.add_flag("-q,--quiet", ctx.quiet, "Không hiện tiến độ của các lệnh chạy lâu (nhập, xuất, sao lưu, hồ sơ, báo cáo…)");
  app.fallthrough();  // --quiet and --db are accepted after the subcommand too
  kc::cli::add_init_command(app, ctx);
  kc::cli::add_schema_command(app, ctx);
  kc::cli::add_import_command(app, ctx);
  kc::cli::add_export_command(app, ctx);
  kc::cli::add_report_command(app, ctx);
  kc::cli::add_check_command(app, ctx);
  kc::cli::add_migrate_db_command(app, ctx);
  kc::cli::add_backup_commands(app, ctx);
  kc::cli::add_user_commands(app, ctx);
  kc::cli::add_serve_command(app, ctx);
  kc::cli::add_dossier_command(app, ctx);
  kc::cli::add_convert_text_command(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ConfigError& e) {
    // CLI11 says "INI was not able to parse serve.prot" for a key that is no option.
    std::string what = e.what();
    const std::string prefix = "INI was not able to parse ";
    if (what.starts_with(prefix))
      std::cerr << "Tệp cấu hình: “" << what.substr(prefix.size())
                << "” không phải tùy chọn nào (xem khuyencong --help và khuyencong serve --help).\n";
    else
      std::cerr << "Tệp cấu hình không đọc được: " << what << "\n";
    return 2;
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "Lỗi: " << e.what() << "\n";
    return 2;
  }
  return ctx.exit_code;
}
