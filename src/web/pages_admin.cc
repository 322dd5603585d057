// Administration: accounts (list, create, edit, lock, unlock, issue a password reset code) and
// the audit trail. Only the system administrator reaches these routes.
#include "accounts/accounts.h"
#include "accounts/password_reset.h"
#include "audit/audit.h"
#include "audit/audit_words.h"
#include "audit/local_time.h"
#include "core/clock.h"
#include "core/vn_format.h"
#include "schema/enums.h"
#include "store/store.h"
#include "text/collate.h"
#include "text/normalize.h"
#include "web/confirm.h"
#include "web/pages.h"
#include "web/password_pages.h"
#include "web/picker_fields.h"
#include "web/record_view.h"
#include "web/registries.h"
#include "web/reorganisation.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

const std::vector<std::string> kAdmin = {"quan_tri"};

// "Huyện Lục Ngạn (bg-luc-ngan)" or the establishment's name with its code; "" without scope.
std::string scope_text(Store& store, const Dataset& data, const User& u) {
  if (!u.unit.empty()) {
    int32_t i = data.unit_index(u.unit);
    return i >= 0 ? data.unit_display_name(i) + " (" + u.unit + ")" : u.unit;
  }
  if (u.establishment.empty()) return "";
  Row key(kind("co_so").fields.size());
  key[0] = u.establishment;
  auto row = store.find(kind("co_so"), key);
  return row ? as_text((*row)[1]) + " (" + u.establishment + ")" : u.establishment;
}

Data role_options(const std::string& selected) {
  Data roles = list();
  for (const EnumValue& r : enums::kRole) {
    Data d;
    d.set("code", std::string(r.code));
    d.set("label", std::string(r.label));
    if (selected == r.code) d.set("selected", true);
    roles.push_back(d);
  }
  return roles;
}

void accounts_page(RequestContext& ctx, int status, const NewUser& entered, const FieldErrors& errors, const std::string& notice);

// Local officers whose unit is no longer valid today, each with where they may be moved.
struct OfficerToMove {
  User user;
  std::vector<int32_t> candidates;
};

std::vector<OfficerToMove> officers_to_move(std::vector<User> users, const Dataset& data) {
  std::vector<OfficerToMove> out;
  for (User& u : users) {
    if (u.role != "dia_phuong" || !u.active) continue;
    std::vector<int32_t> c = move_candidates(data, data.unit_index(u.unit), today_in_vietnam());
    if (!c.empty()) out.push_back({std::move(u), std::move(c)});
  }
  return out;
}

void add_officers_to_move(Data& page, const std::vector<User>& users, const Dataset& data) {
  Data officers = list();
  std::vector<OfficerToMove> moving = officers_to_move(users, data);
  if (moving.empty()) return;
  for (const OfficerToMove& o : moving) {
    Data d;
    d.set("username", o.user.username);
    d.set("name", o.user.name);
    d.set("unit", data.unit_display_name(data.unit_index(o.user.unit)));
    Data options = list();
    for (int32_t c : o.candidates) {
      Data opt;
      opt.set("code", data.units[static_cast<size_t>(c)].code);
      opt.set("label", data.unit_display_name(c));
      options.push_back(opt);
    }
    d.set("options", options);
    officers.push_back(d);
  }
  page.set("has_officers_to_move", true);
  page.set("officers_to_move", officers);
}

// Moves every officer of an ended unit to the successor chosen beside them (the form's
// "don_vi.<username>"), each change audited as an account edit, all in one transaction.
void move_officers(RequestContext& ctx) {
  if (!confirmed(ctx, {"Chuyển các cán bộ sang đơn vị kế thừa?",
                       "Mỗi cán bộ có địa bàn đã kết thúc hiệu lực được chuyển sang đơn vị đã chọn bên cạnh; "
                       "có thể sửa lại từng tài khoản sau.",
                       "Có, chuyển", "/quan-tri/tai-khoan"}))
    return;
  auto data = ctx.app.dataset();
  Transaction tx(ctx.store());
  size_t moved = 0;
  for (const OfficerToMove& o : officers_to_move(list_users(ctx.store()), *data)) {
    std::string chosen = ctx.param("don_vi." + o.user.username);
    int32_t to = data->unit_index(chosen);
    if (std::find(o.candidates.begin(), o.candidates.end(), to) == o.candidates.end() || to < 0) {
      accounts_page(ctx, 422, {}, {}, "Đơn vị \"" + chosen + "\" không phải đơn vị kế thừa của địa bàn của " +
                                          o.user.username + "; chưa chuyển ai.");
      return;  // rolls back
    }
    bool found = false;
    FieldErrors errors = update_user(ctx.store(), o.user.username,
                                     {o.user.name, o.user.role, chosen, o.user.establishment}, ctx.user()->username, found);
    if (!errors.empty()) {
      accounts_page(ctx, 422, {}, {}, "Chưa chuyển được " + o.user.username + ": " + errors.front().second);
      return;
    }
    ++moved;
  }
  tx.commit();
  accounts_page(ctx, 200, {}, {}, "Đã chuyển " + std::to_string(moved) + " cán bộ sang đơn vị kế thừa.");
}

