// The edit-with-conflict flow of the web forms (plans, registries, projects): the edit form
// carries the record's values as it was opened (the hidden field `_goc`, JSON); a save over
// someone else's change writes nothing and the form comes back (409) with what was typed, the
// fields the other person changed named with their new values, and the record as it is now as
// the new base, so that saving again applies over the new version.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "records/record_editing.h"
#include "schema/record_kind.h"

namespace kc::web {

class RequestContext;

// Shows the form again after a conflict: `message` for the top of the form, `base` the new
// value of `_goc`.
using ConflictForm = std::function<void(const std::string& message, const std::string& base)>;

// Saves the edit of record `key` over the form's base (update_record). `what` names the record
// in the messages ("kế hoạch", "hồ sơ", "đề án"). nullopt when the request has been answered:
// 400 when the form lacks its base, or a conflict (through `conflict_form`, nothing written).
// Otherwise the result of the save, refused input included: the caller answers it.
std::optional<EditResult> save_form_edit(RequestContext& ctx, const RecordKind& kind, const std::string& key,
                                         const FormValues& values, std::string_view what,
                                         const ConflictForm& conflict_form);

}  // namespace kc::web
