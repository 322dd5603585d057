// How many rows a list query matches, remembered between requests: counting every matching row
// costs more than reading the page itself (~10 ms over 100.000 projects in SQLite), and the
// answer only changes when the records do. Entries are tied to App::data_version(), which every
// committed change through this server advances, so a write shows in the very next list.
// Writes that bypass the server (an import from the command line into a served database) are
// not seen — the same assumption the in-memory Dataset makes.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "schema/record_kind.h"
#include "store/store.h"

namespace kc::web {

class ListTotals {
 public:
  // Lists `query` (a page of it) with its total, counting only when this query's total for
  // this data version is not known yet.
  ListPage list(Store& store, const RecordKind& kind, ListQuery query, uint64_t data_version);

 private:
  std::mutex mutex_;
  uint64_t version_ = 0;
  std::unordered_map<std::string, int64_t> totals_;  // query signature -> total, for version_
};

// What decides a query's total: the kind, filters, search and archive switch (not the sort
// or the page).
std::string total_signature(const RecordKind& kind, const ListQuery& query);

}  // namespace kc::web
