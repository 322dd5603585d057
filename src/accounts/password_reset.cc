#include "core/sodium.h"
#include "accounts/password_reset.h"

#include <sodium.h>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "audit/local_time.h"
#include "core/clock.h"
#include "core/digest.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace kc {

namespace {

const RecordKind& codes() { return kind("dat_lai_mat_khau"); }

// No 0/O, 1/I/L: the code is read aloud or copied from paper.
constexpr std::string_view kSymbols = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr size_t kCodeSymbols = 16;

std::string new_code() {
  ensure_sodium();
  std::string code;
  for (size_t i = 0; i < kCodeSymbols; ++i) {
    if (i > 0 && i % 4 == 0) code += '-';
    code += kSymbols[randombytes_uniform(static_cast<uint32_t>(kSymbols.size()))];
  }
  return code;
}

// The code as stored and compared: symbols only, upper case.
std::string canonical(const std::string& typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string code_hash(const std::string& code) { return blake2b_hex(canonical(code)); }

Row key_row(const std::string& hash) {
  Row r(codes().fields.size());
  r[0] = hash;
  return r;
}

}  // namespace

std::optional<IssuedResetCode> issue_reset_code(Store& store, const std::string& username, const std::string& by,
                                                long lifetime_seconds) {
  Transaction tx(store);
  if (!find_user(store, username)) return std::nullopt;
  std::string now = utc_now_text();
  // Earlier unused codes of this user stop working: only the latest code handed over counts.
  std::vector<Row> withdrawn;
  store.scan(codes(), [&](const Row& r) {
    if (text_or_empty(r[1]) == username && is_null(r[5])) withdrawn.push_back(r);
  });
  for (Row& r : withdrawn) {
    r[5] = now;
    store.update(codes(), r);
  }
  IssuedResetCode issued{new_code(), utc_text_in(lifetime_seconds)};
  store.insert(codes(), Row{code_hash(issued.code), username, by, now, issued.expires, Value{}});
  audit(store, by, "cap_ma_dat_lai", &kind("nguoi_dung"), username, std::nullopt, std::nullopt,
        "mã đặt lại mật khẩu dùng một lần, hết hạn lúc " + local_time_text(issued.expires));
  tx.commit();
  return issued;
}

ResetOutcome redeem_reset_code(Store& store, const std::string& code, const std::string& fresh,
                               const std::string& repeated) {
  ResetOutcome out;
  Transaction tx(store);
  std::optional<Row> row = canonical(code).size() == kCodeSymbols ? store.find(codes(), key_row(code_hash(code)))
                                                                  : std::nullopt;
  std::optional<User> user = row ? find_user(store, as_text((*row)[1])) : std::nullopt;
  if (!row || !user) {
    out.errors.emplace_back("ma", "Mã đặt lại không đúng. Hãy kiểm tra lại mã quản trị viên đã đưa.");
  } else if (!is_null((*row)[5])) {
    out.errors.emplace_back("ma", "Mã đặt lại này đã được dùng hoặc đã bị thay bằng mã mới; hãy xin quản trị viên cấp mã mới.");
  } else if (as_text((*row)[4]) < utc_now_text()) {
    out.errors.emplace_back("ma", "Mã đặt lại đã hết hạn lúc " + local_time_text(as_text((*row)[4])) +
                                      "; hãy xin quản trị viên cấp mã mới.");
  } else if (!user->active) {
    out.errors.emplace_back("ma", "Tài khoản đang bị khóa; hãy liên hệ quản trị viên.");
  } else {
    out.code_ok = true;
  }
  FieldErrors problems = new_password_problems(user ? user->username : "", fresh, repeated);
  out.errors.insert(out.errors.end(), problems.begin(), problems.end());
  if (!out.errors.empty()) return out;
  (*row)[5] = utc_now_text();
  store.update(codes(), *row);
  replace_password(store, user->username, fresh);
  audit(store, user->username, "dat_lai_mat_khau", &kind("nguoi_dung"), user->username, std::nullopt, std::nullopt,
        "đặt mật khẩu mới bằng mã dùng một lần; mọi phiên đăng nhập đã kết thúc");
  tx.commit();
  out.username = user->username;
  return out;
}

}  // namespace kc
