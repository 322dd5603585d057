// Route registration, one function per area of the product (each in its own pages_*.cc).
#pragma once

#include "web/app.h"

namespace kc::web {

void register_public_pages(App& app);    // home, health, static assets
void register_sign_in_pages(App& app);   // sign in, sign out
void register_dashboard_pages(App& app); // dashboard and its downloads
void register_report_pages(App& app);    // the phase report in every format
void register_admin_pages(App& app);     // accounts and the audit trail
void register_registry_pages(App& app);  // lists, details, forms of every registry

}  // namespace kc::web
