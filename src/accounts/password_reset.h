// Password reset by the administrator without any password travelling in clear: the
// administrator issues a one-time code (shown once, to hand over in person or by phone), the
// user types it on the public page "Đặt lại mật khẩu" with a new password of their choosing.
// Only the code's hash is stored (table dat_lai_mat_khau); a code works once, for 24 hours,
// and issuing a new one withdraws the user's earlier unused codes.
#pragma once

#include <optional>
#include <string>

#include "schema/field_errors.h"

namespace kc {

class Store;

inline constexpr long kResetCodeSeconds = 24 * 3600;

struct IssuedResetCode {
  std::string code;     // "ABCD-EFGH-JKMN-PQRS": 16 symbols of 32 (80 bits), shown once
  std::string expires;  // UTC text
};

// A new code for `username` (audited, without the code); nullopt when there is no such user.
std::optional<IssuedResetCode> issue_reset_code(Store& store, const std::string& username, const std::string& by,
                                                long lifetime_seconds = kResetCodeSeconds);

struct ResetOutcome {
  FieldErrors errors;    // fields ma (the code), mat_khau_moi, nhap_lai
  bool code_ok = false;  // the code itself was valid (the throttle counts the other cases)
  std::string username;  // whose password was set, when errors is empty
};

// Sets the user's new password when the code is valid (known, unused, unexpired, account
// active) and the password acceptable; the code is then used up and every session of the
// user ends. Spaces, dashes and letter case in the typed code do not matter.
ResetOutcome redeem_reset_code(Store& store, const std::string& code, const std::string& fresh,
                               const std::string& repeated);

}  // namespace kc
