// Route registration, one function per area of the product (each in its own pages_*.cc).
#pragma once

#include "web/app.h"

namespace kc::web {

void register_public_pages(App& app);    // home, health, static assets
void register_sign_in_pages(App& app);   // sign in, sign out
void register_dashboard_pages(App& app); // dashboard and its downloads

}  // namespace kc::web
