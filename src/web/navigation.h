// The navigation bar: what each role sees (and only that; access is still decided per route
// on the server).
#pragma once

#include <cstdint>
#include <string>

#include "web/templates.h"

namespace kc::web {

// Items {href, label, current} for the caller's role (nullptr: the public). `waiting`: how many
// items wait for the caller (home_work.h), shown beside the home page's item when not zero.
Data navigation_for(const std::string* role, const std::string& current_path, int64_t waiting = 0);

}  // namespace kc::web
