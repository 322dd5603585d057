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

ProposalResult propose_project(Store& store, const User& user, const ProjectProposal& proposal,
                               const std::vector<std::string>& user_area_units) {
  ProposalResult r;
  FormValues values = proposal.values;
  values["ma"] = new_project_code(values);
  values["trang_thai"] = "dang_ky_nhu_cau";
  values["ngay_phe_duyet"] = "";
  values["ngay_nghiem_thu"] = "";
  std::vector<std::string> beneficiaries = proposal.beneficiaries;
  if (user.role == "co_so" && std::find(beneficiaries.begin(), beneficiaries.end(), user.establishment) == beneficiaries.end())
    beneficiaries.push_back(user.establishment);  // an establishment proposes for itself
  if (user.role == "dia_phuong" &&
      std::find(user_area_units.begin(), user_area_units.end(), values["dia_ban"]) == user_area_units.end())
    r.errors.emplace_back("dia_ban", "địa bàn thực hiện: chỉ được chọn địa bàn bạn phụ trách");
  const RecordKind& establishments = kind("co_so");
  for (const std::string& code : beneficiaries) {
    Row probe(establishments.fields.size());
    probe[0] = code;
    if (!store.find(establishments, probe)) r.errors.emplace_back("co_so", "cơ sở thụ hưởng: không có cơ sở mã \"" + code + "\"");
  }
  if (!r.ok()) return r;

  Transaction tx(store);
  EditResult created = create_record(store, projects(), values, user.username);
  if (!created.ok()) {
    r.errors = created.errors;
    return r;
  }
  FieldErrors caps = budget_problems(store, *created.saved, beneficiaries.size(), proposal.date);
  if (!caps.empty()) {
    r.errors = caps;
    return r;  // the transaction rolls back: nothing is kept
  }
  r.project = values["ma"];
  for (const std::string& code : beneficiaries) {
    Row link{r.project, code};
    store.insert(kind("de_an_co_so"), link);
    audit(store, user.username, "tao", &kind("de_an_co_so"), r.project + "|" + code, std::nullopt, link);
  }
  store.insert(kind("de_an_su_kien"), Row{random_hex(12), r.project, std::string("chuyen_trang_thai"), Value{},
                                          std::string("dang_ky_nhu_cau"), to_iso(proposal.date), Value{},
                                          std::string("Đăng ký nhu cầu"), user.username, utc_now_text()});
  tx.commit();
  return r;
}

}  // namespace kc
