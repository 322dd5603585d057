#include "web/home_work.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "accounts/accounts.h"
#include "core/clock.h"
#include "drafts/report_drafts.h"
#include "projects/lifecycle.h"
#include "schema/enums.h"
#include "web/registries.h"
#include "web/request_context.h"
#include "web/single_flight.h"

namespace kc::web {

std::string home_path_for(const std::string& role) {
  static const std::vector<std::string> with_home = {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};
  return std::find(with_home.begin(), with_home.end(), role) != with_home.end() ? kHomePath : "/";
}

int64_t Work::waiting_total() const {
  int64_t n = 0;
  for (const WorkSection& s : sections)
    if (s.waiting) n += s.total;
  return n;
}

Date settlement_deadline(const Row& project) {
  const RecordKind& k = kind("de_an");
  int year = static_cast<int>(as_int(project[static_cast<size_t>(k.field_index("nam_ket_thuc"))]));
  const Value& accepted = project[static_cast<size_t>(k.field_index("ngay_nghiem_thu"))];
  if (!is_null(accepted))
    if (std::optional<Date> d = parse_date(as_text(accepted))) year = d->year;
  return Date{year + 1, 1, 22};
}

namespace {

// One project as the progress-report rule sees it, from the Dataset or from a database row.
struct Fact {
  const std::string* code;
  const std::string* status;
};

// A list being filled: every match counts, the first kListedItems are kept.
struct Builder {
  WorkSection section;
  // The item when it is among the listed ones, else nullptr.
  WorkItem* add(const std::string& code, std::string note = {}) {
    ++section.total;
    if (section.items.size() >= kListedItems) return nullptr;
    section.items.push_back({code, "", std::move(note)});
    return &section.items.back();
  }
};

Builder make(std::string id, std::string title, std::string rule, std::string anchor, std::string more, bool waiting = true) {
  Builder b;
  b.section.id = std::move(id);
  b.section.title = std::move(title);
  b.section.rule = std::move(rule);
  b.section.step_anchor = std::move(anchor);
  b.section.more_href = std::move(more);
  b.section.waiting = waiting;
  return b;
}

std::string more_of(const std::string& status) { return "/de-an?trang_thai=" + status; }

// A list whose link opens every project in progress, not only those of the list.
Builder within_in_progress(Builder b) {
  b.section.more_label = "Xem mọi đề án đang thực hiện";
  return b;
}

// ---- Progress reports ----

// The latest day each of `codes` reported: a progress report or the step into "đang thực hiện".
using ReportDates = std::unordered_map<std::string, Date>;

ReportDates last_report_dates(Store& store, const std::vector<std::string>& codes) {
  const RecordKind& events = kind("de_an_su_kien");
  const size_t project = static_cast<size_t>(events.field_index("de_an"));
  const size_t type = static_cast<size_t>(events.field_index("loai"));
  const size_t to = static_cast<size_t>(events.field_index("den_trang_thai"));
  const size_t day = static_cast<size_t>(events.field_index("ngay"));
  ReportDates out;
  constexpr size_t kChunk = 500;  // well under every engine's limit of bound parameters
  for (size_t start = 0; start < codes.size(); start += kChunk) {
    ListQuery q;
    std::vector<Value> chunk;
    for (size_t i = start; i < std::min(codes.size(), start + kChunk); ++i) chunk.emplace_back(codes[i]);
    q.any_of.emplace_back(project, std::move(chunk));
    // Only the reports: the database leaves out every other step.
    q.any_of_either = {{type, {Value{std::string("bao_cao_tien_do")}}}, {to, {Value{std::string("dang_thuc_hien")}}}};
    q.limit = 10'000'000;
    for (const Row& r : store.list(events, q).rows) {
      std::optional<Date> d = parse_date(text_or_empty(r[day]));
      if (!d) continue;
      auto [it, added] = out.emplace(as_text(r[project]), *d);
      if (!added && it->second < *d) it->second = *d;
    }
  }
  return out;
}

// last_report_dates for every project in progress of the Dataset, read once per data version
// (the events change only with a change through this server, which advances the version).
std::shared_ptr<const ReportDates> dataset_report_dates(RequestContext& ctx, const Dataset& data) {
  static std::mutex mutex;
  static const App* app = nullptr;
  static uint64_t version = 0;
  static std::weak_ptr<const Dataset> source;  // a new App's Dataset never matches an old entry
  static std::shared_ptr<const ReportDates> dates;
  uint64_t now = ctx.app.data_version();
  std::lock_guard lock(mutex);
  std::shared_ptr<const Dataset> current = ctx.app.dataset();
  if (dates && app == &ctx.app && version == now && source.lock() == current) return dates;
  std::vector<std::string> codes;
  for (size_t i = 0; i < data.projects.size(); ++i)
    if (data.projects.status[i] == "dang_thuc_hien") codes.push_back(data.projects.code[i]);
  dates = std::make_shared<const ReportDates>(last_report_dates(ctx.read_store(), codes));
  app = &ctx.app;
  version = now;
  source = current;
  return dates;
}

Date months_before(const Date& d, int months) {
  int m = d.month - months, y = d.year;
  while (m <= 0) {
    m += 12;
    --y;
  }
  return Date{y, m, std::min(d.day, 28)};
}

Builder progress_reports() {
  return within_in_progress(make("bao-cao-tien-do", "Báo cáo tiến độ đến hạn",
                                 "Đề án đang thực hiện chưa có báo cáo tiến độ (hay bước bắt đầu thực hiện) trong " +
                                     std::to_string(kProgressReportMonths) + " tháng qua.",
                                 "buoc-dang_thuc_hien-tien-do", more_of("dang_thuc_hien")));
}

void add_if_report_due(Builder& b, const Fact& f, const ReportDates& dates, const Date& since) {
  if (*f.status != "dang_thuc_hien") return;
  auto it = dates.find(*f.code);
  if (it == dates.end())
    b.add(*f.code, "chưa có báo cáo tiến độ");
  else if (it->second < since)
    b.add(*f.code, "báo cáo gần nhất " + to_vn(it->second));
}

// ---- Amendments ----

Builder pending_amendments(Store& store) {
  Builder b = make("dieu-chinh-cho-duyet", "Điều chỉnh chờ phê duyệt",
                   "Đề nghị điều chỉnh (kinh phí, tiến độ, địa bàn, cơ sở thụ hưởng) chưa được Sở Công Thương xem xét.",
                   "dieu-chinh", "");
  const RecordKind& k = kind("dieu_chinh");
  const size_t project = static_cast<size_t>(k.field_index("de_an"));
  const Field& what = k.field("noi_dung_dieu_chinh");
  ListQuery q;
  q.equals.emplace_back(static_cast<size_t>(k.field_index("trang_thai")), Value{std::string("cho_duyet")});
  q.sort_field = static_cast<size_t>(k.field_index("thoi_diem_de_nghi"));
  q.limit = static_cast<int64_t>(kListedItems);
  ListPage page = store.list(k, q);
  for (const Row& r : page.rows)
    b.add(as_text(r[project]), std::string(what.enum_label(text_or_empty(r[static_cast<size_t>(k.field_index("noi_dung_dieu_chinh"))])).value_or("")));
  b.section.total = page.total;
  return b;
}

// ---- Reports (the "Báo cáo" area) ----

// The reports in `statuses` the caller may read, newest first, each named by its title.
Builder reports_in(Store& store, const User& user, std::string id, std::string title, std::string rule,
                   const std::vector<std::string>& statuses) {
  Builder b = make(std::move(id), std::move(title), std::move(rule), "",
                   statuses.size() == 1 ? "/bao-cao?trang_thai=" + statuses.front() : "/bao-cao");
  b.section.reports = true;
  for (const std::string& status : statuses)
    for (const drafts::Report& r : drafts::list_reports(store, user, {"", status, 0}))
      if (WorkItem* item = b.add(r.code, drafts::status_label(r.status))) item->name = r.title;
  return b;
}

// The centre fixes what the department returned and finishes its drafts; the department
// reviews what was submitted and issues what it approved.
void report_sections(Work& w, Store& store, const User& user) {
  if (user.role == "trung_tam") {
    w.sections.push_back(reports_in(store, user, "bao-cao-bi-tra-lai", "Báo cáo bị trả lại",
                                    "Báo cáo Sở Công Thương trả lại: sửa theo ý kiến rồi trình lại.", {"tra_lai"})
                             .section);
    w.sections.push_back(reports_in(store, user, "bao-cao-dang-soan", "Báo cáo đang soạn",
                                    "Dự thảo báo cáo chưa trình Sở Công Thương.", {"du_thao"})
                             .section);
  }
  if (user.role == "so_cong_thuong") {
    w.sections.push_back(reports_in(store, user, "bao-cao-cho-duyet", "Báo cáo chờ duyệt",
                                    "Báo cáo Trung tâm đã trình: duyệt, hoặc trả lại kèm ý kiến.", {"da_trinh"})
                             .section);
    w.sections.push_back(reports_in(store, user, "bao-cao-cho-ban-hanh", "Báo cáo chờ ban hành",
                                    "Báo cáo đã duyệt: ban hành với số, ký hiệu, ngày và người ký.", {"da_duyet"})
                             .section);
  }
}

// ---- Per role ----

void centre(Work& w, RequestContext& ctx, const Dataset& data, const Date& today) {
  Builder proposals = make("de-xuat-cho-tham-dinh", "Đề xuất chờ thẩm định",
                           "Đề án ở trạng thái đề xuất: gửi thẩm định (hoặc hủy).", "buoc-tham_dinh", more_of("de_xuat"));
  Builder contracts = make("cho-ky-hop-dong", "Đã phê duyệt, chờ ký hợp đồng",
                           "Đề án đã phê duyệt, chưa ký hợp đồng triển khai.", "buoc-dang_thuc_hien", more_of("phe_duyet"));
  Builder late = within_in_progress(make("nghiem-thu-tre-han", "Nghiệm thu trễ hạn",
                                         "Đề án đang thực hiện đã qua năm kết thúc mà chưa nghiệm thu.", "buoc-nghiem_thu",
                                         more_of("dang_thuc_hien")));
  Builder due = within_in_progress(make("nghiem-thu-den-han", "Đến hạn nghiệm thu trong năm",
                                        "Đề án đang thực hiện có năm kết thúc là năm nay.", "buoc-nghiem_thu",
                                        more_of("dang_thuc_hien")));
  Builder reports = progress_reports();
  Builder settlements = make("quyet-toan-den-han", "Quyết toán đến hạn",
                             "Đề án đã nghiệm thu, chưa quyết toán: báo cáo quyết toán nộp trước ngày 22/01 năm sau năm nghiệm thu.",
                             "buoc-quyet_toan", more_of("nghiem_thu"));
  std::shared_ptr<const ReportDates> dates = dataset_report_dates(ctx, data);
  Date since = months_before(today, kProgressReportMonths);
  const Projects& p = data.projects;
  for (size_t i = 0; i < p.size(); ++i) {
    const std::string& s = p.status[i];
    Fact f{&p.code[i], &s};
    if (s == "de_xuat") {
      proposals.add(p.code[i]);
    } else if (s == "phe_duyet") {
      contracts.add(p.code[i]);
    } else if (s == "dang_thuc_hien") {
      if (p.year_to[i] < today.year) late.add(p.code[i], "kết thúc năm " + std::to_string(p.year_to[i]));
      if (p.year_to[i] == today.year) due.add(p.code[i], "kết thúc năm " + std::to_string(p.year_to[i]));
      add_if_report_due(reports, f, *dates, since);
    } else if (s == "nghiem_thu") {
      settlements.add(p.code[i]);
    }
  }
  for (Builder* b : {&proposals, &contracts, &late, &due, &reports}) w.sections.push_back(std::move(b->section));
  // The department decides amendments; the centre follows them (not counted as its own work).
  w.sections.push_back(pending_amendments(ctx.read_store()).section);
  w.sections.back().waiting = false;
  w.sections.push_back(std::move(settlements.section));
}

void department(Work& w, RequestContext& ctx, const Dataset& data) {
  Builder appraised = make("cho-phe-duyet", "Đã thẩm định, chờ phê duyệt",
                           "Đề án ở trạng thái thẩm định: phê duyệt vào kế hoạch năm hoặc từ chối.", "buoc-phe_duyet",
                           more_of("tham_dinh"));
  Builder audits = make("cho-hau-kiem", "Chờ hậu kiểm", "Đề án đã quyết toán, chưa hậu kiểm.", "buoc-hau_kiem",
                        more_of("quyet_toan"));
  const Projects& p = data.projects;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.status[i] == "tham_dinh") appraised.add(p.code[i]);
    if (p.status[i] == "quyet_toan") audits.add(p.code[i]);
  }
  w.sections.push_back(std::move(appraised.section));
  w.sections.push_back(pending_amendments(ctx.read_store()).section);
  w.sections.push_back(std::move(audits.section));
}

