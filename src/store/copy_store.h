// Moving a whole database from one engine to another (SQLite -> PostgreSQL, or any pair):
// every kind copied in one transaction of the target, then checked table by table by row
// count and a content digest computed from the canonical text of the rows, which is the same
// on every engine. An interrupted copy commits nothing, so running it again is safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace kc {

struct TableDigest {
  int64_t rows = 0;
  std::string digest;  // BLAKE2b-256 of the rows' canonical CSV text, hex
};

// Engine-independent digest of every row of `kind`, in key order.
TableDigest table_digest(Store& store, const RecordKind& kind);

struct TableCheck {
  std::string kind;
  TableDigest source, target;
  bool matches() const { return source.rows == target.rows && source.digest == target.digest; }
};

struct CopyResult {
  std::optional<std::string> refused;  // Vietnamese reason when nothing was copied
  int64_t rows_copied = 0;
  std::vector<TableCheck> tables;
  bool verified() const;
};

// Copies every record of `from` into `to` (the program's records and the system's: accounts,
// audit trail). A target that already holds records is refused
// unless `replace` is set, in which case its records are deleted in the same transaction.
// `progress` counts the rows copied, then the tables checked.
CopyResult copy_store(Store& from, Store& to, bool replace, ProgressSink& progress = no_progress());

}  // namespace kc
