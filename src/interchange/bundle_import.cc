#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <tuple>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>

#include "interchange/bundle.h"
#include "interchange/record_index.h"
#include "interchange/rules.h"
#include "schema/value.h"
#include "text/csv.h"
#include "text/utf8.h"

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

// Writes accepted rows to the store on a second thread, so that reading and checking the
// next rows overlaps with the database's work (most of an import's time). Rows are written
// in the order given, in batches of one kind; the first failure of the store is rethrown in
// the importing thread (at the next batch or in finish()), as a direct insert would throw it.
// Without a thread (none could be started) rows are inserted directly.
class RowWriter {
 public:
  explicit RowWriter(Store& store) : store_(store) {
    try {
      thread_ = std::thread([this] { write_loop(); });
    } catch (const std::system_error&) {
      // Stay direct.
    }
  }
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;
  ~RowWriter() { stop(); }

  void write(const RecordKind& kind, const Row& row) {
    if (!thread_.joinable()) {
      store_.insert(kind, row);
      return;
    }
    if (current_.size == kBatchRows || (current_.size > 0 && current_.kind != &kind)) hand_over();
    current_.kind = &kind;
    if (current_.size == current_.rows.size())
      current_.rows.push_back(row);
    else
      current_.rows[current_.size] = row;  // reuses the strings of a recycled batch
    ++current_.size;
  }

  // Waits until every row is in the store; rethrows the store's failure, if any.
  void finish() {
    if (!thread_.joinable()) return;
    if (current_.size > 0) hand_over();
    stop();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  static constexpr size_t kBatchRows = 1024;
  static constexpr size_t kMaxQueued = 4;

  struct Batch {
    const RecordKind* kind = nullptr;
    std::vector<Row> rows;  // the first `size` are to be written
    size_t size = 0;
  };

  void hand_over() {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return queued_.size() < kMaxQueued || error_; });
    if (error_) {
      lock.unlock();
      stop();
      std::rethrow_exception(error_);
    }
    queued_.push_back(std::move(current_));
    current_ = Batch{};
    if (!spare_.empty()) {
      current_ = std::move(spare_.back());
      spare_.pop_back();
    }
    lock.unlock();
    work_.notify_one();
  }

  void write_loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      work_.wait(lock, [&] { return !queued_.empty() || done_; });
      if (queued_.empty()) return;  // done and drained
      Batch batch = std::move(queued_.front());
      queued_.pop_front();
      bool failed = error_ != nullptr;
      lock.unlock();
      room_.notify_one();
      if (!failed) {
        try {
          for (size_t i = 0; i < batch.size; ++i) store_.insert(*batch.kind, batch.rows[i]);
        } catch (...) {
          lock.lock();
          error_ = std::current_exception();
          lock.unlock();
          room_.notify_one();
        }
      }
      batch.size = 0;
      lock.lock();
      spare_.push_back(std::move(batch));
    }
  }

  void stop() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    work_.notify_one();
    thread_.join();
  }

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

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Imports one kind's file into the open transaction, appending problems.
class FileImporter {
 public:
  FileImporter(const RecordKind& kind, std::string file_name, RowWriter& writer, RecordIndex& index,
               std::vector<Problem>& problems)
      : kind_(kind), file_(std::move(file_name)), writer_(writer), index_(index), problems_(problems) {
    // One sink for the whole file (a std::function made per row allocates).
    report_field_ = [this](std::string_view field, std::string message) {
      int f = kind_.field_index(field);
      add(line_, field_file_column_[static_cast<size_t>(f)] + 1, std::string(field), std::move(message));
      row_ok_ = false;
    };
    ref_targets_.resize(kind_.fields.size(), nullptr);
    for (size_t f = 0; f < kind_.fields.size(); ++f)
      if (kind_.fields[f].type == FieldType::Ref) ref_targets_[f] = &kc::kind(kind_.fields[f].ref_kind);
  }