// The account's area and establishment, chosen by name (web/picker_fields.h), each with its error.
Data scope_fields(RequestContext& ctx, const std::string& unit, const std::string& establishment, const FieldErrors& errors) {
  const RecordKind& users = kind("nguoi_dung");
  auto error_of = [&](const char* field) {
    for (const auto& [name, message] : errors)
      if (name == field) return message;
    return std::string();
  };
  Data area = picker_field(ctx, users.field("don_vi"), PickerKind::Unit, unit, error_of("don_vi"), PickerQuery{},
                           ctx.param("tim_don_vi"));
  area.set("label", "Địa bàn phụ trách (với cán bộ địa phương)");
  Data own = picker_field(ctx, users.field("co_so"), PickerKind::Establishment, establishment, error_of("co_so"), PickerQuery{},
                          ctx.param("tim_co_so"));
  own.set("label", "Cơ sở (với tài khoản của cơ sở)");
  Data fields = list();
  fields.push_back(area);
  fields.push_back(own);
  return fields;
}

void accounts_page(RequestContext& ctx, int status, const NewUser& entered, const FieldErrors& errors, const std::string& notice) {
  auto data = ctx.app.dataset();
  std::vector<User> accounts = list_users(ctx.store());  // read once: the list and the officers to move
  Data users = list();
  for (const User& u : accounts) {
    Data d;
    d.set("username", u.username);
    d.set("name", u.name);
    d.set("role", role_label(u.role));
    d.set("scope", scope_text(ctx.store(), *data, u));
    d.set("active", u.active);
    users.push_back(d);
  }
  Data form;
  form.set("ten_dang_nhap", entered.username);
  form.set("ho_ten", entered.name);
  form.set("scope_fields", scope_fields(ctx, entered.unit, entered.establishment, errors));
  for (const auto& [field, message] : errors) form.set("error_" + field, message);
  Data page;
  add_officers_to_move(page, accounts, *data);
  page.set("users", users);
  page.set("roles", role_options(entered.role));
  page.set("form", form);
  page.set("csrf", ctx.csrf());
  if (!errors.empty()) page.set("has_errors", true);
  if (!notice.empty()) page.set("notice", notice);
  ctx.page(status, "accounts", page, "Tài khoản");
}

void accounts_list(RequestContext& ctx) {
  std::string saved = ctx.param("da-luu");
  accounts_page(ctx, 200, {}, {}, saved.empty() ? "" : "Đã lưu thay đổi của tài khoản " + saved + ".");
}

void create_account(RequestContext& ctx) {
  NewUser u{ctx.param("ten_dang_nhap"), ctx.param("ho_ten"), ctx.param("vai_tro"), ctx.param("don_vi"),
            ctx.param("co_so"), ctx.param("mat_khau")};
  if (picker_search_asked(ctx)) {  // a picker's "Tìm": the form again with the matches, nothing created
    u.password.clear();
    return accounts_page(ctx, 200, u, {}, "");
  }
  FieldErrors errors = add_user(ctx.store(), u, ctx.user()->username);
  if (!errors.empty()) {
    u.password.clear();
    accounts_page(ctx, 422, u, errors, "");
    return;
  }
  accounts_page(ctx, 200, {}, {}, "Đã tạo tài khoản " + u.username + ".");
}

void edit_form(RequestContext& ctx, int status, const std::string& username, const UserProfile& p,
               const FieldErrors& errors) {
  Data d;
  d.set("csrf", ctx.csrf());
  d.set("username", username);
  d.set("ho_ten", p.name);
  d.set("scope_fields", scope_fields(ctx, p.unit, p.establishment, errors));
  d.set("roles", role_options(p.role));
  set_field_errors(d, errors);
  ctx.page(status, "account_edit", d, "Sửa tài khoản " + username);
}

void edit_account(RequestContext& ctx) {
  std::optional<User> u = find_user(ctx.store(), ctx.path(1));
  if (!u) {
    ctx.error(404, "Không có tài khoản " + ctx.path(1) + ".");
    return;
  }
  edit_form(ctx, 200, u->username, {u->name, u->role, u->unit, u->establishment}, {});
}

