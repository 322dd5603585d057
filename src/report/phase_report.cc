#include "report/phase_report.h"

#include <algorithm>
#include <map>
#include <span>
#include <tuple>

#include "core/growth.h"
#include "core/vn_format.h"
#include "report/phase_report_figures.h"
#include "report/plan_scope.h"
#include "schema/enums.h"
#include "text/collate.h"

namespace kc {

namespace {

std::string label_of(std::span<const EnumValue> values, const std::string& code) {
  for (const EnumValue& v : values)
    if (v.code == code) return std::string(v.label);
  return code;
}

DocumentRef document_ref(const LegalDocument& d) {
  return {label_of(enums::kDocumentType, d.type), d.number, d.issuer, d.subject, d.issued};
}

bool starts_with_ci_giam_doc(const std::string& position) {
  return position.rfind("Giám đốc", 0) == 0 || position.rfind("giám đốc", 0) == 0;
}

// Everything computed over the plan's projects in one pass.
class PhaseComputation {
 public:
  PhaseComputation(const Dataset& d, const Plan& plan, PhaseReport& r, std::optional<DateRange> days = std::nullopt)
      : d_(d), plan_(plan), r_(r), scope_(d, plan, std::move(days)), period_end_(scope_.period_end()) {}

  void run() {
    identity();
    state_management();
    projects_and_outputs();
    // Selection rounds and activities carry a year only: not placed in a period of days.
    if (!scope_.by_days()) selection();
    indicators_and_targets();
    contents();
    assessment();
    areas();
    build_figures(d_, r_);
  }

 private:
  bool unit_in_area(int32_t unit) const { return scope_.unit_in_area(unit); }

  void identity() {
    r_.plan_code = plan_.code;
    r_.plan_name = plan_.name;
    r_.from_year = plan_.from_year;
    r_.to_year = plan_.to_year;
    r_.directions = plan_.directions;
    r_.area_name = d_.unit_display_name(plan_.unit);
    r_.area_short_name = plan_.unit >= 0 ? d_.units[static_cast<size_t>(plan_.unit)].name : "";
    r_.area_type = plan_.unit >= 0 ? label_of(enums::kUnitType, d_.units[static_cast<size_t>(plan_.unit)].type) : "";
    if (const LegalDocument* doc = d_.document(plan_.approving_document)) r_.approving_document = document_ref(*doc);
    for (const Organisation& o : d_.organisations)
      if (o.type == "bo_cong_thuong" && r_.ministry_name.empty()) r_.ministry_name = o.name;
    if (plan_.reporting_org < 0) return;
    const Organisation& agency = d_.organisations[static_cast<size_t>(plan_.reporting_org)];
    r_.agency_name = agency.name;
    r_.agency_abbreviation = agency.abbreviation;
    if (agency.parent >= 0) r_.parent_agency_name = d_.organisations[static_cast<size_t>(agency.parent)].name;
    for (const Staff& s : d_.staff)
      if (s.organisation == plan_.reporting_org && s.active_on(period_end_) && starts_with_ci_giam_doc(s.position)) {
        r_.signer_position = s.position;
        r_.signer_name = s.name;
        break;
      }
  }