  int64_t run(std::string_view data) {
    CsvReader reader(data);
    CsvRecord record;
    std::string csv_error;
    size_t csv_error_field = 0;
    if (!reader.next(record, csv_error, csv_error_field)) {
      add(0, 0, "", "tệp rỗng: thiếu dòng tiêu đề với các cột " + expected_columns());
      return 0;
    }
    if (!read_header(record, csv_error)) return 0;
    int64_t rows = 0;
    Row row(kind_.fields.size());
    while (reader.next(record, csv_error, csv_error_field)) {
      ++rows;
      if (!csv_error.empty()) {
        add(record.line, csv_error_field + 1, column_name(csv_error_field), csv_error);
        continue;
      }
      if (record.fields.size() != header_.size()) {
        add(record.line, 0, "",
            "dòng có " + std::to_string(record.fields.size()) + " cột, trong khi tiêu đề có " +
                std::to_string(header_.size()) + " cột");
        continue;
      }
      bool parsed = parse_row(record, row);
      accept_row(record.line, row, parsed);
    }
    finish();
    return rows;
  }

 private:
  void add(size_t line, size_t column, std::string field, std::string message) {
    problems_.push_back({file_, line, column, std::move(field), std::move(message)});
  }

  std::string expected_columns() const {
    std::vector<std::string> names;
    for (const Field& f : kind_.fields) names.emplace_back(f.name);
    return join_names(names);
  }

  std::string column_name(size_t file_column) const {
    return file_column < header_.size() ? header_[file_column] : std::string();
  }

  bool read_header(const CsvRecord& record, const std::string& csv_error) {
    if (!csv_error.empty()) {
      add(record.line, 0, "", "dòng tiêu đề không đọc được: " + csv_error);
      return false;
    }
    header_ = record.fields;
    std::vector<int> seen(kind_.fields.size(), -1);
    std::vector<std::string> unknown, duplicate, missing;
    for (size_t c = 0; c < header_.size(); ++c) {
      size_t invalid = find_invalid_utf8(header_[c]);
      std::string name = invalid == std::string::npos ? header_[c] : "(không phải UTF-8)";
      while (!name.empty() && name.back() == ' ') name.pop_back();
      while (!name.empty() && name.front() == ' ') name.erase(0, 1);
      int f = kind_.field_index(name);
      if (f < 0) {
        unknown.push_back("\"" + name + "\"");
      } else if (seen[static_cast<size_t>(f)] >= 0) {
        duplicate.push_back("\"" + name + "\"");
      } else {
        seen[static_cast<size_t>(f)] = static_cast<int>(c);
      }
    }
    for (size_t f = 0; f < kind_.fields.size(); ++f)
      if (seen[f] < 0) missing.emplace_back(kind_.fields[f].name);
    if (!unknown.empty()) add(1, 0, "", "cột không có trong định dạng: " + join_names(unknown));
    if (!duplicate.empty()) add(1, 0, "", "cột bị lặp: " + join_names(duplicate));
    if (!missing.empty()) add(1, 0, "", "thiếu cột: " + join_names(missing));
    if (!unknown.empty() || !duplicate.empty() || !missing.empty()) {
      add(1, 0, "", "các cột phải đúng là: " + expected_columns() + "; các dòng dữ liệu của tệp chưa được kiểm tra");
      return false;
    }
    field_file_column_.resize(kind_.fields.size());
    for (size_t f = 0; f < kind_.fields.size(); ++f) field_file_column_[f] = static_cast<size_t>(seen[f]);
    return true;
  }

  // Parses every cell; returns false (after reporting) when any cell is refused.
  // A refused cell is left null and marked in cell_ok_, so the other cells are still checked.
  bool parse_row(const CsvRecord& record, Row& row) {
    bool ok = true;
    cell_ok_.assign(kind_.fields.size(), false);
    for (size_t f = 0; f < kind_.fields.size(); ++f) {
      row[f] = std::monostate{};
      size_t c = field_file_column_[f];
      const std::string& cell = record.fields[c];
      const Field& field = kind_.fields[f];
      size_t bad = find_invalid_utf8(cell);
      if (bad != std::string::npos) {
        add(record.line, c + 1, std::string(field.name),
            "văn bản không phải UTF-8 hợp lệ (byte thứ " + std::to_string(bad + 1) +
                " của ô); hãy lưu tệp với bảng mã UTF-8");
        ok = false;
        continue;
      }
      ParsedField parsed = parse_field(field, cell);
      if (!parsed.ok()) {
        add(record.line, c + 1, std::string(field.name), std::move(parsed.error));
        ok = false;
        continue;
      }
      row[f] = std::move(parsed.value);
      cell_ok_[f] = true;
    }
    return ok;
  }

