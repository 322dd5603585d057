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

void name_successors(const Dataset& data, const std::string& field, const std::string& unit_code, int from_year,
                     int to_year, FieldErrors& errors) {
  int32_t unit = data.unit_index(unit_code);
  if (unit < 0 || from_year <= 0) return;
  const Unit& u = data.units[static_cast<size_t>(unit)];
  if (!u.validity.to || Date::first_of_year(from_year) <= *u.validity.to) return;
  auto error = std::find_if(errors.begin(), errors.end(), [&](const auto& e) { return e.first == field; });
  if (error == errors.end()) return;
  std::string listed;
  for (int32_t s : data.unit_and_successors(unit)) {
    const Unit& next = data.units[static_cast<size_t>(s)];
    if (s == unit || !next.validity.overlaps(Date::first_of_year(from_year), Date::last_of_year(std::max(from_year, to_year))))
      continue;
    listed += (listed.empty() ? "" : ", ") + data.unit_display_name(s) + " (" + next.code + ")";
  }
  if (!listed.empty()) error->second += "; hãy chọn đơn vị kế thừa: " + listed;
}

}  // namespace kc::web
