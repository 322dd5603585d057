#include "store/bulk_insert.h"

namespace kc {

void insert_many(Store& store, const RecordKind& kind, const Row* rows, size_t count) {
  if (auto* bulk = dynamic_cast<BulkInsert*>(&store)) {
    bulk->insert_many(kind, rows, count);
    return;
  }
  for (size_t i = 0; i < count; ++i) store.insert(kind, rows[i]);
}

}  // namespace kc