void local_officer(Work& w, RequestContext& ctx, const Dataset& data, const Date& today) {
  // The area through the shared scope function, as the project list applies it.
  std::vector<char> in_area(data.units.size(), 0);
  for (const std::string& code : units_within(data, ctx.user()->unit))
    if (int32_t u = data.unit_index(code); u >= 0) in_area[static_cast<size_t>(u)] = 1;
  Builder needs = make("nhu-cau-cho-de-xuat", "Nhu cầu chờ lập đề xuất",
                       "Nhu cầu đã đăng ký trên địa bàn, chưa lập thành đề xuất.", "buoc-de_xuat",
                       more_of("dang_ky_nhu_cau"));
  Builder reports = progress_reports();
  std::shared_ptr<const ReportDates> dates = dataset_report_dates(ctx, data);
  Date since = months_before(today, kProgressReportMonths);
  std::map<std::string, StatusFigure> figures;
  const Projects& p = data.projects;
  for (size_t i = 0; i < p.size(); ++i) {
    int32_t u = p.unit[i];
    if (u < 0 || !in_area[static_cast<size_t>(u)]) continue;
    Fact f{&p.code[i], &p.status[i]};
    StatusFigure& fig = figures[p.status[i]];
    ++fig.count;
    fig.budget += p.budget[i];
    if (p.status[i] == "dang_ky_nhu_cau") needs.add(p.code[i]);
    add_if_report_due(reports, f, *dates, since);
  }
  w.sections.push_back(std::move(needs.section));
  w.sections.push_back(std::move(reports.section));
  for (const EnumValue& v : enums::kProjectStatus) {  // in the lifecycle's order
    auto it = figures.find(std::string(v.code));
    if (it == figures.end()) continue;
    it->second.status = std::string(v.code);
    w.by_status.push_back(it->second);
  }
}

