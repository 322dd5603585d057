// Support caps as data (muc_ho_tro): the share of the cost and the amount per establishment the
// state budget may cover, per content and funding level, for the period a rule is in force.
// A proposal or a budget amendment is checked against the rules valid on its date.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"

namespace kc {

class Store;

struct BudgetProposal {
  std::string content;        // nd45-3
  std::string funding_level;  // quoc_gia / tinh / huyen
  Date date;                  // the day the proposal is made (rules in force that day apply)
  int64_t budget = 0;         // state budget asked for, đồng
  int64_t counterpart = 0;    // the beneficiaries' own money, đồng
  int64_t establishments = 1; // beneficiaries (a per-establishment cap applies to each)
};

// Vietnamese explanations of every cap the proposal exceeds; empty when within all of them.
std::vector<std::string> cap_problems(Store& store, const BudgetProposal& proposal);

}  // namespace kc
