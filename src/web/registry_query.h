// Reading a registry list's request: search text, filters, sort, page and the archived switch,
// plus the caller's scope (area or own establishment) as conditions the database applies.
#pragma once

#include <map>
#include <string>

#include "model/dataset.h"
#include "store/store.h"
#include "web/registries.h"

namespace kc::web {

class RequestContext;

struct RegistryQuery {
  ListQuery query;
  int64_t page = 1;
  std::map<std::string, std::string> params;  // the list's own parameters, to build links
  std::string path;
  // This list's URL with some parameters changed ("" removes one).
  std::string url_with(const std::map<std::string, std::string>& changes) const;
};

RegistryQuery registry_query(const RequestContext& ctx, const Registry& r, int64_t page_size);

}  // namespace kc::web
