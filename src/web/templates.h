// Server-rendered pages: Mustache templates (kainjow), embedded in the binary, escaping every
// {{value}} by default; only {{{content}}} of the layout takes trusted HTML (a page already
// rendered by a template). A page is its own template rendered into templates/layout.mustache.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

namespace kc::web {

using Data = kainjow::mustache::data;

// Renders templates/<name>.mustache with `data`; throws std::logic_error when the template is
// missing or malformed (a programming error, caught by the tests).
std::string render_template(const std::string& name, const Data& data);

// Renders the page template, then the layout around it. `layout` holds the layout's own fields
// (title, user, nav, csrf…); `content` is filled in here.
std::string render_page(const std::string& name, const Data& page, Data layout);
// The layout around content already rendered (a page remembered by rendered_cache.h).
std::string render_layout(std::string content, Data layout);

// A list value for Mustache sections.
inline Data list() { return Data(Data::type::list); }

}  // namespace kc::web
