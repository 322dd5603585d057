// Reference fields of forms as pickers (pickers.h): a <select> when the caller's choices are
// few, otherwise a search field with the matches to choose from — offered by the server on a
// plain form submit ("Tìm"), and as the user types through htmx (GET /chon/<kind>).
#pragma once

#include <string>
#include <vector>

#include "schema/record_kind.h"
#include "web/pickers.h"
#include "web/templates.h"

namespace kc::web {

class RequestContext;
class App;

// Up to this many choices are offered whole as a <select>.
inline constexpr size_t kSelectMaxChoices = 150;

// A single-choice reference field for form templates: {select, options} when the choices are
// few, else {picker, matches, chosen…}. `search`: what was typed in its search box ("" none).
Data picker_field(RequestContext& ctx, const Field& field, PickerKind kind, const std::string& value,
                  const std::string& error, const PickerQuery& years, const std::string& search);

// The beneficiaries picker (several establishments): the chosen ones checked, and the matches of
// `search`.
Data multi_picker_field(RequestContext& ctx, const std::string& name, const std::string& label,
                        const std::vector<std::string>& chosen_codes, const std::string& error, const std::string& search);

// Every value of a form field sent several times (checkboxes), each also split at commas (the
// API and older forms send "a, b").
std::vector<std::string> posted_codes(RequestContext& ctx, const std::string& name);

// Whether the form was sent by a picker's "Tìm" button (without JavaScript): the handler shows
// the form again with the matches, and saves nothing.
bool picker_search_asked(RequestContext& ctx);

// GET /chon/<kind> (an HTML fragment for htmx) and GET /api/chon/<kind> (JSON).
void register_picker_routes(App& app);

}  // namespace kc::web
