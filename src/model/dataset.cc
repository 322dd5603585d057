#include "model/dataset.h"

#include <algorithm>

#include "schema/enums.h"

namespace kc {

namespace {

template <typename T>
int32_t find_by_code(const Column<T>& items, const std::string& code) {
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].code == code) return static_cast<int32_t>(i);
  return -1;
}

}  // namespace

int32_t Dataset::unit_index(const std::string& code) const { return find_by_code(units, code); }
int32_t Dataset::plan_index(const std::string& code) const { return find_by_code(plans, code); }
int32_t Dataset::content_index(const std::string& code) const { return find_by_code(contents, code); }
int32_t Dataset::indicator_index(const std::string& code) const { return find_by_code(indicators, code); }
int32_t Dataset::organisation_index(const std::string& code) const {
  return find_by_code(organisations, code);
}

const LegalDocument* Dataset::document(const std::string& code) const {
  int32_t i = find_by_code(documents, code);
  return i < 0 ? nullptr : &documents[static_cast<size_t>(i)];
}

bool Dataset::unit_within(int32_t unit, int32_t ancestor) const {
  // Administrative trees are at most four levels deep; the bound guards against a cycle.
  for (int depth = 0; unit >= 0 && depth < 8; ++depth) {
    if (unit == ancestor) return true;
    unit = units[static_cast<size_t>(unit)].parent;
  }
  return false;
}

int32_t Dataset::ancestor_at_level(int32_t unit, const std::string& level) const {
  for (int depth = 0; unit >= 0 && depth < 8; ++depth) {
    if (units[static_cast<size_t>(unit)].level == level) return unit;
    unit = units[static_cast<size_t>(unit)].parent;
  }
  return -1;
}

std::vector<int32_t> Dataset::unit_and_successors(int32_t unit) const {
  std::vector<int32_t> out;
  if (unit >= 0) out.push_back(unit);
  for (size_t i = 0; i < out.size() && i < 64; ++i)  // the bound guards against a cycle
    for (int32_t next : units[static_cast<size_t>(out[i])].successors)
      if (std::find(out.begin(), out.end(), next) == out.end()) out.push_back(next);
  return out;
}

std::string Dataset::unit_display_name(int32_t unit) const {
  if (unit < 0) return "(không rõ địa bàn)";
  const Unit& u = units[static_cast<size_t>(unit)];
  for (const EnumValue& v : enums::kUnitType)
    if (v.code == u.type) return std::string(v.label) + " " + u.name;
  return u.name;
}

}  // namespace kc
