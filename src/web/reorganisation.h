// The 2025 reorganisation in daily work: units that ended (districts, merged communes) and the
// units that took them over (the bundle's don_vi_ke_thua), as officers and history pages see them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"

namespace kc::web {

// The units that took over `unit` and the units under it (for a district: the new communes that
// took over its communes, and the province that took over the district itself), valid `on`, without repeats.
std::vector<int32_t> area_successors(const Dataset& data, int32_t unit, const Date& on);

// The notice shown to an officer whose area ended before `today`:
// "Địa bàn của bạn (huyện Lục Ngạn) đã kết thúc hiệu lực từ 01/7/2025; các đơn vị kế thừa: …".
// "" when the area is still valid (or unknown).
std::string abolished_area_notice(const Dataset& data, const std::string& unit_code, const Date& today);

// " (nay: tỉnh Bắc Ninh)" for a unit that ended and was taken over; "" otherwise.
std::string successor_suffix(const Dataset& data, int32_t unit);

}  // namespace kc::web
