// User accounts: creation with validation, look-up, and checking a password. Every change is
// written with its audit entry in one transaction. Roles (schema/enums.h kRole): quan_tri,
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


// Creates the account; returns the problems instead when the input is not acceptable.
FieldErrors add_user(Store& store, const NewUser& user, const std::string& by);

std::optional<User> find_user(Store& store, const std::string& username);
std::vector<User> list_users(Store& store);

// Sets `active`; false when there is no such user.
bool set_user_active(Store& store, const std::string& username, bool active, const std::string& by);

// The user when the password is theirs and the account is active.
std::optional<User> check_password(Store& store, const std::string& username, const std::string& password);

std::string role_label(const std::string& role);

}  // namespace kc
