#include "web/form_edit.h"

#include <nlohmann/json.hpp>

#include "text/normalize.h"
#include "web/app.h"
#include "web/record_view.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

// "Kế hoạch vừa được người khác thay đổi trong lúc bạn sửa: Tên kế hoạch → "…"; … . Nội dung…"
std::string conflict_message(const RecordKind& kind, const EditConflict& conflict, const Dataset& data,
                             std::string_view what) {
  std::string changed;
  for (const std::string& name : conflict.changed) {
    size_t f = static_cast<size_t>(kind.field_index(name));
    changed += (changed.empty() ? "" : "; ") + std::string(kind.fields[f].label) + " → \"" +
               display_value(kind.fields[f], conflict.current[f], data) + "\"";
  }
  return upper_first_vi(what) + " vừa được người khác thay đổi trong lúc bạn sửa: " + changed +
         ". Nội dung bạn nhập vẫn được giữ dưới đây; hãy xem lại rồi lưu lần nữa.";
}

}  // namespace

std::optional<EditResult> save_form_edit(RequestContext& ctx, const RecordKind& kind, const std::string& key,
                                         const FormValues& values, std::string_view what,
                                         const ConflictForm& conflict_form) {
  EditBase base;
  try {
    base.values = nlohmann::json::parse(ctx.param("_goc")).get<FormValues>();
  } catch (const std::exception&) {
    ctx.error(400, "Biểu mẫu thiếu phiên bản gốc của " + std::string(what) + "; hãy mở lại trang sửa.");
    return std::nullopt;
  }
  EditResult result = update_record(ctx.store(), kind, key, values, base, ctx.user()->username);
  if (!result.conflict) return result;
  conflict_form(conflict_message(kind, *result.conflict, *ctx.app.dataset(), what),
                nlohmann::json(form_values_of(kind, result.conflict->current)).dump());
  return std::nullopt;
}

}  // namespace kc::web