void establishment(Work& w, RequestContext& ctx, const Date& today) {
  Store& store = ctx.read_store();
  const RecordKind& k = kind("de_an");
  std::vector<Value> codes;
  for (const std::string& c : projects_of_establishment(store, ctx.user()->establishment)) codes.emplace_back(c);
  ListQuery q;
  q.any_of.emplace_back(k.key[0], std::move(codes));
  q.limit = 100000;
  std::vector<Row> rows = store.list(k, q).rows;
  const size_t status = static_cast<size_t>(k.field_index("trang_thai"));
  std::vector<std::string> in_progress;
  for (const Row& r : rows)
    if (text_or_empty(r[status]) == "dang_thuc_hien") in_progress.push_back(as_text(r[0]));
  ReportDates dates = last_report_dates(store, in_progress);
  Date since = months_before(today, kProgressReportMonths);
  Builder reports = progress_reports();
  Builder needs = make("nhu-cau-da-dang-ky", "Nhu cầu đã đăng ký",
                       "Nhu cầu của cơ sở đang chờ cán bộ lập thành đề xuất.", "", "", false);
  Builder mine = make("de-an-cua-co-so", "Đề án của cơ sở", "Mọi đề án mà cơ sở được thụ hưởng.", "", "/de-an", false);
  mine.section.more_label = "Xem danh sách đề án";  // its own and every published one
  for (const Row& r : rows) {
    Fact f{&as_text(r[0]), &as_text(r[status])};
    add_if_report_due(reports, f, dates, since);
    if (*f.status == "dang_ky_nhu_cau") needs.add(*f.code);
    mine.add(*f.code, status_label(*f.status));
  }
  w.sections.push_back(std::move(reports.section));
  w.sections.push_back(std::move(needs.section));
  w.sections.push_back(std::move(mine.section));
}

