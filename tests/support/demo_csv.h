// The demo bundle's files read as they are (data/demo/*.csv), for tests that compute expected
// figures independently of the importer and the report code.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"

namespace kc::test {

// The rows of data/demo/<name>, each as column name → text.
std::vector<std::map<std::string, std::string>> demo_csv_rows(const std::string& name);

struct CsvProject {
  std::string code, status;
  int start_year = 0;
  Date approved, accepted;  // {} (year 0) when the file leaves them empty
  int64_t budget = 0;
};

// data/demo/de_an.csv.
std::vector<CsvProject> demo_csv_projects();

// In progress or later ("đang thực hiện", accepted, settled, post-audited): what the reports count.
bool implemented(const std::string& status);
// `d` is recorded and lies in [from, to].
bool within(const Date& d, const Date& from, const Date& to);

}  // namespace kc::test
