// Writing many rows of one kind at once. An engine with a faster way than one INSERT per row
// (PostgreSQL: COPY, store/copy_text.h) implements BulkInsert beside Store; insert_many() uses it
// where the store has it and otherwise inserts the rows one by one (SQLite, whose inserts are
// function calls inside the process already, and stores that wrap another one).
#pragma once

#include <cstddef>

#include "store/store.h"

namespace kc {

class BulkInsert {
 public:
  virtual ~BulkInsert() = default;
  // Inserts `count` rows of `kind`, each as Store::insert takes it, in the caller's transaction:
  // the same constraints apply, and a failure throws StoreError.
  virtual void insert_many(const RecordKind& kind, const Row* rows, size_t count) = 0;
};

// The rows through the store's BulkInsert when it has one, else Store::insert for each.
void insert_many(Store& store, const RecordKind& kind, const Row* rows, size_t count);

}  // namespace kc
