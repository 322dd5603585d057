
#include "core/file_io.h"
#include "interchange/bundle.h"
#include "schema/value.h"
#include "text/csv.h"

namespace kc {

int64_t bundle_row_count(Store& store) {
  int64_t rows = 0;
  for (const RecordKind& k : catalog()) rows += store.count(k);
  return rows;
}

ExportResult export_bundle(Store& store, const std::filesystem::path& dir, ProgressSink& progress) {
  std::filesystem::create_directories(dir);
  ExportResult result;
  progress.stage("Đang xuất", "dòng", bundle_row_count(store));
  std::vector<std::string> cells;
  for (const RecordKind& k : catalog()) {
    std::string out;
    cells.clear();
    for (const Field& f : k.fields) cells.emplace_back(f.name);
    append_csv_record(out, cells);
    int64_t rows = 0;
    store.scan(k, [&](const Row& row) {
      for (size_t i = 0; i < k.fields.size(); ++i) cells[i] = format_field(k.fields[i], row[i]);
      append_csv_record(out, cells);
      ++rows;
      progress.set_done(result.total_rows + rows);
    });
    write_file_atomically(dir / bundle_file_name(k), out);
    result.rows_by_kind[std::string(k.name)] = rows;
    result.total_rows += rows;
  }
  progress.finish();
  return result;
}

}  // namespace kc
