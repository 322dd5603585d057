#include "web/report_drafts_view.h"

#include <httplib.h>

#include <map>
#include <mutex>
#include <tuple>

#include "audit/local_time.h"
#include "text/normalize.h"
#include "web/request_context.h"
#include "web/single_flight.h"

namespace kc::web {

std::optional<drafts::Report> report_or_404(RequestContext& ctx) {
  std::optional<drafts::Report> r = drafts::find_report(ctx.read_store(), *ctx.user(), ctx.path(1));
  if (!r) ctx.error(404, "Không tìm thấy báo cáo \"" + ctx.path(1) + "\", hoặc bạn không có quyền xem báo cáo này.");
  return r;
}

namespace {

ComputedFigures compute(const Dataset& data, const drafts::Report& report) {
  ComputedFigures out;
  ComputedReportResult result = compute_report(data, report.structure, report.scope);
  if (!result.report) {
    out.error = result.error;
    return out;
  }
  out.values = narrative::figure_values(result.report->figures);
  out.groups = narrative::section_figures(result.report->figures);
  out.report = std::move(result.report);
  return out;
}

}  // namespace

std::shared_ptr<const ComputedFigures> computed_figures(RequestContext& ctx, const drafts::Report& report) {
  // Keyed by what the computation reads: the structure and scope, on one App's data version.
  using Key = std::tuple<const App*, uint64_t, int, std::string, int>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const ComputedFigures>> remembered;
  constexpr size_t kMaxEntries = 16;  // the reports being edited between two changes of the records
  std::shared_ptr<const Dataset> data = ctx.app.dataset();
  Key key{&ctx.app, ctx.app.data_version(), static_cast<int>(report.structure), report.scope.plan_code, report.scope.year};
  static SingleFlight<std::shared_ptr<const ComputedFigures>> computations("report_figures");
  auto find = [&]() -> std::shared_ptr<const ComputedFigures> {
    std::lock_guard lock(mutex);
    auto it = remembered.find(key);
    return it != remembered.end() ? it->second : nullptr;
  };
  if (auto found = find()) return found;
  // Editors of one report that miss at once wait for one computation (single_flight.h).
  std::string flight = std::to_string(reinterpret_cast<uintptr_t>(std::get<0>(key))) + '\n' +
                       std::to_string(std::get<1>(key)) + '\n' + std::to_string(std::get<2>(key)) + '\n' +
                       std::get<3>(key) + '\n' + std::to_string(std::get<4>(key));
  return computations.run(flight, find, [&] {
    auto computed = std::make_shared<const ComputedFigures>(compute(*data, report));
    std::lock_guard lock(mutex);
    if (remembered.size() >= kMaxEntries) remembered.clear();
    remembered[key] = computed;
    return computed;
  });
}

bool may_edit(const User& user, const drafts::Report& report) {
  if (user.role == "trung_tam") return report.status == "du_thao" || report.status == "tra_lai";
  if (user.role == "so_cong_thuong") return report.status == "da_trinh";
  return false;
}

bool may_take(const User& user, const drafts::Report& report, const std::string& action) {
  if (user.role == "trung_tam") return action == "trinh" && (report.status == "du_thao" || report.status == "tra_lai");
  if (user.role == "so_cong_thuong") {
    if (action == "tra_lai" || action == "duyet") return report.status == "da_trinh";
    if (action == "ban_hanh") return report.status == "da_duyet";
  }
  return false;
}

std::string action_label(const std::string& action) {
  if (action == "tao") return "Lập báo cáo";
  if (action == "nhap") return "Nhập từ bộ dữ liệu";
  if (action == "trinh") return "Trình duyệt";
  if (action == "tra_lai") return "Trả lại";
  if (action == "duyet") return "Duyệt";
  if (action == "ban_hanh") return "Ban hành";
  return action;
}

std::string report_time_text(const std::string& utc) {
  std::string t = utc;
  if (t.size() > 10 && t[10] == 'T') t[10] = ' ';
  if (!t.empty() && t.back() == 'Z') t.pop_back();
  return local_time_text(t);
}

std::string as_sentence(const std::string& message) {
  std::string out = upper_first_vi(message);
  if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
  return out;
}

Data errors_view(const FieldErrors& errors) {
  Data out = list();
  for (const auto& [field, message] : errors) {
    Data e;
    e.set("field", field);
    e.set("message", as_sentence(message));
    out.push_back(e);
  }
  return out;
}

std::string error_of(const FieldErrors& errors, const std::string& field) {
  for (const auto& [f, message] : errors)
    if (f == field) return as_sentence(message);
  return {};
}

std::string report_href(const std::string& code) { return "/bao-cao/" + httplib::detail::encode_query_param(code); }

std::string section_href(const std::string& code, const std::string& section) {
  return report_href(code) + "/muc/" + httplib::detail::encode_query_param(section);
}

Data report_row(const drafts::Report& r) {
  Data d;
  d.set("code", r.code);
  d.set("kind_name", r.kind_name);
  d.set("title", r.title);
  d.set("year", r.scope.year > 0 ? std::to_string(r.scope.year) : std::string());
  d.set("status", r.status);
  d.set("status_label", drafts::status_label(r.status));
  d.set("issued", r.status == "da_ban_hanh");
  d.set("number_symbol", r.issue.number_symbol);
  d.set("updated", report_time_text(r.updated_at.empty() ? r.created_at : r.updated_at));
  d.set("href", report_href(r.code));
  return d;
}

}  // namespace kc::web
