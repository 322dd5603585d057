#include "web/reorganisation.h"

#include <algorithm>

namespace kc::web {

namespace {

std::string names_of(const Dataset& data, const std::vector<int32_t>& units) {
  std::string out;
  for (int32_t u : units) out += (out.empty() ? "" : ", ") + data.unit_display_name(u);
  return out;
}

}  // namespace

std::vector<int32_t> area_successors(const Dataset& data, int32_t unit, const Date& on) {
  std::vector<int32_t> out;
  auto add = [&](int32_t u) {
    for (int32_t s : data.units[static_cast<size_t>(u)].successors)
      if (data.units[static_cast<size_t>(s)].validity.contains(on) && std::find(out.begin(), out.end(), s) == out.end())
        out.push_back(s);
  };
  if (unit < 0) return out;
  // Communes first (where an officer can work), the district's own successor last.
  for (size_t u = 0; u < data.units.size(); ++u)
    if (data.units[u].parent == unit) add(static_cast<int32_t>(u));
  add(unit);
  return out;
}

std::string abolished_area_notice(const Dataset& data, const std::string& unit_code, const Date& today) {
  int32_t unit = data.unit_index(unit_code);
  if (unit < 0) return "";
  const Unit& u = data.units[static_cast<size_t>(unit)];
  if (!u.validity.to || today <= *u.validity.to) return "";
  std::string notice = "Địa bàn của bạn (" + data.unit_display_name(unit) + ") đã kết thúc hiệu lực từ " +
                       to_vn(next_day(*u.validity.to));
  std::vector<int32_t> successors = area_successors(data, unit, today);
  if (successors.empty()) return notice + ".";
  return notice + "; các đơn vị kế thừa: " + names_of(data, successors) + ".";
}

std::string successor_suffix(const Dataset& data, int32_t unit) {
  if (unit < 0) return "";
  const Unit& u = data.units[static_cast<size_t>(unit)];
  if (!u.validity.to) return "";
  // Only what took over at the end: a part split off earlier (thị xã Chũ from Lục Ngạn, 2025-01-01)
  // is not what the unit became.
  std::vector<int32_t> after;
  for (int32_t s : u.successors)
    if (data.units[static_cast<size_t>(s)].validity.from > *u.validity.to) after.push_back(s);
  return after.empty() ? "" : " (nay: " + names_of(data, after) + ")";
}

std::vector<int32_t> move_candidates(const Dataset& data, int32_t unit, const Date& on) {
  if (unit < 0) return {};
  const Unit& u = data.units[static_cast<size_t>(unit)];
  if (!u.validity.to || on <= *u.validity.to) return {};
  auto province = [&](int32_t s) { return data.units[static_cast<size_t>(s)].level == "tinh"; };
  std::vector<int32_t> own;
  for (int32_t s : u.successors)
    if (data.units[static_cast<size_t>(s)].validity.contains(on)) own.push_back(s);
  if (own.size() == 1 && !province(own.front())) return own;
  std::vector<int32_t> all = area_successors(data, unit, on);
  std::stable_partition(all.begin(), all.end(), [&](int32_t s) { return !province(s); });
  return all;
}

namespace {

struct Period {
  const char* kind;
  const char* from;
  const char* to;  // the same field for a single year or day
};

// The period a record is about, by kind: where a unit it names must be valid (rules.cc checks it).
constexpr Period kPeriods[] = {{"de_an", "nam_bat_dau", "nam_ket_thuc"}, {"hoat_dong", "nam", "nam"},
                               {"thong_ke", "nam", "nam"},               {"dot_binh_chon", "nam", "nam"},
                               {"ke_hoach", "tu_nam", "den_nam"},        {"lang_nghe", "ngay_cong_nhan", "ngay_cong_nhan"}};

// A year ("2026") as its first or last day, or a date as itself; nullopt when not one.
std::optional<Date> day_of(const Field& field, const std::string& text, bool last) {
  if (field.type == FieldType::Date) return parse_date(text);
  if (text.size() != 4 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  int year = std::stoi(text);
  return last ? Date::last_of_year(year) : Date::first_of_year(year);
}

std::optional<DateRange> period_of(const RecordKind& kind, const FormValues& values) {
  for (const Period& p : kPeriods) {
    if (kind.name != p.kind) continue;
    auto from = values.find(p.from), to = values.find(p.to);
    if (from == values.end() || to == values.end()) return std::nullopt;
    std::optional<Date> first = day_of(kind.field(p.from), from->second, false), last = day_of(kind.field(p.to), to->second, true);
    if (!first || !last || *last < *first) return std::nullopt;
    return DateRange{*first, *last};
  }
  return std::nullopt;
}

}  // namespace

void name_successors(const Dataset& data, const RecordKind& kind, const FormValues& values, FieldErrors& errors) {
  std::optional<DateRange> period = period_of(kind, values);
  if (!period) return;
  for (const Field& f : kind.fields) {
    if (f.type != FieldType::Ref || f.ref_kind != "don_vi_hanh_chinh") continue;
    auto value = values.find(std::string(f.name));
    int32_t unit = value == values.end() ? -1 : data.unit_index(value->second);
    if (unit < 0) continue;
    const Unit& u = data.units[static_cast<size_t>(unit)];
    if (!u.validity.to || period->from <= *u.validity.to) continue;  // not ended before the period
    auto error = std::find_if(errors.begin(), errors.end(), [&](const auto& e) { return e.first == f.name; });
    if (error == errors.end()) continue;
    std::string listed;
    for (int32_t s : data.unit_and_successors(unit)) {
      const Unit& next = data.units[static_cast<size_t>(s)];
      if (s == unit || !next.validity.overlaps(period->from, *period->to)) continue;
      listed += (listed.empty() ? "" : ", ") + data.unit_display_name(s) + " (mã " + next.code + ")";
    }
    if (!listed.empty()) error->second += "; đơn vị này đã sáp nhập vào " + listed + "; hãy chọn đơn vị kế thừa";
  }
}

}  // namespace kc::web
