// See list_cache.h.
#include "web/list_cache.h"

namespace kc::web {

namespace {

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
  for (const auto& [field, values] : q.any_of_either) {
    out += "\x02or" + std::to_string(field);
    for (const Value& v : values) append_value(out, v);
  }
  return out;
}

std::string page_signature(const RecordKind& kind, const ListQuery& q) {
  std::string out = total_signature(kind, q);
  out += "\x02s" + (q.sort_field ? std::to_string(*q.sort_field) : std::string("k")) + (q.descending ? "d" : "a");
  out += "\x02o" + std::to_string(q.offset) + "\x02l" + std::to_string(q.limit);
  return out;
}

void ListCache::advance_to(uint64_t data_version) {
  if (version_ == data_version) return;
  totals_.clear();
  pages_.clear();
  rendered_.clear();
  version_ = data_version;
}

std::shared_ptr<const ListPage> ListCache::list(Store& store, const RecordKind& kind, ListQuery query,
                                                uint64_t data_version, bool remember) {
  if (!remember) return std::make_shared<const ListPage>(store.list(kind, query));
  std::string total_key = total_signature(kind, query), page_key = page_signature(kind, query);
  {
    // Readers share the lock (see session_cache.cc): most answers are found here.
    std::shared_lock lock(mutex_);
    if (version_ == data_version)
      if (auto it = pages_.find(page_key); it != pages_.end()) return it->second;
  }
  auto remembered = [&]() -> std::shared_ptr<const ListPage> {
    std::unique_lock lock(mutex_);
    advance_to(data_version);
    if (auto it = pages_.find(page_key); it != pages_.end()) return it->second;
    if (auto it = totals_.find(total_key); it != totals_.end()) query.known_total = it->second;
    return nullptr;
  };
  auto read = [&] {
    auto page = std::make_shared<const ListPage>(store.list(kind, query));
    std::unique_lock lock(mutex_);
    // A change committed meanwhile advanced the version: this answer may predate it, keep it not.
    if (version_ == data_version) {
      if (totals_.size() >= kMaxTotals) totals_.clear();
      if (pages_.size() >= kMaxPages) pages_.clear();
      totals_[total_key] = page->total;
      pages_[page_key] = page;
    }
    return page;
  };
  return reads_.run(std::to_string(data_version) + '\x03' + page_key, remembered, read);
}

std::shared_ptr<const std::string> ListCache::rendered(Store& store, const RecordKind& kind, const ListQuery& query,
                                                      uint64_t data_version, bool remember,
                                                      const std::function<std::string(const ListPage&)>& render) {
  std::string page_key;
  if (remember) {
    page_key = page_signature(kind, query);
    std::shared_lock lock(mutex_);
    if (version_ == data_version)
      if (auto it = rendered_.find(page_key); it != rendered_.end()) return it->second;
  }
  auto answer = std::make_shared<const std::string>(render(*list(store, kind, query, data_version, remember)));
  if (!remember) return answer;
  std::unique_lock lock(mutex_);
  if (version_ == data_version) {  // as in list(): an answer older than a change is not kept
    if (rendered_.size() >= kMaxPages) rendered_.clear();
    rendered_[page_key] = answer;
  }
  return answer;
}

}  // namespace kc::web
