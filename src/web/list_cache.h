// List answers remembered between requests, until the records change: a page of a list with
// its total. Counting every matching row costs more than reading the page itself (~10 ms over
// 100.000 projects in SQLite) and the answer only changes when the records do; reading a page
// and decoding its rows cost more than the rest of a list request together.
//
// Entries belong to one App::data_version(), which every committed change through this server
// advances: a write shows in the very next list. Writes that bypass the server (an import from
// the command line into a served database) are not seen — the same assumption the in-memory
// Dataset makes. With read replicas nothing is remembered: a page read from a lagging replica
// could otherwise be served to the writer as if it held their write.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "schema/record_kind.h"
#include "store/store.h"
#include "web/single_flight.h"

namespace kc::web {

class ListCache {
 public:
  // A page of `query` with its total: remembered for this data version, or read (counting only
  // when this query's total for this version is not known yet). `remember` false: read only.
  // Callers that miss the same page of the same version at once wait for one read
  // (single_flight.h, counted as "list"); `store` is the caller's own, used when it reads.
  std::shared_ptr<const ListPage> list(Store& store, const RecordKind& kind, ListQuery query, uint64_t data_version,
                                       bool remember = true);
  // The answer `render` makes of that page (the API's JSON), remembered with it: building the
  // JSON of a page of 50 projects cost about a third of the list API's time in the server
  // (docs/performance.md, "The project list API against nginx"). `render` must depend on the
  // page alone (and on what decides the page: the query, not the caller).
  std::shared_ptr<const std::string> rendered(Store& store, const RecordKind& kind, const ListQuery& query,
                                              uint64_t data_version, bool remember,
                                              const std::function<std::string(const ListPage&)>& render);

 private:
  // Called with mutex_ held: forgets everything remembered for an older version.
  void advance_to(uint64_t data_version);

  static constexpr size_t kMaxTotals = 4096;  // distinct searches between two changes; then start over
  static constexpr size_t kMaxPages = 256;    // pages of ~50 rows (a few MB); then start over
  std::shared_mutex mutex_;
  uint64_t version_ = 0;
  std::unordered_map<std::string, int64_t> totals_;                        // total_signature -> total
  std::unordered_map<std::string, std::shared_ptr<const ListPage>> pages_;  // page_signature -> page
  SingleFlight<std::shared_ptr<const ListPage>> reads_{"list"};  // by data version and page_signature
  std::unordered_map<std::string, std::shared_ptr<const std::string>> rendered_;  // page_signature -> answer
};

// What decides a query's total: the kind, filters, search and archive switch (not the sort
// or the page).
std::string total_signature(const RecordKind& kind, const ListQuery& query);
// What decides a page: the total's signature, the sort, the offset and the size.
std::string page_signature(const RecordKind& kind, const ListQuery& query);

}  // namespace kc::web
