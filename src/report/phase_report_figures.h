// The named figures of a phase report (ids documented in docs/report.md). Built once the
// model is computed; JSON output and the consistency check read them.
#pragma once

#include "model/dataset.h"
#include "report/phase_report.h"

namespace kc {

void build_figures(const Dataset& data, PhaseReport& report);

}  // namespace kc
