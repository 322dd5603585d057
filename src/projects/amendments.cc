#include "projects/amendments.h"

#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/random.h"
#include "projects/lifecycle.h"
#include "projects/proposals.h"
#include "records/record_editing.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace kc {

namespace {

const RecordKind& amendments() { return kind("dieu_chinh"); }

// The project fields each kind of amendment may change.
const std::map<std::string, std::vector<std::string>>& amendable_fields() {
  static const std::map<std::string, std::vector<std::string>> m = {
      {"kinh_phi", {"kinh_phi_nsnn", "kinh_phi_doi_ung"}},
      {"tien_do", {"nam_ket_thuc"}},
      {"dia_ban", {"dia_ban"}},
      {"co_so", {"co_so"}},
  };
  return m;
}

Amendment from_row(const Row& r) {
  auto t = [&](size_t i) { return std::string(text_or_empty(r[i])); };
  Amendment a{t(0), t(1), t(2), t(4), t(5), t(6), t(7), t(8), t(9), t(10), t(11), {}};
  try {
    a.values = nlohmann::json::parse(t(3)).get<std::map<std::string, std::string>>();
  } catch (const std::exception&) {
  }
  return a;
}

// The project with the amendment's values, or the problems found.
std::optional<Row> apply_values(const Row& project, const Amendment& a, FieldErrors& errors) {
  const RecordKind& p = kind("de_an");
  Row after = project;
  for (const std::string& field : amendable_fields().at(a.kind)) {
    if (field == "co_so") continue;
    auto v = a.values.find(field);
    if (v == a.values.end()) continue;
    ParsedField parsed = parse_form_field(p.field(field), v->second);
    if (!parsed.ok()) {
      errors.emplace_back(field, field_message(p.field(field), parsed.error));
      continue;
    }
    after[static_cast<size_t>(p.field_index(field))] = parsed.value;
  }
  if (!errors.empty()) return std::nullopt;
  return after;
}

}  // namespace

bool may_propose_amendment(const std::string& role) {
  return role == "trung_tam" || role == "dia_phuong" || role == "co_so" || role == "so_cong_thuong";
}
bool may_decide_amendment(const std::string& role) { return role == "so_cong_thuong"; }

AmendmentResult propose_amendment(Store& store, const User& user, const std::string& project, const std::string& kind_code,
                                  const std::map<std::string, std::string>& values, const std::string& reason,
                                  const FieldErrors& scope_problems) {
  AmendmentResult r;
  auto fields = amendable_fields().find(kind_code);
  if (fields == amendable_fields().end()) {
    r.errors.emplace_back("noi_dung_dieu_chinh", "nội dung điều chỉnh \"" + kind_code + "\" không có");
    return r;
  }
  if (!may_propose_amendment(user.role)) {
    r.errors.emplace_back("", "vai trò " + role_label(user.role) + " không đề nghị điều chỉnh được");
    return r;
  }
  if (reason.find_first_not_of(' ') == std::string::npos) r.errors.emplace_back("ly_do", "cần nêu lý do điều chỉnh");
  std::optional<Row> p = find_record(store, kind("de_an"), project);
  if (!p) {
    r.errors.emplace_back("", "không có đề án \"" + project + "\"");
    return r;
  }
  std::string status = as_text((*p)[static_cast<size_t>(kind("de_an").field_index("trang_thai"))]);
  if (status != "phe_duyet" && status != "dang_thuc_hien")
    r.errors.emplace_back("", "chỉ điều chỉnh được đề án đã phê duyệt hoặc đang thực hiện (hiện: " + status_label(status) + ")");
  std::map<std::string, std::string> kept;
  for (const std::string& f : fields->second)
    if (auto v = values.find(f); v != values.end() && !v->second.empty()) kept[f] = v->second;
  if (kept.empty()) r.errors.emplace_back(fields->second.front(), "cần nhập giá trị đề nghị điều chỉnh");
  if (kind_code == "co_so")
    for (auto& e : beneficiary_problems(store, split_codes(kept["co_so"]))) r.errors.push_back(std::move(e));
  r.errors.insert(r.errors.end(), scope_problems.begin(), scope_problems.end());
  Amendment probe{"", project, kind_code, reason, "cho_duyet", user.username, "", "", "", "", "", kept};
  apply_values(*p, probe, r.errors);  // the values must at least be well-formed; every problem at once
  if (!r.ok()) return r;
  // Kept in the canonical form ("150 triệu" -> "150000000"), as the decision will read them.
  for (auto& [field, value] : kept)
    if (field != "co_so") value = format_field(kind("de_an").field(field), parse_form_field(kind("de_an").field(field), value).value);

  Transaction tx(store);
  r.id = random_hex(12);
  Row row{r.id, project, kind_code, nlohmann::json(kept).dump(), reason, std::string("cho_duyet"), user.username,
          utc_now_text(), Value{}, Value{}, Value{}, Value{}};
  store.insert(amendments(), row);
  audit(store, user.username, "de_nghi_dieu_chinh", &amendments(), r.id, std::nullopt, row);
  tx.commit();
  return r;
}

