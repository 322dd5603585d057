// The periods a plan's figures are computed over (src/report/report_period.h) and the figures
// over a period of days (a half-year, from–to dates): compute_plan_report places a project by
// its approval date and its outputs by its acceptance date, and compute_period_progress gives the
// state of the year's plan on the period's last day. The expected figures are computed here from
// the demo bundle's CSV files (data/demo/de_an.csv, de_an_ket_qua.csv), not by the code tested.
#include <gtest/gtest.h>

#include <array>
#include <map>

#include "report/period_progress.h"
#include "report/phase_report.h"
#include "report/report_period.h"
#include "support/demo_csv.h"
#include "support/demo_report.h"

namespace kc::test {
namespace {

const Dataset& demo() { return demo_report().data; }
const Plan& plan(const std::string& code) { return demo().plans[static_cast<size_t>(demo().plan_index(code))]; }

ReportPeriodChoice choose(std::string_view ky, std::string_view tu_nam = "", std::string_view den_nam = "",
                          std::string_view tu_ngay = "", std::string_view den_ngay = "") {
  return choose_report_period(plan("bg-2016-2020"), {ky, tu_nam, den_nam, tu_ngay, den_ngay}, ReportPeriod{2016, 2021});
}

TEST(ReportPeriodChoice, WholeYearsAsBefore) {
  EXPECT_EQ(*choose("").period, ReportPeriod(2016, 2020)) << "the plan's own period";
  EXPECT_EQ(*choose("2018").period, ReportPeriod(2018, 2018));
  EXPECT_EQ(*choose("2016-2020").period, ReportPeriod(2016, 2020));
  EXPECT_EQ(*choose("2018", "2016", "2017").period, ReportPeriod(2016, 2017)) << "from–to years win over ky";
  EXPECT_FALSE(choose("2018").period->by_days());
}

TEST(ReportPeriodChoice, HalfYears) {
  ReportPeriod h1 = *choose("2020-h1").period, h2 = *choose("2020-h2").period;
  EXPECT_EQ(h1, half_year(2020, 1));
  EXPECT_TRUE(h1.by_days());
  EXPECT_EQ(h1.first_day(), (Date{2020, 1, 1}));
  EXPECT_EQ(h1.last_day(), (Date{2020, 6, 30}));
  EXPECT_EQ(h2.first_day(), (Date{2020, 7, 1}));
  EXPECT_EQ(h2.last_day(), (Date{2020, 12, 31}));
  EXPECT_EQ(report_period_label(h1), "6 tháng đầu năm 2020");
  EXPECT_EQ(report_period_label(h2), "6 tháng cuối năm 2020");
  EXPECT_EQ(report_period_query(h1), "ky=2020-h1");
  EXPECT_EQ(report_period_slug(h2), "2020-h2");
  EXPECT_EQ(half_year_code(2020, 2), "2020-h2");
}

TEST(ReportPeriodChoice, FromToDates) {
  ReportPeriod p = *choose("2018", "2016", "2017", "01/03/2020", "30/9/2020").period;
  EXPECT_TRUE(p.by_days()) << "dates win over years and ky";
  EXPECT_EQ(p.first_day(), (Date{2020, 3, 1}));
  EXPECT_EQ(p.last_day(), (Date{2020, 9, 30}));
  EXPECT_EQ(report_period_label(p), "từ 01/03/2020 đến 30/09/2020");
  EXPECT_EQ(report_period_query(p), "tu_ngay=01%2F03%2F2020&den_ngay=30%2F09%2F2020");
  EXPECT_EQ(report_period_slug(p), "20200301-20200930");
  EXPECT_EQ(report_period_label(*choose("", "", "", "01/01/2020", "30/06/2020").period), "6 tháng đầu năm 2020")
      << "the days of a half-year are that half-year";
  ReportPeriod years = *choose("", "", "", "01/01/2018", "31/12/2019").period;
  EXPECT_EQ(years, ReportPeriod(2018, 2019)) << "whole years by dates are the whole-year period";
  EXPECT_FALSE(years.by_days());
}

TEST(ReportPeriodChoice, BadInputNamesTheValue) {
  std::string e = choose("2020-h3").error;
  EXPECT_NE(e.find("\"2020-h3\" không hợp lệ"), std::string::npos) << e;
  EXPECT_NE(e.find("6 tháng đầu năm"), std::string::npos) << e;
  e = choose("", "", "", "31/02/2020", "30/06/2020").error;
  EXPECT_NE(e.find("Từ ngày \"31/02/2020\" không hợp lệ: nhập theo dạng dd/mm/yyyy"), std::string::npos) << e;
  e = choose("", "", "", "01/03/2020", "").error;
  EXPECT_NE(e.find("Đến ngày \"\" không hợp lệ"), std::string::npos) << e;
  e = choose("", "", "", "30/09/2020", "01/03/2020").error;
  EXPECT_NE(e.find("ngày kết thúc 01/03/2020 trước ngày bắt đầu 30/09/2020"), std::string::npos) << e;
  e = choose("", "", "", "01/01/2015", "30/06/2015").error;
  EXPECT_NE(e.find("nằm ngoài các năm có số liệu (2016 đến 2021)"), std::string::npos) << e;
  e = choose("2030-h1").error;
  EXPECT_NE(e.find("\"6 tháng đầu năm 2030\" nằm ngoài các năm có số liệu"), std::string::npos) << e;
  for (const char* ky : {"2020-h1", "2020-h2"}) EXPECT_TRUE(choose(ky).error.empty()) << ky;
}


// Every demo project lies in Bắc Giang, the area of every demo plan.
TEST(HalfYearFigures, ProjectsAndMoneyByApprovalDate) {
  std::vector<CsvProject> projects = demo_csv_projects();
  for (int year = 2016; year <= 2021; ++year) {
    int64_t year_count = 0;
    for (int half : {1, 2}) {
      ReportPeriod period = half_year(year, half);
      int64_t count = 0, budget = 0;
      for (const CsvProject& p : projects)
        if (implemented(p.status) && within(p.approved, period.first_day(), period.last_day())) {
          ++count;
          budget += p.budget;
        }
      PhaseReport r = compute_plan_report(demo(), plan("bg-2016-2020"), period);
      EXPECT_EQ(r.total.projects, count) << report_period_label(period);
      EXPECT_EQ(r.total.budget, budget) << report_period_label(period);
      year_count += count;
      EXPECT_TRUE(r.targets.empty()) << "a half-year does not compare the phase's targets";
    }
    int64_t approved_that_year = 0;
    for (const CsvProject& p : projects)
      if (implemented(p.status) && p.approved.year == year) ++approved_that_year;
    EXPECT_EQ(year_count, approved_that_year) << "the halves of " << year << " make its approvals";
  }
  // The demo approves its projects in the first half-year: a check that the halves differ.
  EXPECT_GT(compute_plan_report(demo(), plan("bg-2016-2020"), half_year(2020, 1)).total.projects, 0);
  EXPECT_EQ(compute_plan_report(demo(), plan("bg-2016-2020"), half_year(2020, 2)).total.projects, 0);
}

TEST(HalfYearFigures, OutputsByAcceptanceDate) {
  std::map<std::string, CsvProject> by_code;
  for (const CsvProject& p : demo_csv_projects()) by_code[p.code] = p;
  ReportPeriod period = *choose("", "", "", "01/03/2020", "30/11/2020").period;
  std::map<std::string, int64_t> expected;
  for (auto& r : demo_csv_rows("de_an_ket_qua.csv")) {
    const CsvProject& p = by_code[r["de_an"]];
    if (implemented(p.status) && within(p.accepted, period.first_day(), period.last_day()))
      expected[r["chi_tieu"]] += std::stoll(r["gia_tri"]);
  }
  ASSERT_FALSE(expected.empty());
  std::map<std::string, int64_t> actual;
  for (const ContentResult& c : compute_plan_report(demo(), plan("bg-2016-2020"), period).contents)
    for (const IndicatorResult& o : c.outputs)
      if (o.actual != 0 && o.source == "dau_ra") actual[o.code] = o.actual;
  EXPECT_EQ(actual, expected);
  // Honoured products are counted by the selection round's year: not placed in a period of days.
  PhaseReport r = compute_plan_report(demo(), plan("bg-2016-2020"), period);
  EXPECT_EQ(r.selection.honoured, (std::array<int64_t, 4>{}));
  EXPECT_GT(compute_plan_report(demo(), plan("bg-2016-2020"), ReportPeriod(2020, 2020)).selection.honoured[2], 0)
      << "the year counts them";
}

TEST(HalfYearFigures, TheYearsPlanOnThePeriodsLastDay) {
  std::vector<CsvProject> projects = demo_csv_projects();
  for (ReportPeriod period : {half_year(2020, 1), half_year(2020, 2), half_year(2021, 1), *choose("", "", "", "01/03/2019", "30/10/2019").period}) {
    Date from = period.first_day(), end = period.last_day();
    PeriodProgress expected;
    for (const CsvProject& p : projects) {
      if (within(p.accepted, from, end) && implemented(p.status)) expected.accepted.add(p.budget, 0);
      if (p.start_year != end.year || !(p.status == "phe_duyet" || implemented(p.status))) continue;
      ++expected.in_plan;
      if (p.status == "quyet_toan" || p.status == "hau_kiem") ++expected.settlement_undated;  // the bundle dates no settlement
      if (p.approved.year == 0) ++expected.approval_undated;
      else if (end < p.approved) ++expected.not_yet_approved;
      else if (p.accepted.year != 0 && p.accepted <= end) ++expected.accepted_by_end;
      else if (p.accepted.year == 0 && (p.status == "nghiem_thu" || p.status == "quyet_toan" || p.status == "hau_kiem")) ++expected.acceptance_undated;
      else ++expected.in_progress_at_end;
    }
    expected.approved_by_end = expected.accepted_by_end + expected.in_progress_at_end + expected.acceptance_undated;
    PeriodProgress got = compute_period_progress(demo(), plan("bg-2016-2020"), period);
    std::string label = report_period_label(period);
    EXPECT_GT(got.in_plan, 0) << label;
    EXPECT_EQ(got.in_plan, expected.in_plan) << label;
    EXPECT_EQ(got.approved_by_end, expected.approved_by_end) << label;
    EXPECT_EQ(got.in_progress_at_end, expected.in_progress_at_end) << label;
    EXPECT_EQ(got.accepted_by_end, expected.accepted_by_end) << label;
    EXPECT_EQ(got.acceptance_undated, expected.acceptance_undated) << label;
    EXPECT_EQ(got.not_yet_approved, expected.not_yet_approved) << label;
    EXPECT_EQ(got.approval_undated, expected.approval_undated) << label;
    EXPECT_EQ(got.settlement_undated, expected.settlement_undated) << label;
    EXPECT_EQ(got.settled.projects, 0) << label << ": no settlement is dated in the demo";
    EXPECT_EQ(got.accepted.projects, expected.accepted.projects) << label;
    EXPECT_EQ(got.accepted.budget, expected.accepted.budget) << label;
  }
  // On 30/06/2020 the demo's 2020 projects are approved and none accepted; by 31/12 all are.
  PeriodProgress h1 = compute_period_progress(demo(), plan("bg-2016-2020"), half_year(2020, 1));
  EXPECT_EQ(h1.accepted_by_end, 0);
  EXPECT_EQ(h1.in_progress_at_end, h1.in_plan);
  PeriodProgress h2 = compute_period_progress(demo(), plan("bg-2016-2020"), half_year(2020, 2));
  EXPECT_EQ(h2.accepted_by_end, h2.in_plan);
}

// A settlement dated by its lifecycle step counts in the period of its day, and no longer as
// undated; the loader's reading of the steps is checked through the server (web_dashboard_period_test).
TEST(HalfYearFigures, ASettlementCountsByItsStepsDate) {
  Dataset data = demo();
  size_t settled = data.projects.size();
  for (size_t i = 0; i < data.projects.size(); ++i)
    if (data.projects.year_from[i] == 2020 && data.projects.status[i] == "quyet_toan") {
      settled = i;
      break;
    }
  ASSERT_LT(settled, data.projects.size());
  const Plan& phase = data.plans[static_cast<size_t>(data.plan_index("bg-2016-2020"))];
  PeriodProgress before = compute_period_progress(data, phase, half_year(2020, 2));
  data.projects.settled_on[settled] = Date{2020, 12, 20}.ordinal();
  PeriodProgress h2 = compute_period_progress(data, phase, half_year(2020, 2));
  EXPECT_EQ(h2.settled.projects, 1);
  EXPECT_EQ(h2.settled.budget, data.projects.budget[settled]);
  EXPECT_EQ(h2.settlement_undated, before.settlement_undated - 1);
  EXPECT_EQ(compute_period_progress(data, phase, half_year(2020, 1)).settled.projects, 0) << "not in the other half";
}

}  // namespace
}  // namespace kc::test
