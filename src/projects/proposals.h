// A new project from the workspace: the needs an establishment or a local officer registers,
// the proposal the centre prepares. Checked like any record (the import's rules), against the
// support caps in force, and against the proposer's scope; the project code is given by the
// system.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "records/record_editing.h"

namespace kc {

struct User;

struct ProjectProposal {
  FormValues values;                      // de_an fields as typed (ma, trang_thai are set here)
  std::vector<std::string> beneficiaries; // establishment codes
  Date date;                              // today: the support caps in force that day apply
  // Problems the caller found with the proposer's scope (web/write_scope.h): reported together
  // with every other problem of the proposal, and nothing is written.
  FieldErrors scope_problems;
};

struct ProposalResult {
  FieldErrors errors;
  std::string project;  // the new project's code
  bool ok() const { return errors.empty(); }
};

// Creates the project in status "đăng ký nhu cầu" with its beneficiaries, event and audit; or,
// when anything is wrong, writes nothing and returns every problem at once (fields, unknown
// beneficiaries, scope, support caps).
ProposalResult propose_project(Store& store, const User& user, const ProjectProposal& proposal);

// The budget checks shared by proposals, edits and amendments: caps in force on `date`.
FieldErrors budget_problems(Store& store, const Row& project, size_t establishments, const Date& date);

// The establishments a project benefits.
std::vector<std::string> beneficiaries_of(Store& store, const std::string& project);

// Beneficiary codes as typed in a form: separated by commas, semicolons or lines, blanks
// dropped, each code once.
std::vector<std::string> split_codes(const std::string& text);

// One problem (field "co_so") for each code that names no establishment.
FieldErrors beneficiary_problems(Store& store, const std::vector<std::string>& codes);

// Makes `codes` the project's beneficiaries: links no longer wanted are removed and new ones
// added, each with its audit entry (inside the caller's transaction).
void replace_beneficiaries(Store& store, const std::string& user, const std::string& project,
                           const std::vector<std::string>& codes);

}  // namespace kc
