// Documents whose transaction ended in an error at COMMIT. When the database server goes away
// during a COMMIT the client cannot know whether it landed: removing the file then could leave
// a committed row without its file, keeping it could leave a file without a row. So the files
// are kept and the question is asked again once the database answers: a file whose row is not
// there is removed, one whose row is there stays.
#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <utility>
#include <vector>

#include "projects/documents.h"

namespace kc {

class UncertainDocuments {
 public:
  void add(const std::filesystem::path& dir, const std::vector<StoredDocument>& documents);
  bool pending() const { return pending_.load(std::memory_order_relaxed); }
  // Looks each document up in `store` (the primary database, never a replica that may lag) and
  // removes the files of those without a row. Throws StoreError when the store cannot answer:
  // every document stays for the next try. Returns how many files were removed.
  int64_t settle(Store& store);

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::filesystem::path, StoredDocument>> documents_;
  std::atomic<bool> pending_{false};
};

}  // namespace kc
