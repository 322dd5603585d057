// report issued <code>: one report of the drafts (drafts/report_drafts.h) as a file; an issued
// report as it was frozen when issued, any other as it would print now.
#include <iostream>

#include "cli/commands.h"
#include "core/file_io.h"
#include "drafts/report_drafts.h"
#include "model/dataset.h"
#include "store/store.h"

namespace kc::cli {

namespace {

struct IssuedOptions {
  std::string code, format, output = "-";
};

void run_issued_report(Context& ctx, const IssuedOptions& o) {
  ReportFormat format = *parse_report_format(report_output_format(o.format, o.output));
  if (o.output == "-" && (format == ReportFormat::Docx || format == ReportFormat::Pdf || format == ReportFormat::Xlsx))
    throw CLI::ValidationError("-o", "định dạng " + report_format_extension(format) + " cần tên tệp đầu ra (-o tên_tệp)");
  auto store = open_store(ctx.db);
  Dataset data = load_dataset(*store);
  std::optional<RenderedReport> document = drafts::report_document(*store, data, o.code, format);
  if (!document) {
    std::cerr << "Không có báo cáo \"" << o.code << "\" hoặc không lập được báo cáo này từ dữ liệu hiện có.\n";
    ctx.exit_code = 1;
    return;
  }
  if (o.output == "-") {
    std::cout << document->bytes;
    return;
  }
  write_file_atomically(o.output, document->bytes);
  std::cout << "Đã ghi báo cáo " << o.code << " vào " << o.output << ".\n";
}

}  // namespace

void add_report_issued_command(CLI::App& report, Context& ctx) {
  auto* issued = report.add_subcommand("issued", "Tải một báo cáo đã lập theo mã (bản đã ban hành nếu đã ban hành)");
  auto o = std::make_shared<IssuedOptions>();
  issued->add_option("code", o->code, "Mã báo cáo (ví dụ bg-bc-2016-2020)")->required();
  issued->add_option("--format", o->format, "md, html, docx, pdf, xlsx hoặc json (mặc định theo đuôi tệp)");
  issued->add_option("-o,--output", o->output, "Tệp đầu ra (mặc định: in ra màn hình)");
  issued->callback([&ctx, o] { run_issued_report(ctx, *o); });
}

}  // namespace kc::cli
