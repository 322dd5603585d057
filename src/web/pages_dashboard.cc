// The dashboard: for a chosen plan (phase or annual) and period (the plan's own, a year, a
// phase, from–to years, a half-year, from–to dates; report/report_period.h), projects and money
// by content, by funding level, by area (priority areas against the rest), achievement against
// every target and the trend by year — each as a chart with its table and a CSV download. Over a
// period of days it adds the state of the year's plan on the period's last day and what was
// accepted within it (report/period_progress.h), and says which figures have no date.
// Computed from the current Dataset, so a change shows on the next load.
#include <nlohmann/json.hpp>

#include <optional>
#include <set>

#include "core/vn_format.h"
#include "report/period_progress.h"
#include "report/phase_report.h"
#include "report/phase_report_document.h"
#include "report/report_period.h"
#include "report/report_phrases.h"
#include "text/normalize.h"
#include "text/csv.h"
#include "web/pages.h"
#include "web/record_view.h"
#include "web/registries.h"
#include "web/request_context.h"

namespace kc::web {

namespace {


// The plan asked for (phase or annual), or by default the latest phase plan.
const Plan* chosen_plan(const Dataset& data, const std::string& code) {
  const Plan* best = nullptr;
  for (const Plan& p : data.plans) {
    if (p.code == code) return &p;
    if (p.type != "giai_doan") continue;
    if (!best || p.to_year > best->to_year || (p.to_year == best->to_year && p.code < best->code)) best = &p;
  }
  return code.empty() ? best : nullptr;
}

// What the dashboard shows: a plan (its area, its targets) and the years computed.
struct DashboardChoice {
  const Plan* plan = nullptr;
  ReportPeriod period;
  ReportPeriod data_years;  // the years the records hold (a scan of every project: done once)
};

// The plan and period of the request. An unknown plan is answered (404) and gives nothing; a
// bad period gives the plan and sets `period_error`, so that the page can show its form again
// with the message and the CSV can answer it.
std::optional<DashboardChoice> dashboard_choice(RequestContext& ctx, const Dataset& data, std::string& period_error) {
  const Plan* plan = chosen_plan(data, ctx.param("ke_hoach"));
  if (!plan) {
    ctx.error(404, "Không có kế hoạch mã \"" + ctx.param("ke_hoach") + "\".");
    return std::nullopt;
  }
  ReportPeriod data_years = years_in_data(data);
  std::string ky = ctx.param("ky"), tu_nam = ctx.param("tu_nam"), den_nam = ctx.param("den_nam"), tu_ngay = ctx.param("tu_ngay"),
              den_ngay = ctx.param("den_ngay");
  ReportPeriodChoice c = choose_report_period(*plan, {ky, tu_nam, den_nam, tu_ngay, den_ngay}, data_years);
  if (!c.period) {
    period_error = c.error;
    return DashboardChoice{plan, {}, data_years};
  }
  return DashboardChoice{plan, *c.period, data_years};
}

// Every plan, phase plans first.
Data plan_options(const Dataset& data, const Plan* selected) {
  std::vector<std::pair<std::string, std::string>> choices;
  for (const char* type : {"giai_doan", "hang_nam"})
    for (const Plan& p : data.plans)
      if (p.type == type) choices.emplace_back(p.code, p.name);
  return select_options(selected->code, choices);
}

// The periods offered: the plan's own, each phase plan's years, each year with data and its halves.
Data period_options(const Dataset& data, const Plan& plan, const ReportPeriod& years, const std::string& value) {
  std::vector<std::pair<std::string, std::string>> choices = {
      {"", "Cả kỳ kế hoạch (" + report_period_label({plan.from_year, plan.to_year}) + ")"}};
  std::set<std::string> phases;
  for (const Plan& p : data.plans) {
    std::string code = std::to_string(p.from_year) + "-" + std::to_string(p.to_year);
    if (p.type == "giai_doan" && phases.insert(code).second)
      choices.emplace_back(code, upper_first_vi(report_period_label({p.from_year, p.to_year})));
  }
  for (int y = years.from_year; y > 0 && y <= years.to_year; ++y) {
    choices.emplace_back(std::to_string(y), "Năm " + std::to_string(y));
    for (int half : {1, 2}) choices.emplace_back(half_year_code(y, half), upper_first_vi(report_period_label(half_year(y, half))));
  }
  return select_options(value, choices);
}

Data year_options(const ReportPeriod& years, const std::string& value) {
  std::vector<std::pair<std::string, std::string>> choices = {{"", "—"}};
  for (int y = years.from_year; y > 0 && y <= years.to_year; ++y) choices.emplace_back(std::to_string(y), std::to_string(y));
  return select_options(value, choices);
}

double million(int64_t dong) { return static_cast<double>(dong) / 1e6; }

nlohmann::json level_datasets(const std::vector<std::array<Totals, kFundingLevels>>& rows, bool money) {
  static const char* kNames[] = {"Quốc gia", "Tỉnh", "Huyện"};
  static const char* kColours[] = {"#0b5cad", "#2e8540", "#c05600"};
  nlohmann::json sets = nlohmann::json::array();
  for (size_t l = 0; l < kFundingLevels; ++l) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& r : rows) values.push_back(money ? million(r[l].budget) : static_cast<double>(r[l].projects));
    sets.push_back({{"label", kNames[l]}, {"data", values}, {"backgroundColor", kColours[l]}, {"stack", "cap"}});
  }
  return sets;
}

