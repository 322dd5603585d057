// The in-memory analytic model: the records a report needs, in compact typed form, loaded
// from the store in one pass. Codes are resolved to indexes once, so that computing a
// phase report over 100.000 projects is a few linear scans over small columns.
// The store stays the only source of truth: a Dataset is rebuilt from it, never saved.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"

namespace kc {

class Store;

enum class FundingLevel : uint8_t { National = 0, Provincial = 1, District = 2 };
inline constexpr int kFundingLevels = 3;

struct Unit {
  std::string code, name, type, level;  // type/level are enum codes (xa, huyen…)
  int32_t parent = -1;
  DateRange validity;
  std::vector<std::pair<std::string, DateRange>> priority_periods;  // priority-area code, when
  std::vector<int32_t> successors;  // the units that took it over (merger, split, renaming)
};

struct ContentItem {
  std::string code, name, report_title;
  int number = 0;
  DateRange validity;
};

struct Indicator {
  std::string code, name, unit, source;
  int32_t content = -1;
  int64_t order = 0;
};

struct LegalDocument {
  std::string code, number, type, issuer, issuer_level, subject;
  int32_t unit = -1;
  Date issued;
  std::string amends, replaces;
};

struct Organisation {
  std::string code, name, abbreviation, type;
  int32_t parent = -1, unit = -1;
  std::optional<Date> from, to;
};

struct Staff {
  std::string code, name, position, role;
  int32_t organisation = -1;
  std::optional<Date> from, to;
  bool active_on(const Date& d) const { return (!from || *from <= d) && (!to || d <= *to); }
};

struct Plan {
  std::string code, name, type, directions;
  int32_t unit = -1, parent = -1, reporting_org = -1;
  int from_year = 0, to_year = 0;
  std::string approving_document;  // code, may be empty
};

struct Target {
  int32_t plan = -1, indicator = -1;
  int64_t value = 0;
  std::string note;
};

// Projects as columns (one entry per project, same index in every column).
struct Projects {
  std::vector<std::string> code;
  std::vector<int16_t> content;
  std::vector<FundingLevel> level;
  std::vector<std::string> status;
  std::vector<int16_t> year_from, year_to;
  std::vector<int32_t> unit;
  std::vector<int64_t> budget, counterpart;
  // The dated steps the project record carries (ngay_phe_duyet, ngay_nghiem_thu) as
  // Date::ordinal() (yyyymmdd), 0 when not recorded: what places a project in a half-year.
  std::vector<int32_t> approved_on, accepted_on;
  // The settlement ("quyết toán") has no column: it is dated by the lifecycle's step into it
  // (de_an_su_kien), when the step was taken in the application; 0 otherwise.
  std::vector<int32_t> settled_on;
  // Names, for the reports that list projects (the annual report's national-funded projects,
  // those behind schedule or amended): one text with each name's end offset, not one string
  // per project (at national scale 110.000 strings cost twice the text itself).
  std::string name_text;
  std::vector<uint32_t> name_end;
  // "" for a project added without a name (a Dataset built by hand).
  std::string_view name(size_t i) const {
    if (i >= name_end.size()) return {};
    size_t from = i == 0 ? 0 : name_end[i - 1];
    return std::string_view(name_text).substr(from, name_end[i] - from);
  }
  size_t size() const { return code.size(); }
};

// Approved amendments of projects (dieu_chinh with trang_thai da_duyet): few, so whole rows.
struct ApprovedAmendment {
  int32_t project = -1;
  std::string kind;               // noi_dung_dieu_chinh: kinh_phi, tien_do, dia_diem, co_so
  std::optional<Date> decided;    // the day it was approved (thoi_diem_duyet), when recorded
};

// Beneficiaries of projects (de_an_co_so) as two columns: project and establishment indexes.
struct Beneficiaries {
  std::vector<int32_t> project, establishment;
  size_t size() const { return project.size(); }
};

struct Outputs {
  std::vector<int32_t> project;
  std::vector<int16_t> indicator;
  std::vector<int64_t> value;
  size_t size() const { return project.size(); }
};

struct Activity {
  std::string code, name, description;
  int32_t content = -1, unit = -1;
  int year = 0;
};

struct CraftVillage {
  std::string code, name, craft;
  bool traditional = false, effective = false, notable = false;
  int32_t unit = -1;
  Date recognised;
  std::optional<Date> revoked;
};

// Only what reports need of the (many) establishments: where each is. Codes are looked up
// while loading and not kept: at national scale a code index cost more than all the projects.
struct Establishments {
  std::vector<int32_t> unit;
  size_t size() const { return unit.size(); }
};

struct Product {
  std::string code, name;
  int32_t establishment = -1;
};

struct SelectionRound {
  std::string code, name, level;
  int year = 0;
  int32_t unit = -1;
};

struct SelectionResult {
  int32_t round = -1, product = -1;
  std::optional<int64_t> score_hundredths;
  bool passed = false;
};

struct Fair {
  std::string code, name;
  int year = 0;
  int32_t project = -1;
  std::optional<int64_t> participations;
};

struct Cluster {
  std::string code, name, status;
  int32_t unit = -1, project = -1;
};

struct Statistic {
  int32_t unit = -1;
  int year = 0;
  std::string metric;
  int64_t value = 0;
};

struct Dataset {
  std::vector<Unit> units;
  std::vector<ContentItem> contents;
  std::vector<Indicator> indicators;
  std::vector<LegalDocument> documents;
  std::vector<Organisation> organisations;
  std::vector<Staff> staff;
  std::vector<Plan> plans;
  std::vector<Target> targets;
  Projects projects;
  Outputs outputs;
  std::vector<ApprovedAmendment> amendments;
  Beneficiaries beneficiaries;
  std::vector<Activity> activities;
  std::vector<CraftVillage> craft_villages;
  Establishments establishments;
  std::vector<Product> products;
  std::vector<SelectionRound> rounds;
  std::vector<SelectionResult> results;
  std::vector<Fair> fairs;
  std::vector<Cluster> clusters;
  std::vector<Statistic> statistics;

  // Lookups by code for the small kinds; -1 when absent.
  int32_t unit_index(const std::string& code) const;
  int32_t plan_index(const std::string& code) const;
  int32_t content_index(const std::string& code) const;
  int32_t indicator_index(const std::string& code) const;
  int32_t organisation_index(const std::string& code) const;
  const LegalDocument* document(const std::string& code) const;

  // True when `unit` is `ancestor` or lies (transitively) under it.
  bool unit_within(int32_t unit, int32_t ancestor) const;

  // "xã Nam Dương", "huyện Lục Ngạn", "thành phố Bắc Giang".
  std::string unit_display_name(int32_t unit) const;

  // The unit and the units that took it over, transitively (a commune merged into another, then
  // renamed): where a record of the old unit carries on.
  std::vector<int32_t> unit_and_successors(int32_t unit) const;
  // The unit's ancestor (or itself) at `level` ("huyen"), or -1.
  int32_t ancestor_at_level(int32_t unit, const std::string& level) const;
};

// Reads every record the reports need from the store.
Dataset load_dataset(Store& store);

}  // namespace kc
