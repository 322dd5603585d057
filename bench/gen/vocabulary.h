// Word lists and catalogues the benchmark generator draws from: the 34 provinces, syllables
// for place and person names, crafts by sector, the nine contents of Decree 45/2012 and the
// output indicators of each. All text is precomposed Vietnamese (NFC), as the importer stores it.
#pragma once

#include <array>
#include <string_view>

namespace kcbench {

struct ProvinceInfo {
  std::string_view name;  // without the unit type
  bool central_city;      // thanh_pho_tw
  int region;             // index into kRegions
};
extern const std::array<ProvinceInfo, 34> kProvinces;
extern const std::array<std::string_view, 6> kRegions;
// Regions whose districts are often mountainous (priority areas).
bool mountainous_region(int region);

extern const std::array<std::string_view, 48> kPlaceSyllables;
extern const std::array<std::string_view, 16> kFamilyNames;
extern const std::array<std::string_view, 12> kMiddleNames;
extern const std::array<std::string_view, 40> kGivenNames;

// A craft (trade) and the sector / product group codes it belongs to.
struct Craft {
  std::string_view name;          // "chế biến chè"
  std::string_view sector;        // enums::kSector code
  std::string_view product_group; // enums::kProductGroup code
  std::string_view product;       // a product of the craft, "chè búp khô"
};
extern const std::array<Craft, 28> kCrafts;

struct ContentInfo {
  std::string_view name;         // noi_dung.ten
  std::string_view report_name;  // noi_dung.ten_bao_cao
};
extern const std::array<ContentInfo, 9> kContents;

struct OutputIndicator {
  std::string_view name;
  std::string_view unit;
  int lo, hi;  // range of a project's value
};
inline constexpr int kOutputsPerContent = 12;
extern const std::array<std::array<OutputIndicator, kOutputsPerContent>, 9> kOutputs;

}  // namespace kcbench
