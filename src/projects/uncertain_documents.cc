#include "projects/uncertain_documents.h"

namespace kc {

void UncertainDocuments::add(const std::filesystem::path& dir, const std::vector<StoredDocument>& documents) {
  if (documents.empty()) return;
  std::lock_guard lock(mutex_);
  for (const StoredDocument& d : documents) documents_.emplace_back(dir, d);
  pending_ = true;
}

int64_t UncertainDocuments::settle(Store& store) {
  std::lock_guard lock(mutex_);
  int64_t removed = 0;
  // Asked first for all of them, so that a store failing half-way leaves the list untouched.
  std::vector<bool> committed;
  for (const auto& [dir, d] : documents_) committed.push_back(find_document(store, d.id).has_value());
  for (size_t i = 0; i < documents_.size(); ++i) {
    if (committed[i]) continue;
    remove_stored(documents_[i].first, documents_[i].second);
    ++removed;
  }
  documents_.clear();
  pending_ = false;
  return removed;
}

}  // namespace kc
