// dossier project|plan: the ZIP an inspector or auditor receives (projects/dossier.h,
// docs/dossier.md) — the record, its history, outputs, documents and a checksummed index.
#include <iostream>

#include "cli/commands.h"
#include "core/vn_format.h"
#include "model/dataset.h"
#include "projects/dossier.h"
#include "store/store.h"
#include "web/project_pages.h"

namespace kc::cli {

namespace {

struct DossierCommandOptions {
  std::string code, output, upload_dir;
};

DossierOptions options_for(const Context& ctx, const DossierCommandOptions& o) {
  web::WebOptions web_options;
  web_options.db = ctx.db;
  web_options.upload_dir = o.upload_dir;
  return {web::document_dir(web_options), "dòng lệnh (khuyencong dossier)"};
}

void report(Context& ctx, const std::optional<DossierSummary>& s, const std::string& what, const std::string& output) {
  if (!s) {
    std::cerr << "Không tìm thấy " << what << ".\n";
    ctx.exit_code = 1;
    return;
  }
  std::cout << "Đã ghi hồ sơ " << what << " vào " << output << ": " << format_int(static_cast<int64_t>(s->projects))
            << " đề án, " << format_int(static_cast<int64_t>(s->documents)) << " tài liệu, "
            << format_int(static_cast<int64_t>(s->files)) << " tệp (" << format_int(s->bytes) << " byte) và mục lục.\n";
  for (const std::string& m : s->missing) std::cerr << "Thiếu tài liệu: " << m << ".\n";
  if (!s->missing.empty()) ctx.exit_code = 1;  // written, but incomplete: the operator must know
}

}  // namespace

void add_dossier_command(CLI::App& app, Context& ctx) {
  auto* dossier = app.add_subcommand("dossier", "Lập hồ sơ (tệp ZIP) của một đề án hoặc một kế hoạch cho thanh tra, kiểm toán");
  dossier->require_subcommand(1);
  auto add = [&](const char* name, const char* help, const char* code_help, bool plan) {
    auto* cmd = dossier->add_subcommand(name, help);
    auto o = std::make_shared<DossierCommandOptions>();
    cmd->add_option("code", o->code, code_help)->required();
    cmd->add_option("-o,--output", o->output, "Tệp ZIP đầu ra")->required();
    cmd->add_option("--upload-dir", o->upload_dir, "Thư mục lưu tài liệu đính kèm (mặc định: <tệp csdl>.tai-lieu, như serve)");
    cmd->callback([&ctx, o, plan] {
      auto store = open_store(ctx.db);
      ProgressReporter progress = progress_reporter(ctx);
      DossierOptions options = options_for(ctx, *o);
      options.progress = &progress;
      if (plan) {
        Dataset data = load_dataset(*store);
        report(ctx, write_plan_dossier(*store, data, o->code, o->output, options), "kế hoạch \"" + o->code + "\"", o->output);
      } else {
        report(ctx, write_project_dossier(*store, o->code, o->output, options), "đề án \"" + o->code + "\"", o->output);
      }
    });
  };
  add("project", "Hồ sơ một đề án: thông tin, diễn biến, điều chỉnh, kết quả, cơ sở thụ hưởng, tài liệu, nhật ký",
      "Mã đề án (ví dụ bg-2017-t-011)", false);
  add("plan", "Hồ sơ một kế hoạch: kế hoạch, mục tiêu và hồ sơ từng đề án thuộc kế hoạch", "Mã kế hoạch (ví dụ bg-2016-2020)",
      true);
}

}  // namespace kc::cli
