#include "web/write_scope.h"

#include <algorithm>

#include "schema/record_kind.h"
#include "web/registries.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

std::string text_field(const Row& row, const char* kind_name, const char* field) {
  return std::string(text_or_empty(row[static_cast<size_t>(kind(kind_name).field_index(field))]));
}

std::string unit_named(const Dataset& data, int32_t unit, const std::string& code) {
  return data.unit_display_name(unit) + " (mã " + code + ")";
}

const std::string* value_of(const FormValues& values, const std::string& field) {
  auto it = values.find(field);
  return it == values.end() || it->second.empty() ? nullptr : &it->second;
}

void check_place(const WriteScope& scope, bool establishment, const std::string& code, const Field& place,
                 FieldErrors& errors) {
  std::string field(place.name);
  const Dataset& data = scope.data();
  int32_t unit = data.unit_index(code);
  if (unit < 0 || scope.place_allowed(unit)) return;  // unknown: the record's validation names it
  if (establishment)
    errors.emplace_back(field, field_message(place, "chỉ được chọn nơi cơ sở của bạn hoạt động (" + scope.area_label() +
                                                        ") hoặc huyện, tỉnh chứa nơi đó; " + unit_named(data, unit, code) +
                                                        " không phải nơi đó"));
  else
    errors.emplace_back(field, field_message(place, "chỉ được chọn địa bàn bạn phụ trách (" + scope.area_label() + "); " +
                                                        unit_named(data, unit, code) + " nằm ngoài địa bàn đó"));
}

void check_implementer(const WriteScope& scope, const std::string& code, FieldErrors& errors) {
  const Dataset& data = scope.data();
  int32_t org = data.organisation_index(code);
  if (org < 0 || scope.implementer_allowed(org)) return;
  const Organisation& o = data.organisations[static_cast<size_t>(org)];
  errors.emplace_back("don_vi_thuc_hien",
                      field_message(kind("de_an").field("don_vi_thuc_hien"),
                                    o.name + " (mã " + code + ") thuộc " + data.unit_display_name(o.unit) + ", ngoài phạm vi của bạn (" +
                                        scope.area_label() + "); hãy chọn đơn vị của địa bàn mình hoặc đơn vị cấp tỉnh"));
}

void check_beneficiaries(RequestContext& ctx, const WriteScope& scope, bool establishment,
                         const std::vector<std::string>& codes, FieldErrors& errors) {
  const Dataset& data = scope.data();
  for (const std::string& code : codes) {
    if (establishment) {
      if (!scope.beneficiary_allowed(code, -1))
        errors.emplace_back("co_so", "Cơ sở thụ hưởng: tài khoản cơ sở chỉ đăng ký cho chính cơ sở mình, không cho cơ sở mã \"" +
                                         code + "\"");
      continue;
    }
    std::optional<Row> e = find_record(ctx.store(), kind("co_so"), code);
    if (!e) continue;  // unknown: named by the beneficiary check
    std::string unit_code = text_field(*e, "co_so", "dia_ban");
    int32_t unit = data.unit_index(unit_code);
    if (scope.beneficiary_allowed(code, unit)) continue;
    errors.emplace_back("co_so", "Cơ sở thụ hưởng: " + text_field(*e, "co_so", "ten") + " (mã " + code + ") ở " +
                                     (unit >= 0 ? data.unit_display_name(unit) : unit_code) +
                                     ", ngoài địa bàn bạn phụ trách (" + scope.area_label() + ")");
  }
}

}  // namespace

WriteScope::WriteScope(RequestContext& ctx) : data_(ctx.app.dataset()) {
  if (ctx.has_role("dia_phuong")) {
    limited_ = true;
    area_ = data_->unit_index(ctx.user()->unit);
  } else if (ctx.has_role("co_so")) {
    limited_ = true;
    establishment_ = true;
    own_code_ = ctx.user()->establishment;
    if (auto own = find_record(ctx.store(), kind("co_so"), own_code_)) area_ = data_->unit_index(text_field(*own, "co_so", "dia_ban"));
    establishment_places_ = data_->unit_and_successors(area_);
    links_ = &ctx.store();
  }
  area_label_ = area_ >= 0 ? data_->unit_display_name(area_) : "(chưa gán địa bàn)";
}

bool WriteScope::place_allowed(int32_t unit) const {
  if (!limited_) return true;
  if (area_ < 0 || unit < 0) return false;
  // An establishment's project happens where it is, or is placed at a level containing it.
  if (establishment_)
    return std::any_of(establishment_places_.begin(), establishment_places_.end(),
                       [&](int32_t place) { return data_->unit_within(place, unit); });
  return data_->unit_within(unit, area_);
}

bool WriteScope::implementer_allowed(int32_t organisation) const {
  if (!limited_) return true;
  if (organisation < 0) return false;
  int32_t unit = data_->organisations[static_cast<size_t>(organisation)].unit;
  if (unit < 0) return true;  // a national body (the ministry) has no unit
  // Their area's own bodies, or those above it (province, nation); never another district's.
  auto on_one_line = [&](int32_t place) { return data_->unit_within(unit, place) || data_->unit_within(place, unit); };
  if (establishment_) return std::any_of(establishment_places_.begin(), establishment_places_.end(), on_one_line);
  return area_ >= 0 && on_one_line(area_);
}

bool WriteScope::project_allowed(std::string_view code, int32_t unit) const {
  if (!limited_) return true;
  if (establishment_) {
    if (!own_projects_) own_projects_ = projects_of_establishment(*links_, own_code_);
    return std::find(own_projects_->begin(), own_projects_->end(), code) != own_projects_->end();
  }
  return area_ >= 0 && unit >= 0 && data_->unit_within(unit, area_);
}

bool WriteScope::beneficiary_allowed(std::string_view code, int32_t unit) const {
  if (!limited_) return true;
  if (establishment_) return code == own_code_;
  if (area_ < 0 || unit < 0) return false;
  if (data_->unit_within(unit, area_)) return true;
  // An establishment's record may still name the commune it was in before a merger: it is in
  // the area when the unit that took its commune over is.
  if (data_->units[static_cast<size_t>(unit)].successors.empty()) return false;
  for (int32_t now : data_->unit_and_successors(unit))
    if (data_->unit_within(now, area_)) return true;
  return false;
}

FieldErrors registry_scope_problems(RequestContext& ctx, const Registry& r, const FormValues& values) {
  FieldErrors errors;
  if (r.area_field.empty() || !ctx.has_role("dia_phuong")) return errors;  // only local officers write scoped registries
  const std::string* place = value_of(values, r.area_field);
  if (!place) return errors;
  WriteScope scope(ctx);
  check_place(scope, false, *place, r.record_kind().field(r.area_field), errors);
  return errors;
}

FieldErrors project_scope_problems(RequestContext& ctx, const FormValues& values, const std::vector<std::string>* beneficiaries) {
  FieldErrors errors;
  if (!ctx.has_role("dia_phuong") && !ctx.has_role("co_so")) return errors;
  WriteScope scope(ctx);
  bool establishment = ctx.has_role("co_so");
  if (const std::string* place = value_of(values, "dia_ban")) check_place(scope, establishment, *place, kind("de_an").field("dia_ban"), errors);
  if (const std::string* org = value_of(values, "don_vi_thuc_hien")) check_implementer(scope, *org, errors);
  if (beneficiaries) check_beneficiaries(ctx, scope, establishment, *beneficiaries, errors);
  return errors;
}

}  // namespace kc::web
