#include "report/report_output.h"

#include <unistd.h>

#include <atomic>
#include <iostream>
#include <stdexcept>

#include "core/file_io.h"
#include "report/phase_report_json.h"
#include "report/render_docx.h"
#include "report/render_pdf.h"
#include "report/render_text.h"
#include "report/render_xlsx.h"

namespace kc {

std::optional<ReportFormat> parse_report_format(const std::string& name) {
  std::string n;
  for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "md" || n == "markdown") return ReportFormat::Markdown;
  if (n == "html" || n == "htm") return ReportFormat::Html;
  if (n == "docx") return ReportFormat::Docx;
  if (n == "json") return ReportFormat::Json;
  if (n == "pdf") return ReportFormat::Pdf;
  if (n == "xlsx") return ReportFormat::Xlsx;
  return std::nullopt;
}

std::optional<ReportFormat> format_from_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  if (ext.empty()) return std::nullopt;
  return parse_report_format(ext.substr(1));
}

std::string report_format_extension(ReportFormat format) {
  switch (format) {
    case ReportFormat::Markdown: return "md";
    case ReportFormat::Html: return "html";
    case ReportFormat::Json: return "json";
    case ReportFormat::Pdf: return "pdf";
    case ReportFormat::Docx: return "docx";
    case ReportFormat::Xlsx: return "xlsx";
  }
  throw std::logic_error("unknown report format");
}

std::string report_format_media_type(ReportFormat format) {
  switch (format) {
    case ReportFormat::Markdown: return "text/markdown; charset=utf-8";
    case ReportFormat::Html: return "text/html; charset=utf-8";
    case ReportFormat::Json: return "application/json; charset=utf-8";
    case ReportFormat::Pdf: return "application/pdf";
    case ReportFormat::Docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case ReportFormat::Xlsx: return kXlsxMediaType;
  }
  throw std::logic_error("unknown report format");
}

RenderedReport render_document(const doc::Document& document, ReportFormat format) {
  switch (format) {
    case ReportFormat::Markdown: return {render_markdown(document), report_format_media_type(format), "md"};
    case ReportFormat::Html: return {render_html(document), report_format_media_type(format), "html"};
    case ReportFormat::Pdf: return {doc::render_pdf(document), report_format_media_type(format), "pdf"};
    case ReportFormat::Docx: {
      // The DOCX writer works on files; a private temporary one is read back.
      static std::atomic<unsigned> counter{0};
      std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                                  ("khuyencong-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".docx");
      doc::render_docx(document, tmp);
      auto bytes = read_whole_file(tmp);
      std::filesystem::remove(tmp);
      if (!bytes) throw std::runtime_error("không đọc lại được tệp DOCX vừa tạo");
      return {std::move(*bytes), report_format_media_type(format), "docx"};
    }
    case ReportFormat::Json:
    case ReportFormat::Xlsx: break;
  }
  throw std::logic_error("render_document: JSON and XLSX are not documents");
}

RenderedReport render_phase_report(const PhaseReport& report, ReportFormat format, const PhaseDocumentOptions& options) {
  switch (format) {
    case ReportFormat::Markdown:
    case ReportFormat::Html:
    case ReportFormat::Pdf:
    case ReportFormat::Docx: return render_document(build_phase_document(report, options), format);
    case ReportFormat::Json:
      return {phase_report_json(report).dump(2) + "\n", "application/json; charset=utf-8", "json"};
    case ReportFormat::Xlsx:
      return {XlsxFile::to_bytes(false, [&](XlsxFile& file) { fill_phase_workbook(file, report); }), kXlsxMediaType, "xlsx"};
  }
  throw std::logic_error("unknown report format");
}

void write_phase_report(const PhaseReport& report, ReportFormat format, const std::filesystem::path& path,
                        const PhaseDocumentOptions& options) {
  if (format == ReportFormat::Docx) {
    if (path == "-") throw std::runtime_error("định dạng docx cần tên tệp đầu ra (-o tên_tệp.docx)");
    doc::render_docx(build_phase_document(report, options), path);
    return;
  }
  if (path == "-" && format == ReportFormat::Pdf) throw std::runtime_error("định dạng pdf cần tên tệp đầu ra (-o tên_tệp.pdf)");
  if (format == ReportFormat::Xlsx) {
    if (path == "-") throw std::runtime_error("định dạng xlsx cần tên tệp đầu ra (-o tên_tệp.xlsx)");
    XlsxFile file(path, /*constant_memory=*/false);
    fill_phase_workbook(file, report);
    file.commit();
    return;
  }
  std::string text = render_phase_report(report, format, options).bytes;
  if (path == "-") {
    std::cout << text;
    return;
  }
  write_file_atomically(path, text);
}

}  // namespace kc
