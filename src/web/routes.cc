#include "web/pages.h"
#include "web/picker_fields.h"

namespace kc::web {

void register_routes(App& app) {
  register_public_pages(app);
  register_sign_in_pages(app);
  register_home_pages(app);
  register_dashboard_pages(app);
  register_report_pages(app);
  register_admin_pages(app);
  register_workbook_pages(app);
  register_registry_pages(app);
  register_project_pages(app);
  register_plan_pages(app);
  register_import_pages(app);
  register_dossier_pages(app);
  register_job_pages(app);
  register_project_api(app);
  register_registry_api(app);
  register_api_sign_in(app);
  register_api_openapi(app);
  register_picker_routes(app);
  register_format_pages(app);
  register_guide_pages(app);
}

}  // namespace kc::web
