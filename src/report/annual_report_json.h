// The annual and six-month reports as JSON (money in đồng, every figure under `so_lieu`).
#pragma once

#include <nlohmann/json.hpp>

#include "report/annual_report.h"

namespace kc {

nlohmann::json annual_report_json(const AnnualReport& report);

}  // namespace kc
