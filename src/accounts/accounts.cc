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

namespace {

bool known_role(const std::string& role) {
  for (const EnumValue& v : enums::kRole)
    if (v.code == role) return true;
  return false;
}

// Name, role and scope, shared by creation and edits: the name in NFC, the scope a role does
// not use cleared (a centre officer has no area), what is left checked against the registries.
void check_profile(Store& store, UserProfile& p, FieldErrors& errors) {
  p.name = to_nfc(p.name);
  if (p.name.find_first_not_of(' ') == std::string::npos) errors.emplace_back("ho_ten", "Cần nhập họ và tên.");
  if (!known_role(p.role)) {
    std::string allowed;
    for (const EnumValue& v : enums::kRole) allowed += (allowed.empty() ? "" : ", ") + std::string(v.label);
    errors.emplace_back("vai_tro", "Vai trò \"" + p.role + "\" không có; chọn một trong: " + allowed + ".");
  }
  if (known_role(p.role) && p.role != "dia_phuong") p.unit.clear();
  if (known_role(p.role) && p.role != "co_so") p.establishment.clear();
  if (p.role == "dia_phuong" && p.unit.empty())
    errors.emplace_back("don_vi", "Cán bộ địa phương cần có địa bàn phụ trách (mã đơn vị hành chính).");
  if (!p.unit.empty() && !store.find(kind("don_vi_hanh_chinh"), key_row(kind("don_vi_hanh_chinh"), p.unit)))
    errors.emplace_back("don_vi", "Không có đơn vị hành chính mã \"" + p.unit + "\".");
  if (p.role == "co_so" && p.establishment.empty())
    errors.emplace_back("co_so", "Tài khoản của cơ sở cần có mã cơ sở.");
  if (!p.establishment.empty() && !store.find(kind("co_so"), key_row(kind("co_so"), p.establishment)))
    errors.emplace_back("co_so", "Không có cơ sở mã \"" + p.establishment + "\".");
}

// Ends every session of `username` (inside the caller's transaction).
void end_sessions_of(Store& store, const std::string& username) {
  const RecordKind& sessions = kind("phien");
  std::vector<Row> keys;
  store.scan(sessions, [&](const Row& r) {
    if (text_or_empty(r[1]) == username) keys.push_back(r);
  });
  for (const Row& k : keys) store.remove(sessions, k);
}

}  // namespace

FieldErrors add_user(Store& store, const NewUser& in, const std::string& by) {
  FieldErrors errors;
  static const std::regex username_pattern("[a-z0-9][a-z0-9._-]{2,39}");
  if (!std::regex_match(in.username, username_pattern))
    errors.emplace_back("ten_dang_nhap", "tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới");
  else if (store.find(users(), key_row(users(), in.username)))
    errors.emplace_back("ten_dang_nhap", "tên đăng nhập \"" + in.username + "\" đã được dùng");
  UserProfile p{in.name, in.role, in.unit, in.establishment};
  check_profile(store, p, errors);
  // The same rules as a password the user sets (not containing the user name among them).
  for (auto& [field, message] : new_password_problems(in.username, in.password, in.password))
    errors.emplace_back("mat_khau", std::move(message));
  if (!errors.empty()) return errors;

  Row row{in.username, p.name, p.role, opt(p.unit), opt(p.establishment), hash_password(in.password), int64_t{1},
          utc_now_text()};
  Transaction tx(store);
  store.insert(users(), row);
  audit(store, by, "tao_tai_khoan", &users(), in.username, std::nullopt, row);
  tx.commit();
  return {};
}

FieldErrors update_user(Store& store, const std::string& username, const UserProfile& profile, const std::string& by,
                        bool& found) {
  Transaction tx(store);
  auto before = store.find(users(), key_row(users(), username));
  found = before.has_value();
  if (!before) return {};
  FieldErrors errors;
  UserProfile p = profile;
  check_profile(store, p, errors);
  if (!errors.empty()) return errors;
  Row after = *before;
  after[1] = p.name;
  after[2] = p.role;
  after[3] = opt(p.unit);
  after[4] = opt(p.establishment);
  if (after == *before) return {};  // nothing changed: nothing to write or record
  store.update(users(), after);
  audit(store, by, "sua_tai_khoan", &users(), username, before, after);
  tx.commit();
  return {};
}

FieldErrors new_password_problems(const std::string& username, const std::string& fresh, const std::string& repeated) {
  FieldErrors errors;
  std::string problem = password_problem(fresh);
  if (!problem.empty()) {
    errors.emplace_back("mat_khau_moi", upper_first_vi(problem) + ".");  // "mật khẩu …" starts the sentence here
  } else if (!username.empty() && fold_for_search(fresh).find(fold_for_search(username)) != std::string::npos) {
    errors.emplace_back("mat_khau_moi", "Mật khẩu không được chứa tên đăng nhập.");
  }
  if (fresh != repeated) errors.emplace_back("nhap_lai", "Hai lần nhập mật khẩu mới không giống nhau.");
  return errors;
}

void replace_password(Store& store, const std::string& username, const std::string& fresh) {
  auto row = store.find(users(), key_row(users(), username));
  if (!row) throw StoreError("không có tài khoản " + username);
  (*row)[5] = hash_password(fresh);
  store.update(users(), *row);
  end_sessions_of(store, username);
}

FieldErrors change_own_password(Store& store, const std::string& username, const std::string& current,
                                const std::string& fresh, const std::string& repeated) {
  FieldErrors errors;
  if (!check_password(store, username, current))
    errors.emplace_back("mat_khau_hien_tai", "Mật khẩu hiện tại không đúng.");
  FieldErrors problems = new_password_problems(username, fresh, repeated);
  errors.insert(errors.end(), problems.begin(), problems.end());
  if (errors.empty() && fresh == current)
    errors.emplace_back("mat_khau_moi", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  if (!errors.empty()) return errors;
  Transaction tx(store);
  replace_password(store, username, fresh);
  audit(store, username, "doi_mat_khau", &users(), username, std::nullopt, std::nullopt,
        "người dùng tự đổi mật khẩu; các phiên đăng nhập khác đã kết thúc");
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
