// Rules that relate a record to other records: date ranges in order, a project placed in an
// administrative unit that exists in the project's years, an output recorded only for an
// indicator that projects produce, a parent unit of a higher level… Each broken rule is
// reported with the field it concerns and a Vietnamese reason.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "records/record_lookup.h"
#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

using FieldProblemSink = std::function<void(std::string_view field, std::string message)>;

// Rules on one row that need only its own fields and records already indexed.
void check_record_rules(const RecordKind& kind, const Row& row, const RecordLookup& index,
                        const FieldProblemSink& report);

struct LineRow {
  size_t line;
  Row row;
};
using LineProblemSink = std::function<void(size_t line, std::string_view field, std::string message)>;

// Rules that need the other rows of the same kind (parents within the same file), run once
// the whole file has been read. `rows` are the file's valid rows of a kept kind.
void check_kind_rules(const RecordKind& kind, const std::vector<LineRow>& rows,
                      const RecordLookup& index, const LineProblemSink& report);

// "xã Nam Dương" from a don_vi_hanh_chinh row.
std::string unit_display_name(const Row& unit_row);

}  // namespace kc