void administrator(Work& w, RequestContext& ctx) {
  Builder locked = make("tai-khoan-bi-khoa", "Tài khoản bị khóa", "Tài khoản đang bị khóa: mở khóa khi người dùng cần.",
                        "", "/quan-tri/tai-khoan");
  locked.section.accounts = true;
  for (const User& u : list_users(ctx.store()))
    if (!u.active) {
      if (WorkItem* item = locked.add(u.username, role_label(u.role))) item->name = u.name;
    }
  w.sections.push_back(std::move(locked.section));
}

// Names (and notes that need the record) of the listed projects: one query for all lists.
void add_names(Work& w, Store& store, const Date& today) {
  std::vector<Value> codes;
  for (const WorkSection& s : w.sections)
    if (!s.accounts && !s.reports)
      for (const WorkItem& item : s.items) codes.emplace_back(item.code);
  if (codes.empty()) return;
  const RecordKind& k = kind("de_an");
  ListQuery q;
  q.limit = static_cast<int64_t>(codes.size());
  q.any_of.emplace_back(k.key[0], std::move(codes));
  std::unordered_map<std::string, Row> rows;
  for (Row& r : store.list(k, q).rows) rows.emplace(as_text(r[0]), std::move(r));
  const size_t name = static_cast<size_t>(k.field_index("ten"));
  for (WorkSection& s : w.sections) {
    if (s.accounts || s.reports) continue;
    for (WorkItem& item : s.items) {
      auto it = rows.find(item.code);
      if (it == rows.end()) continue;
      item.name = text_or_empty(it->second[name]);
      if (s.id == "quyet-toan-den-han") {
        Date deadline = settlement_deadline(it->second);
        item.note = "hạn quyết toán " + to_vn(deadline) + (deadline < today ? " (quá hạn)" : "");
      }
    }
  }
}

