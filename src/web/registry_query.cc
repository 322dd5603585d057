#include "web/registry_query.h"

#include <httplib.h>

#include "projects/lifecycle.h"
#include "text/normalize.h"
#include "web/request_context.h"

namespace kc::web {

std::string RegistryQuery::url_with(const std::map<std::string, std::string>& changes) const {
  std::map<std::string, std::string> p = params;
  for (const auto& [k, v] : changes) {
    if (v.empty())
      p.erase(k);
    else
      p[k] = v;
  }
  std::string url = path;
  char sep = '?';
  for (const auto& [k, v] : p) {
    url += sep + k + "=" + httplib::detail::encode_query_param(v);
    sep = '&';
  }
  return url;
}

RegistryQuery registry_query(const RequestContext& ctx, const Registry& r, int64_t page_size) {
  RegistryQuery out;
  const RecordKind& k = r.record_kind();
  out.path = "/" + r.slug;
  auto remember = [&](const std::string& name) {
    std::string v = ctx.param(name);
    if (!v.empty()) out.params[name] = v;
    return v;
  };
  std::string q = remember("q");
  if (!q.empty()) out.query.search = fold_for_search(q);
  for (const std::string& name : r.filters) {
    std::string v = remember(name);
    if (v.empty()) continue;
    const Field& f = k.field(name);
    ParsedField parsed = parse_field(f, v);
    if (parsed.ok() && !is_null(parsed.value))
      out.query.equals.emplace_back(static_cast<size_t>(k.field_index(name)), parsed.value);
  }
  std::string sort = remember("sap_xep");
  if (int i = k.field_index(sort); !sort.empty() && i >= 0) out.query.sort_field = static_cast<size_t>(i);
  out.query.descending = remember("giam") == "1";
  out.query.include_archived = remember("luu_tru") == "1";
  std::string page = remember("trang");
  try {
    out.page = page.empty() ? 1 : std::max<int64_t>(1, std::stoll(page));
  } catch (const std::exception&) {
    out.page = 1;
  }
  out.query.limit = page_size;
  out.query.offset = (out.page - 1) * page_size;

  // The caller's scope, applied by the database.
  const std::string* role = ctx.role();
  std::pair<size_t, std::vector<Value>> published{static_cast<size_t>(k.field_index("trang_thai")), {}};
  for (const std::string& status : published_statuses()) published.second.emplace_back(status);
  if (r.project_scope && !role) {
    out.query.any_of.push_back(std::move(published));
    return out;
  }
  // An establishment sees what the public sees, and its own projects at every stage.
  if (r.project_scope && role && *role == "co_so") {
    std::vector<Value> mine;
    for (const std::string& code : projects_of_establishment(const_cast<RequestContext&>(ctx).read_store(), ctx.user()->establishment))
      mine.emplace_back(code);
    out.query.any_of_either.push_back(std::move(published));
    out.query.any_of_either.emplace_back(k.key[0], std::move(mine));
    return out;
  }
  if (role && *role == "dia_phuong" && !r.area_field.empty()) {
    std::vector<Value> units;
    for (const std::string& u : units_within(*ctx.app.dataset(), ctx.user()->unit)) units.emplace_back(u);
    std::pair<size_t, std::vector<Value>> area{static_cast<size_t>(k.field_index(r.area_field)), std::move(units)};
    if (r.project_scope) {  // their area's projects at every stage, and what the public sees
      out.query.any_of_either.push_back(std::move(published));
      out.query.any_of_either.push_back(std::move(area));
    } else {
      out.query.any_of.push_back(std::move(area));
    }
  } else if (role && *role == "co_so" && !r.own_field.empty()) {
    out.query.equals.emplace_back(static_cast<size_t>(k.field_index(r.own_field)), Value{ctx.user()->establishment});
  }
  return out;
}

}  // namespace kc::web