AmendmentResult decide_amendment(Store& store, const User& user, const std::string& id, bool approve,
                                 const std::string& decision, const std::string& note, const Date& today) {
  AmendmentResult r;
  r.id = id;
  if (!may_decide_amendment(user.role)) {
    r.errors.emplace_back("", "chỉ Sở Công Thương phê duyệt điều chỉnh");
    return r;
  }
  Transaction tx(store);
  Row probe(amendments().fields.size());
  probe[0] = id;
  std::optional<Row> row = store.find(amendments(), probe);
  if (!row) {
    r.errors.emplace_back("", "không có đề nghị điều chỉnh \"" + id + "\"");
    return r;
  }
  Amendment a = from_row(*row);
  if (a.status != "cho_duyet") {
    r.errors.emplace_back("", "đề nghị này đã được xem xét (" + a.status + ")");
    return r;
  }
  if (approve && decision.find_first_not_of(' ') == std::string::npos)
    r.errors.emplace_back("so_quyet_dinh", "cần ghi số quyết định phê duyệt điều chỉnh");
  if (!approve && note.find_first_not_of(' ') == std::string::npos)
    r.errors.emplace_back("ghi_chu_duyet", "cần nêu lý do không phê duyệt");
  if (!r.ok()) return r;
  if (approve) {
    const RecordKind& p = kind("de_an");
    std::optional<Row> before = find_record(store, p, a.project);
    std::optional<Row> after = before ? apply_values(*before, a, r.errors) : std::nullopt;
    if (!after) return r;
    std::vector<std::string> establishments = beneficiaries_of(store, a.project);
    if (a.kind == "co_so") establishments = split_codes(a.values["co_so"]);
    FieldErrors caps = budget_problems(store, *after, establishments.size(), today);
    if (!caps.empty()) {
      r.errors = caps;
      return r;
    }
    if (*after != *before) {
      store.update(p, *after);
      audit(store, user.username, "dieu_chinh", &p, a.project, before, after, "điều chỉnh " + a.kind + " theo " + decision);
    }
    if (a.kind == "co_so") replace_beneficiaries(store, user.username, a.project, establishments);
  }
  Row decided = *row;
  decided[5] = std::string(approve ? "da_duyet" : "tu_choi");
  decided[8] = user.username;
  decided[9] = utc_now_text();
  decided[10] = decision.empty() ? Value{} : Value{decision};
  decided[11] = note.empty() ? Value{} : Value{note};
  store.update(amendments(), decided);
  audit(store, user.username, approve ? "duyet_dieu_chinh" : "tu_choi_dieu_chinh", &amendments(), id, row, decided);
  tx.commit();
  return r;
}

std::vector<Amendment> amendments_of(Store& store, const std::string& project) {
  ListQuery q;
  q.equals = {{1, Value{project}}};
  q.limit = 1000;
  std::vector<Amendment> out;
  for (const Row& r : store.list(amendments(), q).rows) out.push_back(from_row(r));
  return out;
}

}  // namespace kc
