// The home page of each role, "Việc của tôi" (/viec-cua-toi): what waits for the signed-in
// caller (home_work.h computes the lists), each item naming its project and linking to the
// step to take; a local officer also sees their area's projects by status, the administrator
// the latest changes.
#include <mutex>

#include "audit/audit.h"
#include "core/clock.h"
#include "core/vn_format.h"
#include "projects/lifecycle.h"
#include "web/home_work.h"
#include "web/reorganisation.h"
#include "web/pages.h"
#include "web/templates.h"
#include "web/record_view.h"
#include "web/rendered_cache.h"
#include "web/report_drafts_view.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

std::string intro_for(const std::string& role) {
  if (role == "trung_tam") return "Đề án chờ Trung tâm thẩm định, triển khai, nghiệm thu và quyết toán; điều chỉnh đang chờ duyệt; báo cáo cần soạn, sửa.";
  if (role == "so_cong_thuong") return "Đề án và điều chỉnh chờ Sở Công Thương phê duyệt; đề án chờ hậu kiểm; báo cáo chờ duyệt, chờ ban hành.";
  if (role == "dia_phuong") return "Đề án trên địa bàn của bạn và việc đang chờ bạn.";
  if (role == "co_so") return "Đề án của cơ sở, nhu cầu đã đăng ký và các báo cáo cơ sở cần gửi.";
  return "Tài khoản cần xem xét và các thay đổi gần đây.";
}

Data section_view(const WorkSection& s) {
  Data items = list();
  for (const WorkItem& item : s.items) {
    Data d;
    d.set("code", item.code);
    d.set("name", item.name.empty() ? item.code : item.name);
    d.set("note", item.note);
    d.set("has_note", !item.note.empty());
    d.set("href", s.accounts  ? std::string("/quan-tri/tai-khoan")
                  : s.reports ? report_href(item.code)
                              : "/de-an/" + item.code + (s.step_anchor.empty() ? "" : "#" + s.step_anchor));
    items.push_back(d);
  }
  Data d;
  d.set("id", s.id);
  d.set("title", s.title);
  d.set("rule", s.rule);
  d.set("total", format_int(s.total));
  d.set("count", std::to_string(s.total));  // data-cho: what the navigation's count adds up
  d.set("waiting", s.waiting);
  d.set("items", items);
  d.set("has_items", !s.items.empty());
  d.set("more", !s.more_href.empty() && s.total > static_cast<int64_t>(s.items.size()));
  d.set("more_href", s.more_href);
  d.set("more_label", s.more_label.empty() ? "Xem tất cả " + format_int(s.total) : s.more_label);
  return d;
}

// The local officer's area by status: counts and state budget in million đồng.
void add_figures(Data& page, const Work& w, RequestContext& ctx) {
  if (w.by_status.empty()) return;
  Data figures = list();
  int64_t count = 0, budget = 0;
  for (const StatusFigure& f : w.by_status) {
    Data d;
    d.set("status", f.status);
    d.set("label", status_label(f.status));
    d.set("count", format_int(f.count));
    d.set("budget", format_million_dong(f.budget));
    figures.push_back(d);
    count += f.count;
    budget += f.budget;
  }
  std::shared_ptr<const Dataset> data = ctx.app.dataset();
  int32_t unit = data->unit_index(ctx.user()->unit);
  page.set("area", unit >= 0 ? data->unit_display_name(unit) : ctx.user()->unit);
  page.set("has_figures", true);
  page.set("figures", figures);
  page.set("total_count", format_int(count));
  page.set("total_budget", format_million_dong(budget));
}

// The administrator's ten latest audit entries (the trail's time index gives them directly),
// remembered for one App::write_version: every change the trail records comes with a write.
std::vector<AuditEntry> read_recent_audit(Store& store);

std::vector<AuditEntry> recent_audit(RequestContext& ctx) {
  static std::mutex mutex;
  static const App* app = nullptr;
  static uint64_t version = 0;
  static std::vector<AuditEntry> entries;
  uint64_t now = ctx.app.write_version();
  {
    std::lock_guard lock(mutex);
    if (app == &ctx.app && version == now) return entries;
  }
  std::vector<AuditEntry> read = read_recent_audit(ctx.store());
  std::lock_guard lock(mutex);
  app = &ctx.app;
  version = now;
  entries = read;
  return read;
}

std::vector<AuditEntry> read_recent_audit(Store& store) {
  const RecordKind& k = kind("nhat_ky");
  ListQuery q;
  q.sort_field = static_cast<size_t>(k.field_index("thoi_diem"));
  q.descending = true;
  q.limit = 10;
  q.known_total = 0;  // the count is not shown
  std::vector<AuditEntry> entries;
  for (const Row& r : store.list(k, q).rows) {
    AuditEntry& e = entries.emplace_back();
    std::string* parts[] = {&e.id, &e.time, &e.user, &e.action, &e.kind, &e.key, &e.before, &e.after, &e.note};
    for (size_t i = 0; i < std::size(parts); ++i) *parts[i] = std::string(text_or_empty(r[i]));
  }
  return entries;
}

// What a home page is rendered from.
struct HomeState {
  const App* app = nullptr;
  uint64_t data_version = 0;
  int day = 0;
  Work work;
  std::string area_notice;          // a local officer's
  std::vector<AuditEntry> audit;    // the administrator's
  bool operator==(const HomeState&) const = default;
};

std::string render_my_work(RequestContext& ctx, const HomeState& state) {
  const std::string& role = ctx.user()->role;
  Data sections = list();
  for (const WorkSection& s : state.work.sections) sections.push_back(section_view(s));
  Data page;
  page.set("intro", intro_for(role));
  page.set("sections", sections);
  page.set("register_need", role == "co_so");
  if (role == "dia_phuong") page.set("area_notice", state.area_notice);
  add_figures(page, state.work, ctx);
  if (role == "quan_tri") {
    Data entries = list();
    for (const AuditEntry& e : state.audit) entries.push_back(audit_entry_view(e));
    page.set("has_audit", true);
    page.set("audit", entries);
  }
  return render_template("my_work", page);
}

void my_work_page(RequestContext& ctx) {
  static RenderedCache<HomeState> rendered("home_page", 256);  // callers between two changes, ~30 kB each
  const User& user = *ctx.user();
  Date today = today_in_vietnam();
  HomeState state{&ctx.app, ctx.app.data_version(), today.ordinal(), work_for(ctx, today, true), "", {}};
  if (user.role == "dia_phuong") state.area_notice = abolished_area_notice(*ctx.app.dataset(), user.unit, today);
  if (user.role == "quan_tri") state.audit = recent_audit(ctx);
  ctx.known_waiting_count = state.work.waiting_total();
  std::string who = caller_key(user);
  std::shared_ptr<const std::string> content =
      rendered.find_or_render(who, state, [&] { return render_my_work(ctx, state); });
  ctx.page_rendered(200, *content, "Việc của tôi");
}

}  // namespace

void register_home_pages(App& app) {
  app.add({"GET", kHomePath, "viec_cua_toi", Access::any_user(), false, my_work_page});
}

}  // namespace kc::web
