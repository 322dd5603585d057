#include "report/annual_report.h"

#include <algorithm>
#include <tuple>

#include "report/plan_scope.h"
#include "schema/record_kind.h"
#include "text/collate.h"

namespace kc {

namespace {

bool status_accepted(const std::string& s) { return s == "nghiem_thu" || s == "quyet_toan" || s == "hau_kiem"; }
bool status_settled(const std::string& s) { return s == "quyet_toan" || s == "hau_kiem"; }

std::string enum_label_of(std::string_view kind_name, std::string_view field, const std::string& code) {
  const RecordKind& k = kind(kind_name);
  std::optional<std::string_view> label = k.fields[static_cast<size_t>(k.field_index(field))].enum_label(code);
  return label ? std::string(*label) : code;
}

std::string join_codes(const std::vector<const Plan*>& plans) {
  std::string out;
  for (const Plan* p : plans) out += (out.empty() ? "" : ", ") + p->code;
  return out;
}

// The annual plan the report is about, or a Vietnamese reason.
const Plan* choose_plan(const Dataset& data, int year, const std::string& plan_code, std::string& error) {
  if (!plan_code.empty()) {
    int32_t p = data.plan_index(plan_code);
    if (p < 0) {
      error = "không có kế hoạch mã \"" + plan_code + "\"";
      return nullptr;
    }
    const Plan& plan = data.plans[static_cast<size_t>(p)];
    if (plan.type != "hang_nam" || year < plan.from_year || year > plan.to_year) {
      error = "kế hoạch \"" + plan_code + "\" (" + plan.name + ") không phải kế hoạch hằng năm của năm " + std::to_string(year);
      return nullptr;
    }
    return &plan;
  }
  std::vector<const Plan*> of_year, annual;
  for (const Plan& p : data.plans) {
    if (p.type != "hang_nam") continue;
    annual.push_back(&p);
    if (year >= p.from_year && year <= p.to_year) of_year.push_back(&p);
  }
  if (of_year.size() == 1) return of_year.front();
  if (of_year.empty()) {
    std::vector<int> years;
    for (const Plan* p : annual)
      for (int y = p->from_year; y <= p->to_year; ++y) years.push_back(y);
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    std::string known;
    for (int y : years) known += (known.empty() ? "" : ", ") + std::to_string(y);
    error = "không có kế hoạch khuyến công hằng năm nào của năm " + std::to_string(year) +
            (known.empty() ? std::string("; cơ sở dữ liệu chưa có kế hoạch hằng năm nào") : "; các năm có kế hoạch: " + known);
  } else {
    error = "năm " + std::to_string(year) + " có " + std::to_string(of_year.size()) + " kế hoạch hằng năm (" +
            join_codes(of_year) + "); chọn một bằng --plan";
  }
  return nullptr;
}

class AnnualComputation {
 public:
  AnnualComputation(const Dataset& d, const Plan& plan, AnnualReport& r) : d_(d), plan_(plan), r_(r) {}

  void run() {
    const int y = r_.year;
    r_.period = r_.six_month ? half_year(y, 1) : ReportPeriod{y, y};
    r_.current = compute_plan_report(d_, plan_, r_.period);
    r_.previous = compute_plan_report(d_, plan_, r_.six_month ? half_year(y - 1, 1) : ReportPeriod{y - 1, y - 1});
    if (r_.six_month) {
      r_.whole_year = compute_plan_report(d_, plan_, ReportPeriod{y, y});
      r_.progress = compute_period_progress(d_, plan_, r_.period);
    }
    targets();
    projects();
    amendments();
    build_annual_figures(r_);
  }

 private:
  // The annual plan's targets with the period's results: the year's for an annual report; for a
  // six-month report the first half's results against the whole year's targets.
  void targets() {
    const PhaseReport& of_year = r_.whole_year ? *r_.whole_year : r_.current;
    r_.targets = of_year.targets;
    if (!r_.six_month) return;
    for (IndicatorResult& t : r_.targets) t.actual = actual_in(r_.current, t.code);
  }

  static int64_t actual_in(const PhaseReport& report, const std::string& code) {
    for (const IndicatorResult& m : report.money_indicators)
      if (m.code == code) return m.actual;
    for (const ContentResult& c : report.contents)
      for (const IndicatorResult& o : c.outputs)
        if (o.code == code) return o.actual;
    return 0;
  }

  ProjectLine line(size_t i, std::string note) const {
    const Projects& p = d_.projects;
    ProjectLine l;
    l.code = p.code[i];
    l.name = std::string(p.name(i));
    l.place = d_.unit_display_name(p.unit[i]);
    int32_t district = d_.ancestor_at_level(p.unit[i], "huyen");
    if (district >= 0 && district != p.unit[i]) l.place += ", " + d_.unit_display_name(district);
    l.status = enum_label_of("de_an", "trang_thai", p.status[i]);
    l.level = p.level[i];
    l.content_number = p.content[i] >= 0 ? d_.contents[static_cast<size_t>(p.content[i])].number : 0;
    l.year_from = p.year_from[i];
    l.year_to = p.year_to[i];
    l.budget = p.budget[i];
    l.note = std::move(note);
    return l;
  }

