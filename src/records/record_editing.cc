#include "records/record_editing.h"

#include <sodium.h>

#include "audit/audit.h"
#include "core/clock.h"
#include "core/money_input.h"
#include "core/sodium.h"
#include "records/record_lookup.h"
#include "records/rules.h"
#include "schema/field_display.h"
#include "schema/record_key.h"
#include "text/ascii.h"
#include "store/store.h"

namespace kc {

namespace {

std::string value_of(const FormValues& v, std::string_view field) {
  auto it = v.find(std::string(field));
  return it == v.end() ? std::string() : it->second;
}

// Parses every field and checks references and the cross-record rules, reporting every problem
// found in one pass: each field's own problem, each missing reference and, once every field
// could be read (the rules compare fields' values), the rules. `fixed_key`: on update the key
// columns come from the existing record, not from the form.
Row parse_and_check(Store& store, const RecordKind& kind, const FormValues& values, const Row* fixed_key,
                    FieldErrors& errors) {
  Row row(kind.fields.size());
  std::vector<bool> ok(kind.fields.size(), false);
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    const Field& f = kind.fields[i];
    bool is_key = std::find(kind.key.begin(), kind.key.end(), i) != kind.key.end();
    if (fixed_key && is_key) {
      row[i] = (*fixed_key)[i];
      ok[i] = true;
      continue;
    }
    ParsedField p = parse_form_field(f, value_of(values, f.name));
    if (!p.ok()) {
      errors.emplace_back(std::string(f.name), field_message(f, p.error));
      continue;
    }
    row[i] = std::move(p.value);
    ok[i] = true;
  }
  bool all_read = errors.empty();
  StoreLookup lookup(store);
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    const Field& f = kind.fields[i];
    if (f.type != FieldType::Ref || !ok[i] || is_null(row[i])) continue;
    if (!lookup.has_key(f.ref_kind, as_text(row[i])))
      errors.emplace_back(std::string(f.name), field_message(f, "không tìm thấy " + std::string(kc::kind(f.ref_kind).label) +
                                                                    " \"" + as_text(row[i]) + "\""));
  }
  if (!all_read) return row;
  // The rules skip references that name nothing (reported above), so they run beside them.
  auto report = [&](std::string_view field, std::string message) {
    errors.emplace_back(std::string(field), field_message(kind.field(field), message));
  };
  check_record_rules(kind, row, lookup, report);
  check_kind_rules(kind, {LineRow{0, row}}, lookup,
                   [&](size_t, std::string_view field, std::string message) { report(field, std::move(message)); });
  return row;
}

bool key_read(const RecordKind& kind, const Row& row) {
  for (size_t i : kind.key)
    if (is_null(row[i])) return false;
  return true;
}

}  // namespace

ParsedField parse_form_field(const Field& field, std::string_view text) {
  std::string_view s = trim_blanks(text);
  if (field.type != FieldType::Money || s.empty()) return parse_field(field, text);
  MoneyInput m = parse_money_input(s);
  if (!m.dong) return {{}, m.error};
  return {*m.dong, {}};
}

std::string field_message(const Field& field, std::string_view message) {
  return field_label(field) + ": " + std::string(message);
}

