// The import bundle: a folder of UTF-8 CSV files, one per record kind (see docs/bundle.md).
// Files in a legacy Vietnamese encoding are converted or refused (interchange/bundle_encoding.h).
//
// import_bundle validates every file completely and reports every problem at once, each with
// file, line, column and reason. Rows are written in one transaction that is committed only
// when no problem was found, so a refused bundle leaves the database exactly as it was.
// export_bundle writes every kind in the canonical form; export -> import into an empty
// database -> export gives byte-identical files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/progress.h"
#include "interchange/bundle_encoding.h"
#include "interchange/problem.h"
#include "store/store.h"

namespace kc {

struct ImportResult {
  std::vector<Problem> problems;
  std::map<std::string, int64_t> rows_by_kind;  // rows read per kind (written when ok())
  int64_t total_rows = 0;
  std::vector<TextConversion> conversions;  // files read from a legacy encoding
  bool ok() const { return problems.empty(); }
};

ImportResult import_bundle(Store& store, const std::filesystem::path& dir, const ImportOptions& options = {});

struct ExportResult {
  std::map<std::string, int64_t> rows_by_kind;
  int64_t total_rows = 0;
};

// Writes <dir>/<kind>.csv for every kind (header only when a kind has no rows), telling
// `progress` of each row written.
ExportResult export_bundle(Store& store, const std::filesystem::path& dir, ProgressSink& progress = no_progress());

// The rows of every kind together: the total an export's progress counts toward.
int64_t bundle_row_count(Store& store);

std::string bundle_file_name(const RecordKind& kind);

}  // namespace kc
