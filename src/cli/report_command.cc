// report phase: the five-year (phase) evaluation report of one plan; report annual and report
// six-month: the reports on a year's annual plan (report/annual_report.h).
#include <iostream>

#include "cli/commands.h"
#include "model/dataset.h"
#include "report/phase_report.h"
#include "report/report_kinds.h"
#include "report/report_output.h"
#include "core/file_io.h"
#include "store/store.h"
#include "text/normalize.h"
#include "store/store_pool.h"

namespace kc::cli {

namespace {

struct ReportOptions {
  std::string plan, format, output = "-", date;
  int year = 0;
  bool charts = false;
  std::vector<std::string> replicas;  // --db-replica: read from a PostgreSQL replica
};

ReportFormat chosen_format(const ReportOptions& o) {
  return *parse_report_format(report_output_format(o.format, o.output));
}

std::optional<Date> chosen_date(const ReportOptions& o) {
  if (o.date.empty()) return std::nullopt;
  std::optional<Date> date = parse_date(o.date);
  if (!date) throw CLI::ValidationError("--date", "ngày \"" + o.date + "\" không hợp lệ (yyyy-mm-dd hoặc dd/mm/yyyy)");
  return date;
}

void run_phase_report(Context& ctx, const ReportOptions& o) {
  std::optional<ReportFormat> format = chosen_format(o);
  PhaseDocumentOptions doc_options;
  doc_options.charts = o.charts;
  doc_options.date = chosen_date(o);
  auto store = open_for_reading(ctx.db, o.replicas);  // a replica when given one
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

// report annual / report six-month: through report_kinds.h, as the drafts render them.
void run_annual_report(Context& ctx, const ReportOptions& o, ReportStructure structure) {
  ReportFormat format = chosen_format(o);
  ReportIssueDetails issue;
  issue.date = chosen_date(o);
  issue.charts = o.charts;
  if (o.output == "-" && (format == ReportFormat::Docx || format == ReportFormat::Pdf || format == ReportFormat::Xlsx))
    throw CLI::ValidationError("--output", "định dạng này cần tên tệp đầu ra (-o tên_tệp)");
  auto store = open_for_reading(ctx.db, o.replicas);
  Dataset data = load_dataset(*store);
  ComputedReportResult result = compute_report(data, structure, ReportScope{o.plan, o.year});
  if (!result.report) {
    std::cerr << "Không lập được báo cáo: " << result.error << ".\n";
    ctx.exit_code = 1;
    return;
  }
  RenderedReport rendered = result.report->render(format, {}, issue);
  if (o.output == "-") {
    std::cout << rendered.bytes;
    return;
  }
  write_file_atomically(o.output, rendered.bytes);
  std::cout << "Đã ghi " << lower_first_vi(result.report->title) << " vào " << o.output << ".\n";
}

void add_annual_subcommand(CLI::App& report, Context& ctx, const std::string& name, const std::string& description,
                           ReportStructure structure) {
  auto* cmd = report.add_subcommand(name, description);
  auto o = std::make_shared<ReportOptions>();
  cmd->add_option("--year", o->year, "Năm báo cáo (ví dụ 2020)")->required();
  cmd->add_option("--plan", o->plan, "Mã kế hoạch hằng năm (mặc định: kế hoạch hằng năm duy nhất của năm đó)");
  cmd->add_option("--format", o->format, "md, html, docx, pdf, xlsx hoặc json (mặc định theo đuôi tệp)");
  cmd->add_option("-o,--output", o->output, "Tệp đầu ra (mặc định: in ra màn hình)");
  cmd->add_option("--date", o->date, "Ngày ký báo cáo (yyyy-mm-dd); bỏ trống để điền tay");
  cmd->add_flag("--charts", o->charts, "Kèm biểu đồ kinh phí theo nội dung thành một phụ lục cuối (docx, pdf, html, md)");
  cmd->add_option("--db-replica", o->replicas,
                  "Đọc từ bản sao chỉ đọc PostgreSQL này khi nó đã theo kịp máy chủ chính (lặp lại được)");
  cmd->callback([&ctx, o, structure] { run_annual_report(ctx, *o, structure); });
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
  add_annual_subcommand(*report, ctx, "annual", "Báo cáo kết quả thực hiện kế hoạch khuyến công năm", ReportStructure::Annual);
  add_annual_subcommand(*report, ctx, "six-month",
                        "Báo cáo kết quả thực hiện kế hoạch khuyến công sáu tháng đầu năm và nhiệm vụ sáu tháng cuối năm",
                        ReportStructure::SixMonth);
}

}  // namespace kc::cli
