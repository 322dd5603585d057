// Route registration, one function per area of the product (each in its own pages_*.cc).
#pragma once

#include "web/app.h"

namespace kc::web {

void register_public_pages(App& app);    // home, health, static assets
void register_sign_in_pages(App& app);   // sign in, sign out
void register_home_pages(App& app);      // each role's home page, "Việc của tôi" (pages_home.cc)
void register_dashboard_pages(App& app); // dashboard and its downloads
void register_report_pages(App& app);    // the phase report in every format
void register_admin_pages(App& app);     // accounts and the audit trail
void register_workbook_pages(App& app);  // the import workbook template (pages_workbook.cc)
void register_registry_pages(App& app);  // lists, details, forms of every registry
void register_project_pages(App& app);   // projects and their lifecycle
void register_import_pages(App& app);    // loading a workbook (.xlsx) from the browser (pages_import.cc)
void register_plan_pages(App& app);      // phase and annual plans, their targets and achievement (pages_plans*.cc)
void register_dossier_pages(App& app);   // project and plan dossiers as ZIP downloads (pages_dossier.cc)
void register_job_pages(App& app);       // background jobs: progress and download (pages_jobs.cc)
void register_registry_api(App& app);    // /api/<registry>: the registries as JSON (api_registry.cc)
void register_project_api(App& app);     // /api/de-an proposals and steps, /api/tong-hop (api_projects.cc)
void register_api_sign_in(App& app);     // /api/csrf, /api/dang-nhap, /api/dang-xuat (api_sign_in.cc)
void register_api_openapi(App& app);     // /api/openapi.json (openapi.cc)
void register_format_pages(App& app);    // /dinh-dang/tien: what a typed amount of money means (pages_format.cc)
void register_guide_pages(App& app);     // /huong-dan: the user guide, a section per role (pages_guide.cc)

}  // namespace kc::web
