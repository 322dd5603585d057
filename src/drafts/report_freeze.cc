// Issuing freezes a report: every format rendered once and stored (base64, PostgreSQL TEXT
// cannot hold a NUL byte) with its SHA-256 and the figures its narrative printed, so a later
// download is byte-identical whatever the records have become, and the draft view can say
// which figures changed since.
#include <nlohmann/json.hpp>

#include "core/base64.h"
#include "drafts/report_rows.h"
#include "model/dataset.h"
#include "projects/dossier_archive.h"
#include "store/store.h"

namespace kc::drafts {

using namespace detail;

namespace {

constexpr ReportFormat kAllFormats[] = {ReportFormat::Markdown, ReportFormat::Html, ReportFormat::Docx,
                                        ReportFormat::Json,     ReportFormat::Pdf,  ReportFormat::Xlsx};

std::string snapshot_json(const narrative::FigureValues& values) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [id, v] : values) j[id] = {{"label", v.label}, {"text", v.text}};
  return j.dump();
}

narrative::FigureValues snapshot_of(const std::string& json) {
  narrative::FigureValues out;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [id, v] : j.items())
    out[id] = {v.value("label", std::string()), v.value("text", std::string())};
  return out;
}

std::optional<Row> frozen_row(Store& store, const std::string& report, const std::string& format) {
  const RecordKind& k = issued_kind();
  Row key(k.fields.size());
  key[0] = report;
  key[1] = format;
  return store.find(k, key);
}

}  // namespace

namespace detail {

FieldErrors freeze_report(Store& store, const Dataset& data, const Row& row) {
  FieldErrors errors;
  const std::string code = text_of(reports_kind(), row, "ma");
  ComputedReportResult computed = computed_of(store, data, row);
  if (!computed.report) {
    errors.emplace_back("", computed.error);
    return errors;
  }
  narrative::FigureValues current = narrative::figure_values(computed.report->figures);
  narrative::FigureValues printed;
  for (const SectionText& s : section_texts(store, code)) {
    narrative::ParseResult parsed = narrative::parse_narrative(s.text, current);
    for (const narrative::Problem& p : parsed.problems) errors.emplace_back("muc " + s.section, "mục " + s.section + ": " + p.message);
    if (parsed.narrative) printed.merge(narrative::snapshot_figures(*parsed.narrative, current));
  }
  if (!errors.empty()) return errors;
  NarrativeSections narratives = narrative_blocks(store, code, current);
  ReportIssueDetails issue = issue_of(row);
  std::string figures = snapshot_json(printed);
  const RecordKind& k = issued_kind();
  for (ReportFormat format : kAllFormats) {
    RenderedReport rendered = computed.report->render(format, narratives, issue);
    Row frozen{code, report_format_extension(format), base64_encode(rendered.bytes), sha256_hex(rendered.bytes), figures};
    if (frozen_row(store, code, report_format_extension(format)))
      store.update(k, frozen);
    else
      store.insert(k, frozen);
  }
  return errors;
}

}  // namespace detail

std::optional<RenderedReport> report_document(Store& store, const Dataset& data, const std::string& report,
                                              ReportFormat format) {
  auto row = report_row(store, report);
  if (!row) return std::nullopt;
  const std::string extension = report_format_extension(format);
  if (text_of(reports_kind(), *row, "trang_thai") == "da_ban_hanh") {
    if (auto frozen = frozen_row(store, report, extension)) {
      auto bytes = base64_decode(text_of(issued_kind(), *frozen, "noi_dung"));
      if (bytes) return RenderedReport{std::move(*bytes), report_format_media_type(format), extension};
    }
  }
  ComputedReportResult computed = computed_of(store, data, *row);
  if (!computed.report) return std::nullopt;
  narrative::FigureValues current = narrative::figure_values(computed.report->figures);
  return computed.report->render(format, narrative_blocks(store, report, current), issue_of(*row));
}

std::vector<narrative::FigureChange> changed_since_issue(Store& store, const Dataset& data, const std::string& report) {
  std::vector<narrative::FigureChange> out;
  auto row = report_row(store, report);
  if (!row || text_of(reports_kind(), *row, "trang_thai") != "da_ban_hanh") return out;
  auto frozen = frozen_row(store, report, "json");
  if (!frozen) return out;
  narrative::FigureValues snapshot = snapshot_of(text_of(issued_kind(), *frozen, "so_lieu"));
  ComputedReportResult computed = computed_of(store, data, *row);
  narrative::FigureValues current;
  if (computed.report) current = narrative::figure_values(computed.report->figures);
  for (const SectionText& s : section_texts(store, report)) {
    // The text as issued parses against the snapshot of what it printed.
    narrative::ParseResult parsed = narrative::parse_narrative(s.text, snapshot);
    if (!parsed.narrative) continue;
    for (narrative::FigureChange& c : narrative::changed_figures(*parsed.narrative, snapshot, current)) {
      bool seen = false;
      for (const narrative::FigureChange& o : out) seen = seen || o.id == c.id;
      if (!seen) out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace kc::drafts
