#include "projects/proposals.h"

#include <algorithm>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/random.h"
#include "projects/support_caps.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace kc {

namespace {

const RecordKind& projects() { return kind("de_an"); }
size_t col(const char* name) { return static_cast<size_t>(projects().field_index(name)); }

// da-<year>-<8 hex>: unique without a counter shared between servers.
std::string new_project_code(const FormValues& v) {
  auto year = v.find("nam_bat_dau");
  std::string y = year == v.end() || year->second.size() != 4 ? "moi" : year->second;
  return "da-" + y + "-" + random_hex(4);
}

}  // namespace

FieldErrors budget_problems(Store& store, const Row& p, size_t establishments, const Date& date) {
  BudgetProposal b{as_text(p[col("noi_dung")]), as_text(p[col("cap_kinh_phi")]), date, as_int(p[col("kinh_phi_nsnn")]),
                   as_int(p[col("kinh_phi_doi_ung")]), static_cast<int64_t>(establishments)};
  FieldErrors errors;
  for (const std::string& message : cap_problems(store, b)) errors.emplace_back("kinh_phi_nsnn", message);
  return errors;
}

std::vector<std::string> beneficiaries_of(Store& store, const std::string& project) {
  const RecordKind& links = kind("de_an_co_so");
  ListQuery q;
  q.equals = {{0, Value{project}}};
  q.limit = 1000;
  std::vector<std::string> out;
  for (const Row& r : store.list(links, q).rows) out.push_back(as_text(r[1]));
  return out;
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text + ",") {
    if (c != ',' && c != ';' && c != '\n') {
      cur += c;
      continue;
    }
    size_t a = cur.find_first_not_of(" \r\t"), b = cur.find_last_not_of(" \r\t");
    if (a != std::string::npos) {
      std::string code = cur.substr(a, b - a + 1);
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    }
    cur.clear();
  }
  return out;
}

FieldErrors beneficiary_problems(Store& store, const std::vector<std::string>& codes) {
  FieldErrors errors;
  const RecordKind& establishments = kind("co_so");
  for (const std::string& code : codes) {
    Row probe(establishments.fields.size());
    probe[0] = code;
    if (!store.find(establishments, probe)) errors.emplace_back("co_so", "Cơ sở thụ hưởng: không có cơ sở mã \"" + code + "\"");
  }
  return errors;
}

void replace_beneficiaries(Store& store, const std::string& user, const std::string& project,
                           const std::vector<std::string>& codes) {
  const RecordKind& links = kind("de_an_co_so");
  std::vector<std::string> now = beneficiaries_of(store, project);
  for (const std::string& old : now) {
    if (std::find(codes.begin(), codes.end(), old) != codes.end()) continue;
    Row link{project, old};
    store.remove(links, link);
    audit(store, user, "xoa", &links, project + "|" + old, link, std::nullopt);
  }
  for (const std::string& code : codes) {
    if (std::find(now.begin(), now.end(), code) != now.end()) continue;
    Row link{project, code};
    store.insert(links, link);
    audit(store, user, "tao", &links, project + "|" + code, std::nullopt, link);
  }
}

ProposalResult propose_project(Store& store, const User& user, const ProjectProposal& proposal) {
  ProposalResult r;
  FormValues values = proposal.values;
  values["ma"] = new_project_code(values);
  values["trang_thai"] = "dang_ky_nhu_cau";
  values["ngay_phe_duyet"] = "";
  values["ngay_nghiem_thu"] = "";
  std::vector<std::string> beneficiaries = proposal.beneficiaries;
  if (user.role == "co_so" && std::find(beneficiaries.begin(), beneficiaries.end(), user.establishment) == beneficiaries.end())
    beneficiaries.push_back(user.establishment);  // an establishment proposes for itself
  r.errors = proposal.scope_problems;
  for (auto& e : beneficiary_problems(store, beneficiaries)) r.errors.push_back(std::move(e));

  // Every problem at once: the record is validated (and tried against the caps) inside a
  // transaction that is committed only when nothing at all is wrong.
  Transaction tx(store);
  EditResult created = create_record(store, projects(), values, user.username);
  for (auto& e : created.errors) r.errors.push_back(std::move(e));
  if (created.ok())
    for (auto& e : budget_problems(store, *created.saved, beneficiaries.size(), proposal.date))
      r.errors.push_back(std::move(e));
  if (!r.ok()) return r;  // the transaction rolls back: nothing is kept
  r.project = values["ma"];
  replace_beneficiaries(store, user.username, r.project, beneficiaries);
  store.insert(kind("de_an_su_kien"), Row{random_hex(12), r.project, std::string("chuyen_trang_thai"), Value{},
                                          std::string("dang_ky_nhu_cau"), to_iso(proposal.date), Value{},
                                          std::string("Đăng ký nhu cầu"), user.username, utc_now_text(), Value{}});
  tx.commit();
  return r;
}

}  // namespace kc
