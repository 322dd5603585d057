// The registries as a JSON API under /api/<slug>: list (search, filters, sort, paging), detail
// with its version as ETag, create, full replacement guarded by If-Match, archive. The same
// access rules and scopes as the pages (pages_registry.cc), the same validation
// (record_editing), answers and errors in JSON with Vietnamese messages.
#include <charconv>

#include "records/record_editing.h"
#include "schema/record_key.h"
#include "web/api_json.h"
#include "web/pages.h"
#include "web/registries.h"
#include "web/registry_query.h"
#include "web/reorganisation.h"
#include "web/request_context.h"
#include "web/write_scope.h"

namespace kc::web {

namespace {

constexpr int64_t kDefaultPageSize = 50;
constexpr int64_t kMaxPageSize = 500;
constexpr int64_t kMaxPage = 1000000000;

std::string record_url(const Registry& r, const std::string& key) {
  return "/api/" + r.slug + "/" + httplib::detail::encode_query_param(key);
}

std::string etag_text(const std::string& version) { return "\"" + version + "\""; }

// A version sent back in If-Match / If-None-Match: quotes and a weak mark are dropped.
std::string bare_version(std::string v) {
  if (v.rfind("W/", 0) == 0) v.erase(0, 2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return v;
}

bool caller_scope_covers(RequestContext& ctx, const Registry& r, const Row& row) {
  return caller_in_scope(ctx, r, row, nullptr);
}

// The record named in the URL when the caller may see it; otherwise answers 404.
std::optional<Row> visible_record(RequestContext& ctx, Store& store, const Registry& r, const std::string& key) {
  std::optional<Row> row = find_record(store, r.record_kind(), key);
  if (!row || !caller_scope_covers(ctx, r, *row)) {
    ctx.error(404, "Không tìm thấy " + std::string(r.record_kind().label) + " mã \"" + key + "\".");
    return std::nullopt;
  }
  return row;
}

bool may_write(RequestContext& ctx, const Registry& r, const Row& row) {
  if (rights(r, ctx.role()).write && caller_in_scope(ctx, r, row, nullptr, ScopeUse::Writing)) return true;
  ctx.error(403, "Hồ sơ này nằm ngoài phạm vi bạn được phép thay đổi.");
  return false;
}

// Refuses members that are not fields of the kind, naming them; true when there are none.
bool only_known_fields(RequestContext& ctx, const Registry& r, const JsonRecordInput& in) {
  if (in.unknown.empty()) return true;
  std::string names;
  FieldErrors errors;
  for (const std::string& name : in.unknown) {
    names += (names.empty() ? "\"" : ", \"") + name + "\"";
    errors.emplace_back(name, "không có trường \"" + name + "\" trong " + std::string(r.record_kind().label));
  }
  OrderedJson fields = OrderedJson::object();
  for (const auto& [name, message] : errors) fields[name] = message;
  send_json(ctx, 422, {{"loi", "Hồ sơ chưa được lưu: " + r.title + " không có trường " + names + "."},
                       {"ma_loi", 422},
                       {"truong", fields}});
  return false;
}

// A local officer may only place records inside their own area (on create and on change).
bool within_caller_area(RequestContext& ctx, const Registry& r, const FormValues& values) {
  FieldErrors scope = registry_scope_problems(ctx, r, values);
  if (scope.empty()) return true;
  send_field_errors(ctx, scope);
  return false;
}

// A whole-number query parameter within [min, max]; `value` keeps its default when absent.
bool whole_param(RequestContext& ctx, const std::string& name, int64_t min, int64_t max, int64_t& value) {
  std::string text = ctx.param(name);
  if (text.empty()) return true;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec == std::errc() && end == text.data() + text.size() && n >= min && n <= max) {
    value = n;
    return true;
  }
  ctx.error(400, "Tham số \"" + name + "\" phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) +
                     "; gặp \"" + text + "\".");
  return false;
}

bool switch_param(RequestContext& ctx, const std::string& name) {
  std::string text = ctx.param(name);
  if (text.empty() || text == "0" || text == "1") return true;
  ctx.error(400, "Tham số \"" + name + "\" phải là 1 (có) hoặc 0 (không); gặp \"" + text + "\".");
  return false;
}

// The list's parameters, checked before registry_query reads them (which would ignore bad ones).
bool list_params_ok(RequestContext& ctx, const Registry& r, int64_t& page_size) {
  const RecordKind& k = r.record_kind();
  int64_t page = 1;
  if (!whole_param(ctx, "kich_thuoc", 1, kMaxPageSize, page_size) || !whole_param(ctx, "trang", 1, kMaxPage, page) ||
      !switch_param(ctx, "giam") || !switch_param(ctx, "luu_tru"))
    return false;
  if (std::string sort = ctx.param("sap_xep"); !sort.empty() && k.field_index(sort) < 0) {
    std::string names;
    for (const Field& f : k.fields) names += (names.empty() ? "" : ", ") + std::string(f.name);
    ctx.error(400, "Tham số \"sap_xep\" phải là tên một trường của " + std::string(k.label) + " (" + names +
                       "); gặp \"" + sort + "\".");
    return false;
  }
  for (const std::string& name : r.filters) {
    std::string v = ctx.param(name);
    if (v.empty()) continue;
    ParsedField parsed = parse_field(k.field(name), v);
    if (!parsed.ok()) {
      ctx.error(400, "Tham số \"" + name + "\" (" + std::string(k.field(name).label) + ") không hợp lệ: " + parsed.error + ".");
      return false;
    }
  }
  return true;
}

void list_records(RequestContext& ctx, const Registry& r) {
  int64_t page_size = kDefaultPageSize;
  if (!list_params_ok(ctx, r, page_size)) return;
  const RecordKind& k = r.record_kind();
  RegistryQuery q = registry_query(ctx, r, page_size);
  // {"tong", "trang", "kich_thuoc", "ban_ghi": [records]}, written directly (append_record_json),
  // once per page and data version (ListCache::rendered).
  auto render = [&](const ListPage& page) {
    std::string body = "{\"tong\":" + std::to_string(page.total) + ",\"trang\":" + std::to_string(q.page) +
                       ",\"kich_thuoc\":" + std::to_string(page_size) + ",\"ban_ghi\":[";
    body.reserve(body.size() + page.rows.size() * 512);
    for (size_t i = 0; i < page.rows.size(); ++i) {
      if (i > 0) body += ',';
      append_record_json(body, k, page.rows[i]);
    }
    body += "]}";
    return body;
  };
  std::shared_ptr<const std::string> body = ctx.app.list_cache().rendered(ctx.read_store(), k, q.query, ctx.app.data_version(),
                                                                          ctx.app.read_router() == nullptr, render);
  ctx.res.status = 200;
  ctx.res.set_content(*body, "application/json; charset=utf-8");
}

void show_record(RequestContext& ctx, const Registry& r) {
  const RecordKind& k = r.record_kind();
  std::string key = ctx.path(1);
  Store& store = ctx.read_store();
  std::optional<Row> row = visible_record(ctx, store, r, key);
  if (!row) return;
  std::string version = record_version(k, *row);
  ctx.res.set_header("ETag", etag_text(version));
  ctx.res.set_header("Cache-Control", "private, no-cache");
  if (bare_version(ctx.req.get_header_value("If-None-Match")) == version) {
    ctx.res.status = 304;
    return;
  }
  send_json(ctx, 200, {{"ban_ghi", record_to_json(k, *row)}, {"phien_ban", version}, {"luu_tru", is_archived(store, k, key)}});
}

// 201 or 200 with the record as saved, its version as ETag.
void send_saved(RequestContext& ctx, int status, const Registry& r, const Row& row) {
  const RecordKind& k = r.record_kind();
  std::string version = record_version(k, row);
  ctx.res.set_header("ETag", etag_text(version));
  if (status == 201) ctx.res.set_header("Location", record_url(r, record_key_text(k, row)));
  send_json(ctx, status, {{"ban_ghi", record_to_json(k, row)}, {"phien_ban", version}});
}

// A refused write's problems, a unit that ended before the record's period named with its successors.
void send_refused(RequestContext& ctx, const RecordKind& k, const FormValues& values, FieldErrors errors) {
  name_successors(*ctx.app.dataset(), k, values, errors);
  send_field_errors(ctx, errors);
}

void create(RequestContext& ctx, const Registry& r) {
  const RecordKind& k = r.record_kind();
  std::optional<nlohmann::json> body = json_object_body(ctx);
  if (!body) return;
  JsonRecordInput in = record_input_from_json(k, *body);
  if (!only_known_fields(ctx, r, in)) return;
  if (!in.errors.empty()) return send_field_errors(ctx, in.errors);
  if (!within_caller_area(ctx, r, in.values)) return;
  EditResult result = create_record(ctx.store(), k, in.values, ctx.user()->username);
  if (!result.ok()) return send_refused(ctx, k, in.values, result.errors);
  ctx.app.changed(k.name, record_key_text(k, *result.saved));
  send_saved(ctx, 201, r, *result.saved);
}

// The version the client's change is based on: If-Match, or "phien_ban" in the body.
std::optional<std::string> base_version(RequestContext& ctx, const nlohmann::json& body) {
  if (std::string h = ctx.req.get_header_value("If-Match"); !h.empty()) return bare_version(h);
  auto v = body.find("phien_ban");
  if (v != body.end() && v->is_string() && !v->get<std::string>().empty()) return v->get<std::string>();
  ctx.error(428, "Thiếu phiên bản của hồ sơ: hãy gửi tiêu đề If-Match (hoặc trường \"phien_ban\") với phiên bản nhận được "
                 "khi đọc hồ sơ, để không ghi đè thay đổi của người khác.");
  return std::nullopt;
}

// Key fields may be sent on a replacement, but only with their current value.
bool key_unchanged(RequestContext& ctx, const RecordKind& k, const Row& current, const FormValues& values) {
  FieldErrors errors;
  for (size_t i : k.key) {
    const Field& f = k.fields[i];
    auto v = values.find(std::string(f.name));
    if (v == values.end()) continue;
    ParsedField p = parse_field(f, v->second);
    if (!p.ok() || p.value != current[i])
      errors.emplace_back(std::string(f.name), std::string(f.label) + ": không được đổi mã của hồ sơ; mã hiện tại là \"" +
                                                   format_field(f, current[i]) + "\"");
  }
  if (errors.empty()) return true;
  send_field_errors(ctx, errors);
  return false;
}

void replace(RequestContext& ctx, const Registry& r) {
  const RecordKind& k = r.record_kind();
  std::string key = ctx.path(1);
  Store& store = ctx.store();
  std::optional<Row> current = visible_record(ctx, store, r, key);
  if (!current || !may_write(ctx, r, *current)) return;
  std::optional<nlohmann::json> body = json_object_body(ctx);
  if (!body) return;
  std::optional<std::string> version = base_version(ctx, *body);
  if (!version) return;
  JsonRecordInput in = record_input_from_json(k, *body, {"phien_ban"});
  if (!only_known_fields(ctx, r, in)) return;
  if (!in.errors.empty()) return send_field_errors(ctx, in.errors);
  if (!key_unchanged(ctx, k, *current, in.values) || !within_caller_area(ctx, r, in.values)) return;
  EditResult result = update_record(store, k, key, in.values, EditBase{std::nullopt, *version}, ctx.user()->username);
  if (result.conflict) {
    const Row& now = result.conflict->current;
    send_json(ctx, 409,
              {{"loi", "Hồ sơ đã được người khác thay đổi sau khi bạn đọc nên chưa được lưu. Bản hiện tại nằm trong "
                       "\"hien_tai\"; hãy xem lại rồi gửi lại với phiên bản \"phien_ban\" mới."},
               {"ma_loi", 409},
               {"hien_tai", record_to_json(k, now)},
               {"phien_ban", record_version(k, now)}});
    return;
  }
  if (!result.ok()) return send_refused(ctx, k, in.values, result.errors);
  ctx.app.changed(k.name, key);
  send_saved(ctx, 200, r, *result.saved);
}

void archive(RequestContext& ctx, const Registry& r, bool archived) {
  std::string key = ctx.path(1);
  Store& store = ctx.store();
  std::optional<Row> current = visible_record(ctx, store, r, key);
  if (!current || !may_write(ctx, r, *current)) return;
  set_archived(store, r.record_kind(), key, archived, ctx.user()->username);
  ctx.app.changed(r.record_kind().name, key);
  send_json(ctx, 200, {{"luu_tru", archived}});
}

// One set of routes per registry, with the access rules of its pages; the registry is bound
// into each handler, so the URL holds only the record's key.
void register_one(App& app, const Registry& r) {
  std::vector<std::string> readers = kStaffRoles;
  readers.insert(readers.end(), r.readers.begin(), r.readers.end());
  Access read = r.public_read ? Access::public_access() : Access::only(readers);
  Access write = Access::only(r.writers);
  std::string base = "/api/" + r.slug, record = base + "/([^/]+)", id = r.kind + "_api";
  const Registry* reg = &r;
  app.add({"GET", base, id + "_danh_sach", read, true, [reg](RequestContext& ctx) { list_records(ctx, *reg); }});
  app.add({"GET", record, id + "_chi_tiet", read, true, [reg](RequestContext& ctx) { show_record(ctx, *reg); }});
  if (r.own_pages) return;  // projects change through their lifecycle (api_projects.cc)
  app.add({"POST", base, id + "_tao", write, true, [reg](RequestContext& ctx) { create(ctx, *reg); }});
  app.add({"PUT", record, id + "_cap_nhat", write, true, [reg](RequestContext& ctx) { replace(ctx, *reg); }});
  app.add({"POST", record + "/luu-tru", id + "_luu_tru", write, true,
           [reg](RequestContext& ctx) { archive(ctx, *reg, true); }});
  app.add({"POST", record + "/bo-luu-tru", id + "_bo_luu_tru", write, true,
           [reg](RequestContext& ctx) { archive(ctx, *reg, false); }});
}

}  // namespace

void register_registry_api(App& app) {
  for (const Registry& r : registries()) register_one(app, r);
}

}  // namespace kc::web
