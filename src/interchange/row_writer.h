// Writes accepted rows to the store on a second thread, so that reading and checking the
// next rows overlaps with the database's work (most of an import's time). Rows are written
// in the order given, in batches of one kind; the first failure of the store is rethrown in
// the importing thread (at the next batch or in finish()), as a direct insert would throw it.
// Without a thread (none could be started) rows are inserted directly.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "schema/value.h"
#include "store/store.h"

namespace kc {

class RowWriter {
 public:
  explicit RowWriter(Store& store);
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;
  ~RowWriter() { stop(); }

  void write(const RecordKind& kind, const Row& row);
  // Replaces the non-key columns of the stored row with the same key (store.update).
  void replace(const RecordKind& kind, const Row& row);

  // Waits until every row is in the store; rethrows the store's failure, if any.
  void finish();

 private:
  static constexpr size_t kBatchRows = 1024;
  static constexpr size_t kMaxQueued = 4;

  struct Batch {
    const RecordKind* kind = nullptr;
    std::vector<Row> rows;  // the first `size` are to be written
    size_t size = 0;
    bool replace = false;   // update existing rows instead of inserting
  };

  void add(const RecordKind& kind, const Row& row, bool replace);
  void hand_over();
  void write_loop();
  void stop();

  Store& store_;
  Batch current_;  // being filled by the importing thread
  std::mutex mutex_;
  std::condition_variable work_, room_;
  std::deque<Batch> queued_;  // full batches, oldest first
  std::vector<Batch> spare_;  // written batches, kept for their allocations
  std::exception_ptr error_;
  bool done_ = false;
  std::thread thread_;  // last: started once everything above exists
};

}  // namespace kc