  void state_management() {
    for (const LegalDocument& doc : d_.documents) {
      if (doc.issued > period_end_) continue;
      if (doc.issuer_level == "trung_uong")
        r_.basis_documents.push_back(document_ref(doc));
      else if (unit_in_area(doc.unit))
        r_.local_documents.push_back(document_ref(doc));
    }
    auto by_date = [](const DocumentRef& a, const DocumentRef& b) { return a.issued < b.issued; };
    std::stable_sort(r_.basis_documents.begin(), r_.basis_documents.end(), by_date);
    std::stable_sort(r_.local_documents.begin(), r_.local_documents.end(), by_date);

    OrganisationSummary& o = r_.organisation;
    int32_t centre = -1;
    for (size_t i = 0; i < d_.organisations.size(); ++i) {
      const Organisation& org = d_.organisations[i];
      bool ours = org.parent == plan_.reporting_org || unit_in_area(org.unit);
      if (org.type == "trung_tam_khuyen_cong" && ours && centre < 0) centre = static_cast<int32_t>(i);
      if (org.type == "phong_kinh_te" && unit_in_area(org.unit)) ++o.local_offices;
    }
    if (centre >= 0) {
      o.centre_name = d_.organisations[static_cast<size_t>(centre)].name;
      o.centre_abbreviation = d_.organisations[static_cast<size_t>(centre)].abbreviation;
    }
    for (const Staff& s : d_.staff) {
      if (!s.active_on(period_end_) || s.organisation < 0) continue;
      const Organisation& org = d_.organisations[static_cast<size_t>(s.organisation)];
      if (s.organisation == centre) {
        o.centre_staff_recorded = true;
        ++o.centre_staff;
        if (s.role != "khac") ++o.centre_staff_on_extension;
      } else if (unit_in_area(org.unit)) {
        o.local_staff_recorded = true;
        if (s.role == "kiem_nhiem" && org.type == "phong_kinh_te") ++o.local_concurrent_officers;
        if (s.role == "cong_tac_vien") ++o.collaborators;
      }
    }
  }

  void projects_and_outputs() {
    const Projects& p = d_.projects;
    counted_.assign(p.size(), 0);
    content_totals_.assign(d_.contents.size(), {});
    std::map<int, YearRow> years;
    for (int y = plan_.from_year; y <= plan_.to_year; ++y) years[y].year = y;
    area_totals_.clear();
    for (size_t i = 0; i < p.size(); ++i) {
      if (!scope_.project_counts(i)) continue;
      counted_[i] = 1;
      int level = static_cast<int>(p.level[i]);
      r_.by_level[static_cast<size_t>(level)].add(p.budget[i], p.counterpart[i]);
      r_.total.add(p.budget[i], p.counterpart[i]);
      if (p.content[i] >= 0) content_totals_[static_cast<size_t>(p.content[i])][static_cast<size_t>(level)].add(p.budget[i], p.counterpart[i]);
      // Over a period of days a project is placed by its approval, so its row is that year's.
      int year = scope_.by_days() ? p.approved_on[i] / 10000 : p.year_from[i];
      years[year].by_level[static_cast<size_t>(level)].add(p.budget[i], p.counterpart[i]);
      area_totals_[scope_.district_of(p.unit[i])].add(p.budget[i], p.counterpart[i]);
    }
    for (auto& [y, row] : years) r_.years.push_back(row);
    output_sums_.assign(d_.indicators.size(), 0);
    const Outputs& out = d_.outputs;
    std::vector<char> accepted_in_period;  // over a period of days outputs count by acceptance
    if (scope_.by_days()) {
      accepted_in_period.resize(p.size());
      for (size_t i = 0; i < p.size(); ++i) accepted_in_period[i] = scope_.outputs_count(i) ? 1 : 0;
    }
    const std::vector<char>& outputs_counted = scope_.by_days() ? accepted_in_period : counted_;
    for (size_t i = 0; i < out.size(); ++i)
      if (out.project[i] >= 0 && outputs_counted[static_cast<size_t>(out.project[i])] && out.indicator[i] >= 0)
        output_sums_[static_cast<size_t>(out.indicator[i])] += out.value[i];
  }

