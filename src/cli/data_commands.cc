// init, import and export: moving records in and out of the store.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "interchange/bundle.h"
#include "interchange/bundle_docs.h"
#include "interchange/workbook_import.h"
#include "spreadsheet/bundle_workbook.h"
#include "store/store.h"

namespace kc::cli {

namespace {
constexpr size_t kMaxProblemsShown = 200;
}

void add_init_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("init", "Tạo hoặc nâng cấp cơ sở dữ liệu");
  cmd->callback([&ctx] {
    auto store = open_store(ctx.db);
    std::cout << "Cơ sở dữ liệu " << store->describe() << " ở phiên bản lược đồ " << store->schema_version() << ".\n";
  });
}

void add_schema_command(CLI::App& app, Context& /*ctx*/) {
  auto* cmd = app.add_subcommand("schema", "In mô tả các cột của bộ dữ liệu (Markdown, như docs/bundle-columns.md)");
  cmd->callback([] { std::cout << bundle_columns_markdown(); });
}

void add_import_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("import", "Nhập bộ dữ liệu CSV hoặc sổ tính .xlsx (kiểm tra toàn bộ trước khi ghi)");
  auto dir = std::make_shared<std::string>();
  auto encoding = std::make_shared<std::string>();
  cmd->add_option("dir", *dir, "Thư mục bộ dữ liệu (docs/bundle.md) hoặc sổ tính .xlsx (docs/xlsx-import.md)")->required();
  cmd->add_option("--ma-hoa", *encoding,
                  "Bảng mã của các tệp gõ bằng bảng mã cũ: tcvn3, vni, cp1258; utf8 để giữ nguyên "
                  "(mặc định: tự nhận ra, xem docs/legacy-text.md)");
  cmd->callback([&ctx, dir, encoding] {
    ImportOptions options;
    if (!encoding->empty() && !parse_encoding_choice(*encoding, options.legacy_encoding, options.keep_unicode)) {
      std::cerr << "Bảng mã \"" << *encoding << "\" không được hỗ trợ; dùng tcvn3, vni, cp1258 hoặc utf8.\n";
      ctx.exit_code = 2;
      return;
    }
    auto store = open_store(ctx.db);
    ProgressReporter progress = progress_reporter(ctx);
    options.progress = &progress;
    ImportResult r = is_workbook_path(*dir) ? import_workbook(*store, *dir, options) : import_bundle(*store, *dir, options);
    for (const TextConversion& c : r.conversions) std::cout << "Đã chuyển bảng mã: " << format_conversion(c) << "\n";
    if (!r.ok()) {
      std::cerr << "Không nhập dữ liệu: phát hiện " << r.problems.size()
                << " vấn đề; cơ sở dữ liệu không thay đổi.\n";
      for (size_t i = 0; i < r.problems.size() && i < kMaxProblemsShown; ++i)
        std::cerr << "  " << format_problem(r.problems[i]) << "\n";
      if (r.problems.size() > kMaxProblemsShown)
        std::cerr << "  … và " << r.problems.size() - kMaxProblemsShown << " vấn đề khác.\n";
      ctx.exit_code = 1;
      return;
    }
    std::cout << "Đã nhập " << r.total_rows << " bản ghi vào " << store->describe() << ".\n";
  });
}

void add_export_command(CLI::App& app, Context& ctx) {
  struct Options {
    std::string target, format;
    bool template_only = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export", "Xuất toàn bộ dữ liệu ra bộ CSV hoặc một bảng tính XLSX");
  cmd->add_option("target", o->target, "Thư mục đích (CSV) hoặc tệp .xlsx")->required();
  cmd->add_option("--format", o->format, "csv hoặc xlsx (mặc định: xlsx khi tên tệp có đuôi .xlsx)");
  cmd->add_flag("--template", o->template_only, "Chỉ ghi bảng tính mẫu để nhập liệu (không có dòng dữ liệu)");
  cmd->callback([&ctx, o] {
    std::string format = o->format;
    if (format.empty())
      format = o->template_only || std::filesystem::path(o->target).extension() == ".xlsx" ? "xlsx" : "csv";
    if (format != "csv" && format != "xlsx")
      throw CLI::ValidationError("--format", "định dạng \"" + format + "\" không hỗ trợ; dùng csv hoặc xlsx");
    if (o->template_only && format != "xlsx")
      throw CLI::ValidationError("--template", "bảng tính mẫu chỉ có dạng xlsx");
    auto store = open_store(ctx.db);
    ProgressReporter progress = progress_reporter(ctx);
    if (format == "csv") {
      ExportResult r = export_bundle(*store, o->target, progress);
      std::cout << "Đã xuất " << r.total_rows << " bản ghi ra thư mục " << o->target << ".\n";
      return;
    }
    ExportResult r = export_bundle_workbook(*store, o->target, {.template_only = o->template_only, .progress = &progress});
    if (o->template_only)
      std::cout << "Đã ghi bảng tính mẫu " << o->target << ".\n";
    else
      std::cout << "Đã xuất " << r.total_rows << " bản ghi ra bảng tính " << o->target << ".\n";
  });
}

}  // namespace kc::cli
