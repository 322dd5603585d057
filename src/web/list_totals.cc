// See list_totals.h.
#include "web/list_totals.h"

namespace kc::web {

namespace {

constexpr size_t kMaxRemembered = 4096;  // distinct searches between two changes; then start over

void append_value(std::string& out, const Value& v) {
  if (is_null(v)) out += "\x01n";
  else if (std::holds_alternative<int64_t>(v)) out += "\x01i" + std::to_string(as_int(v));
  else out += "\x01s" + as_text(v);
}

}  // namespace

std::string total_signature(const RecordKind& kind, const ListQuery& q) {
  std::string out(kind.name);
  out += q.include_archived ? "\x02a" : "\x02-";
  out += "\x02q" + q.search;
  for (const auto& [field, value] : q.equals) {
    out += "\x02=" + std::to_string(field);
    append_value(out, value);
  }
  for (const auto& [field, values] : q.any_of) {
    out += "\x02in" + std::to_string(field);
    for (const Value& v : values) append_value(out, v);
  }
  return out;
}

ListPage ListTotals::list(Store& store, const RecordKind& kind, ListQuery query, uint64_t data_version) {
  std::string signature = total_signature(kind, query);
  {
    std::lock_guard lock(mutex_);
    if (version_ != data_version) {
      totals_.clear();
      version_ = data_version;
    }
    if (auto it = totals_.find(signature); it != totals_.end()) query.known_total = it->second;
  }
  bool counted = !query.known_total;
  ListPage page = store.list(kind, query);
  if (counted) {
    std::lock_guard lock(mutex_);
    // A change committed meanwhile advanced the version: this total may predate it, keep it not.
    if (version_ == data_version) {
      if (totals_.size() >= kMaxRemembered) totals_.clear();
      totals_[signature] = page.total;
    }
  }
  return page;
}

}  // namespace kc::web