void update_account(RequestContext& ctx) {
  std::string username = ctx.path(1);
  UserProfile p{ctx.param("ho_ten"), ctx.param("vai_tro"), ctx.param("don_vi"), ctx.param("co_so")};
  if (picker_search_asked(ctx)) return edit_form(ctx, 200, username, p, {});  // a picker's "Tìm"
  // The administrator keeps their own role: no one demotes the last administrator by mistake.
  if (username == ctx.user()->username && p.role != ctx.user()->role) {
    edit_form(ctx, 422, username, p, {{"vai_tro", "Không thể tự đổi vai trò của tài khoản đang dùng."}});
    return;
  }
  bool found = false;
  FieldErrors errors = update_user(ctx.store(), username, p, ctx.user()->username, found);
  if (!found) {
    ctx.error(404, "Không có tài khoản " + username + ".");
    return;
  }
  if (!errors.empty()) {
    edit_form(ctx, 422, username, p, errors);
    return;
  }
  ctx.redirect("/quan-tri/tai-khoan?da-luu=" + username);
}

// The code is shown on this answer only: it is stored as a hash and never shown again.
void issue_code(RequestContext& ctx) {
  std::string username = ctx.path(1);
  std::optional<IssuedResetCode> issued = issue_reset_code(ctx.store(), username, ctx.user()->username);
  if (!issued) {
    ctx.error(404, "Không có tài khoản " + username + ".");
    return;
  }
  ctx.res.set_header("Cache-Control", "no-store");
  Data d;
  d.set("username", username);
  d.set("code", issued->code);
  d.set("expires", local_time_text(issued->expires));
  ctx.page(200, "account_reset_code", d, "Mã đặt lại mật khẩu");
}

void set_active(RequestContext& ctx, bool active) {
  std::string username = ctx.path(1);
  if (active == false && username == ctx.user()->username) {
    accounts_page(ctx, 422, {}, {}, "Không thể tự khóa tài khoản đang dùng.");
    return;
  }
  // Locking asks first (a dialog with JavaScript, a page without: web/confirm.h).
  if (!active && !confirmed(ctx, {"Khóa tài khoản " + username + "?",
                                  "Người dùng này sẽ không đăng nhập được và mọi phiên đang mở của họ kết thúc; "
                                  "có thể mở khóa lại bất cứ lúc nào.",
                                  "Có, khóa tài khoản", "/quan-tri/tai-khoan"}))
    return;
  if (!set_user_active(ctx.store(), username, active, ctx.user()->username)) {
    ctx.error(404, "Không có tài khoản " + username + ".");
    return;
  }
  ctx.redirect("/quan-tri/tai-khoan");
}

constexpr int64_t kAuditPageSize = 50;

// The trail's filters as typed (kept in the form and the page links) and as the store takes them.
struct AuditQuery {
  std::string from, to, user, kind, key;
  int64_t page = 1;
  AuditFilter filter;
  FieldErrors errors;
};

AuditQuery read_audit_query(RequestContext& ctx) {
  AuditQuery q;
  q.from = ctx.param("tu_ngay");
  q.to = ctx.param("den_ngay");
  q.user = ctx.param("nguoi_dung");
  q.kind = ctx.param("loai_ho_so");
  q.key = ctx.param("ma_ho_so");
  q.filter.user = q.user;
  q.filter.kind = q.kind;
  q.filter.key = q.key;
  auto day = [&](const std::string& text, const char* field) -> std::optional<Date> {
    if (text.empty()) return std::nullopt;
    std::optional<Date> d = parse_date(text);
    if (!d) q.errors.emplace_back(field, "Ngày \"" + text + "\" không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 28/11/2026.");
    return d;
  };
  std::optional<Date> from = day(q.from, "tu_ngay"), to = day(q.to, "den_ngay");
  if (from && to && *to < *from) q.errors.emplace_back("den_ngay", "\"Đến ngày\" phải từ \"Từ ngày\" trở về sau.");
  // Local days (Asia/Ho_Chi_Minh), both ends included.
  if (from) q.filter.from_utc = utc_start_of_local_day(*from);
  if (to) q.filter.until_utc = utc_start_of_local_day(next_day(*to));
  if (!q.kind.empty() && !audit_kind(q.kind)) q.errors.emplace_back("loai_ho_so", "Không có loại hồ sơ \"" + q.kind + "\".");
  std::string page = ctx.param("trang");
  if (!page.empty()) {
    if (page.size() > 6 || page.find_first_not_of("0123456789") != std::string::npos || std::stoll(page) < 1)
      q.errors.emplace_back("trang", "Số trang \"" + page + "\" không hợp lệ.");
    else
      q.page = std::stoll(page);
  }
  return q;
}

