#include "audit/audit.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/random.h"
#include "store/store.h"

namespace kc {

namespace {

std::string random_id() { return random_hex(12); }

AuditEntry entry_of(const Row& r) {
  auto t = [&](size_t i) { return std::string(text_or_empty(r[i])); };
  return {t(0), t(1), t(2), t(3), t(4), t(5), t(6), t(7), t(8)};
}

std::vector<AuditEntry> newest_first(Store& store, const std::function<bool(const AuditEntry&)>& keep, size_t limit) {
  std::vector<AuditEntry> out;
  store.scan(kind("nhat_ky"), [&](const Row& r) {
    AuditEntry e = entry_of(r);
    if (keep(e)) out.push_back(std::move(e));
  });
  std::stable_sort(out.begin(), out.end(), [](const AuditEntry& a, const AuditEntry& b) { return a.time > b.time; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace

std::string record_json(const RecordKind& kind, const Row& row) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    if (kind.fields[i].name == "mat_khau") continue;  // never copy a password hash into the trail
    j[std::string(kind.fields[i].name)] = format_field(kind.fields[i], row[i]);
  }
  return j.dump();
}

void audit(Store& store, const std::string& user, const std::string& action, const RecordKind* kind,
           const std::string& key, const std::optional<Row>& before, const std::optional<Row>& after,
           const std::string& note) {
  auto opt = [](const std::string& s) -> Value { return s.empty() ? Value{} : Value{s}; };
  Row row{random_id(),
          utc_now_precise(),
          opt(user),
          action,
          kind ? Value{std::string(kind->name)} : Value{},
          opt(key),
          before && kind ? Value{record_json(*kind, *before)} : Value{},
          after && kind ? Value{record_json(*kind, *after)} : Value{},
          opt(note)};
  store.insert(kc::kind("nhat_ky"), row);
}

std::vector<AuditEntry> audit_of(Store& store, const std::string& kind_name, const std::string& key) {
  return newest_first(store, [&](const AuditEntry& e) { return e.kind == kind_name && e.key == key; }, 1000);
}

std::vector<AuditEntry> search_audit(Store& store, const std::string& text, size_t limit) {
  return newest_first(store, [&](const AuditEntry& e) {
    return text.empty() || e.user.find(text) != std::string::npos || e.action.find(text) != std::string::npos ||
           e.kind.find(text) != std::string::npos || e.key.find(text) != std::string::npos ||
           e.note.find(text) != std::string::npos;
  }, limit);
}

AuditPage find_audit(Store& store, const AuditFilter& filter, int64_t offset, int64_t limit) {
  const RecordKind& trail = kind("nhat_ky");
  AuditPage page;
  if (filter.from_utc.empty() && filter.until_utc.empty()) {
    // The store pages and orders (index nhat_ky_thoi_diem) when no time window is asked.
    ListQuery q;
    auto equals = [&](size_t field, const std::string& v) {
      if (!v.empty()) q.equals.emplace_back(field, Value{v});
    };
    equals(2, filter.user);
    equals(4, filter.kind);
    equals(5, filter.key);
    q.sort_field = 1;
    q.descending = true;
    q.include_archived = true;
    q.offset = offset;
    q.limit = limit;
    ListPage rows = store.list(trail, q);
    for (const Row& r : rows.rows) page.entries.push_back(entry_of(r));
    page.total = rows.total;
    return page;
  }
  // A time window: the store's lists have no range filter, so the trail is scanned, keeping only
  // the time and id of matching entries (not their before/after), then the page is fetched.
  std::vector<std::pair<std::string, std::string>> matches;  // (time, id)
  store.scan(trail, [&](const Row& r) {
    std::string_view time = text_or_empty(r[1]);
    if (!filter.from_utc.empty() && time < filter.from_utc) return;
    if (!filter.until_utc.empty() && time >= filter.until_utc) return;
    if (!filter.user.empty() && text_or_empty(r[2]) != filter.user) return;
    if (!filter.kind.empty() && text_or_empty(r[4]) != filter.kind) return;
    if (!filter.key.empty() && text_or_empty(r[5]) != filter.key) return;
    matches.emplace_back(std::string(time), std::string(text_or_empty(r[0])));
  });
  std::sort(matches.begin(), matches.end(), std::greater<>());
  page.total = static_cast<int64_t>(matches.size());
  for (int64_t i = offset; i < std::min<int64_t>(offset + limit, page.total); ++i) {
    Row key(trail.fields.size());
    key[0] = matches[static_cast<size_t>(i)].second;
    if (auto row = store.find(trail, key)) page.entries.push_back(entry_of(*row));
  }
  return page;
}

}  // namespace kc