  void selection() {
    std::vector<char> round_counted(d_.rounds.size(), 0);
    for (size_t i = 0; i < d_.rounds.size(); ++i) {
      const SelectionRound& rd = d_.rounds[i];
      if (scope_.year_in_period(rd.year) && unit_in_area(rd.unit)) round_counted[i] = 1;
    }
    for (const SelectionResult& res : d_.results) {
      if (res.round < 0 || res.product < 0) continue;
      const SelectionRound& rd = d_.rounds[static_cast<size_t>(res.round)];
      if (!scope_.year_in_period(rd.year)) continue;
      int32_t est = d_.products[static_cast<size_t>(res.product)].establishment;
      if (est < 0 || !unit_in_area(d_.establishments.unit[static_cast<size_t>(est)])) continue;
      round_counted[static_cast<size_t>(res.round)] = 1;
      if (res.passed) ++r_.selection.honoured[level_slot(rd.level)];
    }
    for (size_t i = 0; i < d_.rounds.size(); ++i)
      if (round_counted[i]) {
        r_.selection.recorded = true;
        ++r_.selection.rounds[level_slot(d_.rounds[i].level)];
      }
  }

  static size_t level_slot(const std::string& level) {
    for (size_t i = 0; i < kSelectionLevels.size(); ++i)
      if (level == kSelectionLevels[i]) return i;
    return 0;
  }

  int64_t actual_of(const Indicator& ind, size_t index) const {
    const std::string& s = ind.source;
    if (s == "dau_ra") return output_sums_[index];
    if (s == "kinh_phi_nsnn") return r_.total.budget;
    if (s == "kinh_phi_quoc_gia") return r_.by_level[0].budget;
    if (s == "kinh_phi_tinh") return r_.by_level[1].budget;
    if (s == "kinh_phi_huyen") return r_.by_level[2].budget;
    if (s == "kinh_phi_doi_ung") return r_.total.counterpart;
    if (s == "sp_ton_vinh_tinh") return r_.selection.honoured[1];
    if (s == "sp_ton_vinh_khu_vuc") return r_.selection.honoured[2];
    if (s == "sp_ton_vinh_quoc_gia") return r_.selection.honoured[3];
    return 0;
  }

  void indicators_and_targets() {
    int32_t plan_index = d_.plan_index(plan_.code);
    target_of_.assign(d_.indicators.size(), std::nullopt);
    for (const Target& t : d_.targets)
      if (t.plan == plan_index && t.indicator >= 0) target_of_[static_cast<size_t>(t.indicator)] = t.value;
    results_.resize(d_.indicators.size());
    for (size_t i = 0; i < d_.indicators.size(); ++i) {
      const Indicator& ind = d_.indicators[i];
      results_[i] = {static_cast<int32_t>(i), ind.code, ind.name, ind.unit, ind.source, actual_of(ind, i), target_of_[i]};
      if (target_of_[i]) r_.targets.push_back(results_[i]);
      if (ind.content < 0 && ind.source.rfind("kinh_phi", 0) == 0) r_.money_indicators.push_back(results_[i]);
    }
    auto by_order = [&](const IndicatorResult& a, const IndicatorResult& b) {
      const Indicator& x = d_.indicators[static_cast<size_t>(a.indicator)];
      const Indicator& y = d_.indicators[static_cast<size_t>(b.indicator)];
      int cx = x.content < 0 ? 0 : d_.contents[static_cast<size_t>(x.content)].number;
      int cy = y.content < 0 ? 0 : d_.contents[static_cast<size_t>(y.content)].number;
      return std::tie(cx, x.order, x.code) < std::tie(cy, y.order, y.code);
    };
    std::stable_sort(r_.targets.begin(), r_.targets.end(), by_order);
  }

