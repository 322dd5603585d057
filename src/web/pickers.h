// Pickers: how a user names another record in a form without knowing its code. They type part
// of the name (diacritics and case ignored: "giap minh" finds "Giáp Minh Hằng") and choose among
// the matches, which hold only what this user may name (write_scope.h) and what is valid during
// the project's years. Short lists are offered whole, as a <select>.
//
// Establishments (300.000 at national scale) and projects (108.800) are matched against an
// in-memory index of their folded names, built once per Dataset (picker_index.h; so a change shows
// once the Dataset is reloaded); the other kinds (units, organisations, contents, legal documents, plans,
// indicators, products, selection rounds) are indexed from the Dataset (products' establishments
// from the store) in the same pass.
//
// Who is offered what (docs/web.md, "Pickers"): units, organisations, establishments, products
// and projects within the caller's write scope (write_scope.h); the reference data every
// registry cites (contents, legal documents, plans, indicators, selection rounds) to every
// signed-in user, since it is published information.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc::web {

class RequestContext;

enum class PickerKind { Establishment, Unit, Organisation, Content, Document, Plan, Project, Indicator, Product, Round };

// Every kind, in the order the error for an unknown one lists them.
inline constexpr PickerKind kPickerKinds[] = {PickerKind::Establishment, PickerKind::Unit,     PickerKind::Organisation,
                                              PickerKind::Content,       PickerKind::Document, PickerKind::Plan,
                                              PickerKind::Project,       PickerKind::Indicator, PickerKind::Product,
                                              PickerKind::Round};

// The kind behind a URL segment: the registry's slug of its record kind ("co-so",
// "don-vi-hanh-chinh", "to-chuc", "noi-dung", "van-ban", "ke-hoach", "de-an", "chi-tieu",
// "san-pham", "dot-binh-chon").
std::optional<PickerKind> picker_kind(const std::string& slug);
std::string picker_slug(PickerKind kind);
// The record kind a picker chooses among ("co_so"…).
std::string_view picker_record_kind(PickerKind kind);
// The picker for a reference to records of `ref_kind` ("don_vi_hanh_chinh"…), if there is one.
std::optional<PickerKind> picker_kind_for(std::string_view ref_kind);

struct Choice {
  std::string code, name;
  std::string detail;  // where it is or what it is, shown small ("xã Nam Dương, huyện Lục Ngạn")
};

struct PickerQuery {
  PickerKind kind = PickerKind::Establishment;
  std::string text;               // as typed; "" matches everything
  // The project's years (0: any): units, organisations, contents valid then; documents issued by
  // their end; plans, projects and selection rounds of those years.
  int from_year = 0, to_year = 0;
  // For a form's picker: the years come from the form's own fields (nam_bat_dau/nam_ket_thuc, a
  // plan's tu_nam/den_nam) as the user changes them, rather than fixed when the page was made.
  bool years_in_form = false;
  size_t limit = 20;
};

struct PickerAnswer {
  std::vector<Choice> choices;  // at most `limit`, names starting with the text first
  bool more = false;            // more matched than were returned
};

// The choices matching every word typed, within the caller's scope.
PickerAnswer find_choices(RequestContext& ctx, const PickerQuery& query);

// The choice named by `code` when the caller may name it (for showing what is chosen), or nullopt.
std::optional<Choice> chosen(RequestContext& ctx, PickerKind kind, const std::string& code);

}  // namespace kc::web
