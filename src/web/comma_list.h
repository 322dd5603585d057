// Comma-separated lists as options and headers carry them ("127.0.0.1, 10.0.0.0/8",
// X-Forwarded-For): the entries in order, each without its surrounding spaces and tabs.
#pragma once

#include <string>
#include <vector>

namespace kc::web {

// Empty entries are kept ("a,,b" gives three), so a caller can tell them apart.
std::vector<std::string> comma_separated(const std::string& text);

}  // namespace kc::web