// Chart specs matching phase_appendix_tables(): content ×2, targets, area, year.
std::vector<nlohmann::json> charts(const PhaseReport& r) {
  std::vector<nlohmann::json> out;
  nlohmann::json content_labels = nlohmann::json::array();
  std::vector<std::array<Totals, kFundingLevels>> by_content;
  for (const ContentResult& c : r.contents) {
    content_labels.push_back("Nội dung " + std::to_string(c.number));  // as the tables beside the charts say
    by_content.push_back(c.by_level);
  }
  out.push_back({{"type", "bar"}, {"labels", content_labels}, {"datasets", level_datasets(by_content, false)}});
  out.push_back({{"type", "bar"}, {"labels", content_labels}, {"datasets", level_datasets(by_content, true)}});
  if (!r.targets.empty()) {
    nlohmann::json labels = nlohmann::json::array(), values = nlohmann::json::array();
    for (const IndicatorResult& t : r.targets) {
      labels.push_back(t.name.empty() ? t.code : t.name);  // people read the indicator's name, not its code
      values.push_back(*t.target > 0 ? 100.0 * static_cast<double>(t.actual) / static_cast<double>(*t.target) : 0.0);
    }
    out.push_back({{"type", "bar"}, {"labels", labels},
                   {"datasets", {{{"label", "Tỷ lệ đạt (%)"}, {"data", values}, {"backgroundColor", "#0b5cad"}}}}});
  }
  nlohmann::json area_labels = nlohmann::json::array(), area_values = nlohmann::json::array(), colours = nlohmann::json::array();
  for (const AreaRow& a : r.areas.rows) {
    area_labels.push_back(a.name);
    area_values.push_back(a.totals.projects);
    colours.push_back(a.priority_labels.empty() ? "#8a939c" : "#c05600");
  }
  out.push_back({{"type", "bar"}, {"labels", area_labels},
                 {"datasets", {{{"label", "Số đề án"}, {"data", area_values}, {"backgroundColor", colours}}}}});
  nlohmann::json year_labels = nlohmann::json::array();
  std::vector<std::array<Totals, kFundingLevels>> by_year;
  for (const YearRow& y : r.years) {
    year_labels.push_back(std::to_string(y.year));
    by_year.push_back(y.by_level);
  }
  out.push_back({{"type", "bar"}, {"labels", year_labels}, {"datasets", level_datasets(by_year, true)}});
  return out;
}

Data table_data(const doc::Table& t) {
  Data header = list();
  for (const std::string& h : t.header) header.push_back(Data(h));
  Data rows = list();
  for (const auto& row : t.rows) {
    Data cells = list();
    for (size_t c = 0; c < row.size(); ++c) {
      Data cell;
      cell.set("text", row[c]);
      if (c < t.numeric.size() && t.numeric[c]) cell.set("num", true);
      cells.push_back(cell);
    }
    Data r;
    r.set("cells", cells);
    rows.push_back(r);
  }
  Data d;
  d.set("caption", t.caption);
  d.set("header", header);
  d.set("rows", rows);
  return d;
}

// The figures over a period of days that the whole-year figures do not give: the year's plan on
// the period's last day, what was accepted within it and its outputs, and what has no date.
Data progress_data(const Dataset& data, const Plan& plan, const ReportPeriod& period, const PhaseReport& r) {
  PeriodProgress p = compute_period_progress(data, plan, period);
  Data d;
  d.set("end", to_dd_mm_yyyy(p.to));
  d.set("plan_years", period.from_year == period.to_year ? "năm " + std::to_string(period.from_year)
                                                          : "các năm " + period_text(period.from_year, period.to_year));
  d.set("in_plan", format_int(p.in_plan));
  d.set("approved_by_end", format_int(p.approved_by_end));
  d.set("in_progress_at_end", format_int(p.in_progress_at_end));
  d.set("accepted_by_end", format_int(p.accepted_by_end));
  d.set("not_yet_approved", format_int(p.not_yet_approved));
  if (p.approval_undated > 0) d.set("approval_undated", format_int(p.approval_undated));
  if (p.acceptance_undated > 0) d.set("acceptance_undated", format_int(p.acceptance_undated));
  d.set("settled", format_int(p.settled.projects));
  d.set("settled_budget", format_million_dong(p.settled.budget));
  if (p.settlement_undated > 0) d.set("settlement_undated", format_int(p.settlement_undated));
  d.set("accepted", format_int(p.accepted.projects));
  d.set("accepted_budget", format_million_dong(p.accepted.budget));
  Data outputs = list();
  for (const ContentResult& c : r.contents)
    for (const IndicatorResult& o : c.outputs) {
      if (o.actual == 0 || o.source != "dau_ra") continue;  // money and selections are not outputs dated by acceptance
      Data row;
      row.set("name", upper_first_vi(o.name.empty() ? o.code : o.name));
      row.set("value", format_int(o.actual));
      row.set("unit", o.unit);
      outputs.push_back(row);
    }
  d.set("has_outputs", !outputs.is_empty_list());
  d.set("outputs", outputs);
  return d;
}

