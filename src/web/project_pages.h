// Shared by the project pages (pages_projects.cc, pages_project_steps.cc).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "records/record_editing.h"
#include "web/app.h"
#include "web/registries.h"
#include "web/request_context.h"

namespace kc::web {

const Registry& project_registry();

// Who may register needs and propose projects (within their scope).
extern const std::vector<std::string> kProposers;
// Fields a proposer fills in; the code, status and dates belong to the system and the lifecycle.
extern const std::vector<std::string> kProposalFields;

// The project named in the URL when the caller may see it; otherwise answers 404.
std::optional<Row> visible_project(RequestContext& ctx, const std::string& code);

// Whether the signed-in caller sees the project's records beyond what the public sees (its
// history, documents, amendments, dossier): staff, and the local officer or establishment whose
// own scope holds it — not every signed-in user who sees a published project elsewhere.
bool sees_project_records(RequestContext& ctx, const Row& project);
// The project named `code` when the caller sees its records; otherwise answers 404.
std::optional<Row> project_with_records(RequestContext& ctx, const std::string& code);

// Whether the signed-in caller may act on this project (role and scope; not the administrator).
bool may_change_project(RequestContext& ctx, const Row& project);

// The project named `code` when the caller may see it and act on it; otherwise answers 404
// (not visible) or 403 (outside what they may change) and returns nullopt.
std::optional<Row> changeable_project(RequestContext& ctx, const std::string& code);

// The project page with its history and the actions the caller may take.
void project_page(RequestContext& ctx);
// The same for a known project, with a message at the top (a refused step, for example).
void project_page_with(RequestContext& ctx, const Row& project, const std::string& notice);

// Forms for the lifecycle steps the caller may take now.
Data step_forms_for(RequestContext& ctx, const Row& project, const Dataset& data, const std::string& code);

// The proposal form (new or `editing` a need or proposal): every reference field a picker, years
// as choices; `errors` beside their fields. `base`: when editing, the version (field values as
// JSON) the edit started from. A form posted with "_tim" set asks for a picker's matches and is
// shown again, unsaved (project_form.cc).
void proposal_form(RequestContext& ctx, int status, const FormValues& values, const std::vector<std::string>& beneficiaries,
                   const FieldErrors& errors, const std::optional<std::string>& editing, const std::string& base = {});

// Lifecycle steps, documents and amendments.
void register_project_step_pages(App& app);

// Where attached documents are kept: --upload-dir, or next to the SQLite file.
std::filesystem::path document_dir(const WebOptions& options);

}  // namespace kc::web
