// The phase report model: every figure of the five-year evaluation report (the seed's
// Part I and its appendix tables), computed from a Dataset for one plan. Renderers and the
// consistency check read this model; nothing here is formatted prose.
//
// Which projects count: those whose start year lies in the plan's period, located in the
// plan's area (or under it), in a status from "đang thực hiện" onward (in progress,
// accepted, settled, post-audited). Proposals, rejected and cancelled projects do not count.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"
#include "report/figure.h"
#include "report/report_period.h"

namespace kc {

struct Totals {
  int64_t projects = 0, budget = 0, counterpart = 0;  // money in đồng
  void add(int64_t b, int64_t c) {
    ++projects;
    budget += b;
    counterpart += c;
  }
  void add(const Totals& o) {
    projects += o.projects;
    budget += o.budget;
    counterpart += o.counterpart;
  }
};

struct IndicatorResult {
  int32_t indicator = -1;
  std::string code, name, unit, source;
  int64_t actual = 0;
  std::optional<int64_t> target;
  bool money() const { return unit == "đồng"; }
  // Money achievements print two decimals (79,17%), counts one (109,4%); see docs/report.md.
  int percent_decimals() const { return money() ? 2 : 1; }
};

struct ActivityItem {
  int year = 0;
  std::string name, description;
};

struct ContentResult {
  std::string code, title;
  int number = 0;
  std::array<Totals, kFundingLevels> by_level{};
  Totals total;
  std::vector<IndicatorResult> outputs;  // indicators of the content with a result or a target
  std::vector<ActivityItem> activities;  // activities without a budget of their own
  bool has_selection = false;            // the content that reports typical-product selection
};

// Selection rounds and honoured products per level: huyen, tinh, khu_vuc, quoc_gia.
inline constexpr std::array<const char*, 4> kSelectionLevels = {"huyen", "tinh", "khu_vuc", "quoc_gia"};
struct SelectionSummary {
  std::array<int64_t, 4> rounds{}, honoured{};
  bool recorded = false;  // some round of the period and area is recorded
};

struct SeriesEndpoints {
  bool available = false;
  int first_year = 0, last_year = 0;
  int64_t first = 0, last = 0;
  std::optional<double> compound;     // compound annual growth (fraction)
  std::optional<double> mean_yearly;  // mean of yearly rates, when every year is recorded
};

struct NamedPlace {
  std::string name, place;
};

struct CraftVillageSummary {
  bool recorded = false;  // some craft village of the area is recorded, recognised or not
  int64_t total = 0, traditional = 0, other = 0, effective = 0;
  std::vector<NamedPlace> notable;
};

struct AreaRow {
  int32_t unit = -1;  // -1: projects placed at province level (province-wide)
  std::string name;
  std::vector<std::string> priority_labels;  // "miền núi", "vùng cao"…
  Totals totals;
};

struct AreaSummary {
  std::vector<AreaRow> rows;  // district-level units in name order, then province-wide
  Totals priority, other, province_wide;
  std::vector<std::string> priority_names;  // "Lục Nam", "Lục Ngạn"…
  std::vector<std::string> priority_kinds;  // labels of the priority areas present, catalogue order
};

struct OrganisationSummary {
  std::string centre_name, centre_abbreviation;
  int64_t centre_staff = 0, centre_staff_on_extension = 0;
  int64_t local_concurrent_officers = 0, local_offices = 0, collaborators = 0;
  // Whether any staff record (active at the period's end) exists for the centre, and for the
  // area's other organisations: without them the counts above are unknown, not zero.
  bool centre_staff_recorded = false, local_staff_recorded = false;
};

struct DocumentRef {
  std::string type_label, number, issuer, subject;
  Date issued;
};

struct YearRow {
  int year = 0;
  std::array<Totals, kFundingLevels> by_level{};
};

struct PhaseReport {
  // Identity of the plan and the reporting agency.
  std::string plan_code, plan_name;
  std::string area_name, area_short_name, area_type;  // "tỉnh Bắc Giang", "Bắc Giang", "tỉnh"
  int from_year = 0, to_year = 0;
  std::optional<DocumentRef> approving_document;
  std::string agency_name, agency_abbreviation, parent_agency_name, ministry_name;
  std::string signer_position, signer_name;
  std::string directions;  // Part II text (markup: "## " heading, "- " bullet)

  // 1. State management.
  std::vector<DocumentRef> basis_documents;  // central documents in force
  std::vector<DocumentRef> local_documents;  // documents issued in the area
  OrganisationSummary organisation;

  // 2. Results.
  std::array<Totals, kFundingLevels> by_level{};
  Totals total;
  std::vector<IndicatorResult> money_indicators;  // kinh phí by level, đối ứng (with targets)
  std::vector<ContentResult> contents;
  SelectionSummary selection;

  // 3. Assessment.
  int contents_with_activity = 0, contents_in_force = 0;
  SeriesEndpoints establishments, production;
  std::optional<int64_t> province_industry_value;  // last year, đồng
  CraftVillageSummary craft_villages;
  AreaSummary areas;
  std::vector<IndicatorResult> targets;  // every target of the plan with its achievement
  std::vector<YearRow> years;

  std::vector<Figure> figures;  // every stated figure by id, for JSON and the check
  const Figure* figure(const std::string& id) const;
};

struct PhaseReportError {
  std::string message;  // Vietnamese
};

// Computes the report of plan `plan_code`; the error names the plan when it is unknown.
struct PhaseReportResult {
  std::optional<PhaseReport> report;
  std::optional<PhaseReportError> error;
};
PhaseReportResult compute_phase_report(const Dataset& data, const std::string& plan_code);

// The same figures for `plan`'s area over other years or a period of days (a half-year, from–to
// dates; report/report_period.h says how a project is placed in one; selection rounds and
// activities, dated by year only, are left out of such a period). The plan's targets are its
// period's, so they are compared only when the period is the plan's own.
PhaseReport compute_plan_report(const Dataset& data, const Plan& plan, int from_year, int to_year);
PhaseReport compute_plan_report(const Dataset& data, const Plan& plan, const ReportPeriod& period);

}  // namespace kc
