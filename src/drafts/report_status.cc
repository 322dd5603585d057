// The status flow: submit, return with a comment, approve, issue (report_drafts.h).
#include <algorithm>

#include "audit/audit.h"
#include "core/clock.h"
#include "drafts/report_rows.h"
#include "model/dataset.h"
#include "store/store.h"
#include "text/normalize.h"

namespace kc::drafts {

using namespace detail;

namespace {

struct Step {
  const char* action;
  const char* role;
  std::vector<const char*> from;
  const char* to;
  const char* name;  // Vietnamese, for messages
};

const std::vector<Step>& steps() {
  static const std::vector<Step> all = {
      {"trinh", "trung_tam", {"du_thao", "tra_lai"}, "da_trinh", "trình"},
      {"tra_lai", "so_cong_thuong", {"da_trinh"}, "tra_lai", "trả lại"},
      {"duyet", "so_cong_thuong", {"da_trinh"}, "da_duyet", "duyệt"},
      {"ban_hanh", "so_cong_thuong", {"da_duyet"}, "da_ban_hanh", "ban hành"},
  };
  return all;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The issue details checked: number and symbol unique among the agency's issued reports, a date
// that is not in the future.
void check_issue(Store& store, const Row& row, const ReportIssueDetails& issue, FieldErrors& errors) {
  const RecordKind& k = reports_kind();
  if (blank(issue.number_symbol)) {
    errors.emplace_back("so_ky_hieu", "cần ghi số, ký hiệu của báo cáo (ví dụ 125/BC-SCT)");
  } else {
    const std::string agency = text_of(k, row, "co_quan"), code = text_of(k, row, "ma");
    store.scan(k, [&](const Row& other) {
      if (text_of(k, other, "ma") != code && text_of(k, other, "trang_thai") == "da_ban_hanh" &&
          text_of(k, other, "co_quan") == agency && text_of(k, other, "so_ky_hieu") == issue.number_symbol)
        errors.emplace_back("so_ky_hieu", "số, ký hiệu " + issue.number_symbol + " đã dùng cho báo cáo " +
                                              text_of(k, other, "ma") + " của cùng cơ quan");
    });
  }
  if (!issue.date)
    errors.emplace_back("ngay_ban_hanh", "cần ghi ngày ban hành (dd/mm/yyyy)");
  else if (*issue.date > today_in_vietnam())
    errors.emplace_back("ngay_ban_hanh", "ngày ban hành " + to_dd_mm_yyyy(*issue.date) + " là ngày trong tương lai");
}

std::string recipients_text(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines)
    if (!blank(l)) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

FieldErrors take_step(Store& store, const Dataset& data, const User& user, const StepRequest& request) {
  FieldErrors errors;
  Transaction tx(store);
  auto before = report_row(store, request.report);
  if (!before) {
    errors.emplace_back("", "không có báo cáo \"" + request.report + "\"");
    return errors;
  }
  const RecordKind& k = reports_kind();
  const std::string status = text_of(k, *before, "trang_thai");
  auto step = std::find_if(steps().begin(), steps().end(), [&](const Step& s) { return request.action == s.action; });
  if (step == steps().end()) {
    errors.emplace_back("hanh_dong", "bước \"" + request.action + "\" không có trong quy trình báo cáo");
    return errors;
  }
  if (user.role != step->role) {
    errors.emplace_back("", std::string("vai trò ") + role_label(user.role) + " không được " + step->name + " báo cáo");
    return errors;
  }
  if (std::none_of(step->from.begin(), step->from.end(), [&](const char* s) { return status == s; })) {
    errors.emplace_back("", std::string("không thể ") + step->name + " báo cáo đang ở trạng thái \"" +
                                status_label(status) + "\"");
    return errors;
  }
  if (request.action == "tra_lai" && blank(request.comment))
    errors.emplace_back("ghi_chu", "cần ghi ý kiến khi trả lại báo cáo");

  Row after = *before;
  set(k, after, "trang_thai", std::string(step->to));
  if (request.action == "ban_hanh") {
    ReportIssueDetails issue = request.issue;
    issue.number_symbol = to_nfc(issue.number_symbol);
    check_issue(store, *before, issue, errors);
    if (!errors.empty()) return errors;
    set(k, after, "so_ky_hieu", issue.number_symbol);
    set(k, after, "ngay_ban_hanh", to_iso(*issue.date));
    set(k, after, "tham_quyen_ky", text_or_null(to_nfc(issue.signing_authority)));
    set(k, after, "chuc_vu_ky", text_or_null(to_nfc(issue.signer_title)));
    set(k, after, "nguoi_ky", text_or_null(to_nfc(issue.signer_name)));
    set(k, after, "noi_nhan", text_or_null(to_nfc(recipients_text(issue.recipients))));
    set(k, after, "kem_bieu_do", int64_t{issue.charts ? 1 : 0});
    errors = freeze_report(store, data, after);
  }
  if (!errors.empty()) return errors;
  store.update(k, after);
  audit(store, user.username, request.action == "ban_hanh" ? "ban_hanh" : "chuyen_trang_thai", &k, request.report,
        before, after, std::string(step->name) + (blank(request.comment) ? "" : ": " + request.comment));
  record_event(store, request.report, request.action, status, step->to, request.comment, user.username);
  tx.commit();
  return errors;
}

std::vector<Event> report_events(Store& store, const std::string& report) {
  std::vector<Event> out;
  const RecordKind& k = events_kind();
  for (const Row& row : rows_where(store, k, "bao_cao", report))
    out.push_back({text_of(k, row, "tu_trang_thai"), text_of(k, row, "den_trang_thai"), text_of(k, row, "hanh_dong"),
                   text_of(k, row, "ghi_chu"), text_of(k, row, "nguoi_dung"), text_of(k, row, "thoi_diem")});
  std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
  return out;
}

std::vector<std::string> settle_imported_reports(Store& store, const std::string& user) {
  std::vector<std::string> problems;
  // Each imported section without a version becomes version 1 by the importing user.
  const RecordKind& sections = sections_kind();
  std::vector<Row> section_rows;
  store.scan(sections, [&](const Row& row) { section_rows.push_back(row); });
  for (const Row& row : section_rows) {
    const std::string report = text_of(sections, row, "bao_cao"), section = text_of(sections, row, "muc");
    if (current_version(store, report, section) > 0) continue;
    store.insert(versions_kind(),
                 Row{report, section, int64_t{1}, text_of(sections, row, "noi_dung"), user, utc_now_precise()});
  }
  // An imported report gets its first step ("nhập"), and an issued one without its frozen
  // documents is frozen from the imported records.
  const RecordKind& k = reports_kind();
  std::vector<Row> reports, to_freeze;
  store.scan(k, [&](const Row& row) { reports.push_back(row); });
  for (const Row& row : reports) {
    const std::string code = text_of(k, row, "ma"), status = text_of(k, row, "trang_thai");
    if (rows_where(store, events_kind(), "bao_cao", code).empty())
      record_event(store, code, "nhap", "", status, "nhập từ bộ dữ liệu", user);
    if (status == "da_ban_hanh" && rows_where(store, issued_kind(), "bao_cao", code).empty()) to_freeze.push_back(row);
  }
  if (to_freeze.empty()) return problems;
  Dataset data = load_dataset(store);
  for (const Row& row : to_freeze) {
    const std::string code = text_of(k, row, "ma");
    FieldErrors errors;
    if (!issue_of(row).date || text_of(k, row, "so_ky_hieu").empty())
      errors.emplace_back("", "báo cáo đã ban hành cần có số, ký hiệu và ngày ban hành");
    else
      errors = freeze_report(store, data, row);
    for (const auto& [field, message] : errors) problems.push_back("báo cáo " + code + ": " + message);
    if (errors.empty()) audit(store, user, "ban_hanh", &k, code, std::nullopt, row, "lưu bản đã ban hành khi nhập dữ liệu");
  }
  return problems;
}

}  // namespace kc::drafts
