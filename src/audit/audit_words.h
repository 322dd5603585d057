// The audit trail as people read it: Vietnamese action names and, per changed field, its label
// from the record catalog with the value before and after (parsed back from the trail's text,
// so the caller can display it the Vietnamese way). Used by the trail page and record histories
// (web/record_view.h, audit_entry_view).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc {

// "tạo", "sửa", "lưu trữ", "chuyển bước" …; an unknown action as its code with spaces.
std::string audit_action_label(const std::string& action);

// The record kind of an entry by its stored name (program or system kinds), or nullptr.
const RecordKind* audit_kind(const std::string& name);

struct FieldChange {
  const Field* field;
  Value before, after;  // null where the field was empty or the side is absent (creation, deletion)
};

// The fields whose value differs between before and after, in catalog order. A creation lists
// the fields it filled, a deletion those the record had; an entry without values (a download,
// an archive mark) lists none. Values that do not parse back (older formats) are kept as text.
std::vector<FieldChange> audit_changes(const AuditEntry& entry);

}  // namespace kc
