// A registry list downloaded as filtered and sorted on screen (?dinh_dang=csv or xlsx, the
// bundle's columns; docs/web.md "List downloads"). A list of at most
// JobLimits::list_download_rows rows (10.000) is answered while its request waits (at most
// about half a second); a larger one is a background job (background_jobs.h): the list page's
// download buttons post the list's filters to /tai-danh-sach/<registry> (CSRF), the job reads
// the rows on a connection of its own with the caller's scope as it was, and its page follows
// the progress and offers the file, to its owner only. The public, who own no job, download
// small lists only.
#pragma once

#include <cstdint>
#include <string>

#include "web/app.h"
#include "web/registries.h"
#include "web/registry_query.h"

namespace kc::web {

// Answers the request when it asks for a download (true); `total` is the list's row count.
bool answer_list_download(RequestContext& ctx, const Registry& r, const RegistryQuery& q, int64_t total);

// The list page's download links as HTML, or for a large list and a signed-in caller the form
// that starts the job (_list_downloads.mustache).
std::string list_download_links(RequestContext& ctx, const Registry& r, const RegistryQuery& q, int64_t total);

// POST /tai-danh-sach/<slug>: starts the job, for the registry's signed-in readers (`readers`).
void register_list_download(App& app, const Registry& r, Access readers);

}  // namespace kc::web
