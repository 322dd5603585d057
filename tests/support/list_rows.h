// The rows of a registry list's download (web/list_download.h) as text, to compare a CSV with
// an XLSX and either with the records: each cell as the canonical CSV text it stands for.
#pragma once

#include <string>
#include <vector>

#include "schema/record_kind.h"
#include "support/workbook_inspect.h"

namespace kc::test {

// The canonical CSV text a written cell stands for (what the workbook reader must recover).
std::string canonical(const Field& f, const InspectedCell& c);

// A CSV download's records, the header first (the byte order mark skipped).
std::vector<std::vector<std::string>> csv_rows(const std::string& body);

// An XLSX download's sheet of `k`: the codes row, then each data row as canonical text.
std::vector<std::vector<std::string>> xlsx_rows(const std::string& body, const RecordKind& k);

}  // namespace kc::test
