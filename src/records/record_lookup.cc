#include "records/record_lookup.h"

#include "store/store.h"

namespace kc {

const Row* StoreLookup::row(std::string_view kind_name, std::string_view key) const {
  auto k = std::make_pair(std::string(kind_name), std::string(key));
  auto it = cache_.find(k);
  if (it == cache_.end()) {
    const RecordKind& kind = kc::kind(kind_name);
    std::optional<Row> found;
    if (kind.single_key()) {
      Row probe(kind.fields.size());
      ParsedField parsed = parse_field(kind.fields[kind.key[0]], key);
      if (parsed.ok() && !is_null(parsed.value)) {
        probe[kind.key[0]] = parsed.value;
        found = store_.find(kind, probe);
      }
    }
    it = cache_.emplace(std::move(k), std::move(found)).first;
  }
  return it->second ? &*it->second : nullptr;
}

}  // namespace kc