std::string record_version(const RecordKind& kind, const Row& row) {
  ensure_sodium();
  std::string text = record_json(kind, row);
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  char hex[2 * sizeof hash + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

FormValues form_values_of(const RecordKind& kind, const Row& row) {
  FormValues v;
  for (size_t i = 0; i < kind.fields.size(); ++i) v[std::string(kind.fields[i].name)] = format_field(kind.fields[i], row[i]);
  return v;
}

std::optional<Row> find_record(Store& store, const RecordKind& kind, const std::string& key) {
  if (!kind.single_key()) return std::nullopt;
  Row probe(kind.fields.size());
  ParsedField p = parse_field(kind.fields[kind.key[0]], key);
  if (!p.ok() || is_null(p.value)) return std::nullopt;
  probe[kind.key[0]] = p.value;
  return store.find(kind, probe);
}

EditResult create_record(Store& store, const RecordKind& kind, const FormValues& values, const std::string& user) {
  EditResult r;
  Transaction tx(store);
  Row row = parse_and_check(store, kind, values, nullptr, r.errors);
  if (key_read(kind, row) && store.find(kind, row)) {
    const Field& key = kind.fields[kind.key[0]];
    r.errors.emplace_back(std::string(key.name), field_message(key, "\"" + record_key_text(kind, row) +
                                                                        "\" đã được dùng cho một hồ sơ khác; hãy chọn mã khác"));
  }
  if (!r.errors.empty()) return r;
  store.insert(kind, row);
  audit(store, user, "tao", &kind, record_key_text(kind, row), std::nullopt, row);
  tx.commit();
  r.saved = std::move(row);
  return r;
}

EditResult update_record(Store& store, const RecordKind& kind, const std::string& key, const FormValues& values,
                         const EditBase& base, const std::string& user) {
  EditResult r;
  Transaction tx(store);
  std::optional<Row> current = find_record(store, kind, key);
  if (!current) {
    r.errors.emplace_back("", "hồ sơ \"" + key + "\" không còn tồn tại");
    return r;
  }
  FormValues now = form_values_of(kind, *current);
  std::vector<std::string> changed;
  if (base.values) {
    for (const Field& f : kind.fields)
      if (value_of(now, f.name) != value_of(*base.values, f.name)) changed.emplace_back(f.name);
  }
  if (!changed.empty() || (!base.values && base.version != record_version(kind, *current))) {
    r.conflict = EditConflict{*current, changed};
    return r;
  }
  Row row = parse_and_check(store, kind, values, &*current, r.errors);
  if (!r.errors.empty()) return r;
  if (row == *current) {
    tx.commit();  // nothing to change, nothing to audit; an enclosing transaction may go on
    r.saved = std::move(row);
    return r;
  }
  store.update(kind, row);
  audit(store, user, "sua", &kind, key, current, row);
  tx.commit();
  r.saved = std::move(row);
  return r;
}

EditResult save_record(Store& store, const RecordKind& kind, const FormValues& values, const std::string& user) {
  EditResult r;
  Transaction tx(store);
  Row row = parse_and_check(store, kind, values, nullptr, r.errors);
  if (!r.errors.empty()) return r;
  std::optional<Row> current = store.find(kind, row);
  if (current && *current == row) {
    tx.commit();  // nothing to change, nothing to audit; an enclosing transaction may go on
    r.saved = std::move(row);
    return r;
  }
  if (current)
    store.update(kind, row);
  else
    store.insert(kind, row);
  audit(store, user, current ? "sua" : "tao", &kind, record_key_text(kind, row), current, row);
  tx.commit();
  r.saved = std::move(row);
  return r;
}

bool delete_record(Store& store, const RecordKind& kind, const Row& key, const std::string& user) {
  Transaction tx(store);
  std::optional<Row> current = store.find(kind, key);
  if (!current) return false;
  store.remove(kind, *current);
  audit(store, user, "xoa", &kind, record_key_text(kind, *current), current, std::nullopt);
  tx.commit();
  return true;
}

bool is_archived(Store& store, const RecordKind& kind, const std::string& key) {
  const RecordKind& marks = kc::kind("luu_tru");
  return store.find(marks, Row{std::string(kind.name), key, std::monostate{}, std::monostate{}}).has_value();
}

bool set_archived(Store& store, const RecordKind& kind, const std::string& key, bool archived, const std::string& user) {
  Transaction tx(store);
  std::optional<Row> row = find_record(store, kind, key);
  if (!row) return false;
  const RecordKind& marks = kc::kind("luu_tru");
  Row mark{std::string(kind.name), key, utc_now_text(), user.empty() ? Value{} : Value{user}};
  bool marked = is_archived(store, kind, key);
  if (archived && !marked) store.insert(marks, mark);
  if (!archived && marked) store.remove(marks, mark);
  if (archived != marked) audit(store, user, archived ? "luu_tru" : "bo_luu_tru", &kind, key, row, row);
  tx.commit();
  return true;
}

}  // namespace kc
