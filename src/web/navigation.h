// The navigation bar: what each role sees (and only that; access is still decided per route
// on the server).
#pragma once

#include <string>

#include "web/templates.h"

namespace kc::web {

// Items {href, label, current} for the caller's role (nullptr: the public).
Data navigation_for(const std::string* role, const std::string& current_path);

}  // namespace kc::web
