// The reports a user may read, and a new draft.
#include <algorithm>
#include <tuple>

#include "audit/audit.h"
#include "drafts/report_rows.h"
#include "store/store.h"

namespace kc::drafts {

using namespace detail;

std::vector<Report> list_reports(Store& store, const User& user, const ReportFilter& filter) {
  std::vector<Report> out;
  const RecordKind& k = reports_kind();
  std::vector<Row> rows;
  store.scan(k, [&](const Row& row) { rows.push_back(row); });
  for (const Row& row : rows) {
    if (!filter.kind.empty() && text_of(k, row, "loai_bao_cao") != filter.kind) continue;
    if (!filter.status.empty() && text_of(k, row, "trang_thai") != filter.status) continue;
    Report r = report_of(store, row);
    if (filter.year != 0 && r.scope.year != filter.year) {
      // A phase report covers its plan's years.
      const RecordKind& plans = kind("ke_hoach");
      Row key(plans.fields.size());
      key[0] = r.scope.plan_code;
      auto plan = r.scope.plan_code.empty() ? std::nullopt : store.find(plans, key);
      if (!plan || filter.year < int_of(plans, *plan, "tu_nam") || filter.year > int_of(plans, *plan, "den_nam")) continue;
    }
    if (may_read(store, user, r.area)) out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const Report& a, const Report& b) {
    return std::tie(b.updated_at, b.code) < std::tie(a.updated_at, a.code);
  });
  return out;
}

std::optional<Report> find_report(Store& store, const User& user, const std::string& code) {
  auto row = report_row(store, code);
  if (!row) return std::nullopt;
  Report r = report_of(store, *row);
  if (!may_read(store, user, r.area)) return std::nullopt;
  return r;
}

namespace {

// The annual plan of `year` when the records hold exactly one (what an annual report reports on).
std::string annual_plan_of(Store& store, int year) {
  const RecordKind& plans = kind("ke_hoach");
  std::vector<std::string> found;
  store.scan(plans, [&](const Row& row) {
    if (text_of(plans, row, "loai") == "hang_nam" && int_of(plans, row, "tu_nam") == year &&
        int_of(plans, row, "den_nam") == year)
      found.push_back(text_of(plans, row, "ma"));
  });
  return found.size() == 1 ? found.front() : std::string();
}

// "bc-bg-2016-2020", "bc-nam-2020", then "-2", "-3"… when taken.
std::string new_code(Store& store, const NewReport& request, ReportStructure structure) {
  std::string base = "bc-" + (structure == ReportStructure::Phase
                                  ? request.scope.plan_code
                                  : request.kind + "-" + std::to_string(request.scope.year));
  std::string code = base;
  for (int n = 2; report_row(store, code); ++n) code = base + "-" + std::to_string(n);
  return code;
}

}  // namespace

CreateResult create_report(Store& store, const Dataset& data, const User& user, const NewReport& request) {
  CreateResult result;
  Transaction tx(store);
  if (user.role != "trung_tam") {
    result.errors.emplace_back("", "chỉ cán bộ Trung tâm Khuyến công được lập báo cáo; vai trò " + role_label(user.role) +
                                       " không được lập");
    return result;
  }
  const RecordKind& kinds = kinds_kind();
  Row kind_key(kinds.fields.size());
  kind_key[0] = request.kind;
  auto kind_row = store.find(kinds, kind_key);
  std::optional<ReportStructure> structure;
  if (kind_row) structure = parse_report_structure(text_of(kinds, *kind_row, "cau_truc"));
  if (!structure) {
    result.errors.emplace_back("loai_bao_cao", "loại báo cáo \"" + request.kind + "\" không có trong danh mục");
    return result;
  }
  NewReport r = request;
  if (*structure == ReportStructure::Phase && r.scope.plan_code.empty())
    result.errors.emplace_back("ke_hoach", "báo cáo giai đoạn cần chọn kế hoạch giai đoạn");
  if (*structure != ReportStructure::Phase && (r.scope.year < 1900 || r.scope.year > 2100))
    result.errors.emplace_back("nam", "cần chọn năm báo cáo");
  if (!result.errors.empty()) return result;
  if (*structure != ReportStructure::Phase && r.scope.plan_code.empty())
    r.scope.plan_code = annual_plan_of(store, r.scope.year);
  ComputedReportResult computed = compute_report(data, *structure, r.scope);
  if (!computed.report) {
    result.errors.emplace_back(r.scope.plan_code.empty() ? "nam" : "ke_hoach", computed.error);
    return result;
  }
  int32_t plan = data.plan_index(r.scope.plan_code);
  if (r.agency.empty() && plan >= 0) {
    int32_t org = data.plans[static_cast<size_t>(plan)].reporting_org;
    if (org >= 0) r.agency = data.organisations[static_cast<size_t>(org)].code;
  }
  if (!r.agency.empty() && data.organisation_index(r.agency) < 0) {
    result.errors.emplace_back("co_quan", "cơ quan báo cáo \"" + r.agency + "\" không có trong danh mục tổ chức");
    return result;
  }

  const RecordKind& k = reports_kind();
  Row row(k.fields.size());
  result.code = new_code(store, r, *structure);
  set(k, row, "ma", result.code);
  set(k, row, "loai_bao_cao", r.kind);
  set(k, row, "ke_hoach", text_or_null(r.scope.plan_code));
  if (r.scope.year > 0) set(k, row, "nam", int64_t{r.scope.year});
  set(k, row, "co_quan", text_or_null(r.agency));
  set(k, row, "trang_thai", std::string("du_thao"));
  store.insert(k, row);
  audit(store, user.username, "tao", &k, result.code, std::nullopt, row, "lập báo cáo");
  record_event(store, result.code, "tao", "", "du_thao", "", user.username);
  tx.commit();
  return result;
}

}  // namespace kc::drafts
