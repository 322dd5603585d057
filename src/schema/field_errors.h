// Problems with what a user typed into a form: field name -> Vietnamese message, in form order.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kc {

using FieldErrors = std::vector<std::pair<std::string, std::string>>;

}  // namespace kc
