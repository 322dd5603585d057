#include "core/sodium.h"
#include "store/copy_store.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "core/vn_format.h"
#include "schema/value.h"
#include "store/bulk_insert.h"
#include "text/csv.h"

namespace kc {

TableDigest table_digest(Store& store, const RecordKind& kind) {
  ensure_sodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  TableDigest d;
  std::vector<std::string> cells(kind.fields.size());
  std::string line;
  store.scan(kind, [&](const Row& row) {
    for (size_t i = 0; i < kind.fields.size(); ++i) cells[i] = format_field(kind.fields[i], row[i]);
    line.clear();
    append_csv_record(line, cells);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(line.data()), line.size());
    ++d.rows;
  });
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash_final(&state, hash, sizeof hash);
  char hex[2 * crypto_generichash_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  d.digest = hex;
  return d;
}

bool CopyResult::verified() const {
  return !refused && std::all_of(tables.begin(), tables.end(), [](const TableCheck& t) { return t.matches(); });
}

CopyResult copy_store(Store& from, Store& to, bool replace, ProgressSink& progress) {
  CopyResult result;
  if (!replace) {
    std::string held;
    for (const RecordKind* k : all_kinds())
      if (int64_t n = to.count(*k); n > 0 && !k->built_in_rows) held += (held.empty() ? "" : ", ") + std::string(k->name) + ": " + format_int(n);
    if (!held.empty()) {
      result.refused = to.describe() + " đã có dữ liệu (" + held +
                       "); không sao chép để tránh trộn lẫn, dùng --replace để thay toàn bộ dữ liệu đích";
      return result;
    }
  }
  {
    Transaction tx(to);
    std::vector<const RecordKind*> kinds = all_kinds();
    int64_t total = 0;
    for (const RecordKind* k : kinds) total += from.count(*k);
    progress.stage("Đang sao chép", "bản ghi", total);
    // Rows every database has (the kinds of report) come from the source like the rest.
    for (auto k = kinds.rbegin(); k != kinds.rend(); ++k)
      if (replace || (*k)->built_in_rows) to.clear(**k);
    // Rows go to the target in batches (PostgreSQL: one COPY each); a batch's strings are reused.
    constexpr size_t kBatchRows = 1024;
    std::vector<Row> batch;
    size_t held = 0;
    for (const RecordKind* k : kinds) {
      auto flush = [&] {
        insert_many(to, *k, batch.data(), held);
        result.rows_copied += static_cast<int64_t>(held);
        progress.set_done(result.rows_copied);
        held = 0;
      };
      from.scan(*k, [&](const Row& row) {
        if (held == batch.size())
          batch.push_back(row);
        else
          batch[held] = row;
        if (++held == kBatchRows) flush();
      });
      flush();
    }
    tx.commit();
    progress.finish();
  }
  std::vector<const RecordKind*> kinds = all_kinds();
  progress.stage("Đang kiểm tra", "bảng", static_cast<int64_t>(kinds.size()));
  for (const RecordKind* k : kinds) {
    result.tables.push_back({std::string(k->name), table_digest(from, *k), table_digest(to, *k)});
    progress.set_done(static_cast<int64_t>(result.tables.size()));
  }
  progress.finish();
  return result;
}

}  // namespace kc
