// The consistency check of a plan: where the records disagree with each other or with the
// plan's targets, and where a published report's figures (claims) disagree with what the
// records give — each with the computation that explains the difference.
#pragma once

#include <string>
#include <vector>

#include "check/claims.h"
#include "model/dataset.h"
#include "report/phase_report.h"

namespace kc {

enum class Severity { Warning, Info };

struct Finding {
  Severity severity = Severity::Warning;
  std::string subject;  // what it is about: "đề án bg-2017-t-003", "chỉ tiêu lao_dong_dao_tao"
  std::string message;  // Vietnamese
};

struct ClaimResult {
  Claim claim;
  bool known = false;    // the id names a figure of the report
  bool matches = false;  // the computed value rounds to the claimed one at its precision
  std::string computed;  // the computed value at the claim's precision, Vietnamese format
  std::string explanation;
};

struct CheckResult {
  std::vector<Finding> findings;
  std::vector<ClaimResult> claims;
  size_t mismatches() const;
  size_t warnings() const;
  bool consistent() const { return warnings() == 0 && mismatches() == 0; }
};

CheckResult check_plan(const Dataset& data, const PhaseReport& report, const std::vector<Claim>& claims);

}  // namespace kc
