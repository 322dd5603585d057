// Templates and static assets compiled into the binary (see cmake/embed_files.cmake): the
// server needs no files and no internet at run time.
#pragma once

#include <map>
#include <string_view>

namespace kc::web {

// Path relative to web/ ("templates/layout.mustache", "static/app.css",
// "node_modules/htmx.org/dist/htmx.min.js") -> bytes.
const std::map<std::string_view, std::string_view>& embedded_files();

}  // namespace kc::web