void dashboard(RequestContext& ctx) {
  auto data = ctx.app.dataset();
  std::string period_error;
  std::optional<DashboardChoice> chosen = dashboard_choice(ctx, *data, period_error);
  if (!chosen) return;
  const Plan* plan = chosen->plan;
  Data page;
  page.set("plans", plan_options(*data, plan));
  page.set("periods", period_options(*data, *plan, chosen->data_years, ctx.param("ky")));
  page.set("from_years", year_options(chosen->data_years, ctx.param("tu_nam")));
  page.set("to_years", year_options(chosen->data_years, ctx.param("den_nam")));
  page.set("tu_ngay", ctx.param("tu_ngay"));
  page.set("den_ngay", ctx.param("den_ngay"));
  if (!period_error.empty()) {
    page.set("period_error", period_error);
    ctx.page(422, "dashboard", page, "Tổng quan");
    return;
  }
  const ReportPeriod& period = chosen->period;
  PhaseReport r = compute_plan_report(*data, *plan, period);
  page.set("caption", plan->name + " — số liệu " + report_period_label(period));
  if (period != ReportPeriod{plan->from_year, plan->to_year})
    page.set("targets_note", "Chỉ tiêu của kế hoạch đặt cho cả kỳ " + report_period_label({plan->from_year, plan->to_year}) +
                                 " nên không so sánh tỷ lệ đạt trong kỳ đã chọn.");
  if (period.by_days()) page.set("progress", progress_data(*data, *plan, period, r));
  Data figures;
  figures.set("projects", format_int(r.total.projects));
  figures.set("budget", format_million_dong(r.total.budget));
  figures.set("counterpart", format_million_dong(r.total.counterpart));
  figures.set("leverage", r.total.budget > 0 ? format_double(static_cast<double>(r.total.counterpart) / static_cast<double>(r.total.budget), 2) : "–");
  figures.set("by_days", period.by_days());
  std::vector<doc::Table> tables = phase_appendix_tables(r);
  std::vector<nlohmann::json> specs = charts(r);
  Data table_list = list();
  for (size_t i = 0; i < tables.size(); ++i) {
    Data t = table_data(tables[i]);
    t.set("download", "/tong-quan/bang-" + std::to_string(i + 1) + ".csv?ke_hoach=" + httplib::detail::encode_query_param(plan->code) +
                          "&" + report_period_query(period));
    if (i < specs.size()) t.set("chart", specs[i].dump());
    table_list.push_back(t);
  }
  page.set("report", figures);
  page.set("tables", table_list);
  ctx.page(200, "dashboard", page, "Tổng quan");
}

void table_csv(RequestContext& ctx) {
  auto data = ctx.app.dataset();
  std::string period_error;
  std::optional<DashboardChoice> chosen = dashboard_choice(ctx, *data, period_error);
  if (!chosen) return;
  if (!period_error.empty()) {
    ctx.error(422, period_error);
    return;
  }
  const Plan* plan = chosen->plan;
  std::vector<doc::Table> tables = phase_appendix_tables(compute_plan_report(*data, *plan, chosen->period));
  size_t n = static_cast<size_t>(std::stoul(ctx.path(1)));
  if (n == 0 || n > tables.size()) {
    ctx.error(404, "Không có bảng số " + ctx.path(1) + ".");
    return;
  }
  const doc::Table& t = tables[n - 1];
  std::string csv = "\xEF\xBB\xBF";  // a byte order mark, so that spreadsheet programs read UTF-8
  append_csv_record(csv, t.header);
  for (const auto& row : t.rows) append_csv_record(csv, row);
  ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + plan->code + "-" + report_period_slug(chosen->period) +
                                                "-bang-" + std::to_string(n) + ".csv\"");
  ctx.res.set_content(csv, "text/csv; charset=utf-8");
}

}  // namespace

void register_dashboard_pages(App& app) {
  app.add({"GET", "/tong-quan", "tong_quan", Access::only(kStaffRoles), false, dashboard});
  app.add({"GET", R"(/tong-quan/bang-(\d{1,2})\.csv)", "tong_quan_csv", Access::only(kStaffRoles), false, table_csv});
}

}  // namespace kc::web
