// The annual and six-month reports on a year's khuyến công plan (issue 12 §2): every figure the
// centre reports each year to the province and the Ministry, computed from a Dataset for the
// year's annual plan (`ke_hoach` of type hang_nam; its targets in `muc_tieu`).
//
// The period's results reuse the phase report's computation over the annual plan
// (compute_plan_report): the same projects count (started in the year, of the plan's area, in
// progress or later), the same outputs, areas and organisation. A six-month report covers
// 01/01–30/06 by the dated steps of each project (report/report_period.h: a project by its
// approval date, its outputs by its acceptance date) and adds the year's plan on 30/06
// (report/period_progress.h) and the whole year's plan as the estimate for the year. What this
// file adds: where the counted projects stand at the period's end (accepted, settled), the
// national-funded projects, those behind schedule or amended, the beneficiaries, the annual
// plan's targets, and the same period of the previous year. docs/report.md, "The annual and
// six-month reports", says what each figure means.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dataset.h"
#include "report/figure.h"
#include "report/period_progress.h"
#include "report/phase_report.h"
#include "report/report_period.h"

namespace kc {

// A project as the report lists it: by name, with its place and its state.
struct ProjectLine {
  std::string code, name, place, status;  // place: "xã Nam Dương, huyện Lục Ngạn"; status: Vietnamese
  FundingLevel level = FundingLevel::Provincial;
  int content_number = 0;
  int year_from = 0, year_to = 0;
  int64_t budget = 0;  // đồng
  std::string note;    // why it is listed: "kết thúc năm 2019, chưa nghiệm thu"; "điều chỉnh kinh phí"
};

// How far the period's counted projects went by the period's last day. Acceptance and
// settlement are dated by the project's steps; a project accepted or settled by its status whose
// step carries no date is counted apart, never placed in a period by guess.
struct StageTotals {
  std::array<Totals, kFundingLevels> accepted{}, settled{};
  Totals accepted_total, settled_total;
  int64_t acceptance_undated = 0, settlement_undated = 0;
};

struct AnnualReport {
  bool six_month = false;
  int year = 0;
  std::string area_code;               // the plan's area (don_vi_hanh_chinh.ma)
  ReportPeriod period;                 // the year, or its first half
  PhaseReport current;                 // the period's results over the annual plan
  PhaseReport previous;                // the same period of the previous year, same area
  std::optional<PhaseReport> whole_year;   // six-month: the whole year's plan (the year's estimate)
  std::optional<PeriodProgress> progress;  // six-month: the year's plan on 30/06
  std::vector<IndicatorResult> targets;    // the annual plan's targets, with the period's results
  StageTotals stages;
  Totals approved;                         // of the plan's area, approved within the period (by the day)
  int64_t approved_not_started = 0;        // of the year, approved and not started by the period's end
  std::vector<ProjectLine> national;       // national-funded projects of the period, their state
  std::vector<ProjectLine> behind;         // due to end by the period's year, not accepted by its end
  std::vector<ProjectLine> amended;        // amendments approved within the period
  std::optional<int64_t> beneficiaries;    // distinct establishments; none recorded: unknown
  std::vector<Figure> figures;             // every stated figure by id (docs/report.md)

  // "nam" or "sau_thang": the first part of the period's figure ids.
  std::string figure_prefix() const { return six_month ? "sau_thang" : "nam"; }
  // "năm 2020", "6 tháng đầu năm 2020".
  std::string period_label() const;
  const Figure* figure(const std::string& id) const;
};

struct AnnualReportResult {
  std::optional<AnnualReport> report;
  std::string error;  // Vietnamese: the year or plan that could not be used
};

// `plan_code` empty: the annual plan of `year`, when the records hold exactly one. Otherwise the
// plan must be an annual plan (hang_nam) covering `year`.
AnnualReportResult compute_annual_report(const Dataset& data, int year, const std::string& plan_code, bool six_month);

// The figures of a computed report (annual_report_figures.cc).
void build_annual_figures(AnnualReport& report);

}  // namespace kc
