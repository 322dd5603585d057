// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Generated from the
// registry table (registries.h) and the record catalog: every path, its parameters, request
// and answer schemas with the fields' Vietnamese labels, enum codes with their labels, who may
// call each operation, and the security (session cookie; X-CSRF-Token header on state changes).
// A new registry or field shows up here without touching this file.
#pragma once

#include <string>

#include "web/api_json.h"

namespace kc::web {

OrderedJson openapi_document();

// openapi_document() as text, built once.
const std::string& openapi_text();

}  // namespace kc::web
