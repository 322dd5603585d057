// Writing a computed report to a file in one of the formats users ask for.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "report/phase_report.h"
#include "report/phase_report_document.h"

namespace kc {

enum class ReportFormat { Markdown, Html, Docx, Json, Pdf, Xlsx };

// "md", "html", "docx", "json", "pdf", "xlsx" (case-insensitive); nullopt otherwise.
std::optional<ReportFormat> parse_report_format(const std::string& name);
// The format a file name's extension implies (".md", ".html", ".docx", ".json", ".pdf", ".xlsx").
std::optional<ReportFormat> format_from_extension(const std::filesystem::path& path);

// "md", "html", "docx", "json", "pdf", "xlsx", and the media type a download of it is sent as.
std::string report_format_extension(ReportFormat format);
std::string report_format_media_type(ReportFormat format);

// The rendered report's bytes and its media type (for downloads).
struct RenderedReport {
  std::string bytes, media_type, extension;
};
// A document in Markdown, HTML, PDF or DOCX (not JSON or XLSX, which are not documents).
RenderedReport render_document(const doc::Document& document, ReportFormat format);

RenderedReport render_phase_report(const PhaseReport& report, ReportFormat format, const PhaseDocumentOptions& options);

// Renders `report` and writes it atomically to `path` ("-" writes text formats to stdout).
void write_phase_report(const PhaseReport& report, ReportFormat format, const std::filesystem::path& path,
                        const PhaseDocumentOptions& options);

}  // namespace kc
