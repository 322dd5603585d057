// How record values look on pages: list labels for codes, "có"/"không", Vietnamese numbers
// and dates, references named and linked to their registry.
#pragma once

#include <string>

#include "audit/audit.h"
#include "model/dataset.h"
#include "schema/record_kind.h"
#include "schema/value.h"
#include "web/templates.h"

namespace kc::web {

// The value as a reader sees it ("xã Nam Dương", "550.000.000 đ", "15/7/2015", "có").
std::string display_value(const Field& field, const Value& value, const Dataset& data);

// A link to the referenced record's page, or "" when the kind has no registry or the value is empty.
std::string reference_link(const Field& field, const Value& value);

// A form field for Mustache: name, label, value, control kind (text/textarea/select/date),
// options for lists, required flag, error message.
Data form_field(const Field& field, const std::string& value, const std::string& error, bool read_only);

// The options of a <select>: each choice (code, label), the current value selected; a value
// that is not among them is kept as an option of its own so that nothing typed is lost.
Data select_options(const std::string& value, const std::vector<std::pair<std::string, std::string>>& choices);
// A field shown as a <select> of the given choices (a reference to a few records), with `none`
// as the empty choice.
Data choice_field(const Field& field, const std::string& value, const std::string& error,
                  const std::vector<std::pair<std::string, std::string>>& choices, const std::string& none);

// One audit entry in words (audit/audit_words.h) for a history table or the trail page: time
// (local, "dd/mm/yyyy HH:MM", and datetime in UTC for <time>), user, action (Vietnamese) and
// action_code, kind (its label) and kind_code, key, link (the record's page, where it has one),
// note, changes [{label, before, after, has_before, has_after}], and before/after as one line
// each ("Tên: …; Kinh phí: …") — each template shows the ones it needs. With `data`, references
// show names (display_value); without, their codes.
Data audit_entry_view(const AuditEntry& entry, const Dataset* data = nullptr);

// The phase plans (giai_doan) as <select> options {code, name, selected}.
Data phase_plan_options(const Dataset& data, const Plan* selected);

}  // namespace kc::web