// Lists whose records change without advancing the data version (amendments proposed, accounts
// locked, reports drafted and moved through their steps): computed afresh at every request, with
// one query on a small table each.
bool is_fresh(const WorkSection& s) { return s.id == "dieu-chinh-cho-duyet" || s.accounts || s.reports; }

// A list of is_fresh() read again.
WorkSection read_fresh_section(const WorkSection& s, RequestContext& ctx, const Date& today, bool names) {
  Work fresh;
  if (s.accounts) {
    administrator(fresh, ctx);
  } else if (s.reports) {  // from the primary, as below
    report_sections(fresh, ctx.store(), *ctx.user());
    for (WorkSection& r : fresh.sections)
      if (r.id == s.id) return std::move(r);
    return s;
  } else {  // from the primary: what is remembered for every caller must not be a lagging replica's
    fresh.sections.push_back(pending_amendments(ctx.store()).section);
  }
  if (names) add_names(fresh, ctx.store(), today);
  return std::move(fresh.sections.front());
}

// What a remembered home list's computation is keyed by, besides the list or the caller: the
// server, the version it was computed for, the day and whether names were read.
std::string flight_key(const App& app, uint64_t version, const Date& today, bool names) {
  return std::to_string(reinterpret_cast<uintptr_t>(&app)) + '\n' + std::to_string(version) + '\n' +
         std::to_string(today.ordinal()) + (names ? "\nn\n" : "\n-\n");
}

// The amendments waiting, the locked accounts and the reports of each step are the same for
// every caller who sees them (a role sees one list: staff read every report) and change only
// through a request that may write (an amendment, a sign-in that locks an account, an
// administrator's change, a report's step): remembered by list for one App::write_version and
// day. A change made by the command line while the server runs shows after the server's next
// write, as for the Dataset.
WorkSection fresh_section(const WorkSection& s, RequestContext& ctx, const Date& today, bool names) {
  struct Memo {
    const App* app = nullptr;
    uint64_t version = 0;
    int day = 0;
    std::optional<WorkSection> section;
  };
  static std::mutex mutex;
  static std::map<std::pair<std::string, bool>, Memo> memo;  // by list id, without or with names
  static SingleFlight<std::shared_ptr<const WorkSection>> reads("home_section");
  uint64_t version = ctx.app.write_version();
  auto remembered = [&]() -> std::shared_ptr<const WorkSection> {
    std::lock_guard lock(mutex);
    Memo& m = memo[{s.id, names}];
    if (m.app == &ctx.app && m.version == version && m.day == today.ordinal() && m.section)
      return std::make_shared<const WorkSection>(*m.section);
    return nullptr;
  };
  std::shared_ptr<const WorkSection> found = remembered();
  if (!found) {
    ctx.store();  // the connection this request reads with, leased before it may wait (see remembered_work)
    found = reads.run(flight_key(ctx.app, version, today, names) + s.id, remembered, [&] {
      auto read = std::make_shared<const WorkSection>(read_fresh_section(s, ctx, today, names));
      std::lock_guard lock(mutex);
      memo[{s.id, names}] = Memo{&ctx.app, version, today.ordinal(), *read};
      return read;
    });
  }
  WorkSection section = *found;
  section.waiting = s.waiting;  // the role's choice, kept
  return section;
}