  void contents() {
    Date start = scope_.period_start();
    std::vector<size_t> order;
    for (size_t c = 0; c < d_.contents.size(); ++c)
      if (d_.contents[c].validity.overlaps(start, period_end_)) order.push_back(c);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return d_.contents[a].number < d_.contents[b].number; });
    for (size_t c : order) {
      ContentResult cr;
      cr.code = d_.contents[c].code;
      cr.title = d_.contents[c].report_title;
      cr.number = d_.contents[c].number;
      cr.by_level = content_totals_[c];
      for (const Totals& t : cr.by_level) cr.total.add(t);
      std::vector<size_t> inds;
      for (size_t i = 0; i < d_.indicators.size(); ++i)
        if (d_.indicators[i].content == static_cast<int32_t>(c)) inds.push_back(i);
      std::stable_sort(inds.begin(), inds.end(), [&](size_t a, size_t b) {
        return std::tie(d_.indicators[a].order, d_.indicators[a].code) < std::tie(d_.indicators[b].order, d_.indicators[b].code);
      });
      for (size_t i : inds) {
        if (results_[i].actual > 0 || results_[i].target) cr.outputs.push_back(results_[i]);
        if (d_.indicators[i].source.rfind("sp_ton_vinh", 0) == 0) cr.has_selection = true;
      }
      for (const Activity& a : d_.activities)
        if (a.content == static_cast<int32_t>(c) && !scope_.by_days() && scope_.year_in_period(a.year) &&
            unit_in_area(a.unit))
          cr.activities.push_back({a.year, a.name, a.description});
      std::stable_sort(cr.activities.begin(), cr.activities.end(),
                       [](const ActivityItem& a, const ActivityItem& b) { return a.year < b.year; });
      ++r_.contents_in_force;
      if (cr.total.projects > 0 || !cr.activities.empty()) ++r_.contents_with_activity;
      r_.contents.push_back(std::move(cr));
    }
  }

  SeriesEndpoints series(const std::string& metric) const {
    std::map<int, int64_t> values;
    for (const Statistic& s : d_.statistics)
      if (s.unit == plan_.unit && s.metric == metric) values[s.year] = s.value;
    SeriesEndpoints e;
    e.first_year = plan_.from_year - 1;  // the year before the phase is its baseline
    e.last_year = plan_.to_year;
    auto first = values.find(e.first_year), last = values.find(e.last_year);
    if (first == values.end() || last == values.end()) return e;
    e.available = true;
    e.first = first->second;
    e.last = last->second;
    e.compound = compound_annual_growth(e.first, e.first_year, e.last, e.last_year);
    e.mean_yearly = mean_yearly_growth(values, e.first_year, e.last_year);
    return e;
  }

  void assessment() {
    r_.establishments = series("so_co_so_cnnt");
    r_.production = series("gtsx_cnnt");
    for (const Statistic& s : d_.statistics)
      if (s.unit == plan_.unit && s.metric == "gtsx_cong_nghiep" && s.year == plan_.to_year)
        r_.province_industry_value = s.value;
    CraftVillageSummary& cv = r_.craft_villages;
    for (const CraftVillage& v : d_.craft_villages) {
      if (unit_in_area(v.unit)) cv.recorded = true;
      if (!unit_in_area(v.unit) || v.recognised > period_end_ || (v.revoked && *v.revoked <= period_end_)) continue;
      ++cv.total;
      ++(v.traditional ? cv.traditional : cv.other);
      if (v.effective) ++cv.effective;
      if (v.notable) {
        std::string place = d_.unit_display_name(v.unit);
        int32_t district = scope_.district_of(v.unit);
        if (district >= 0 && district != v.unit) place += ", " + d_.unit_display_name(district);
        cv.notable.push_back({v.name, place});
      }
    }
    sort_by_name_vi(cv.notable, [](const NamedPlace& p) { return std::string_view(p.name); });
  }

  std::vector<std::string> priority_labels(int32_t unit) const {
    std::vector<std::string> labels;
    Date start = scope_.period_start();
    for (const auto& [code, range] : d_.units[static_cast<size_t>(unit)].priority_periods)
      if (range.overlaps(start, period_end_)) labels.push_back(label_of(enums::kPriorityArea, code));
    return labels;
  }

