// The audit trail: who changed what and when, with the record before and after, written in
// the same transaction as the change itself, so that no change exists without its entry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

class Store;

struct AuditEntry {
  std::string id, time, user, action, kind, key, before, after, note;  // before/after: JSON objects
  bool operator==(const AuditEntry&) const = default;
};

// The record as a JSON object of its fields in bundle text ("" for null), for the trail.
std::string record_json(const RecordKind& kind, const Row& row);

// Writes one entry inside the caller's transaction. `before`/`after` may be absent.
void audit(Store& store, const std::string& user, const std::string& action, const RecordKind* kind,
           const std::string& key, const std::optional<Row>& before, const std::optional<Row>& after,
           const std::string& note = {});

// Entries about one record, newest first.
std::vector<AuditEntry> audit_of(Store& store, const std::string& kind, const std::string& key);

// Entries whose user, action, kind, key or note contain `text` (case-sensitive), newest first,
// at most `limit`.
std::vector<AuditEntry> search_audit(Store& store, const std::string& text, size_t limit);

// What the trail page asks for: a time window in UTC text, [from, until) (audit/local_time.h
// turns local days into it), and exact user, record kind and record key; empty means any.
struct AuditFilter {
  std::string from_utc, until_utc;
  std::string user, kind, key;
};

struct AuditPage {
  std::vector<AuditEntry> entries;  // newest first
  int64_t total = 0;                // entries matching, all pages together
};

// One page of the matching entries, newest first.
AuditPage find_audit(Store& store, const AuditFilter& filter, int64_t offset, int64_t limit);

}  // namespace kc
