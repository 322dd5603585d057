// Internal to the dossier (dossier.cc, dossier_project.cc, dossier_text.cc): how record values
// read in the dossier's pages, the pages' HTML, the machine-readable CSV, one project's folder.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "projects/dossier.h"
#include "projects/dossier_archive.h"
#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

class Store;

namespace dossier {

// Values as people read them: labels for codes, "1.234.567 đồng", dd/mm/yyyy, a referenced
// record's name beside its code. Referenced rows are looked up once per dossier.
class RecordText {
 public:
  explicit RecordText(Store& store) : store_(store) {}
  std::string value(const Field& field, const Value& value);
  std::string field(const RecordKind& kind, const Row& row, std::string_view name);  // value() of row's field
  std::optional<Row> row_of(const std::string& kind_name, const std::string& code);
  std::string name_of(const std::string& kind_name, const std::string& code);  // "" when unknown

 private:
  Store& store_;
  std::map<std::pair<std::string, std::string>, std::optional<Row>> rows_;
};

// A program or system kind by name (the audit trail names both), or nullptr.
const RecordKind* any_kind(const std::string& name);

// "2026-11-28 07:30:12.345678" (UTC, as the records keep it) -> "28/11/2026 07:30:12".
std::string vn_time(const std::string& utc);
// The Vietnamese name of an audit trail action ("chuyen_trang_thai" -> "chuyển trạng thái").
std::string action_label(const std::string& action);
// What an audit entry changed: "nhãn: trước → sau; …" from its before/after JSON.
std::string audit_change(const std::string& kind_name, const std::string& before, const std::string& after);

// A table cell: text, optionally a link (relative, already percent-encoded).
struct Cell {
  std::string text, href;
  Cell(std::string t = {}) : text(std::move(t)) {}
  Cell(std::string t, std::string h) : text(std::move(t)), href(std::move(h)) {}
};
std::string page_start(const std::string& title);
std::string page_end();
std::string heading(const std::string& text);
std::string paragraph(const std::string& text);
// A table, or a paragraph saying `empty` when there are no rows.
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<Cell>>& rows,
                  const std::string& empty = "Không có.");
// A field-label / value table of one record.
std::string record_table(RecordText& text, const RecordKind& kind, const Row& row);

// Rows of a kind in the bundle's CSV form (its columns, canonical values), with a UTF-8 BOM;
// `extra` names more columns whose values `extra_values` gives per row.
std::string csv_of(const RecordKind& kind, const std::vector<Row>& rows, const std::vector<std::string>& extra = {},
                   const std::vector<std::vector<std::string>>& extra_values = {});

// Rows of `kind_name` whose field `field` equals `value`, in the order of `sort` ("" = key).
std::vector<Row> rows_where(Store& store, const std::string& kind_name, const std::string& field, const std::string& value,
                            const std::string& sort = {});

// One project's folder (`folder`, e.g. "de_an/bg-2017-t-011"): ho_so.html, du_lieu/*.csv and
// tai_lieu/ with every attached document. Adds to `summary`.
void add_project_folder(DossierArchive& archive, Store& store, RecordText& text, const Row& project,
                        const std::string& folder, const DossierOptions& options, DossierSummary& summary);

}  // namespace dossier
}  // namespace kc
