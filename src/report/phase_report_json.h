// The phase report model as JSON, for machines: the same computed figures the documents
// print, with raw values (money in đồng) beside the formatted text.
#pragma once

#include <nlohmann/json.hpp>

#include "report/phase_report.h"

namespace kc {

nlohmann::json phase_report_json(const PhaseReport& report);

// Figures as `so_lieu` lists them: id, label, unit, value, decimals, printed text, method.
nlohmann::json figures_json(const std::vector<Figure>& figures);

}  // namespace kc
