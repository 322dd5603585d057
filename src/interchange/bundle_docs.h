// The bundle's column reference (docs/bundle-columns.md), generated from the record catalog
// so that the documentation cannot drift from what import accepts.
#pragma once

#include <string>

namespace kc {

std::string bundle_columns_markdown();

}  // namespace kc
