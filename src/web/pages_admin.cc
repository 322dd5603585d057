// Administration: accounts (list, create, lock, unlock) and the audit trail search. Only the
// system administrator reaches these routes.
#include "accounts/accounts.h"
#include "audit/audit.h"
#include "schema/enums.h"
#include "web/pages.h"
#include "web/record_view.h"
#include "web/registries.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

const std::vector<std::string> kAdmin = {"quan_tri"};
constexpr const char* kAccountFields[] = {"ten_dang_nhap", "ho_ten", "vai_tro", "don_vi", "co_so", "mat_khau"};

void accounts_page(RequestContext& ctx, int status, const NewUser& entered, const FieldErrors& errors, const std::string& notice) {
  Data users = list();
  for (const User& u : list_users(ctx.store())) {
    Data d;
    d.set("username", u.username);
    d.set("name", u.name);
    d.set("role", role_label(u.role));
    d.set("scope", u.unit.empty() ? u.establishment : u.unit);
    d.set("active", u.active);
    users.push_back(d);
  }
  Data roles = list();
  for (const EnumValue& r : enums::kRole) {
    Data d;
    d.set("code", std::string(r.code));
    d.set("label", std::string(r.label));
    if (entered.role == r.code) d.set("selected", true);
    roles.push_back(d);
  }
  Data form;
  form.set("ten_dang_nhap", entered.username);
  form.set("ho_ten", entered.name);
  form.set("don_vi", entered.unit);
  form.set("co_so", entered.establishment);
  for (const auto& [field, message] : errors) form.set("error_" + field, message);
  Data page;
  page.set("users", users);
  page.set("roles", roles);
  page.set("form", form);
  page.set("csrf", ctx.csrf());
  if (!errors.empty()) page.set("has_errors", true);
  if (!notice.empty()) page.set("notice", notice);
  ctx.page(status, "accounts", page, "Tài khoản");
}

void create_account(RequestContext& ctx) {
  NewUser u{ctx.param("ten_dang_nhap"), ctx.param("ho_ten"), ctx.param("vai_tro"), ctx.param("don_vi"),
            ctx.param("co_so"), ctx.param("mat_khau")};
  FieldErrors errors = add_user(ctx.store(), u, ctx.user()->username);
  if (!errors.empty()) {
    u.password.clear();
    accounts_page(ctx, 422, u, errors, "");
    return;
  }
  accounts_page(ctx, 200, {}, {}, "Đã tạo tài khoản " + u.username + ".");
}

void set_active(RequestContext& ctx, bool active) {
  std::string username = ctx.path(1);
  if (active == false && username == ctx.user()->username) {
    accounts_page(ctx, 422, {}, {}, "Không thể tự khóa tài khoản đang dùng.");
    return;
  }
  if (!set_user_active(ctx.store(), username, active, ctx.user()->username)) {
    ctx.error(404, "Không có tài khoản " + username + ".");
    return;
  }
  ctx.redirect("/quan-tri/tai-khoan");
}

void audit_page(RequestContext& ctx) {
  std::string q = ctx.param("q");
  Data entries = list();
  for (const AuditEntry& e : search_audit(ctx.store(), q, 200)) {
    entries.push_back(audit_entry_view(e));
  }
  Data page;
  page.set("q", q);
  page.set("entries", entries);
  ctx.page(200, "audit", page, "Nhật ký thay đổi");
}

}  // namespace

void register_admin_pages(App& app) {
  app.add({"GET", "/quan-tri/tai-khoan", "tai_khoan", Access::only(kAdmin), false,
           [](RequestContext& ctx) { accounts_page(ctx, 200, {}, {}, ""); }});
  app.add({"POST", "/quan-tri/tai-khoan", "tai_khoan_tao", Access::only(kAdmin), false, create_account});
  app.add({"POST", R"(/quan-tri/tai-khoan/([a-z0-9._-]+)/khoa)", "tai_khoan_khoa", Access::only(kAdmin), false,
           [](RequestContext& ctx) { set_active(ctx, false); }});
  app.add({"POST", R"(/quan-tri/tai-khoan/([a-z0-9._-]+)/mo-khoa)", "tai_khoan_mo_khoa", Access::only(kAdmin), false,
           [](RequestContext& ctx) { set_active(ctx, true); }});
  app.add({"GET", "/quan-tri/nhat-ky", "nhat_ky", Access::only(kAdmin), false, audit_page});
}

}  // namespace kc::web
