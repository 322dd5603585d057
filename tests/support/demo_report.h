// The demo (Bắc Giang 2016–2020) imported once per test program, with its phase report
// computed and rendered, for the tests that read the report.
#pragma once

#include <string>

#include "model/dataset.h"
#include "report/phase_report.h"

namespace kc::test {

struct DemoReport {
  Dataset data;
  PhaseReport report;
  std::string markdown;  // rendered with the date 30/11/2020
};

// Built on first use; the import goes into a temporary database that is removed afterwards.
const DemoReport& demo_report();

}  // namespace kc::test
