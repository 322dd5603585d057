#include "report/report_output.h"

#include <iostream>
#include <stdexcept>

#include "core/file_io.h"
#include "report/phase_report_json.h"
#include "report/render_docx.h"
#include "report/render_text.h"

namespace kc {

std::optional<ReportFormat> parse_report_format(const std::string& name) {
  std::string n;
  for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "md" || n == "markdown") return ReportFormat::Markdown;
  if (n == "html" || n == "htm") return ReportFormat::Html;
  if (n == "docx") return ReportFormat::Docx;
  if (n == "json") return ReportFormat::Json;
  return std::nullopt;
}

std::optional<ReportFormat> format_from_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  if (ext.empty()) return std::nullopt;
  return parse_report_format(ext.substr(1));
}

void write_phase_report(const PhaseReport& report, ReportFormat format, const std::filesystem::path& path,
                        const PhaseDocumentOptions& options) {
  if (format == ReportFormat::Docx) {
    if (path == "-") throw std::runtime_error("định dạng docx cần tên tệp đầu ra (-o tên_tệp.docx)");
    doc::render_docx(build_phase_document(report, options), path);
    return;
  }
  std::string text;
  switch (format) {
    case ReportFormat::Markdown: text = render_markdown(build_phase_document(report, options)); break;
    case ReportFormat::Html: text = render_html(build_phase_document(report, options)); break;
    case ReportFormat::Json: text = phase_report_json(report).dump(2) + "\n"; break;
    case ReportFormat::Docx: break;
  }
  if (path == "-") {
    std::cout << text;
    return;
  }
  write_file_atomically(path, text);
}

}  // namespace kc
