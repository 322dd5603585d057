// The registries of the workspace: which record kinds are listed, searched, created, edited and
// archived from the browser and the API, by whom, and within what scope. One table drives the
// pages, the API, the navigation and the OpenAPI description.
//
// Scope: staff (quan_tri, so_cong_thuong, trung_tam) see every record; a local officer
// (dia_phuong) sees and writes only records whose `area_field` lies in their unit; an
// establishment (co_so) sees only records whose `own_field` is its own code; the public sees
// the registries marked public (published information).
#pragma once

#include <string>
#include <vector>

#include "model/dataset.h"
#include "schema/record_kind.h"
#include "schema/value.h"
#include "store/store.h"

namespace kc::web {

struct Registry {
  std::string slug;                  // URL segment: /co-so, /api/co-so
  std::string kind;                  // record kind
  std::string title;                 // Vietnamese, plural
  std::vector<std::string> columns;  // fields shown in lists
  std::vector<std::string> filters;  // list fields offered as filters (enums, booleans, years)
  bool public_read = false;
  std::vector<std::string> readers;  // roles besides staff that may read (within their scope)
  std::vector<std::string> writers;  // roles that may create, edit, archive (within their scope)
  std::string area_field;            // the unit field that scopes local officers ("" = none)
  std::string own_field;             // the establishment field that scopes establishments ("" = none)
  // Projects: the public sees only approved ones (and later), and an establishment the projects
  // it benefits from (through de_an_co_so) rather than a field of the record.
  bool project_scope = false;
  // Created and changed through its own pages (the project lifecycle), not the generic forms.
  bool own_pages = false;

  const RecordKind& record_kind() const { return kc::kind(kind); }
};

const std::vector<Registry>& registries();
const Registry* registry_by_slug(const std::string& slug);
const Registry* registry_for_kind(std::string_view kind);

extern const std::vector<std::string> kStaffRoles;

struct Caller;  // see below
class RequestContext;

// What a caller may do with a registry.
struct RegistryRights {
  bool read = false, write = false;
};
RegistryRights rights(const Registry& r, const std::string* role);

// Reading: may the caller see the record? Writing: may the caller change it? They differ for
// projects: every signed-in user sees the published ones (as the public does), but acts only on
// those of their own scope.
enum class ScopeUse { Reading, Writing };

// True when the caller's scope covers the record (always for staff and the public's readable
// registries).
bool in_scope(const Registry& r, const std::string* role, const std::string& user_unit, const std::string& user_establishment,
              const Dataset& data, const Row& row, ScopeUse use = ScopeUse::Reading);
// The same, able to follow links in the database (an establishment's projects).
bool in_scope(const Registry& r, const std::string* role, const std::string& user_unit, const std::string& user_establishment,
              const Dataset& data, const Row& row, Store& store, ScopeUse use = ScopeUse::Reading);

// in_scope for the signed-in caller (or the public) of a request. Only a local officer's scope
// needs the Dataset (the units under theirs), so no other caller waits for it to be (re)loaded —
// after a write that is a second or more at national scale. `links` (may be null) lets an
// establishment's projects be followed.
bool caller_in_scope(RequestContext& ctx, const Registry& r, const Row& row, Store* links, ScopeUse use = ScopeUse::Reading);

// Codes of the projects that benefit `establishment`.
std::vector<std::string> projects_of_establishment(Store& store, const std::string& establishment);

// Unit codes in the officer's area (their unit and every unit under it).
std::vector<std::string> units_within(const Dataset& data, const std::string& unit_code);

}  // namespace kc::web
