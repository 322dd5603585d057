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

}  // namespace kc
