// The 2025 reorganisation in daily work: units that ended (districts, merged communes) and the
// units that took them over (the bundle's don_vi_ke_thua), as officers and history pages see them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"
#include "records/record_editing.h"
#include "schema/field_errors.h"
#include "schema/record_kind.h"

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

// The units an officer of the ended `unit` may be moved to, valid `on`: the unit's own successor
// when it has exactly one that is not a whole province (a commune merged into a new commune);
// otherwise every unit that took over it or a unit under it, provinces last (a district: its new
// communes, then the province). Empty when the unit is still valid or nothing took it over.
std::vector<int32_t> move_candidates(const Dataset& data, int32_t unit, const Date& on);

// When a unit field of a record of `kind` has an error and names a unit that ended before the
// record's period (its years or date: a project's nam_bat_dau–nam_ket_thuc, a plan's
// tu_nam–den_nam, an activity's, a statistic's or a selection round's nam, a craft village's
// ngay_cong_nhan), appends to that error the units that took it over and are valid then:
// "; đơn vị này đã sáp nhập vào xã Nam Dương (mã bn-nam-duong); hãy chọn đơn vị kế thừa".
// The validity rule itself is check_record_rules' (src/records/rules.cc); this only names the
// way out. Pages and the JSON API (proposals, registries, plans) call it on every refused write,
// so both say the same.
void name_successors(const Dataset& data, const RecordKind& kind, const FormValues& values, FieldErrors& errors);

}  // namespace kc::web
