// The in-memory analytic model: the records a report needs, in compact typed form, loaded
// from the store in one pass. Codes are resolved to indexes once, so that computing a
// phase report over 100.000 projects is a few linear scans over small columns.
// The store stays the only source of truth: a Dataset is built from it, never saved; after a
// write the next version shares every column the write did not touch (model/column.h,
// model/dataset_update.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "model/column.h"

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
  bool operator==(const Unit&) const = default;
};

struct ContentItem {
  std::string code, name, report_title;
  int number = 0;
  DateRange validity;
  bool operator==(const ContentItem&) const = default;
};

struct Indicator {
  std::string code, name, unit, source;
  int32_t content = -1;
  int64_t order = 0;
  bool operator==(const Indicator&) const = default;
};

struct LegalDocument {
  std::string code, number, type, issuer, issuer_level, subject;
  int32_t unit = -1;
  Date issued;
  std::string amends, replaces;
  bool operator==(const LegalDocument&) const = default;
};

struct Organisation {
  std::string code, name, abbreviation, type;
  int32_t parent = -1, unit = -1;
  std::optional<Date> from, to;
  bool operator==(const Organisation&) const = default;
};

struct Staff {
  std::string code, name, position, role;
  int32_t organisation = -1;
  std::optional<Date> from, to;
  bool active_on(const Date& d) const { return (!from || *from <= d) && (!to || d <= *to); }
  bool operator==(const Staff&) const = default;
};

struct Plan {
  std::string code, name, type, directions;
  int32_t unit = -1, parent = -1, reporting_org = -1;
  int from_year = 0, to_year = 0;
  std::string approving_document;  // code, may be empty
  bool operator==(const Plan&) const = default;
};

struct Target {
  int32_t plan = -1, indicator = -1;
  int64_t value = 0;
  std::string note;
  bool operator==(const Target&) const = default;
};

// Projects as columns (one entry per project, same index in every column).
struct Projects {
  Column<std::string> code;
  Column<int16_t> content;
  Column<FundingLevel> level;
  Column<std::string> status;
  Column<int16_t> year_from, year_to;
  Column<int32_t> unit;
  Column<int64_t> budget, counterpart;
  // The dated steps the project record carries (ngay_phe_duyet, ngay_nghiem_thu) as
  // Date::ordinal() (yyyymmdd), 0 when not recorded: what places a project in a half-year.
  Column<int32_t> approved_on, accepted_on;
  // The settlement ("quyết toán") has no column: it is dated by the lifecycle's step into it
  // (de_an_su_kien), when the step was taken in the application; 0 otherwise.
  Column<int32_t> settled_on;
  // Names, for the reports that list projects (the annual report's national-funded projects,
  // those behind schedule or amended): one text with each name's end offset, not one string
  // per project (at national scale 110.000 strings cost twice the text itself).
  TextColumn names;
  // "" for a project added without a name (a Dataset built by hand).
  std::string_view name(size_t i) const { return i < names.size() ? names[i] : std::string_view(); }
  size_t size() const { return code.size(); }
  bool operator==(const Projects&) const = default;
};

// Approved amendments of projects (dieu_chinh with trang_thai da_duyet): few, so whole rows.
struct ApprovedAmendment {
  int32_t project = -1;
  std::string kind;               // noi_dung_dieu_chinh: kinh_phi, tien_do, dia_diem, co_so
  std::optional<Date> decided;    // the day it was approved (thoi_diem_duyet), when recorded
  bool operator==(const ApprovedAmendment&) const = default;
};

// Beneficiaries of projects (de_an_co_so) as two columns: project and establishment indexes.
struct Beneficiaries {
  Column<int32_t> project, establishment;
  size_t size() const { return project.size(); }
  bool operator==(const Beneficiaries&) const = default;
};

struct Outputs {
  Column<int32_t> project;
  Column<int16_t> indicator;
  Column<int64_t> value;
  size_t size() const { return project.size(); }
  bool operator==(const Outputs&) const = default;
};

struct Activity {
  std::string code, name, description;
  int32_t content = -1, unit = -1;
  int year = 0;
  bool operator==(const Activity&) const = default;
};

struct CraftVillage {
  std::string code, name, craft;
  bool traditional = false, effective = false, notable = false;
  int32_t unit = -1;
  Date recognised;
  std::optional<Date> revoked;
  bool operator==(const CraftVillage&) const = default;
};

// Only what reports need of the (many) establishments: where each is, and their codes (in key
// order, packed: a write to one finds it by a binary search; a hash map of the codes cost more
// than all the projects at national scale).
struct Establishments {
  Column<int32_t> unit;
  TextColumn code;  // may be empty in a Dataset built by hand
  size_t size() const { return unit.size(); }
  bool operator==(const Establishments&) const = default;
};

struct Product {
  std::string code, name;
  int32_t establishment = -1;
  bool operator==(const Product&) const = default;
};

struct SelectionRound {
  std::string code, name, level;
  int year = 0;
  int32_t unit = -1;
  bool operator==(const SelectionRound&) const = default;
};

struct SelectionResult {
  int32_t round = -1, product = -1;
  std::optional<int64_t> score_hundredths;
  bool passed = false;
  bool operator==(const SelectionResult&) const = default;
};

struct Fair {
  std::string code, name;
  int year = 0;
  int32_t project = -1;
  std::optional<int64_t> participations;
  bool operator==(const Fair&) const = default;
};

struct Cluster {
  std::string code, name, status;
  int32_t unit = -1, project = -1;
  bool operator==(const Cluster&) const = default;
};

struct Statistic {
  int32_t unit = -1;
  int year = 0;
  std::string metric;
  int64_t value = 0;
  bool operator==(const Statistic&) const = default;
};

struct Dataset {
  Column<Unit> units;
  Column<ContentItem> contents;
  Column<Indicator> indicators;
  Column<LegalDocument> documents;
  Column<Organisation> organisations;
  Column<Staff> staff;
  Column<Plan> plans;
  Column<Target> targets;
  Projects projects;
  Outputs outputs;
  Column<ApprovedAmendment> amendments;
  Beneficiaries beneficiaries;
  Column<Activity> activities;
  Column<CraftVillage> craft_villages;
  Establishments establishments;
  Column<Product> products;
  Column<SelectionRound> rounds;
  Column<SelectionResult> results;
  Column<Fair> fairs;
  Column<Cluster> clusters;
  Column<Statistic> statistics;

  bool operator==(const Dataset&) const = default;

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
