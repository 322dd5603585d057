// Kinds of records the phase report reads that may be absent for a plan's area and period.
// Absent records are not zero: the report says "chưa có số liệu về …" where it would print the
// count, and `check` warns about each gap (docs/report.md, "Missing data").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/phase_report.h"

namespace kc {

enum class MissingKind {
  Projects,          // no project of the plan's area and period counts
  Centre,            // no khuyến công centre among the area's organisations
  CentreStaff,       // the centre has no staff record active at the period's end
  DistrictOffices,   // no district economic office (phòng Kinh tế/Kinh tế và Hạ tầng)
  DistrictStaff,     // no staff record of the area's other organisations: officers, collaborators
  Establishments,    // the statistic "số cơ sở công nghiệp nông thôn" at either end of the period
  Production,        // the statistic "giá trị sản xuất công nghiệp nông thôn" at either end
  CraftVillages,     // no craft village of the area
  Selection,         // no selection round, where a content reports honoured products
  Targets,           // the plan records no target
};

struct MissingData {
  MissingKind kind;
  std::string file;  // the bundle file that holds such records: "can_bo.csv"
  std::string what;  // Vietnamese, to follow "chưa có số liệu về ": "cán bộ, viên chức của …"
};

// Every gap of `report`, in the order the report meets them.
std::vector<MissingData> missing_data(const PhaseReport& report);

// What is missing of `kind`, or nothing when the records are there.
std::optional<std::string> missing_what(const PhaseReport& report, MissingKind kind);

// "Chưa có số liệu về <what> trong hệ thống."
std::string missing_sentence(const std::string& what);

}  // namespace kc
