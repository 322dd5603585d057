// The one row checker behind every import: a kind's header and rows, whether they come from a
// CSV file of the bundle (bundle_import.cc) or a worksheet of a workbook (workbook_import.cc),
// go through KindImporter — column names, each cell's parse_field, references, record and
// kind rules, duplicate keys — and ImportSession holds the all-or-nothing transaction around
// all kinds. A source only turns its cells into the bundle's text first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "interchange/bundle.h"
#include "interchange/record_index.h"
#include "interchange/row_writer.h"
#include "records/rules.h"

namespace kc {

// Where a kind's rows come from, for the messages: "tệp de_an.csv" or "trang tính de_an".
enum class RowSourceForm { CsvFile, Sheet };

class KindImporter {
 public:
  KindImporter(const RecordKind& kind, RowSourceForm form, RowWriter& writer, RecordIndex& index,
               std::vector<Problem>& problems);

  // The column names of the header (at `line`), in source column order. Returns false (after
  // reporting) when they are not exactly the kind's columns: the rows are then not checked.
  bool read_header(size_t line, const std::vector<std::string>& names);
  void report_empty_source();

  // One data row: `cells` in source column order, as many as the header has. A cell with a
  // non-empty `cell_errors` entry (when given) was refused by the source already: that message
  // is reported for it instead of parsing it.
  void read_row(size_t line, const std::vector<std::string>& cells,
                const std::vector<std::string>* cell_errors = nullptr);

  // A problem at a 1-based source column (0: the row or the whole source), in the current source.
  void report(size_t line, size_t column, std::string field, std::string message);

  // The kind's rows go on in another source, named `name` in problems: a continuation sheet
  // ("de_an (2)") after the kind's first sheet. The header read first stays in force; rows of
  // every part are checked together (keys, self references, rules across the kind's rows).
  void continue_in(std::string name);

  // The field read from a source column (0-based), or nullptr for a column it does not hold.
  const Field* field_at(size_t source_column) const;

  // Rules that need the whole source (self references, rules across the kind's rows).
  void finish();

  // Rows of a built-in kind the database already held alike (RecordKind::built_in_rows): read
  // but not added (their free text replaces the stored one), so not counted among the rows imported.
  int64_t built_in_rows_kept() const { return static_cast<int64_t>(built_in_kept_); }

 private:
  std::string source_name() const;
  std::string source_noun() const;
  std::string expected_columns() const;
  bool parse_row(size_t line, const std::vector<std::string>& cells, const std::vector<std::string>* cell_errors,
                 Row& row);
  void accept_row(size_t line, const Row& row, bool all_cells_ok);
  // A row of a built-in kind (RecordKind::built_in_rows) the database already holds alike.
  bool is_built_in_again(const Row& row);
  std::string duplicate_message(const Row& row) const;
  void check_references(size_t line, const Row& row);
  std::string dangling_message(const Field& field, const std::string& target) const;
  // Lines kept for the checks in finish() carry their source: (part << 32) | line.
  size_t tagged(size_t line) const { return (part_ << 32) | line; }
  void report_tagged(size_t tagged_line, size_t column, std::string field, std::string message);

  struct PendingRef {
    size_t line;
    size_t field;
    std::string target;
  };

  const RecordKind& kind_;
  RowSourceForm form_;
  RowWriter& writer_;
  RecordIndex& index_;
  std::vector<Problem>& problems_;
  std::vector<std::string> header_;
  std::vector<size_t> field_column_;    // per field: its 0-based source column
  std::vector<int> column_field_;       // per source column: its field, -1 for none
  std::vector<PendingRef> pending_self_refs_;
  std::vector<bool> cell_ok_;
  std::vector<LineRow> kept_rows_;
  std::vector<const RecordKind*> ref_targets_;  // per field: the kind a Ref field refers to
  FieldProblemSink report_field_;  // reports on the row being accepted (line_), clears row_ok_
  Row row_;
  size_t line_ = 0;
  bool row_ok_ = true;
  std::vector<std::string> part_names_;  // names of the sources after the first
  size_t part_ = 0;                      // current source: 0 the first, k part_names_[k - 1]
  std::set<std::string> built_in_seen_;   // keys of built-in rows read in this import
  size_t built_in_kept_ = 0;
};

// One all-or-nothing import of several kinds: the index of the keys already in the database,
// the transaction and the row writer. Kinds are given in catalog order.
class ImportSession {
 public:
  // `user`: who imports (recorded on imported reports' versions and steps).
  ImportSession(Store& store, ImportResult& result, std::string user = "nhap_du_lieu");

  RowWriter& writer() { return writer_; }
  RecordIndex& index() { return index_; }

  // Records the rows read for `kind` and puts its problems (found since `first_problem`) in
  // line order: rules checked at the end of a source report late. With continuation sheets,
  // `sources` lists the kind's sources in order, and problems are ordered by source first.
  void end_kind(const RecordKind& kind, size_t first_problem, int64_t rows,
                const std::vector<std::string>& sources = {});

  // Writes everything when no problem was found (after settling the imported reports,
  // drafts::settle_imported_reports); otherwise the transaction is rolled back.
  void finish();

 private:
  static RecordIndex loaded_index(Store& store);

  Store& store_;
  std::string user_;
  ImportResult& result_;
  RecordIndex index_;
  Transaction tx_;
  RowWriter writer_;  // after tx_: stopped before the transaction ends
};

}  // namespace kc
