// The dates a lifecycle step may carry. A step is recorded once it is done, so its date is not
// after today; the steps of a project follow each other in time, so a step is not dated before
// the latest step already recorded; and the steps that carry out the plan (approval, start,
// acceptance) fall within the plan's period — the project's years — unless
// the caller confirms that the date lies outside it (a late start, an acceptance postponed).
#pragma once

#include "core/date.h"
#include "schema/field_errors.h"
#include "schema/value.h"

namespace kc {

class Store;
struct Step;

// The field under which an unconfirmed date outside the plan's period is refused; the form's
// checkbox and the API's JSON member carry the same name.
inline constexpr const char* kOutsidePeriodConfirmation = "xac_nhan_ngoai_ky";

// Whether the step's date must lie within the plan's period (unless confirmed).
bool step_bounded_by_plan_period(const Step& step);

struct StepDateRequest {
  Date date;
  Date today;
  bool outside_period_confirmed = false;
};

// Every problem with the step's date at once, each naming the date and the bound (Vietnamese).
FieldErrors step_date_problems(Store& store, const Row& project, const Step& step, const StepDateRequest& request);

}  // namespace kc
