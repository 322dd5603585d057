// See field_display.h.
#include "schema/field_display.h"

#include "core/date.h"
#include "core/vn_format.h"
#include "text/normalize.h"

namespace kc {

std::string field_label(const Field& f) { return upper_first_vi(f.label); }

std::string display_field_value(const Field& f, const Value& v, std::string_view money_unit) {
  if (is_null(v)) return "";
  switch (f.type) {
    case FieldType::Enum: {
      auto label = f.enum_label(as_text(v));
      return label ? std::string(*label) : as_text(v);
    }
    case FieldType::Bool:
      return as_int(v) ? "có" : "không";
    case FieldType::Money:
      return money_unit.empty() ? format_int(as_int(v)) : format_int(as_int(v)) + " " + std::string(money_unit);
    case FieldType::Int:
      return format_int(as_int(v));
    case FieldType::Year:
      return std::to_string(as_int(v));
    case FieldType::Decimal:
      return format_scaled(as_int(v), f.scale, f.scale);
    case FieldType::Date: {
      auto d = parse_date(as_text(v));
      return d ? to_vn(*d) : as_text(v);
    }
    default:
      return as_text(v);
  }
}

}  // namespace kc