  // One pass over the projects: the stages of the counted ones, the national-funded list, the
  // projects behind schedule, the approved ones not started, the beneficiaries.
  void projects() {
    Plan over = plan_;  // the period's years; outlives the scope, which keeps a reference
    over.from_year = over.to_year = r_.year;
    std::optional<DateRange> days;
    if (r_.period.by_days()) days = DateRange{r_.period.first_day(), r_.period.last_day()};
    PlanScope scope(d_, over, days);
    const Projects& p = d_.projects;
    const int32_t end = r_.period.last_day().ordinal();
    std::vector<char> counted(p.size(), 0);
    StageTotals& s = r_.stages;
    for (size_t i = 0; i < p.size(); ++i) {
      if (!scope.unit_in_area(p.unit[i])) continue;
      const std::string& status = p.status[i];
      size_t level = static_cast<size_t>(p.level[i]);
      bool accepted_dated = p.accepted_on[i] != 0 && p.accepted_on[i] <= end;
      bool accepted_undated = p.accepted_on[i] == 0 && status_accepted(status);
      if (scope.project_counts(i)) {
        counted[i] = 1;
        if (accepted_dated) {
          s.accepted[level].add(p.budget[i], p.counterpart[i]);
          s.accepted_total.add(p.budget[i], p.counterpart[i]);
        } else if (accepted_undated) {
          ++s.acceptance_undated;
        }
        // A settlement follows the acceptance: a project accepted after the period's end was not
        // settled within it, whatever its status says today.
        if (status_settled(status) && (accepted_dated || accepted_undated)) {
          if (p.settled_on[i] == 0) {
            ++s.settlement_undated;
          } else if (p.settled_on[i] <= end) {
            s.settled[level].add(p.budget[i], p.counterpart[i]);
            s.settled_total.add(p.budget[i], p.counterpart[i]);
          }
        }
        if (p.level[i] == FundingLevel::National) r_.national.push_back(line(i, accepted_dated ? "" : "chưa nghiệm thu"));
      }
      if (status_counts_as_approved(status) && p.approved_on[i] >= r_.period.first_day().ordinal() && p.approved_on[i] <= end)
        r_.approved.add(p.budget[i], p.counterpart[i]);
      if (p.year_from[i] == r_.year && status == "phe_duyet" && p.approved_on[i] != 0 && p.approved_on[i] <= end)
        ++r_.approved_not_started;
      // Behind schedule: approved or later, due to end by the period's year (by the year before
      // for six months: a project due this year is not late on 30/06), started by then, and not
      // accepted by the period's last day (an accepted status without a date is not listed: its
      // acceptance cannot be placed).
      const int due_by = r_.six_month ? r_.year - 1 : r_.year;
      if (status_counts_as_approved(status) && p.year_to[i] <= due_by && p.year_from[i] <= r_.year && !accepted_dated &&
          !accepted_undated)
        r_.behind.push_back(line(i, "kết thúc năm " + std::to_string(p.year_to[i]) + ", chưa nghiệm thu"));
    }
    auto by_content_then_name = [](std::vector<ProjectLine>& lines) {
      sort_by_name_vi(lines, [](const ProjectLine& l) { return std::string_view(l.name); });
      std::stable_sort(lines.begin(), lines.end(),
                       [](const ProjectLine& a, const ProjectLine& b) { return a.content_number < b.content_number; });
    };
    by_content_then_name(r_.national);
    by_content_then_name(r_.behind);
    beneficiaries(counted);
  }

  // Distinct establishments among the counted projects' beneficiaries; unknown when none of them
  // records a beneficiary.
  void beneficiaries(const std::vector<char>& counted) {
    std::vector<int32_t> seen;
    for (size_t i = 0; i < d_.beneficiaries.size(); ++i) {
      int32_t project = d_.beneficiaries.project[i];
      if (project >= 0 && counted[static_cast<size_t>(project)] && d_.beneficiaries.establishment[i] >= 0)
        seen.push_back(d_.beneficiaries.establishment[i]);
    }
    if (seen.empty()) return;
    std::sort(seen.begin(), seen.end());
    r_.beneficiaries = std::unique(seen.begin(), seen.end()) - seen.begin();
  }

  // Amendments approved within the period, of projects of the plan's area.
  void amendments() {
    PlanScope scope(d_, plan_);
    std::vector<std::pair<int32_t, std::string>> kinds;  // project, kinds said together
    for (const ApprovedAmendment& a : d_.amendments) {
      if (a.project < 0 || !a.decided || !r_.period.contains(*a.decided)) continue;
      if (!scope.unit_in_area(d_.projects.unit[static_cast<size_t>(a.project)])) continue;
      std::string label = enum_label_of("dieu_chinh", "noi_dung_dieu_chinh", a.kind);
      auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == a.project; });
      if (it == kinds.end())
        kinds.emplace_back(a.project, label);
      else if (it->second.find(label) == std::string::npos)
        it->second += ", " + label;
    }
    for (const auto& [project, what] : kinds) r_.amended.push_back(line(static_cast<size_t>(project), "điều chỉnh " + what));
    sort_by_name_vi(r_.amended, [](const ProjectLine& l) { return std::string_view(l.name); });
  }

  const Dataset& d_;
  const Plan& plan_;
  AnnualReport& r_;
};

}  // namespace

std::string AnnualReport::period_label() const { return report_period_label(period); }

const Figure* AnnualReport::figure(const std::string& id) const {
  for (const Figure& f : figures)
    if (f.id == id) return &f;
  return nullptr;
}

AnnualReportResult compute_annual_report(const Dataset& data, int year, const std::string& plan_code, bool six_month) {
  std::string error;
  const Plan* plan = choose_plan(data, year, plan_code, error);
  if (!plan) return {std::nullopt, error};
  AnnualReport report;
  report.six_month = six_month;
  report.year = year;
  Plan of_year = *plan;  // one year of a plan that might span more
  of_year.from_year = of_year.to_year = year;
  AnnualComputation(data, of_year, report).run();
  report.current.plan_code = plan->code;
  report.current.plan_name = plan->name;
  if (plan->unit >= 0) report.area_code = data.units[static_cast<size_t>(plan->unit)].code;
  return {std::move(report), {}};
}

}  // namespace kc
