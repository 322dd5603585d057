// What a local officer or an establishment may *name* in a record they write: every write route
// (pages and API; create, edit, proposal, amendment) asks here about the new values, so creating
// and editing cannot disagree, and the pickers (pickers.h) offer only what a write would accept.
// Reading scope (may this caller see or touch the record as it is?) is registries.h; this is the
// other half — may the record, as the caller wants it, still lie within their scope?
//
// The rules (docs/web.md, "Scope of writes"):
// - staff (department, centre, administrator where a registry lets it write): no limit;
// - a local officer (dia_phuong): a unit field names a unit of their area (their unit or under it);
//   a beneficiary is an establishment located in their area (or in a unit whose successor is);
//   the implementing unit is an
//   organisation of their area or one above it (the province's centre, the department, the
//   ministry), never one of another district;
// - an establishment (co_so): it is the only beneficiary of its own proposals; the project's
//   place is its own unit (or the unit that took it over) or a unit containing it; the
//   implementing unit as for its unit.
// Unknown codes are left to the record's validation, which names them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dataset.h"
#include "records/record_editing.h"
#include "schema/field_errors.h"
#include "store/store.h"

namespace kc::web {

class RequestContext;
struct Registry;

// The caller's write scope, measured once per request.
class WriteScope {
 public:
  explicit WriteScope(RequestContext& ctx);

  bool limited() const { return limited_; }  // false for staff
  bool establishment() const { return establishment_; }  // the caller is an establishment
  const Dataset& data() const { return *data_; }
  const std::shared_ptr<const Dataset>& data_ptr() const { return data_; }
  const std::string& area_label() const { return area_label_; }  // "huyện Lục Ngạn"

  // A unit the caller may name as a project's place or a record's area.
  bool place_allowed(int32_t unit) const;
  // An organisation the caller may name as implementing unit.
  bool implementer_allowed(int32_t organisation) const;
  // An establishment (its code and the unit it is located in) the caller may name as beneficiary.
  bool beneficiary_allowed(std::string_view code, int32_t unit) const;
  // A project (its code and place) the caller may name in a record they write: the projects
  // registry's writing scope (registries.h, ScopeUse::Writing) — a local officer's are placed in
  // their area, an establishment's are those it benefits from (read once, on the first question).
  bool project_allowed(std::string_view code, int32_t unit) const;

 private:
  std::shared_ptr<const Dataset> data_;
  bool limited_ = false;
  bool establishment_ = false;  // the caller is an establishment (else a local officer)
  std::string own_code_;        // the establishment's own code
  int32_t area_ = -1;           // the officer's unit, or the unit the establishment is in
  // An establishment carries on where its unit's successors are (after a merger its records
  // still name the old commune): its unit and those that took it over.
  std::vector<int32_t> establishment_places_;
  std::string area_label_;
  Store* links_ = nullptr;                                       // where an establishment's projects are read
  mutable std::optional<std::vector<std::string>> own_projects_;  // read by project_allowed
};

// Problems with the scoped field (the registry's area field) of a record the caller writes.
FieldErrors registry_scope_problems(RequestContext& ctx, const Registry& r, const FormValues& values);

// Problems with a project's scoped fields as the caller wants them: place (dia_ban), implementing
// unit (don_vi_thuc_hien) and beneficiaries (establishment codes). Fields absent from `values`
// are not checked (an amendment names only the fields it changes).
FieldErrors project_scope_problems(RequestContext& ctx, const FormValues& values, const std::vector<std::string>* beneficiaries);

}  // namespace kc::web