  void accept_row(size_t line, const Row& row, bool all_cells_ok) {
    line_ = line;
    row_ok_ = all_cells_ok;
    check_references(line, row, report_field_);
    if (row_ok_) check_record_rules(kind_, row, index_, report_field_);
    bool key_ok = true;
    for (size_t pos : kind_.key) key_ok = key_ok && cell_ok_[pos];
    if (key_ok && !index_.add(kind_, row))
      report_field_(kind_.fields[kind_.key.back()].name, duplicate_message(row));
    if (!row_ok_) return;
    if (kind_.keep_rows_for_rules) kept_rows_.push_back({line, row});
    if (problems_.empty()) writer_.write(kind_, row);
  }

  std::string duplicate_message(const Row& row) const {
    std::string key;
    for (size_t pos : kind_.key)
      key += (key.empty() ? "" : ", ") + std::string(kind_.fields[pos].name) + " = \"" +
             key_text(kind_.fields[pos], row[pos]) + "\"";
    return "trùng khóa (" + key + ") với một bản ghi đã có trong tệp hoặc trong cơ sở dữ liệu";
  }

  void check_references(size_t line, const Row& row, const FieldProblemSink& report) {
    for (size_t f = 0; f < kind_.fields.size(); ++f) {
      const Field& field = kind_.fields[f];
      if (field.type != FieldType::Ref || !cell_ok_[f] || is_null(row[f])) continue;
      const std::string& target = as_text(row[f]);
      if (index_.has_key(*ref_targets_[f], target)) continue;
      if (field.ref_kind == kind_.name) {
        pending_self_refs_.push_back({line, f, target});  // may be defined further down
        continue;
      }
      report(field.name, dangling_message(field, target));
    }
  }

  static std::string dangling_message(const Field& field, const std::string& target) {
    const RecordKind& target_kind = kc::kind(field.ref_kind);
    return "mã \"" + target + "\" không có trong " + std::string(target_kind.label) + " (tệp " +
           bundle_file_name(target_kind) + " hoặc cơ sở dữ liệu)";
  }

  void finish() {
    for (const auto& p : pending_self_refs_) {
      const Field& field = kind_.fields[p.field];
      if (!index_.has_key(kind_.name, p.target))
        add(p.line, field_file_column_[p.field] + 1, std::string(field.name), dangling_message(field, p.target));
    }
    check_kind_rules(kind_, kept_rows_, index_, [&](size_t line, std::string_view field, std::string message) {
      int f = kind_.field_index(field);
      add(line, field_file_column_[static_cast<size_t>(f)] + 1, std::string(field), std::move(message));
    });
  }

  struct PendingRef {
    size_t line;
    size_t field;
    std::string target;
  };

  const RecordKind& kind_;
  std::string file_;
  RowWriter& writer_;
  RecordIndex& index_;
  std::vector<Problem>& problems_;
  std::vector<std::string> header_;
  std::vector<size_t> field_file_column_;
  std::vector<PendingRef> pending_self_refs_;
  std::vector<bool> cell_ok_;
  std::vector<LineRow> kept_rows_;
  std::vector<const RecordKind*> ref_targets_;  // per field: the kind a Ref field refers to
  FieldProblemSink report_field_;  // reports on the row being accepted (line_), clears row_ok_
  size_t line_ = 0;
  bool row_ok_ = true;
};

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

  RecordIndex index;
  index.load(store);
  Transaction tx(store);
  RowWriter writer(store);  // after tx: stopped before the transaction ends
  std::vector<Problem> encoding_problems;
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
    index.reserve(k, static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
    FileImporter importer(k, name, writer, index, result.problems);
    int64_t rows = importer.run(text);
    // Rules checked at the end of a file report late; show the file's problems in line order.
    std::stable_sort(result.problems.begin() + static_cast<std::ptrdiff_t>(first_problem), result.problems.end(),
                     [](const Problem& a, const Problem& b) {
                       return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    result.rows_by_kind[std::string(k.name)] = rows;
    result.total_rows += rows;
  }
  writer.finish();
  if (!encoding_problems.empty()) result.problems = std::move(encoding_problems);
  if (result.ok()) {
    try {
      tx.commit();
    } catch (const StoreError& e) {
      result.problems.push_back({"", 0, 0, "", std::string("cơ sở dữ liệu từ chối ghi: ") + e.what()});
    }
  }
  return result;
}

}  // namespace kc
