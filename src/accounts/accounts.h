// User accounts: creation with validation, look-up, checking and changing a password, and the
// administrator's edits (name, role, scope). Every change is written with its audit entry in one
// transaction; no audit entry ever holds a password or its hash. Roles (schema/enums.h kRole): quan_tri,
// so_cong_thuong, trung_tam, dia_phuong (needs the unit it covers), co_so (needs its establishment).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "schema/field_errors.h"

namespace kc {

class Store;

struct User {
  std::string username, name, role, unit, establishment;  // unit/establishment may be empty
  bool active = true;
};

struct NewUser {
  std::string username, name, role, unit, establishment, password;
};

// What the administrator may change of an account (the user name stays).
struct UserProfile {
  std::string name, role, unit, establishment;
};


// Creates the account; returns the problems instead when the input is not acceptable.
FieldErrors add_user(Store& store, const NewUser& user, const std::string& by);

std::optional<User> find_user(Store& store, const std::string& username);
std::vector<User> list_users(Store& store);

// Changes name, role and scope; the problems instead when not acceptable (the unit or
// establishment must exist, a local officer needs a unit, an establishment's account its
// establishment; scope a role does not use is cleared). Empty errors and false `found` when
// there is no such user.
FieldErrors update_user(Store& store, const std::string& username, const UserProfile& profile, const std::string& by,
                        bool& found);

// The signed-in user's own change: `current` must be their password, `fresh` acceptable
// (new_password_problems) and typed twice alike. Every session of the user ends (the caller
// starts a new one for the browser that asked). Errors by field: mat_khau_hien_tai,
// mat_khau_moi, nhap_lai.
FieldErrors change_own_password(Store& store, const std::string& username, const std::string& current,
                                const std::string& fresh, const std::string& repeated);

// Problems of a new password chosen by its user (password.h rules, plus: not containing the
// user name, typed twice alike); fields mat_khau_moi and nhap_lai.
FieldErrors new_password_problems(const std::string& username, const std::string& fresh, const std::string& repeated);

// Stores a new password (already checked) and ends every session of the user, inside the
// caller's transaction; the audit entry (without the password) is the caller's.
void replace_password(Store& store, const std::string& username, const std::string& fresh);

// Sets `active`; false when there is no such user.
bool set_user_active(Store& store, const std::string& username, bool active, const std::string& by);

// The user when the password is theirs and the account is active.
std::optional<User> check_password(Store& store, const std::string& username, const std::string& password);

std::string role_label(const std::string& role);

}  // namespace kc