  void areas() {
    AreaSummary& a = r_.areas;
    for (size_t u = 0; u < d_.units.size(); ++u) {
      const Unit& unit = d_.units[u];
      if (unit.level != "huyen" || !scope_.unit_in_area(static_cast<int32_t>(u)) || !unit.validity.overlaps(scope_.period_start(), period_end_))
        continue;
      AreaRow row{static_cast<int32_t>(u), d_.unit_display_name(static_cast<int32_t>(u)), priority_labels(static_cast<int32_t>(u)), {}};
      if (auto it = area_totals_.find(row.unit); it != area_totals_.end()) row.totals = it->second;
      if (row.priority_labels.empty()) {
        a.other.add(row.totals);
      } else {
        a.priority.add(row.totals);
        a.priority_names.push_back(unit.name);
      }
      a.rows.push_back(std::move(row));
    }
    // Districts by name in Vietnamese order ("Bắc Sơn" before "Bình Gia", "Đình Lập" after the
    // D's), not by "huyện"/"thành phố" nor by UTF-8 bytes.
    sort_by_name_vi(a.rows, [&](const AreaRow& row) { return std::string_view(d_.units[static_cast<size_t>(row.unit)].name); });
    sort_by_name_vi(a.priority_names, [](const std::string& n) { return std::string_view(n); });
    // The kinds of priority area present, in the catalogue's order ("miền núi", "vùng cao"…).
    for (const EnumValue& kind : enums::kPriorityArea)
      for (const AreaRow& row : a.rows)
        if (std::find(row.priority_labels.begin(), row.priority_labels.end(), kind.label) != row.priority_labels.end()) {
          a.priority_kinds.emplace_back(kind.label);
          break;
        }
    if (auto it = area_totals_.find(-1); it != area_totals_.end()) a.province_wide = it->second;
    AreaRow wide{-1, "Phạm vi toàn " + r_.area_type, {}, a.province_wide};
    a.rows.push_back(std::move(wide));
  }

  const Dataset& d_;
  const Plan& plan_;
  PhaseReport& r_;
  PlanScope scope_;
  Date period_end_;
  std::vector<char> counted_;
  std::vector<std::array<Totals, kFundingLevels>> content_totals_;
  std::map<int32_t, Totals> area_totals_;  // by district-level unit; -1 = province-wide
  std::vector<int64_t> output_sums_;
  std::vector<std::optional<int64_t>> target_of_;
  std::vector<IndicatorResult> results_;
};

}  // namespace

const Figure* PhaseReport::figure(const std::string& id) const {
  for (const Figure& f : figures)
    if (f.id == id) return &f;
  return nullptr;
}

PhaseReportResult compute_phase_report(const Dataset& data, const std::string& plan_code) {
  int32_t p = data.plan_index(plan_code);
  if (p < 0) {
    std::string known;
    for (const Plan& plan : data.plans)
      if (plan.type == "giai_doan") known += (known.empty() ? "" : ", ") + plan.code;
    return {std::nullopt, PhaseReportError{"không có kế hoạch mã \"" + plan_code + "\"" +
                                           (known.empty() ? std::string("; cơ sở dữ liệu chưa có kế hoạch giai đoạn nào")
                                                          : "; các kế hoạch giai đoạn hiện có: " + known)}};
  }
  PhaseReport report;
  PhaseComputation(data, data.plans[static_cast<size_t>(p)], report).run();
  return {std::move(report), std::nullopt};
}

PhaseReport compute_plan_report(const Dataset& data, const Plan& plan, int from_year, int to_year) {
  return compute_plan_report(data, plan, ReportPeriod{from_year, to_year});
}

PhaseReport compute_plan_report(const Dataset& data, const Plan& plan, const ReportPeriod& period) {
  Plan over = plan;  // outlives the computation, which keeps a reference
  over.from_year = period.from_year;
  over.to_year = period.to_year;
  PhaseReport report;
  std::optional<DateRange> days;
  if (period.by_days()) days = DateRange{*period.from_day, period.to_day};
  PhaseComputation(data, over, report, days).run();
  if (period != ReportPeriod{plan.from_year, plan.to_year}) {
    report.targets.clear();
    for (IndicatorResult& m : report.money_indicators) m.target.reset();
    for (ContentResult& c : report.contents)
      for (IndicatorResult& o : c.outputs) o.target.reset();
  }
  return report;
}

}  // namespace kc
