// See api_json.h.
#include "web/api_json.h"

#include <algorithm>
#include <limits>
#include <string_view>

#include "web/request_context.h"

namespace kc::web {

namespace {

bool is_whole_number_type(FieldType t) { return t == FieldType::Int || t == FieldType::Money || t == FieldType::Year; }

int64_t power_of_ten(int scale) {
  int64_t unit = 1;
  for (int i = 0; i < scale; ++i) unit *= 10;
  return unit;
}

// What a field accepts, in words, for type errors.
std::string expected_json(const Field& f) {
  switch (f.type) {
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Year: return "một số nguyên";
    case FieldType::Decimal: return "một số";
    case FieldType::Bool: return "true hoặc false";
    case FieldType::Date: return "một chuỗi ngày dạng \"yyyy-mm-dd\"";
    default: return "một chuỗi ký tự";
  }
}

// The JSON value as the text parse_field reads, or an error message (without the label).
bool field_text(const Field& f, const nlohmann::json& v, std::string& text, std::string& error) {
  using V = nlohmann::json::value_t;
  switch (v.type()) {
    case V::null: text.clear(); return true;
    case V::string: text = v.get<std::string>(); return true;
    case V::boolean:
      if (f.type != FieldType::Bool) break;
      text = v.get<bool>() ? "1" : "0";
      return true;
    case V::number_integer:
    case V::number_unsigned:
      if (!stored_as_integer(f.type)) break;
      text = v.dump();
      return true;
    case V::number_float:
      // Decimals as written (shortest round-trip form); a whole-number field gets the number's
      // text too, so "12.5" is refused with the form's own message.
      if (!stored_as_integer(f.type) || f.type == FieldType::Bool) break;
      text = v.dump();
      if (text.size() > 2 && text.ends_with(".0") && is_whole_number_type(f.type)) text.resize(text.size() - 2);
      return true;
    default: break;
  }
  error = "phải là " + expected_json(f) + (f.required ? "" : " hoặc null") + "; gặp " + v.dump();
  return false;
}

}  // namespace

OrderedJson value_to_json(const Field& field, const Value& value) {
  if (is_null(value)) return nullptr;
  switch (field.type) {
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Year: return as_int(value);
    case FieldType::Bool: return as_int(value) != 0;
    case FieldType::Decimal:
      if (field.scale == 0) return as_int(value);
      return static_cast<double>(as_int(value)) / static_cast<double>(power_of_ten(field.scale));
    default: return as_text(value);
  }
}

namespace {

// A JSON string literal of UTF-8 text, escaped as nlohmann::json's dump() escapes it.
// Runs of bytes that need no escape are appended whole: a list page is ~22 kB of mostly plain
// text, and a byte at a time was the largest cost of a list answer (perf, docs/performance.md).
void append_json_string(std::string& out, std::string_view text) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the bytes not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

// A decimal stored as an integer of 10^-scale units, as dump() prints the double it stands for
// (shortest form, at least one digit after the point: 62.3, 7.0).
void append_decimal(std::string& out, int64_t units, int scale) {
  int64_t unit = power_of_ten(scale);
  if (units < 0) out += '-';
  uint64_t magnitude = units < 0 ? 0 - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
  out += std::to_string(magnitude / static_cast<uint64_t>(unit));
  std::string fraction = std::to_string(magnitude % static_cast<uint64_t>(unit));
  fraction.insert(0, static_cast<size_t>(scale) - fraction.size(), '0');
  while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
  out += '.';
  out += fraction;
}

}  // namespace

void append_record_json(std::string& out, const RecordKind& kind, const Row& row) {
  out += '{';
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    const Field& f = kind.fields[i];
    if (i > 0) out += ',';
    append_json_string(out, f.name);
    out += ':';
    const Value& v = row[i];
    if (is_null(v)) {
      out += "null";
      continue;
    }
    switch (f.type) {
      case FieldType::Int:
      case FieldType::Money:
      case FieldType::Year: out += std::to_string(as_int(v)); break;
      case FieldType::Bool: out += as_int(v) != 0 ? "true" : "false"; break;
      case FieldType::Decimal:
        if (f.scale == 0) out += std::to_string(as_int(v));
        else append_decimal(out, as_int(v), f.scale);
        break;
      default: append_json_string(out, as_text(v));
    }
  }
  out += '}';
}

OrderedJson record_to_json(const RecordKind& kind, const Row& row) {
  OrderedJson out = OrderedJson::object();
  for (size_t i = 0; i < kind.fields.size(); ++i) out[std::string(kind.fields[i].name)] = value_to_json(kind.fields[i], row[i]);
  return out;
}

