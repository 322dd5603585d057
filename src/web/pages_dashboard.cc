// The dashboard: for a chosen plan, projects and money by content, by funding level, by area
// (priority areas against the rest), achievement against every target and the trend by year —
// each as a chart with its table and a CSV download. Computed from the current Dataset, so a
// change shows on the next load.
#include <nlohmann/json.hpp>

#include "core/vn_format.h"
#include "report/phase_report.h"
#include "report/phase_report_document.h"
#include "text/csv.h"
#include "web/pages.h"
#include "web/record_view.h"
#include "web/registries.h"
#include "web/request_context.h"

namespace kc::web {

namespace {


// The plan asked for, or the latest phase plan.
const Plan* chosen_plan(const Dataset& data, const std::string& code) {
  const Plan* best = nullptr;
  for (const Plan& p : data.plans) {
    if (p.type != "giai_doan") continue;
    if (p.code == code) return &p;
    if (!best || p.to_year > best->to_year || (p.to_year == best->to_year && p.code < best->code)) best = &p;
  }
  return code.empty() ? best : nullptr;
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
    content_labels.push_back(std::to_string(c.number));
    by_content.push_back(c.by_level);
  }
  out.push_back({{"type", "bar"}, {"labels", content_labels}, {"datasets", level_datasets(by_content, false)}});
  out.push_back({{"type", "bar"}, {"labels", content_labels}, {"datasets", level_datasets(by_content, true)}});
  if (!r.targets.empty()) {
    nlohmann::json labels = nlohmann::json::array(), values = nlohmann::json::array();
    for (const IndicatorResult& t : r.targets) {
      labels.push_back(t.code);
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

void dashboard(RequestContext& ctx) {
  auto data = ctx.app.dataset();
  const Plan* plan = chosen_plan(*data, ctx.param("ke_hoach"));
  if (!plan) {
    ctx.error(404, "Không có kế hoạch giai đoạn mã \"" + ctx.param("ke_hoach") + "\".");
    return;
  }
  PhaseReportResult result = compute_phase_report(*data, plan->code);
  const PhaseReport& r = *result.report;
  Data plans = phase_plan_options(*data, plan);
  Data figures;
  figures.set("projects", format_int(r.total.projects));
  figures.set("budget", format_million_dong(r.total.budget));
  figures.set("counterpart", format_million_dong(r.total.counterpart));
  figures.set("leverage", r.total.budget > 0 ? format_double(static_cast<double>(r.total.counterpart) / static_cast<double>(r.total.budget), 2) : "–");
  std::vector<doc::Table> tables = phase_appendix_tables(r);
  std::vector<nlohmann::json> specs = charts(r);
  Data table_list = list();
  for (size_t i = 0; i < tables.size(); ++i) {
    Data t = table_data(tables[i]);
    t.set("download", "/tong-quan/bang-" + std::to_string(i + 1) + ".csv?ke_hoach=" + httplib::detail::encode_query_param(plan->code));
    if (i < specs.size()) t.set("chart", specs[i].dump());
    table_list.push_back(t);
  }
  Data page;
  page.set("plans", plans);
  page.set("report", figures);
  page.set("tables", table_list);
  ctx.page(200, "dashboard", page, "Tổng quan");
}

void table_csv(RequestContext& ctx) {
  auto data = ctx.app.dataset();
  const Plan* plan = chosen_plan(*data, ctx.param("ke_hoach"));
  if (!plan) {
    ctx.error(404, "Không có kế hoạch giai đoạn mã \"" + ctx.param("ke_hoach") + "\".");
    return;
  }
  std::vector<doc::Table> tables = phase_appendix_tables(*compute_phase_report(*data, plan->code).report);
  size_t n = static_cast<size_t>(std::stoul(ctx.path(1)));
  if (n == 0 || n > tables.size()) {
    ctx.error(404, "Không có bảng số " + ctx.path(1) + ".");
    return;
  }
  const doc::Table& t = tables[n - 1];
  std::string csv = "\xEF\xBB\xBF";  // a byte order mark, so that spreadsheet programs read UTF-8
  append_csv_record(csv, t.header);
  for (const auto& row : t.rows) append_csv_record(csv, row);
  ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + plan->code + "-bang-" + std::to_string(n) + ".csv\"");
  ctx.res.set_content(csv, "text/csv; charset=utf-8");
}

}  // namespace

void register_dashboard_pages(App& app) {
  app.add({"GET", "/tong-quan", "tong_quan", Access::only(kStaffRoles), false, dashboard});
  app.add({"GET", R"(/tong-quan/bang-(\d{1,2})\.csv)", "tong_quan_csv", Access::only(kStaffRoles), false, table_csv});
}

}  // namespace kc::web
