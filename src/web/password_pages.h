// A user's own password change (/tai-khoan/doi-mat-khau, every signed-in role) and the public
// page where a one-time reset code issued by the administrator sets a new password
// (/dat-lai-mat-khau; accounts/password_reset.h). Registered with the sign-in pages.
#pragma once

#include <string>

#include "schema/field_errors.h"
#include "web/templates.h"

namespace kc::web {

class App;

void register_password_pages(App& app);

// The password rules as the forms state them (Vietnamese), one per item.
Data password_rules();

// Form errors for Mustache: error_<field> for each, and has_errors.
void set_field_errors(Data& form, const FieldErrors& errors);

}  // namespace kc::web