// The query string of the trail with these filters, at page `page`.
std::string audit_link(const AuditQuery& q, int64_t page) {
  std::string link = "/quan-tri/nhat-ky?";
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) link += std::string(name) + "=" + httplib::detail::encode_query_param(value) + "&";
  };
  add("tu_ngay", q.from);
  add("den_ngay", q.to);
  add("nguoi_dung", q.user);
  add("loai_ho_so", q.kind);
  add("ma_ho_so", q.key);
  link += "trang=" + std::to_string(page);
  return link;
}

void audit_page(RequestContext& ctx) {
  AuditQuery q = read_audit_query(ctx);
  std::map<std::string, std::string> names;  // user name -> full name
  std::vector<User> accounts = list_users(ctx.store());  // read once: the list and the officers to move
  Data users = list();
  std::vector<const User*> by_name;  // the dropdown offers people by name, in Vietnamese order
  for (const User& u : accounts) by_name.push_back(&u);
  sort_by_name_vi(by_name, [](const User* u) { return std::string_view(u->name); });
  for (const User* account : by_name) {
    const User& u = *account;
    names[u.username] = u.name;
    Data o;
    o.set("code", u.username);
    o.set("label", u.name + " (" + u.username + ")");
    if (u.username == q.user) o.set("selected", true);
    users.push_back(o);
  }
  Data kinds = list();
  for (const RecordKind* k : all_kinds()) {
    Data o;
    o.set("code", std::string(k->name));
    o.set("label", upper_first_vi(k->label));
    if (k->name == q.kind) o.set("selected", true);
    kinds.push_back(o);
  }
  Data page;
  page.set("tu_ngay", q.from);
  page.set("den_ngay", q.to);
  page.set("ma_ho_so", q.key);
  page.set("users", users);
  page.set("kinds", kinds);
  set_field_errors(page, q.errors);
  Data entries = list();
  if (q.errors.empty()) {
    auto data = ctx.app.dataset();
    AuditPage found = find_audit(ctx.read_store(), q.filter, (q.page - 1) * kAuditPageSize, kAuditPageSize);
    for (const AuditEntry& e : found.entries) {
      Data d = audit_entry_view(e, data.get());
      if (auto it = names.find(e.user); it != names.end()) d.set("user", it->second + " (" + e.user + ")");
      entries.push_back(d);
    }
    int64_t pages = std::max<int64_t>(1, (found.total + kAuditPageSize - 1) / kAuditPageSize);
    page.set("summary", format_int(found.total) + " mục" +
                            (found.total > kAuditPageSize ? ", trang " + format_int(q.page) + "/" + format_int(pages) : ""));
    if (q.page > 1) page.set("previous", audit_link(q, std::min(q.page - 1, pages)));
    if (q.page < pages) page.set("next", audit_link(q, q.page + 1));
  }
  page.set("entries", entries);
  ctx.page(q.errors.empty() ? 200 : 422, "audit", page, "Nhật ký thay đổi");
}

}  // namespace

void register_admin_pages(App& app) {
  app.add({"GET", "/quan-tri/tai-khoan", "tai_khoan", Access::only(kAdmin), false, accounts_list});
  app.add({"POST", "/quan-tri/tai-khoan", "tai_khoan_tao", Access::only(kAdmin), false, create_account});
  app.add({"GET", R"(/quan-tri/tai-khoan/([a-z0-9._-]+))", "tai_khoan_sua", Access::only(kAdmin), false, edit_account});
  app.add({"POST", R"(/quan-tri/tai-khoan/([a-z0-9._-]+))", "tai_khoan_cap_nhat", Access::only(kAdmin), false,
           update_account});
  app.add({"POST", R"(/quan-tri/tai-khoan/([a-z0-9._-]+)/ma-dat-lai)", "tai_khoan_ma_dat_lai", Access::only(kAdmin),
           false, issue_code});
  app.add({"POST", R"(/quan-tri/tai-khoan/([a-z0-9._-]+)/khoa)", "tai_khoan_khoa", Access::only(kAdmin), false,
           [](RequestContext& ctx) { set_active(ctx, false); }});
  app.add({"POST", R"(/quan-tri/tai-khoan/([a-z0-9._-]+)/mo-khoa)", "tai_khoan_mo_khoa", Access::only(kAdmin), false,
           [](RequestContext& ctx) { set_active(ctx, true); }});
  app.add({"POST", "/quan-tri/chuyen-don-vi-ke-thua", "chuyen_don_vi_ke_thua", Access::only(kAdmin), false, move_officers});
  app.add({"GET", "/quan-tri/nhat-ky", "nhat_ky", Access::only(kAdmin), false, audit_page});
}

}  // namespace kc::web
