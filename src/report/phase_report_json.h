// The phase report model as JSON, for machines: the same computed figures the documents
// print, with raw values (money in đồng) beside the formatted text.
#pragma once

#include <nlohmann/json.hpp>

#include "report/phase_report.h"

namespace kc {

nlohmann::json phase_report_json(const PhaseReport& report);

}  // namespace kc
