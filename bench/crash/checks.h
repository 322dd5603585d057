// What the crash test checks after each restart, on the database the server runs on and its
// documents folder: every acknowledged write is there with its values, the database is sound,
// each record's audit trail ends with the record as it is, and the documents folder holds
// exactly the files of the tai_lieu rows. The writers' ledgers are then brought to what the
// database holds (a write that got no answer either happened or did not; both are fine).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "crash/writer.h"

namespace kc::crash {

struct Findings {
  int64_t verified = 0;          // acknowledged records and documents found as written (summed over restarts)
  int64_t lost = 0;              // an acknowledged write missing or with other values
  int64_t corrupt = 0;           // an integrity check failed or a table could not be read
  int64_t audit_mismatches = 0;  // a record whose newest audit entry's "after" is not the record
  // Files in the documents folder with no tai_lieu row, and tai_lieu rows whose file is missing
  // or of another size: each counted once however many checks see it.
  std::set<std::string> orphaned_files, missing_files;
  std::vector<std::string> details;  // the first problems, for the report
  void note(const std::string& problem);
};

// Checks the database at `db` (a SQLite file or a PostgreSQL URL) and the documents folder.
void check_after_restart(const std::string& db, const std::filesystem::path& documents,
                         std::vector<std::unique_ptr<Writer>>& writers, Findings& findings);

// How many files the server set aside at start in the documents folder's subfolder for
// unreferenced files (web/document_sweep.h).
int64_t files_set_aside(const std::filesystem::path& documents);

}  // namespace kc::crash
