#include <algorithm>
#include <fstream>
#include <tuple>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>

#include "interchange/bundle.h"
#include "interchange/record_index.h"
#include "interchange/rules.h"
#include "schema/value.h"
#include "text/csv.h"
#include "text/utf8.h"

namespace kc {

namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data;
  in.seekg(0, std::ios::end);
  data.resize(static_cast<size_t>(in.tellg()));
  in.seekg(0);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  return data;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Imports one kind's file into the open transaction, appending problems.
class FileImporter {
 public:
  FileImporter(const RecordKind& kind, std::string file_name, Store& store, RecordIndex& index,
               std::vector<Problem>& problems)
      : kind_(kind), file_(std::move(file_name)), store_(store), index_(index), problems_(problems) {}

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
    bool ok = all_cells_ok;
    auto report_field = [&](std::string_view field, std::string message) {
      int f = kind_.field_index(field);
      add(line, field_file_column_[static_cast<size_t>(f)] + 1, std::string(field), std::move(message));
      ok = false;
    };
    check_references(line, row, report_field);
    if (ok) check_record_rules(kind_, row, index_, report_field);
    bool key_ok = true;
    for (size_t pos : kind_.key) key_ok = key_ok && cell_ok_[pos];
    if (key_ok && !index_.add(kind_, row))
      report_field(kind_.fields[kind_.key.back()].name, duplicate_message(row));
    if (!ok) return;
    if (kind_.keep_rows_for_rules) kept_rows_.push_back({line, row});
    if (problems_.empty()) store_.insert(kind_, row);
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
      if (index_.has_key(field.ref_kind, target)) continue;
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
  Store& store_;
  RecordIndex& index_;
  std::vector<Problem>& problems_;
  std::vector<std::string> header_;
  std::vector<size_t> field_file_column_;
  std::vector<PendingRef> pending_self_refs_;
  std::vector<bool> cell_ok_;
  std::vector<LineRow> kept_rows_;
};

}  // namespace

std::string bundle_file_name(const RecordKind& kind) { return std::string(kind.name) + ".csv"; }

ImportResult import_bundle(Store& store, const std::filesystem::path& dir) {
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
  for (const RecordKind& k : catalog()) {
    std::string name = bundle_file_name(k);
    if (!present.count(name)) continue;
    auto data = read_file(dir / name);
    if (!data) {
      result.problems.push_back({name, 0, 0, "", "không đọc được tệp"});
      continue;
    }
    size_t first_problem = result.problems.size();
    FileImporter importer(k, name, store, index, result.problems);
    int64_t rows = importer.run(*data);
    // Rules checked at the end of a file report late; show the file's problems in line order.
    std::stable_sort(result.problems.begin() + static_cast<std::ptrdiff_t>(first_problem), result.problems.end(),
                     [](const Problem& a, const Problem& b) {
                       return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    result.rows_by_kind[std::string(k.name)] = rows;
    result.total_rows += rows;
  }
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
