// The state shared by the parts of the national benchmark dataset generator: the
// administrative geography and organisations built first, then what the activity part
// accumulates (money, outputs, honoured products per province and year) so that the plans
// written last carry targets in proportion to what the projects achieved.
//
// Codes are chosen so that generation order is key order (fixed-width numbers):
//   units T01, T01-H01, T01-H01-X01   organisations BCT, UB01, SCT01, TT01, PKT01-01
//   establishments CS01-000001        projects DA01-2016-00001      plans KH01-2016-2020, KH01-2016
//   indicators kq-3-01 (outputs), kp-nsnn, kp-tinh… (money), sp-ton-vinh-tinh…
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gen/vocabulary.h"

namespace kcbench {

inline constexpr uint64_t kSeed = 0x6b6875796e636f6eull;  // "khuyncon"
inline constexpr int kFirstYear = 2016;
inline constexpr int kLastYear = 2025;
inline constexpr int kYears = kLastYear - kFirstYear + 1;
inline constexpr int kPhases = 2;  // 2016–2020, 2021–2025
inline int phase_of(int year) { return year <= 2020 ? 0 : 1; }
inline int phase_first(int phase) { return phase == 0 ? 2016 : 2021; }
inline int phase_last(int phase) { return phase == 0 ? 2020 : 2025; }

struct Options {
  std::filesystem::path out;
  double scale = 1.0;
};

struct Commune {
  std::string code, name, type;
};

struct District {
  std::string code, name, type;
  bool mountainous = false;
  std::string office;  // phong_kinh_te organisation
  std::vector<Commune> communes;
  std::vector<uint32_t> establishments;  // indices within the province
};

// Totals, by start year, of the projects a phase report counts (under way or accepted:
// dang_thuc_hien, nghiem_thu, quyet_toan, hau_kiem), and of honoured products.
struct Actuals {
  std::array<int64_t, 3> by_level{};  // state budget: quoc_gia, tinh, huyen
  int64_t counterpart = 0;
  std::array<int64_t, 9 * kOutputsPerContent> outputs{};
  std::array<int64_t, 3> honoured{};  // products honoured: tinh, khu_vuc, quoc_gia
  int64_t budget() const { return by_level[0] + by_level[1] + by_level[2]; }
};

struct Province {
  int index = 0;
  std::string num;   // "01"
  std::string unit;  // "T01"
  const ProvinceInfo* info = nullptr;
  std::string display;  // "tỉnh Lai Châu", "thành phố Hà Nội"
  std::string ubnd, department, centre;
  std::vector<District> districts;
  uint32_t establishments = 0;
  std::vector<uint8_t> establishment_craft;  // kCrafts index per establishment
  std::array<std::vector<std::string>, kYears> fair_projects;  // content 4, by year
  std::vector<std::string> cluster_projects;                   // content 7
  std::array<Actuals, kYears> actual;
};

struct World {
  Options options;
  std::vector<Province> provinces;
  std::map<std::string, int64_t> rows;  // per kind, as written
  int64_t projects_per_province_year = 0;
  uint32_t establishments_per_province = 0;
};

// Fixed-width decimal: pad(7, 3) == "007".
std::string pad(int64_t n, int width);
std::string output_code(int content, int k);  // content 1..9, k 0..11 -> "kq-3-01"
std::string content_code(int content);        // "nd45-3"
std::string unit_type_label(std::string_view type);  // "huyện", "xã"…
std::string person_name(class Rng& rng);
std::string two_syllables(class Rng& rng);

void build_world(World& w);
void write_reference(World& w);  // units, documents, priority areas, contents, indicators, organisations, staff
void write_activity(World& w);   // establishments, projects and their rows, villages, products, selections, fairs…
void write_plans(World& w);      // plans and targets (after write_activity: targets follow the actuals)

}  // namespace kcbench
