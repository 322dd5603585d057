// Creating, changing and archiving one record from a form (web pages and the JSON API): the
// same parsing and cross-record rules as the import bundle, the key checked, an optimistic
// version check against concurrent edits, the audit entry written in the same transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "schema/field_errors.h"
#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

class Store;

// What a form sent: field name -> text as typed. Missing fields count as empty.
using FormValues = std::map<std::string, std::string>;

// A field as a person types it into a form (web pages, the JSON API): money in the forms of
// core/money_input.h ("150.000.000", "150 triệu", "1,5 tỷ"), everything else as parse_field reads
// it (dates as dd/mm/yyyy or yyyy-mm-dd). The import bundle stays with parse_field's strict forms.
ParsedField parse_form_field(const Field& field, std::string_view text);

// "Nhãn trường: message", the way every form error is worded (the label capitalised).
std::string field_message(const Field& field, std::string_view message);

// A record's version: a digest of its canonical text. A form carries the version it was based on.
std::string record_version(const RecordKind& kind, const Row& row);

// The row's fields as text (bundle form), by field name.
FormValues form_values_of(const RecordKind& kind, const Row& row);

struct EditConflict {
  Row current;                          // the record as it is now
  std::vector<std::string> changed;     // fields someone else changed since the form was loaded
};

struct EditResult {
  FieldErrors errors;                   // refused input, every problem found at once (nothing written)
  std::optional<EditConflict> conflict; // refused because of a concurrent change (nothing written)
  std::optional<Row> saved;             // the record as written
  bool ok() const { return errors.empty() && !conflict && saved; }
};

EditResult create_record(Store& store, const RecordKind& kind, const FormValues& values, const std::string& user);

// What the editor saw when they started: the field values (a web form carries them, so the
// conflict can name the fields someone else changed) or just the version (the API's ETag).
struct EditBase {
  std::optional<FormValues> values;
  std::string version;
};

// Refused with a conflict when the record has changed since `base`.
EditResult update_record(Store& store, const RecordKind& kind, const std::string& key, const FormValues& values,
                         const EditBase& base, const std::string& user);

// Records keyed by several fields (a plan's target: plan + indicator) are not edited through a
// URL of their own: the form names the key. Creates the record, or replaces the one with the same
// key, with the same parsing and rules as create_record; audited "tao" or "sua".
EditResult save_record(Store& store, const RecordKind& kind, const FormValues& values, const std::string& user);

// Deletes the record with the key of `key` (a full-width row: only the key positions are read),
// keeping the record as it was in the audit entry ("xoa"); false when there is none.
bool delete_record(Store& store, const RecordKind& kind, const Row& key, const std::string& user);

// Marks (or unmarks) the record archived; false when there is no such record.
bool set_archived(Store& store, const RecordKind& kind, const std::string& key, bool archived, const std::string& user);
bool is_archived(Store& store, const RecordKind& kind, const std::string& key);

// The record with the given key text, or nullopt (also for malformed keys).
std::optional<Row> find_record(Store& store, const RecordKind& kind, const std::string& key);

}  // namespace kc
