// Renders a Document as Markdown or as a standalone HTML page. Every piece of record text
// is escaped for the target format; nothing from the records is ever interpreted as markup.
#pragma once

#include <string>

#include "report/document.h"

namespace kc {

std::string render_markdown(const doc::Document& d);
std::string render_html(const doc::Document& d);

std::string html_escape(std::string_view s);

}  // namespace kc
