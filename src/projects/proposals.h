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
};

struct ProposalResult {
  FieldErrors errors;
  std::string project;  // the new project's code
  bool ok() const { return errors.empty(); }
};

// Creates the project in status "đăng ký nhu cầu" with its beneficiaries, event and audit.
ProposalResult propose_project(Store& store, const User& user, const ProjectProposal& proposal,
                               const std::vector<std::string>& user_area_units);

// The budget checks shared by proposals, edits and amendments: caps in force on `date`.
FieldErrors budget_problems(Store& store, const Row& project, size_t establishments, const Date& date);

// The establishments a project benefits.
std::vector<std::string> beneficiaries_of(Store& store, const std::string& project);

}  // namespace kc