void refresh(Work& w, RequestContext& ctx, const Date& today) {
  for (WorkSection& s : w.sections)
    if (is_fresh(s)) s = fresh_section(s, ctx, today, true);
}

Work compute_work(RequestContext& ctx, const Date& today, bool names) {
  Work w;
  const std::string& role = ctx.user()->role;
  if (role == "trung_tam") centre(w, ctx, *ctx.app.dataset(), today);
  if (role == "so_cong_thuong") department(w, ctx, *ctx.app.dataset());
  if (role == "dia_phuong") local_officer(w, ctx, *ctx.app.dataset(), today);
  if (role == "co_so") establishment(w, ctx, today);
  if (role == "quan_tri") administrator(w, ctx);
  report_sections(w, ctx.read_store(), *ctx.user());
  if (names) add_names(w, ctx.read_store(), today);
  return w;
}

// compute_work remembered per caller (account, role and scope), data version and day: the
// navigation asks for it on every page, and an establishment's projects cost a scan of the
// beneficiary links. An entry without names is computed again when names are asked for.
std::shared_ptr<const Work> remembered_work(RequestContext& ctx, const Date& today, bool names, bool& computed) {
  computed = false;
  struct Entry {
    uint64_t version = 0;
    int day = 0;
    bool named = false;
    std::shared_ptr<const Work> work;
  };
  static std::mutex mutex;
  static const App* app = nullptr;
  static std::unordered_map<std::string, Entry> entries;
  static SingleFlight<std::shared_ptr<const Work>> reads("home_work");
  constexpr size_t kMaxEntries = 256;  // callers between two changes (a few kB each); then start over
  std::string who = caller_key(*ctx.user());
  uint64_t version = ctx.app.data_version();
  auto remembered = [&]() -> std::shared_ptr<const Work> {
    std::lock_guard lock(mutex);
    if (app != &ctx.app) {
      entries.clear();
      app = &ctx.app;
    }
    auto it = entries.find(who);
    if (it != entries.end() && it->second.version == version && it->second.day == today.ordinal() &&
        (it->second.named || !names))
      return it->second.work;
    return nullptr;
  };
  if (auto work = remembered()) return work;
  // Callers of one scope that miss at once wait for one computation. Each has its connection
  // leased first: a waiting request may hold one, and the computing one must not then wait for
  // the pool (with --db-pool below --threads) while the others wait for it. The Dataset comes
  // before the connection, for the roles whose lists read it: a reload is waited for without a
  // connection held (RequestContext::identify).
  const std::string& role = ctx.user()->role;
  if (role == "trung_tam" || role == "so_cong_thuong" || role == "dia_phuong") ctx.app.dataset();
  ctx.read_store();
  return reads.run(flight_key(ctx.app, version, today, names) + who, remembered, [&] {
    auto work = std::make_shared<const Work>(compute_work(ctx, today, names));
    computed = true;
    std::lock_guard lock(mutex);
    if (entries.size() >= kMaxEntries) entries.clear();
    entries[who] = Entry{version, today.ordinal(), names, work};
    return work;
  });
}

}  // namespace

std::string caller_key(const User& user) {
  return user.username + '\n' + user.role + '\n' + user.unit + '\n' + user.establishment;
}

Work work_for(RequestContext& ctx, const Date& today, bool names) {
  if (!ctx.user()) return {};
  bool computed = false;
  Work w = *remembered_work(ctx, today, names, computed);
  if (!computed) refresh(w, ctx, today);  // just computed: already fresh
  return w;
}

int64_t waiting_count(RequestContext& ctx) {
  if (!ctx.user()) return 0;
  try {
    // Without copying the remembered lists (every page asks for it): only the counted lists that
    // change without a new data version are read again.
    Date today = today_in_vietnam();
    bool computed = false;
    std::shared_ptr<const Work> work = remembered_work(ctx, today, false, computed);
    int64_t total = 0;
    for (const WorkSection& s : work->sections)
      if (s.waiting) total += computed || !is_fresh(s) ? s.total : fresh_section(s, ctx, today, false).total;
    return total;
  } catch (const StoreError&) {
    // The database cannot answer: the page (an error page, perhaps) is shown without the count.
    return 0;
  }
}

}  // namespace kc::web
