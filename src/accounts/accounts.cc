#include "accounts/accounts.h"

#include <regex>

#include "accounts/password.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "schema/enums.h"
#include "schema/record_kind.h"
#include "store/store.h"
#include "text/normalize.h"

namespace kc {

namespace {

const RecordKind& users() { return kind("nguoi_dung"); }

Value opt(const std::string& s) { return s.empty() ? Value{} : Value{s}; }

User user_of(const Row& r) {
  auto t = [&](size_t i) { return std::string(text_or_empty(r[i])); };
  return {t(0), t(1), t(2), t(3), t(4), !is_null(r[6]) && as_int(r[6]) != 0};
}

Row key_row(const RecordKind& k, const std::string& key) {
  Row r(k.fields.size());
  r[k.key[0]] = key;
  return r;
}

}  // namespace

std::string role_label(const std::string& role) {
  for (const EnumValue& v : enums::kRole)
    if (v.code == role) return std::string(v.label);
  return role;
}

FieldErrors add_user(Store& store, const NewUser& in, const std::string& by) {
  FieldErrors errors;
  static const std::regex username_pattern("[a-z0-9][a-z0-9._-]{2,39}");
  if (!std::regex_match(in.username, username_pattern))
    errors.emplace_back("ten_dang_nhap", "tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới");
  else if (store.find(users(), key_row(users(), in.username)))
    errors.emplace_back("ten_dang_nhap", "tên đăng nhập \"" + in.username + "\" đã được dùng");
  std::string name = to_nfc(in.name);
  if (name.find_first_not_of(' ') == std::string::npos) errors.emplace_back("ho_ten", "cần nhập họ và tên");
  bool known_role = false;
  for (const EnumValue& v : enums::kRole) known_role = known_role || v.code == in.role;
  if (!known_role) {
    std::string allowed;
    for (const EnumValue& v : enums::kRole) allowed += (allowed.empty() ? "" : ", ") + std::string(v.code);
    errors.emplace_back("vai_tro", "vai trò \"" + in.role + "\" không có; dùng một trong: " + allowed);
  }
  if (in.role == "dia_phuong" && in.unit.empty())
    errors.emplace_back("don_vi", "cán bộ địa phương cần có địa bàn phụ trách (mã đơn vị hành chính)");
  if (!in.unit.empty() && !store.find(kind("don_vi_hanh_chinh"), key_row(kind("don_vi_hanh_chinh"), in.unit)))
    errors.emplace_back("don_vi", "không có đơn vị hành chính mã \"" + in.unit + "\"");
  if (in.role == "co_so" && in.establishment.empty())
    errors.emplace_back("co_so", "tài khoản của cơ sở cần có mã cơ sở");
  if (!in.establishment.empty() && !store.find(kind("co_so"), key_row(kind("co_so"), in.establishment)))
    errors.emplace_back("co_so", "không có cơ sở mã \"" + in.establishment + "\"");
  if (std::string p = password_problem(in.password); !p.empty()) errors.emplace_back("mat_khau", p);
  if (!errors.empty()) return errors;

  Row row{in.username, name, in.role, opt(in.unit), opt(in.establishment), hash_password(in.password), int64_t{1},
          utc_now_text()};
  Transaction tx(store);
  store.insert(users(), row);
  audit(store, by, "tao_tai_khoan", &users(), in.username, std::nullopt, row);
  tx.commit();
  return {};
}

std::optional<User> find_user(Store& store, const std::string& username) {
  auto row = store.find(users(), key_row(users(), username));
  if (!row) return std::nullopt;
  return user_of(*row);
}

std::vector<User> list_users(Store& store) {
  std::vector<User> out;
  store.scan(users(), [&](const Row& r) { out.push_back(user_of(r)); });
  return out;
}

bool set_user_active(Store& store, const std::string& username, bool active, const std::string& by) {
  Transaction tx(store);
  auto before = store.find(users(), key_row(users(), username));
  if (!before) return false;
  Row after = *before;
  after[6] = int64_t{active ? 1 : 0};
  store.update(users(), after);
  audit(store, by, active ? "mo_khoa_tai_khoan" : "khoa_tai_khoan", &users(), username, before, after);
  tx.commit();
  return true;
}

std::optional<User> check_password(Store& store, const std::string& username, const std::string& password) {
  auto row = store.find(users(), key_row(users(), username));
  if (!row) {
    // Spend the same time as a real check, so a wrong name cannot be told from a wrong password.
    static const std::string dummy = hash_password("khong-co-tai-khoan-nay");
    verify_password(dummy, password);
    return std::nullopt;
  }
  User u = user_of(*row);
  if (!verify_password(as_text((*row)[5]), password) || !u.active) return std::nullopt;
  return u;
}

}  // namespace kc