JsonRecordInput record_input_from_json(const RecordKind& kind, const nlohmann::json& object,
                                       const std::vector<std::string>& ignored) {
  JsonRecordInput in;
  for (const auto& [name, v] : object.items()) {
    if (kind.field_index(name) >= 0 || std::find(ignored.begin(), ignored.end(), name) != ignored.end()) continue;
    in.unknown.push_back(name);
  }
  for (const Field& f : kind.fields) {
    auto it = object.find(std::string(f.name));
    if (it == object.end()) continue;  // missing counts as empty, as in a form
    std::string text, error;
    if (field_text(f, *it, text, error))
      in.values[std::string(f.name)] = std::move(text);
    else
      in.errors.emplace_back(std::string(f.name), std::string(f.label) + ": " + error);
  }
  return in;
}

void send_json(RequestContext& ctx, int status, const OrderedJson& body) {
  ctx.res.status = status;
  ctx.res.set_content(body.dump(), "application/json; charset=utf-8");
}

// 422 with each field's messages (several joined by "; ") and the messages about no field in "loi".
void send_field_errors(RequestContext& ctx, const FieldErrors& errors) {
  OrderedJson fields = OrderedJson::object();
  std::string general;
  for (const auto& [name, message] : errors) {
    if (name.empty()) {
      general += (general.empty() ? "" : "; ") + message;
      continue;
    }
    OrderedJson& slot = fields[name];
    slot = slot.is_null() ? message : slot.get<std::string>() + "; " + message;
  }
  std::string loi = general.empty() ? "Hồ sơ chưa được lưu vì dữ liệu chưa hợp lệ; xem lỗi của từng trường trong \"truong\"."
                                    : "Hồ sơ chưa được lưu: " + general + ".";
  send_json(ctx, 422, {{"loi", loi}, {"ma_loi", 422}, {"truong", fields}});
}

std::optional<nlohmann::json> json_object_body(RequestContext& ctx) {
  const std::string& body = ctx.req.body;
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    ctx.error(400, "Thân yêu cầu trống; hãy gửi một đối tượng JSON (Content-Type: application/json).");
    return std::nullopt;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    ctx.error(400, "Thân yêu cầu không phải JSON hợp lệ (lỗi ở byte thứ " + std::to_string(e.byte) +
                       "); hãy gửi một đối tượng JSON mã hóa UTF-8.");
    return std::nullopt;
  }
  if (!j.is_object()) {
    ctx.error(400, "Thân yêu cầu phải là một đối tượng JSON dạng {\"tên trường\": giá trị, …}.");
    return std::nullopt;
  }
  return j;
}

OrderedJson field_schema(const Field& f) {
  OrderedJson s = OrderedJson::object();
  std::string type;
  std::string description(f.label);
  switch (f.type) {
    case FieldType::Code:
      type = "string";
      s["minLength"] = 1;
      s["maxLength"] = 64;
      s["pattern"] = "^[^\\s]+$";
      break;
    case FieldType::Text: type = "string"; break;
    case FieldType::Int:
      type = "integer";
      s["minimum"] = f.min;
      if (f.max != std::numeric_limits<int64_t>::max()) s["maximum"] = f.max;
      break;
    case FieldType::Money:
      type = "integer";
      s["minimum"] = 0;
      description += " — số nguyên đồng";
      break;
    case FieldType::Decimal:
      type = "number";
      s["minimum"] = 0;
      description += " — tối đa " + std::to_string(f.scale) + " chữ số thập phân";
      break;
    case FieldType::Year:
      type = "integer";
      s["minimum"] = 1900;
      s["maximum"] = 2100;
      break;
    case FieldType::Date:
      type = "string";
      s["format"] = "date";
      break;
    case FieldType::Bool: type = "boolean"; break;
    case FieldType::Enum: {
      type = "string";
      OrderedJson codes = OrderedJson::array();
      description += ". Giá trị:";
      for (const EnumValue& e : f.enum_values) {
        codes.push_back(std::string(e.code));
        description += " " + std::string(e.code) + " (" + std::string(e.label) + ");";
      }
      description.pop_back();
      s["enum"] = codes;
      break;
    }
    case FieldType::Ref:
      type = "string";
      description += " — mã của một " + std::string(kind(f.ref_kind).label);
      s["x-tham-chieu"] = std::string(f.ref_kind);
      break;
  }
  OrderedJson out = OrderedJson::object();
  if (f.required) {
    out["type"] = type;
  } else {
    out["type"] = OrderedJson::array({type, "null"});
    if (s.contains("enum")) s["enum"].push_back(nullptr);
  }
  out["description"] = description;
  for (auto& [k, v] : s.items()) out[k] = v;
  return out;
}

}  // namespace kc::web
