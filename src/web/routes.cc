#include "web/pages.h"

namespace kc::web {

void register_routes(App& app) {
  register_public_pages(app);
  register_sign_in_pages(app);
  register_dashboard_pages(app);
  register_report_pages(app);
  register_admin_pages(app);
  register_registry_pages(app);
}

}  // namespace kc::web
