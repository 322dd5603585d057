// The registries' pages: list (search ignoring diacritics, filters, sorting, paging), detail with
// the record's history, create, edit (with a version check against concurrent edits) and
// archive — one set of handlers for every registry of registries.h, decided per request on the
// server by role and scope.
#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "core/vn_format.h"
#include "records/record_editing.h"
#include "schema/field_display.h"
#include "schema/record_key.h"
#include "text/normalize.h"
#include "web/confirm.h"
#include "web/form_edit.h"
#include "web/list_download.h"
#include "web/pages.h"
#include "web/picker_fields.h"
#include "web/record_view.h"
#include "web/project_plans.h"
#include "web/registries.h"
#include "web/registry_pages.h"
#include "web/registry_query.h"
#include "web/reorganisation.h"
#include "web/reference_names.h"
#include "web/request_context.h"
#include "web/write_scope.h"

namespace kc::web {

namespace {

// 20 rows: a list page stays a sensible length on a phone, where each row is a card (app.css).
constexpr int64_t kPageSize = 20;

const Registry& registry_of(RequestContext& ctx) { return *registry_by_slug(ctx.path(1)); }

// Archiving asks first (web/confirm.h): the dialog and the page without JavaScript say the same.
std::string archive_question(const Registry& r, const std::string& key) {
  return "Lưu trữ " + lower_first_vi(r.title) + " " + key + "?";
}
constexpr const char* kArchiveDetail =
    "Hồ sơ được lưu trữ rời khỏi danh sách nhưng vẫn được giữ nguyên cùng lịch sử; có thể bỏ lưu trữ bất cứ lúc nào.";

}  // namespace

std::optional<Row> visible_record(RequestContext& ctx, const Registry& r, const std::string& key) {
  std::optional<Row> row = find_record(ctx.store(), r.record_kind(), key);
  if (!row || !caller_in_scope(ctx, r, *row, &ctx.read_store())) {
    ctx.error(404, "Không tìm thấy " + r.title + " mã \"" + key + "\".");
    return std::nullopt;
  }
  return row;
}

void registry_list_page(RequestContext& ctx, const Registry& r, const std::string& new_href, const std::string& new_label) {
  const RecordKind& k = r.record_kind();
  auto data = ctx.app.dataset();
  RegistryQuery q = registry_query(ctx, r, kPageSize);
  std::shared_ptr<const ListPage> page = ctx.app.list_cache().list(ctx.read_store(), k, q.query, ctx.app.data_version(),
                                                                  ctx.app.read_router() == nullptr);
  if (answer_list_download(ctx, r, q, page->total)) return;

  Data header = list();
  for (const std::string& col : r.columns) {
    Data h;
    h.set("label", field_label(k.field(col)));
    bool sorted = q.query.sort_field && k.fields[*q.query.sort_field].name == col;
    h.set("href", q.url_with({{"sap_xep", col}, {"giam", sorted && !q.query.descending ? "1" : ""}, {"trang", ""}}));
    if (sorted) h.set(q.query.descending ? "sorted_desc" : "sorted_asc", true);
    header.push_back(h);
  }
  Data rows = list();
  ReferenceNames names(*data, ctx.read_store());
  for (const std::string& col : r.columns) {  // each reference column's names in one query
    const Field& f = k.field(col);
    if (f.type != FieldType::Ref) continue;
    std::vector<std::string> codes;
    for (const Row& row : page->rows)
      if (const Value& v = row[static_cast<size_t>(k.field_index(col))]; !is_null(v)) codes.push_back(as_text(v));
    names.prefetch(f.ref_kind, codes);
  }
  for (const Row& row : page->rows) {
    Data cells = list();
    for (size_t c = 0; c < r.columns.size(); ++c) {
      size_t f = static_cast<size_t>(k.field_index(r.columns[c]));
      Data cell;
      std::string name = k.fields[f].type == FieldType::Ref && !is_null(row[f]) ? names.name_of(k.fields[f].ref_kind, as_text(row[f])) : "";
      cell.set("text", name.empty() ? display_value(k.fields[f], row[f], *data) : name);
      cell.set("label", field_label(k.fields[f]));  // the card's line label on a phone
      if (c == 0) cell.set("href", "/" + r.slug + "/" + httplib::detail::encode_query_param(record_key_text(k, row)));
      if (c == 0 && r.project_scope && outside_every_plan(*data, row)) cell.set("flag", "Ngoài kế hoạch");
      if (stored_as_integer(k.fields[f].type) && k.fields[f].type != FieldType::Bool) cell.set("num", true);
      cells.push_back(cell);
    }
    Data rd;
    rd.set("cells", cells);
    rows.push_back(rd);
  }
  Data filters = list();
  for (const std::string& name : r.filters) filters.push_back(form_field(k.field(name), ctx.param(name), "", false));
  int64_t pages = std::max<int64_t>(1, (page->total + kPageSize - 1) / kPageSize);
  Data d;
  d.set("title", r.title);
  d.set("slug", r.slug);
  d.set("q", ctx.param("q"));
  d.set("header", header);
  d.set("rows", rows);
  d.set("filters", filters);
  d.set("total", format_int(page->total));
  d.set("page", std::to_string(q.page));
  d.set("pages", std::to_string(pages));
  if (q.page > 1) d.set("prev", q.url_with({{"trang", std::to_string(q.page - 1)}}));
  if (q.page < pages) d.set("next", q.url_with({{"trang", std::to_string(q.page + 1)}}));
  if (q.query.include_archived) d.set("archived", true);
  if (!new_href.empty()) {
    d.set("new_href", new_href);
    d.set("new_label", new_label);
  }
  d.set("downloads", list_download_links(ctx, r, q, page->total));
  ctx.page(200, "registry_list", d, r.title);
}

namespace {

void list_page(RequestContext& ctx) {
  const Registry& r = registry_of(ctx);
  bool can_write = rights(r, ctx.role()).write;
  registry_list_page(ctx, r, can_write ? "/" + r.slug + "/moi" : "", "Thêm mới");
}

Data detail_data(RequestContext& ctx, const Registry& r, const Row& row) {
  const RecordKind& k = r.record_kind();
  auto data = ctx.app.dataset();
  Data fields = list();
  ReferenceNames names(*data, ctx.read_store());
  for (size_t i = 0; i < k.fields.size(); ++i) {
    Data f = names.cell(k.fields[i], row[i], true);
    f.set("label", field_label(k.fields[i]));
    fields.push_back(f);
  }
  std::string key = record_key_text(k, row);
  Data history = list();
  if (ctx.user()) {
    for (const AuditEntry& e : audit_of(ctx.store(), r.kind, key)) {
      history.push_back(audit_entry_view(e));
    }
  }
  Data d;
  d.set("title", r.title);
  d.set("slug", r.slug);
  d.set("key", key);
  d.set("name", record_name(k, row, key));  // the page is headed by the record's name, its code beside it
  d.set("key_url", httplib::detail::encode_query_param(key));
  d.set("fields", fields);
  d.set("history", history);
  d.set("csrf", ctx.csrf());
  d.set("archive_question", archive_question(r, key) + " " + kArchiveDetail);
  if (ctx.user()) d.set("signed_in", true);
  if (is_archived(ctx.store(), k, key)) d.set("archived", true);
  const User* u = ctx.user() ? &*ctx.user() : nullptr;
  if (rights(r, ctx.role()).write && in_scope(r, ctx.role(), u ? u->unit : "", u ? u->establishment : "", *data, row, ScopeUse::Writing))
    d.set("can_write", true);
  return d;
}

void detail_page(RequestContext& ctx) {
  const Registry& r = registry_of(ctx);
  std::optional<Row> row = visible_record(ctx, r, ctx.path(2));
  if (!row) return;
  ctx.page(200, "registry_detail", detail_data(ctx, r, *row), record_name(r.record_kind(), *row, ctx.path(2)));
}

// The create or edit form; `values` as typed (or loaded), `errors` beside their fields.
// `base`: the version (field values as JSON) the edit is based on; "" loads the current one.
void form_page(RequestContext& ctx, int status, const Registry& r, const FormValues& values, const FieldErrors& errors,
               const std::optional<std::string>& key, const std::string& notice = {}, std::string base = {}) {
  const RecordKind& k = r.record_kind();
  Data fields = list();
  for (const Field& f : k.fields) {
    std::string error;
    for (const auto& [name, message] : errors)
      if (name == f.name) error += (error.empty() ? "" : "; ") + message;
    bool is_key = std::find(k.key.begin(), k.key.end(), static_cast<size_t>(k.field_index(f.name))) != k.key.end();
    auto v = values.find(std::string(f.name));
    std::string value = v == values.end() ? "" : v->second;
    std::optional<PickerKind> picker = f.type == FieldType::Ref ? picker_kind_for(f.ref_kind) : std::nullopt;
    if (picker && !is_key)  // a reference is chosen by name (web/picker_fields.h)
      fields.push_back(picker_field(ctx, f, *picker, value, error, PickerQuery{}, ctx.param("tim_" + std::string(f.name))));
    else
      fields.push_back(form_field(f, value, error, key && is_key));
  }
  Data general = list();
  for (const auto& [name, message] : errors)
    if (name.empty()) general.push_back(Data(message));
  Data d;
  d.set("title", r.title);
  d.set("slug", r.slug);
  d.set("fields", fields);
  d.set("csrf", ctx.csrf());
  d.set("general_errors", general);
  if (!errors.empty()) d.set("has_errors", true);
  if (!notice.empty()) d.set("notice", notice);
  if (key) {
    d.set("editing", true);
    d.set("key", *key);
    d.set("action", "/" + r.slug + "/" + httplib::detail::encode_query_param(*key));
    if (base.empty()) {
      if (auto current = find_record(ctx.store(), k, *key)) base = nlohmann::json(form_values_of(k, *current)).dump();
    }
    d.set("base", base);
  } else {
    d.set("action", "/" + r.slug);
  }
  ctx.page(status, "registry_form", d, (key ? "Sửa " : "Thêm ") + r.title);
}

FormValues posted_values(RequestContext& ctx, const RecordKind& k) {
  FormValues v;
  for (const Field& f : k.fields) v[std::string(f.name)] = ctx.param(std::string(f.name));
  return v;
}

bool may_write(RequestContext& ctx, const Registry& r, const Row& row) {
  if (rights(r, ctx.role()).write && caller_in_scope(ctx, r, row, nullptr, ScopeUse::Writing)) return true;
  ctx.error(403, "Hồ sơ này nằm ngoài phạm vi bạn được phép thay đổi.");
  return false;
}

void create(RequestContext& ctx) {
  const Registry& r = registry_of(ctx);
  const RecordKind& k = r.record_kind();
  FormValues values = posted_values(ctx, k);
  if (picker_search_asked(ctx)) return form_page(ctx, 200, r, values, {}, std::nullopt);
  // A local officer places records only inside their own area: refused with every other
  // problem of the form, and nothing written.
  FieldErrors scope = registry_scope_problems(ctx, r, values);
  Transaction tx(ctx.store());
  EditResult result = create_record(ctx.store(), k, values, ctx.user()->username);
  if (!scope.empty() || !result.ok()) {
    scope.insert(scope.end(), result.errors.begin(), result.errors.end());
    name_successors(*ctx.app.dataset(), k, values, scope);
    form_page(ctx, 422, r, values, scope, std::nullopt);
    return;  // rolls back
  }
  tx.commit();
  ctx.app.changed(k.name, record_key_text(k, *result.saved));
  ctx.redirect("/" + r.slug + "/" + httplib::detail::encode_query_param(record_key_text(k, *result.saved)));
}

void update(RequestContext& ctx) {
  const Registry& r = registry_of(ctx);
  const RecordKind& k = r.record_kind();
  std::string key = ctx.path(2);
  std::optional<Row> current = visible_record(ctx, r, key);
  if (!current || !may_write(ctx, r, *current)) return;
  FormValues values = posted_values(ctx, k);
  if (picker_search_asked(ctx)) return form_page(ctx, 200, r, values, {}, key, {}, ctx.param("_goc"));
  FieldErrors scope = registry_scope_problems(ctx, r, values);
  Transaction tx(ctx.store());
  std::optional<EditResult> saved =
      save_form_edit(ctx, k, key, values, "hồ sơ", [&](const std::string& message, const std::string& base) {
        form_page(ctx, 409, r, values, {}, key, message, base);
      });
  if (!saved) return;  // rolls back
  EditResult& result = *saved;
  if (!scope.empty() || !result.ok()) {
    scope.insert(scope.end(), result.errors.begin(), result.errors.end());
    name_successors(*ctx.app.dataset(), k, values, scope);
    form_page(ctx, 422, r, values, scope, key, {}, ctx.param("_goc"));
    return;  // rolls back
  }
  tx.commit();
  ctx.app.changed(k.name, key);
  ctx.redirect("/" + r.slug + "/" + httplib::detail::encode_query_param(key));
}

void archive(RequestContext& ctx, bool archived) {
  const Registry& r = registry_of(ctx);
  std::string key = ctx.path(2);
  std::optional<Row> current = visible_record(ctx, r, key);
  if (!current || !may_write(ctx, r, *current)) return;
  std::string url = "/" + r.slug + "/" + httplib::detail::encode_query_param(key);
  if (archived && !confirmed(ctx, {archive_question(r, key), kArchiveDetail, "Có, lưu trữ", url}))
    return;
  set_archived(ctx.store(), r.record_kind(), key, archived, ctx.user()->username);
  ctx.app.changed(r.record_kind().name, key);
  ctx.redirect(url);
}

// Lists, details and forms are registered once per registry with its own access rule, so the
// route table (and the role × route test) names every registry.
void register_registry(App& app, const Registry& r) {
  std::vector<std::string> readers = kStaffRoles;
  readers.insert(readers.end(), r.readers.begin(), r.readers.end());
  Access read = r.public_read ? Access::public_access() : Access::only(readers);
  Access write = Access::only(r.writers);
  std::string base = "/(" + r.slug + ")";
  std::string id = r.kind;
  app.add({"GET", base, id + "_danh_sach", read, false, list_page});
  register_list_download(app, r, Access::only(readers));
  app.add({"GET", base + "/moi", id + "_them", write, false, [](RequestContext& ctx) {
             form_page(ctx, 200, registry_of(ctx), {}, {}, std::nullopt);
           }});
  app.add({"POST", base, id + "_tao", write, false, create});
  app.add({"GET", base + "/([^/]+)", id + "_chi_tiet", read, false, detail_page});
  app.add({"GET", base + "/([^/]+)/sua", id + "_sua", write, false, [](RequestContext& ctx) {
             const Registry& r = registry_of(ctx);
             std::optional<Row> row = visible_record(ctx, r, ctx.path(2));
             if (!row || !may_write(ctx, r, *row)) return;
             form_page(ctx, 200, r, form_values_of(r.record_kind(), *row), {}, ctx.path(2));
           }});
  app.add({"POST", base + "/([^/]+)", id + "_cap_nhat", write, false, update});
  app.add({"POST", base + "/([^/]+)/luu-tru", id + "_luu_tru", write, false,
           [](RequestContext& ctx) { archive(ctx, true); }});
  app.add({"POST", base + "/([^/]+)/bo-luu-tru", id + "_bo_luu_tru", write, false,
           [](RequestContext& ctx) { archive(ctx, false); }});
}

}  // namespace

void register_registry_pages(App& app) {
  // The index of the registries the caller may read.
  app.add({"GET", "/danh-muc", "danh_muc", Access::public_access(), false, [](RequestContext& ctx) {
             Data items = list();
             for (const Registry& r : registries()) {
               if (!rights(r, ctx.role()).read) continue;
               Data d;
               d.set("slug", r.slug);
               d.set("title", r.title);
               d.set("description", std::string(r.record_kind().description));
               items.push_back(d);
             }
             Data page;
             page.set("items", items);
             ctx.page(200, "registries", page, "Danh mục");
           }});
  for (const Registry& r : registries())
    if (!r.own_pages) register_registry(app, r);
}

}  // namespace kc::web
