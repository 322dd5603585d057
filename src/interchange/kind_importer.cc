#include "interchange/kind_importer.h"

#include <algorithm>
#include <tuple>

#include "drafts/report_drafts.h"
#include "schema/record_key.h"
#include "schema/value.h"
#include "text/utf8.h"

namespace kc {

namespace {

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string source_name_of(const RecordKind& kind, RowSourceForm form) {
  return form == RowSourceForm::CsvFile ? bundle_file_name(kind) : std::string(kind.name);
}

}  // namespace

KindImporter::KindImporter(const RecordKind& kind, RowSourceForm form, RowWriter& writer, RecordIndex& index,
                           std::vector<Problem>& problems)
    : kind_(kind), form_(form), writer_(writer), index_(index), problems_(problems), row_(kind.fields.size()) {
  // One sink for the whole source (a std::function made per row allocates).
  report_field_ = [this](std::string_view field, std::string message) {
    int f = kind_.field_index(field);
    report(line_, field_column_[static_cast<size_t>(f)] + 1, std::string(field), std::move(message));
    row_ok_ = false;
  };
  ref_targets_.resize(kind_.fields.size(), nullptr);
  for (size_t f = 0; f < kind_.fields.size(); ++f)
    if (kind_.fields[f].type == FieldType::Ref) ref_targets_[f] = &kc::kind(kind_.fields[f].ref_kind);
}

std::string KindImporter::source_name() const { return source_name_of(kind_, form_); }

std::string KindImporter::source_noun() const { return form_ == RowSourceForm::CsvFile ? "tệp" : "trang tính"; }

void KindImporter::report(size_t line, size_t column, std::string field, std::string message) {
  report_tagged(tagged(line), column, std::move(field), std::move(message));
}

void KindImporter::report_tagged(size_t tagged_line, size_t column, std::string field, std::string message) {
  size_t part = tagged_line >> 32, line = tagged_line & 0xFFFFFFFFu;
  Problem p{part == 0 ? source_name() : part_names_[part - 1], line, column, std::move(field), std::move(message)};
  p.sheet = form_ == RowSourceForm::Sheet;
  problems_.push_back(std::move(p));
}

void KindImporter::continue_in(std::string name) {
  part_names_.push_back(std::move(name));
  part_ = part_names_.size();
}

std::string KindImporter::expected_columns() const {
  std::vector<std::string> names;
  for (const Field& f : kind_.fields) names.emplace_back(f.name);
  return join_names(names);
}

const Field* KindImporter::field_at(size_t source_column) const {
  if (source_column >= column_field_.size() || column_field_[source_column] < 0) return nullptr;
  return &kind_.fields[static_cast<size_t>(column_field_[source_column])];
}

void KindImporter::report_empty_source() {
  report(0, 0, "", source_noun() + " rỗng: thiếu dòng tiêu đề với các cột " + expected_columns());
}

bool KindImporter::read_header(size_t line, const std::vector<std::string>& names) {
  header_ = names;
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
  if (!unknown.empty()) report(line, 0, "", "cột không có trong định dạng: " + join_names(unknown));
  if (!duplicate.empty()) report(line, 0, "", "cột bị lặp: " + join_names(duplicate));
  if (!missing.empty()) report(line, 0, "", "thiếu cột: " + join_names(missing));
  if (!unknown.empty() || !duplicate.empty() || !missing.empty()) {
    report(line, 0, "",
           "các cột phải đúng là: " + expected_columns() + "; các dòng dữ liệu của " + source_noun() +
               " chưa được kiểm tra");
    return false;
  }
  field_column_.resize(kind_.fields.size());
  column_field_.assign(header_.size(), -1);
  for (size_t f = 0; f < kind_.fields.size(); ++f) {
    field_column_[f] = static_cast<size_t>(seen[f]);
    column_field_[field_column_[f]] = static_cast<int>(f);
  }
  return true;
}

void KindImporter::read_row(size_t line, const std::vector<std::string>& cells,
                            const std::vector<std::string>* cell_errors) {
  if (cells.size() != header_.size()) {
    report(line, 0, "",
           "dòng có " + std::to_string(cells.size()) + " cột, trong khi tiêu đề có " + std::to_string(header_.size()) +
               " cột");
    return;
  }
  bool parsed = parse_row(line, cells, cell_errors, row_);
  accept_row(line, row_, parsed);
}

// Parses every cell; returns false (after reporting) when any cell is refused.
// A refused cell is left null and marked in cell_ok_, so the other cells are still checked.
bool KindImporter::parse_row(size_t line, const std::vector<std::string>& cells,
                             const std::vector<std::string>* cell_errors, Row& row) {
  bool ok = true;
  cell_ok_.assign(kind_.fields.size(), false);
  for (size_t f = 0; f < kind_.fields.size(); ++f) {
    row[f] = std::monostate{};
    size_t c = field_column_[f];
    const std::string& cell = cells[c];
    const Field& field = kind_.fields[f];
    if (cell_errors && !(*cell_errors)[c].empty()) {
      report(line, c + 1, std::string(field.name), (*cell_errors)[c]);
      ok = false;
      continue;
    }
    size_t bad = find_invalid_utf8(cell);
    if (bad != std::string::npos) {
      report(line, c + 1, std::string(field.name),
             "văn bản không phải UTF-8 hợp lệ (byte thứ " + std::to_string(bad + 1) +
                 " của ô); hãy lưu tệp với bảng mã UTF-8");
      ok = false;
      continue;
    }
    ParsedField parsed = parse_field(field, cell);
    if (!parsed.ok()) {
      report(line, c + 1, std::string(field.name), std::move(parsed.error));
      ok = false;
      continue;
    }
    row[f] = std::move(parsed.value);
    cell_ok_[f] = true;
  }
  return ok;
}

void KindImporter::accept_row(size_t line, const Row& row, bool all_cells_ok) {
  line_ = line;  // report_field_ reports here, in the current source
  row_ok_ = all_cells_ok;
  check_references(line, row);
  if (row_ok_) check_record_rules(kind_, row, index_, report_field_);
  bool key_ok = true;
  for (size_t pos : kind_.key) key_ok = key_ok && cell_ok_[pos];
  if (key_ok && row_ok_ && is_built_in_again(row)) {
    ++built_in_kept_;
    // Its free text (a kind's name) as the bundle writes it.
    if (problems_.empty() && *index_.row(kind_.name, record_key_text(kind_, row)) != row) writer_.replace(kind_, row);
    return;
  }
  if (key_ok && !index_.add(kind_, row)) report_field_(kind_.fields[kind_.key.back()].name, duplicate_message(row));
  if (!row_ok_) return;
  if (kind_.keep_rows_for_rules) kept_rows_.push_back({tagged(line), row});
  if (problems_.empty()) writer_.write(kind_, row);
}

bool KindImporter::is_built_in_again(const Row& row) {
  if (!kind_.built_in_rows || !kind_.keep_rows_for_rules) return false;
  std::string key = record_key_text(kind_, row);
  if (!built_in_seen_.insert(key).second) return false;  // twice in this import: a duplicate
  const Row* stored = index_.row(kind_.name, key);
  if (!stored) return false;
  for (size_t f = 0; f < kind_.fields.size(); ++f)
    if (kind_.fields[f].type != FieldType::Text && (*stored)[f] != row[f]) return false;
  return true;
}

std::string KindImporter::duplicate_message(const Row& row) const {
  std::string key;
  for (size_t pos : kind_.key)
    key += (key.empty() ? "" : ", ") + std::string(kind_.fields[pos].name) + " = \"" +
           key_text(kind_.fields[pos], row[pos]) + "\"";
  return "trùng khóa (" + key + ") với một bản ghi đã có trong " + source_noun() + " hoặc trong cơ sở dữ liệu";
}

void KindImporter::check_references(size_t line, const Row& row) {
  for (size_t f = 0; f < kind_.fields.size(); ++f) {
    const Field& field = kind_.fields[f];
    if (field.type != FieldType::Ref || !cell_ok_[f] || is_null(row[f])) continue;
    const std::string& target = as_text(row[f]);
    if (index_.has_key(*ref_targets_[f], target)) continue;
    if (field.ref_kind == kind_.name) {
      pending_self_refs_.push_back({tagged(line), f, target});  // may be defined further down
      continue;
    }
    report_field_(field.name, dangling_message(field, target));
  }
}

std::string KindImporter::dangling_message(const Field& field, const std::string& target) const {
  const RecordKind& target_kind = kc::kind(field.ref_kind);
  return "mã \"" + target + "\" không có trong " + std::string(target_kind.label) + " (" + source_noun() + " " +
         source_name_of(target_kind, form_) + " hoặc cơ sở dữ liệu)";
}

void KindImporter::finish() {
  for (const auto& p : pending_self_refs_) {
    const Field& field = kind_.fields[p.field];
    if (!index_.has_key(kind_.name, p.target))
      report_tagged(p.line, field_column_[p.field] + 1, std::string(field.name), dangling_message(field, p.target));
  }
  check_kind_rules(kind_, kept_rows_, index_, [&](size_t line, std::string_view field, std::string message) {
    int f = kind_.field_index(field);
    report_tagged(line, field_column_[static_cast<size_t>(f)] + 1, std::string(field), std::move(message));
  });
}

RecordIndex ImportSession::loaded_index(Store& store) {
  RecordIndex index;
  index.load(store);
  return index;
}

ImportSession::ImportSession(Store& store, ImportResult& result, std::string user)
    : store_(store), user_(std::move(user)), result_(result), index_(loaded_index(store)), tx_(store), writer_(store) {}

void ImportSession::end_kind(const RecordKind& kind, size_t first_problem, int64_t rows,
                             const std::vector<std::string>& sources) {
  auto rank = [&](const Problem& p) {
    auto at = std::find(sources.begin(), sources.end(), p.file);
    return at == sources.end() ? size_t{0} : static_cast<size_t>(at - sources.begin());
  };
  std::stable_sort(result_.problems.begin() + static_cast<std::ptrdiff_t>(first_problem), result_.problems.end(),
                   [&](const Problem& a, const Problem& b) {
                     return std::make_tuple(rank(a), a.line, a.column) < std::make_tuple(rank(b), b.line, b.column);
                   });
  result_.rows_by_kind[std::string(kind.name)] = rows;
  result_.total_rows += rows;
}

void ImportSession::finish() {
  writer_.finish();
  if (!result_.ok()) return;
  try {
    // Imported reports: their sections' first versions, their first step, issued ones frozen.
    for (std::string& problem : drafts::settle_imported_reports(store_, user_))
      result_.problems.push_back({bundle_file_name(kind("bao_cao")), 0, 0, "", std::move(problem)});
    if (!result_.ok()) return;
    tx_.commit();
  } catch (const StoreError& e) {
    result_.problems.push_back({"", 0, 0, "", std::string("cơ sở dữ liệu từ chối ghi: ") + e.what()});
  }
}

}  // namespace kc
