// The project lifecycle (Thông tư 46/2012/TT-BCT, 36/2013/TT-BCT): needs registered → proposal
// → appraisal → approved into an annual plan → in progress (progress reports) → accepted →
// settled → post-audited; or rejected / cancelled. Which role may make each step, and what
// each step must record, is the table in lifecycle.cc; every step is one transaction with the
// project's new status, the event (date, decision number, comment), its documents and the
// audit entry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "schema/field_errors.h"
#include "schema/value.h"

namespace kc {

class Store;
struct User;

struct Step {
  std::string from;          // current status ("" for a project's first record)
  std::string to;            // next status; equal to `from` for a progress report
  std::string name;          // Vietnamese action label ("Phê duyệt")
  std::vector<std::string> roles;
  bool needs_decision = false;  // a decision or minutes number must be given
  bool needs_comment = false;
};

const std::vector<Step>& lifecycle_steps();
std::string status_label(const std::string& status);

// The steps `user` may take now on a project in `status`.
std::vector<const Step*> steps_for(const std::string& status, const std::string& role);

struct StepRequest {
  std::string project;   // project code
  std::string to;        // the status to move to (the current one for a progress report)
  Date date;             // when it happened (decision date)
  std::string decision;  // decision / minutes number
  std::string comment;
  std::vector<std::pair<std::string, int64_t>> outputs;  // at acceptance: indicator code -> value
  bool outside_period_confirmed = false;  // the caller confirmed a date outside the plan's period
  std::string plan;  // at approval: the annual plan it is approved into ("" = none; checked by the caller)
};

struct StepResult {
  FieldErrors errors;
  std::string event_id;  // the recorded event, for attaching documents
  bool ok() const { return errors.empty(); }
};

// Applies the step inside the caller's transaction (the caller commits after attaching
// documents). Checks the role, the current status, the required fields and the date
// (projects/step_dates.h: not in the future, in order, within the plan's period unless confirmed).
StepResult take_step(Store& store, const User& user, const StepRequest& request);

// A project's events (de_an_su_kien) in the order they happened: by the time they were recorded;
// steps recorded within the same second (a form sent twice quickly, a script) by the lifecycle's
// order of the status they lead to, then by their date — not by their random ids.
std::vector<Row> project_events(Store& store, const std::string& project);

// Whether a status counts as approved or later (public information); the list of them.
bool is_published_status(const std::string& status);
const std::vector<std::string>& published_statuses();

}  // namespace kc
