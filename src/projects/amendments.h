// Amendments of an approved project (budget, schedule, location, beneficiaries): proposed with a
// reason, then approved or rejected by the department with a decision number; an approval
// applies the change to the project (budget changes checked against the support caps), all in
// one transaction with the audit trail.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "schema/field_errors.h"

namespace kc {

class Store;
struct User;

struct Amendment {
  std::string id, project, kind, reason, status, proposed_by, proposed_at, decided_by, decided_at, decision, decision_note;
  std::map<std::string, std::string> values;  // the proposed field values (kinh_phi_nsnn…, or co_so: "a,b")
};

struct AmendmentResult {
  FieldErrors errors;
  std::string id;
  bool ok() const { return errors.empty(); }
};

// kind: kinh_phi (kinh_phi_nsnn, kinh_phi_doi_ung), tien_do (nam_ket_thuc), dia_ban (dia_ban),
// co_so (co_so: comma-separated establishment codes).
// `scope_problems`: what the caller found with the proposer's scope (web/write_scope.h),
// reported with every other problem, and nothing is written.
AmendmentResult propose_amendment(Store& store, const User& user, const std::string& project, const std::string& kind,
                                  const std::map<std::string, std::string>& values, const std::string& reason,
                                  const FieldErrors& scope_problems = {});

AmendmentResult decide_amendment(Store& store, const User& user, const std::string& id, bool approve,
                                 const std::string& decision, const std::string& note, const Date& today);

std::vector<Amendment> amendments_of(Store& store, const std::string& project);

// Roles that may propose (centre, local officer of the area, the establishment) and decide (department).
bool may_propose_amendment(const std::string& role);
bool may_decide_amendment(const std::string& role);

}  // namespace kc
