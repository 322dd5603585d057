// The CSV bundle: finds the kinds' files in a folder, reads each file and feeds its records
// to the shared row checker (kind_importer.h) inside one all-or-nothing import session.
#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <set>

#include "interchange/bundle.h"
#include "interchange/bundle_encoding.h"
#include "interchange/kind_importer.h"
#include "text/csv.h"

namespace kc {

namespace {

// A whole file's bytes. The buffer is not zero-filled first: a national bundle has files of
// tens of megabytes, and clearing them cost as much as reading them.
struct FileData {
  std::unique_ptr<char[]> bytes;
  size_t size = 0;
  std::string_view view() const { return {bytes.get(), size}; }
};

std::optional<FileData> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  FileData data;
  in.seekg(0, std::ios::end);
  data.size = static_cast<size_t>(in.tellg());
  in.seekg(0);
  data.bytes.reset(new char[data.size]);
  in.read(data.bytes.get(), static_cast<std::streamsize>(data.size));
  data.size = static_cast<size_t>(in.gcount());
  return data;
}

// Reads one kind's CSV file into the importer: the header, then every record.
// Returns the number of data rows read.
// `progress` is told rows_before + the rows read so far.
int64_t import_csv_rows(KindImporter& importer, std::string_view data, ProgressSink& progress, int64_t rows_before) {
  CsvReader reader(data);
  CsvRecord record;
  std::string csv_error;
  size_t csv_error_field = 0;
  if (!reader.next(record, csv_error, csv_error_field)) {
    importer.report_empty_source();
    return 0;
  }
  if (!csv_error.empty()) {
    importer.report(record.line, 0, "", "dòng tiêu đề không đọc được: " + csv_error);
    return 0;
  }
  if (!importer.read_header(1, record.fields)) return 0;
  int64_t rows = 0;
  while (reader.next(record, csv_error, csv_error_field)) {
    ++rows;
    progress.set_done(rows_before + rows);
    if (!csv_error.empty()) {
      const Field* field = importer.field_at(csv_error_field);
      importer.report(record.line, csv_error_field + 1, field ? std::string(field->name) : std::string(), csv_error);
      continue;
    }
    importer.read_row(record.line, record.fields);
  }
  importer.finish();
  return rows;
}

}  // namespace

std::string bundle_file_name(const RecordKind& kind) { return std::string(kind.name) + ".csv"; }

ImportResult import_bundle(Store& store, const std::filesystem::path& dir, const ImportOptions& options) {
  ImportResult result;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    result.problems.push_back({"", 0, 0, "", "không tìm thấy thư mục " + dir.string()});
    return result;
  }
  std::set<std::string> present;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".csv") continue;
    std::string name = entry.path().filename().string();
    if (!find_kind(entry.path().stem().string()))
      result.problems.push_back({name, 0, 0, "", "tệp không thuộc bộ dữ liệu (tên tệp phải là tên một loại hồ sơ, xem docs/bundle.md)"});
    present.insert(name);
  }
  bool any = false;
  for (const RecordKind& k : catalog()) any = any || present.count(bundle_file_name(k));
  if (!any) {
    result.problems.push_back({"", 0, 0, "", "thư mục " + dir.string() + " không có tệp CSV nào của bộ dữ liệu"});
    return result;
  }

  // The rows to read, for the progress shown: the files' lines less their headers (a line break
  // inside a quoted cell counts one too many; the estimate is corrected at the end).
  ProgressSink& progress = options.progress ? *options.progress : no_progress();
  int64_t expected_rows = 0;
  if (options.progress)
    for (const RecordKind& k : catalog())
      if (present.count(bundle_file_name(k)))
        if (auto data = read_file(dir / bundle_file_name(k))) {
          std::string_view text = data->view();
          expected_rows += std::max<int64_t>(0, std::count(text.begin(), text.end(), '\n') - 1);
        }
  progress.stage("Đang nhập", "dòng", expected_rows);

  ImportSession session(store, result, options.user);
  std::vector<Problem> encoding_problems;
  int64_t rows_read = 0;
  for (const RecordKind& k : catalog()) {
    std::string name = bundle_file_name(k);
    if (!present.count(name)) continue;
    auto data = read_file(dir / name);
    if (!data) {
      result.problems.push_back({name, 0, 0, "", "không đọc được tệp"});
      continue;
    }
    // Legacy encodings: once a file's encoding is uncertain, the rest are only checked for
    // theirs, and only those problems are reported (the rows are checked after the choice).
    BundleFileText decoded = decode_bundle_file(name, data->view(), options);
    if (decoded.problem) encoding_problems.push_back(std::move(*decoded.problem));
    if (!encoding_problems.empty()) continue;
    if (decoded.conversion) result.conversions.push_back(std::move(*decoded.conversion));
    size_t first_problem = result.problems.size();
    std::string_view text = decoded.conversion ? std::string_view(decoded.converted) : data->view();
    session.index().reserve(k, static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
    KindImporter importer(k, RowSourceForm::CsvFile, session.writer(), session.index(), result.problems);
    int64_t rows = import_csv_rows(importer, text, progress, rows_read);
    rows_read += rows;
    session.end_kind(k, first_problem, rows - importer.built_in_rows_kept());
  }
  progress.set_done(rows_read);
  progress.finish();
  if (!encoding_problems.empty()) result.problems = std::move(encoding_problems);
  session.finish();
  return result;
}

}  // namespace kc
