// report phase: the five-year (phase) evaluation report of one plan.
#include <iostream>

#include "cli/commands.h"
#include "model/dataset.h"
#include "report/phase_report.h"
#include "report/report_output.h"
#include "store/store.h"
#include "web/store_pool.h"

namespace kc::cli {

namespace {

struct ReportOptions {
  std::string plan, format, output = "-", date;
  bool charts = false;
  std::vector<std::string> replicas;  // --db-replica: read from a PostgreSQL replica
};

void run_phase_report(Context& ctx, const ReportOptions& o) {
  std::optional<ReportFormat> format = parse_report_format(report_output_format(o.format, o.output));
  PhaseDocumentOptions doc_options;
  doc_options.charts = o.charts;
  if (!o.date.empty()) {
    doc_options.date = parse_date(o.date);
    if (!doc_options.date) throw CLI::ValidationError("--date", "ngày \"" + o.date + "\" không hợp lệ (yyyy-mm-dd hoặc dd/mm/yyyy)");
  }
  auto store = web::open_for_reading(ctx.db, o.replicas);  // a replica when given one
  // Reading a national dataset and drawing a PDF take seconds and count nothing: the progress
  // is the time each step has run.
  ProgressReporter progress = progress_reporter(ctx);
  progress.stage("Đang đọc dữ liệu", "", 0);
  std::optional<ProgressHeartbeat> running(std::in_place, progress);
  Dataset data = load_dataset(*store);
  running.reset();
  progress.finish();
  PhaseReportResult result = compute_phase_report(data, o.plan);
  if (result.error) {
    std::cerr << "Không lập được báo cáo: " << result.error->message << ".\n";
    ctx.exit_code = 1;
    return;
  }
  progress.stage("Đang lập báo cáo", "", 0);
  running.emplace(progress);
  write_phase_report(*result.report, *format, o.output, doc_options);
  running.reset();
  progress.finish();
  if (o.output != "-") std::cout << "Đã ghi báo cáo kế hoạch " << o.plan << " vào " << o.output << ".\n";
}

}  // namespace

std::string report_output_format(const std::string& format, const std::string& output) {
  std::optional<ReportFormat> parsed;
  if (!format.empty()) {
    parsed = parse_report_format(format);
    if (!parsed) throw CLI::ValidationError("--format", "định dạng \"" + format + "\" không hỗ trợ; dùng md, html, docx, pdf, xlsx hoặc json");
  } else {
    parsed = output == "-" ? std::optional(ReportFormat::Markdown) : format_from_extension(output);
    if (!parsed) throw CLI::ValidationError("--format", "không suy ra được định dạng từ tên tệp; thêm --format md|html|docx|pdf|xlsx|json");
  }
  return report_format_extension(*parsed);
}

void add_report_command(CLI::App& app, Context& ctx) {
  auto* report = app.add_subcommand("report", "Lập báo cáo từ dữ liệu");
  report->require_subcommand(1);
  auto* phase = report->add_subcommand("phase", "Báo cáo kết quả hoạt động khuyến công giai đoạn của một kế hoạch");
  auto o = std::make_shared<ReportOptions>();
  phase->add_option("--plan", o->plan, "Mã kế hoạch giai đoạn (ví dụ bg-2016-2020)")->required();
  phase->add_option("--format", o->format, "md, html, docx, pdf, xlsx hoặc json (mặc định theo đuôi tệp)");
  phase->add_option("-o,--output", o->output, "Tệp đầu ra (mặc định: in ra màn hình)");
  phase->add_option("--date", o->date, "Ngày ký báo cáo (yyyy-mm-dd); bỏ trống để điền tay");
  phase->add_flag("--charts", o->charts, "Kèm các biểu đồ thành một phụ lục cuối (docx, pdf, html, md)");
  phase->add_option("--db-replica", o->replicas,
                    "Đọc từ bản sao chỉ đọc PostgreSQL này khi nó đã theo kịp máy chủ chính (lặp lại được)");
  phase->callback([&ctx, o] { run_phase_report(ctx, *o); });
  add_report_issued_command(*report, ctx);
}

}  // namespace kc::cli
