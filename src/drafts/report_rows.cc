#include "drafts/report_rows.h"

#include <algorithm>
#include <sstream>

#include "audit/audit.h"
#include "core/clock.h"
#include "core/random.h"
#include "schema/enums.h"
#include "store/store.h"

namespace kc::drafts {

std::string status_label(const std::string& status) {
  for (const EnumValue& v : enums::kReportStatus)
    if (v.code == status) return std::string(v.label);
  return status;
}

std::vector<ReportKind> report_kinds(Store& store) {
  std::vector<ReportKind> out;
  const RecordKind& k = detail::kinds_kind();
  store.scan(k, [&](const Row& row) {
    auto structure = parse_report_structure(detail::text_of(k, row, "cau_truc"));
    if (structure) out.push_back({detail::text_of(k, row, "ma"), detail::text_of(k, row, "ten"), *structure});
  });
  return out;
}

namespace detail {

const RecordKind& kinds_kind() { return kind("loai_bao_cao"); }
const RecordKind& reports_kind() { return kind("bao_cao"); }
const RecordKind& sections_kind() { return kind("bao_cao_muc"); }
const RecordKind& versions_kind() { return kind("bao_cao_phien_ban"); }
const RecordKind& events_kind() { return kind("bao_cao_su_kien"); }
const RecordKind& issued_kind() { return kind("bao_cao_ban_hanh"); }

std::string text_of(const RecordKind& kind, const Row& row, std::string_view field) {
  const Value& v = row[static_cast<size_t>(kind.field_index(field))];
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  return std::string(text_or_empty(v));
}

int64_t int_of(const RecordKind& kind, const Row& row, std::string_view field) {
  const Value& v = row[static_cast<size_t>(kind.field_index(field))];
  return is_null(v) ? 0 : as_int(v);
}

void set(const RecordKind& kind, Row& row, std::string_view field, Value value) {
  row[static_cast<size_t>(kind.field_index(field))] = std::move(value);
}

Value text_or_null(const std::string& text) { return text.empty() ? Value{} : Value{text}; }

std::vector<Row> rows_where(Store& store, const RecordKind& kind, std::string_view field, const std::string& value) {
  ListQuery q;
  q.equals.push_back({static_cast<size_t>(kind.field_index(field)), Value{value}});
  q.include_archived = true;
  q.limit = 1'000'000;
  return store.list(kind, q).rows;
}

std::optional<Row> report_row(Store& store, const std::string& code) {
  const RecordKind& k = reports_kind();
  Row key(k.fields.size());
  key[0] = code;
  return store.find(k, key);
}

namespace {

std::optional<Row> row_by_code(Store& store, const RecordKind& kind, const std::string& code) {
  if (code.empty()) return std::nullopt;
  Row key(kind.fields.size());
  key[0] = code;
  return store.find(kind, key);
}

// "giai đoạn 2016 - 2020" reports say their plan's years; the others their year.
std::string period_words(Store& store, ReportStructure structure, const std::string& plan, int year) {
  if (structure == ReportStructure::Phase) {
    const RecordKind& plans = kind("ke_hoach");
    if (auto p = row_by_code(store, plans, plan))
      return text_of(plans, *p, "tu_nam") + " - " + text_of(plans, *p, "den_nam");
    return plan;
  }
  return year > 0 ? std::to_string(year) : std::string();
}

}  // namespace

Report report_of(Store& store, const Row& row) {
  const RecordKind& k = reports_kind();
  Report r;
  r.code = text_of(k, row, "ma");
  r.kind = text_of(k, row, "loai_bao_cao");
  if (auto kind_row = row_by_code(store, kinds_kind(), r.kind)) {
    r.kind_name = text_of(kinds_kind(), *kind_row, "ten");
    r.structure = parse_report_structure(text_of(kinds_kind(), *kind_row, "cau_truc")).value_or(ReportStructure::Phase);
  }
  r.scope.plan_code = text_of(k, row, "ke_hoach");
  r.scope.year = static_cast<int>(int_of(k, row, "nam"));
  r.agency = text_of(k, row, "co_quan");
  const RecordKind& plans = kind("ke_hoach");
  if (auto plan = row_by_code(store, plans, r.scope.plan_code)) r.area = text_of(plans, *plan, "dia_ban");
  r.status = text_of(k, row, "trang_thai");
  r.issue = issue_of(row);
  std::string period = period_words(store, r.structure, r.scope.plan_code, r.scope.year);
  r.title = r.kind_name + (period.empty() ? "" : " " + period);
  std::vector<Row> events = rows_where(store, events_kind(), "bao_cao", r.code);
  for (const Row& e : events) {
    std::string at = text_of(events_kind(), e, "thoi_diem");
    if (text_of(events_kind(), e, "hanh_dong") == "tao") {
      r.created_by = text_of(events_kind(), e, "nguoi_dung");
      r.created_at = at;
    }
    r.updated_at = std::max(r.updated_at, at);
  }
  for (const Row& v : rows_where(store, versions_kind(), "bao_cao", r.code))
    r.updated_at = std::max(r.updated_at, text_of(versions_kind(), v, "thoi_diem"));
  return r;
}

bool may_read(Store& store, const User& user, const std::string& area) {
  if (user.role == "quan_tri" || user.role == "so_cong_thuong" || user.role == "trung_tam") return true;
  if (user.role != "dia_phuong" || user.unit.empty() || area.empty()) return false;
  // The officer's unit lies in the report's area: walk up from it (a few levels at most).
  const RecordKind& units = kind("don_vi_hanh_chinh");
  std::string unit = user.unit;
  for (int depth = 0; depth < 8 && !unit.empty(); ++depth) {
    if (unit == area) return true;
    auto row = row_by_code(store, units, unit);
    if (!row) return false;
    unit = text_of(units, *row, "ma_cap_tren");
  }
  return false;
}

ReportIssueDetails issue_of(const Row& row) {
  const RecordKind& k = reports_kind();
  ReportIssueDetails d;
  d.number_symbol = text_of(k, row, "so_ky_hieu");
  if (std::string date = text_of(k, row, "ngay_ban_hanh"); !date.empty()) d.date = parse_date(date);
  d.signing_authority = text_of(k, row, "tham_quyen_ky");
  d.signer_title = text_of(k, row, "chuc_vu_ky");
  d.signer_name = text_of(k, row, "nguoi_ky");
  std::istringstream lines(text_of(k, row, "noi_nhan"));
  for (std::string line; std::getline(lines, line);)
    if (line.find_first_not_of(" \r") != std::string::npos) d.recipients.push_back(line);
  d.charts = int_of(k, row, "kem_bieu_do") != 0;
  return d;
}

ComputedReportResult computed_of(Store& store, const Dataset& data, const Row& row) {
  Report r = report_of(store, row);
  if (r.kind_name.empty()) return {std::nullopt, "loại báo cáo \"" + r.kind + "\" không có trong danh mục"};
  return compute_report(data, r.structure, r.scope);
}

NarrativeSections narrative_blocks(Store& store, const std::string& report, const narrative::FigureValues& values,
                                   std::vector<std::string>* broken) {
  NarrativeSections out;
  const RecordKind& k = sections_kind();
  for (const Row& row : rows_where(store, k, "bao_cao", report)) {
    std::string section = text_of(k, row, "muc");
    narrative::ParseResult parsed = narrative::parse_narrative(text_of(k, row, "noi_dung"), values);
    if (parsed.narrative) {
      out[section] = narrative::to_blocks(*parsed.narrative, values);
      continue;
    }
    if (broken) broken->push_back(section);
    out[section] = {doc::para("(Nội dung mục " + section + " cần sửa trước khi in: " +
                              parsed.problems.front().message + ")",
                              doc::ParagraphStyle::Note)};
  }
  return out;
}

int current_version(Store& store, const std::string& report, const std::string& section) {
  const RecordKind& k = versions_kind();
  int latest = 0;
  for (const Row& row : rows_where(store, k, "bao_cao", report))
    if (text_of(k, row, "muc") == section) latest = std::max(latest, static_cast<int>(int_of(k, row, "phien_ban")));
  return latest;
}

void record_event(Store& store, const std::string& report, const std::string& action, const std::string& from,
                  const std::string& to, const std::string& comment, const std::string& user) {
  const RecordKind& k = events_kind();
  Row row{random_hex(12), report, action, text_or_null(from), text_or_null(to), text_or_null(comment), user,
          utc_now_precise()};
  store.insert(k, row);
  audit(store, user, action == "tao" ? "tao" : "chuyen_trang_thai", &k, as_text(row[0]), std::nullopt, row,
        "báo cáo " + report + (to.empty() ? std::string() : ": " + status_label(to)));
}

}  // namespace detail
}  // namespace kc::drafts
