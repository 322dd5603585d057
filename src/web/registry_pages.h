// Pieces of the generic registry pages that special pages (projects) reuse.
#pragma once

#include <optional>
#include <string>

#include "web/registries.h"
#include "web/request_context.h"

namespace kc::web {

// The list page of `r` (search, filters, sort, paging, CSV and XLSX downloads) with an optional "new" button.
void registry_list_page(RequestContext& ctx, const Registry& r, const std::string& new_href, const std::string& new_label);

// The record named in a URL when the caller may see it; otherwise answers 404 and returns nullopt.
std::optional<Row> visible_record(RequestContext& ctx, const Registry& r, const std::string& key);

}  // namespace kc::web
