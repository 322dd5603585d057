// Sections and their versions: every save is a version; a save from an older version than the
// current one is refused with the other's text (nothing lost when two people edit a section).
#include <algorithm>

#include "audit/audit.h"
#include "core/clock.h"
#include "drafts/report_rows.h"
#include "store/store.h"

namespace kc::drafts {

using namespace detail;

namespace {

// Who may write a report's sections in its status: the centre while it drafts (or after it was
// returned), the department while it reviews it.
bool may_edit(const std::string& role, const std::string& status) {
  if (role == "trung_tam") return status == "du_thao" || status == "tra_lai";
  if (role == "so_cong_thuong") return status == "da_trinh";
  return false;
}

std::optional<Version> latest_version(Store& store, const std::string& report, const std::string& section) {
  std::vector<Version> all = section_versions(store, report, section);
  if (all.empty()) return std::nullopt;
  return all.front();
}

}  // namespace

std::vector<SectionText> section_texts(Store& store, const std::string& report) {
  std::vector<SectionText> out;
  const RecordKind& k = sections_kind();
  for (const Row& row : rows_where(store, k, "bao_cao", report)) {
    SectionText s{text_of(k, row, "muc"), text_of(k, row, "noi_dung"), 0, {}, {}};
    if (auto v = latest_version(store, report, s.section)) {
      s.version = v->number;
      s.user = v->user;
      s.at = v->at;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Version> section_versions(Store& store, const std::string& report, const std::string& section) {
  std::vector<Version> out;
  const RecordKind& k = versions_kind();
  for (const Row& row : rows_where(store, k, "bao_cao", report)) {
    if (text_of(k, row, "muc") != section) continue;
    out.push_back({static_cast<int>(int_of(k, row, "phien_ban")), section, text_of(k, row, "noi_dung"),
                   text_of(k, row, "nguoi_dung"), text_of(k, row, "thoi_diem")});
  }
  std::sort(out.begin(), out.end(), [](const Version& a, const Version& b) { return a.number > b.number; });
  return out;
}

SaveResult save_section(Store& store, const Dataset& data, const User& user, const SaveRequest& request) {
  SaveResult result;
  Transaction tx(store);
  auto row = report_row(store, request.report);
  if (!row) {
    result.errors.emplace_back("", "không có báo cáo \"" + request.report + "\"");
    return result;
  }
  Report report = report_of(store, *row);
  if (!may_edit(user.role, report.status)) {
    result.errors.emplace_back("", "vai trò " + role_label(user.role) + " không được sửa báo cáo đang ở trạng thái \"" +
                                       status_label(report.status) + "\"");
    return result;
  }
  ComputedReportResult computed = compute_report(data, report.structure, report.scope);
  if (!computed.report) {
    result.errors.emplace_back("", computed.error);
    return result;
  }
  const std::vector<ReportSection>& sections = computed.report->sections;
  if (std::none_of(sections.begin(), sections.end(), [&](const ReportSection& s) { return s.id == request.section; })) {
    result.errors.emplace_back("muc", "báo cáo này không có mục \"" + request.section + "\"");
    return result;
  }
  narrative::ParseResult parsed =
      narrative::parse_narrative(request.text, narrative::figure_values(computed.report->figures));
  for (const narrative::Problem& p : parsed.problems) result.errors.emplace_back("noi_dung", p.message);
  if (!result.errors.empty()) return result;

  std::optional<Version> latest = latest_version(store, request.report, request.section);
  int current = latest ? latest->number : 0;
  if (current != request.base_version) {
    result.conflict = SectionText{request.section, latest ? latest->text : std::string(), current,
                                  latest ? latest->user : std::string(), latest ? latest->at : std::string()};
    result.errors.emplace_back("noi_dung", "mục này đã được " + result.conflict->user + " lưu (phiên bản " +
                                               std::to_string(current) + ") sau khi bạn mở; nội dung của bạn chưa được "
                                               "lưu, hãy xem nội dung mới và lưu lại");
    return result;
  }
  result.version = current + 1;
  store.insert(versions_kind(), Row{request.report, request.section, int64_t{result.version}, request.text,
                                    user.username, utc_now_precise()});
  const RecordKind& k = sections_kind();
  Row section_row{request.report, request.section, request.text};
  std::optional<Row> before = store.find(k, section_row);
  std::string key = request.report + "|" + request.section;
  std::string note = "mục " + request.section + ", phiên bản " + std::to_string(result.version);
  bool empty = request.text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (empty) {
    if (before) store.remove(k, section_row);
    audit(store, user.username, "xoa", &k, key, before, std::nullopt, note);
  } else if (before) {
    store.update(k, section_row);
    audit(store, user.username, "sua", &k, key, before, section_row, note);
  } else {
    store.insert(k, section_row);
    audit(store, user.username, "tao", &k, key, std::nullopt, section_row, note);
  }
  tx.commit();
  return result;
}

}  // namespace kc::drafts
