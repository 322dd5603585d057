// Records as the JSON API shows and accepts them. Out: Int, Money (whole đồng) and Year as JSON
// integers, Decimal as a JSON number with its decimals (12.5), Bool as true/false, dates as
// "yyyy-mm-dd" strings, codes, references and text as strings, null for an empty field.
// In: the same JSON types, or strings in the bundle's text form ("12.5", "1", "có"), converted
// to the text parse_field expects, so the API applies exactly the rules of forms and imports.
// Also the request and answer helpers every API handler shares.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "records/record_editing.h"
#include "schema/field_errors.h"
#include "schema/record_kind.h"
#include "schema/value.h"

namespace kc::web {

class RequestContext;

using OrderedJson = nlohmann::ordered_json;

OrderedJson value_to_json(const Field& field, const Value& value);

// The record as an object with its fields in catalog order.
OrderedJson record_to_json(const RecordKind& kind, const Row& row);

// The same record written straight into `out` as JSON text, byte for byte what
// record_to_json(kind, row).dump() gives, without building the JSON tree (lists of hundreds of
// records are answered many times a second; the tree's allocations were most of their cost).
void append_record_json(std::string& out, const RecordKind& kind, const Row& row);

// What a JSON object sent for a record of `kind` amounts to: the fields as form text, values of
// the wrong JSON type (errors, "label: message" like record_editing's), and names that are not
// fields of the kind. `ignored` names members that are not fields but are allowed (phien_ban).
struct JsonRecordInput {
  FormValues values;
  FieldErrors errors;
  std::vector<std::string> unknown;
};
JsonRecordInput record_input_from_json(const RecordKind& kind, const nlohmann::json& object,
                                       const std::vector<std::string>& ignored = {});

// Sends `body` (fields in the order built) with the status.
void send_json(RequestContext& ctx, int status, const OrderedJson& body);

// 422 with each field's messages (several joined by "; ") under "truong", and the messages about
// no field in "loi".
void send_field_errors(RequestContext& ctx, const FieldErrors& errors);

// The request body as a JSON object; otherwise answers 400 (in Vietnamese) and returns nullopt.
std::optional<nlohmann::json> json_object_body(RequestContext& ctx);

// The OpenAPI / JSON Schema of one field's value (type, format, bounds, enum codes, label).
OrderedJson field_schema(const Field& field);

}  // namespace kc::web
