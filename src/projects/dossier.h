// Dossiers for inspectors and auditors: one ZIP per project or per plan with the record, its
// whole history, outputs, beneficiaries and every attached document byte for byte, and an index
// listing every file with its size and SHA-256 (docs/dossier.md).
//
//   MUC_LUC.html, muc_luc.csv, SHA256SUMS.txt     the index
//   ke_hoach/ke_hoach.html, ke_hoach/du_lieu/     the plan and its targets (a plan's dossier)
//   de_an/<mã đề án>/ho_so.html                   the project to read: record, beneficiaries,
//                                                 outputs, lifecycle steps, amendments,
//                                                 documents, audit trail
//   de_an/<mã đề án>/du_lieu/*.csv                the same records in the bundle's columns
//   de_an/<mã đề án>/tai_lieu/<tên tệp>           the attached documents under their own names
//
// The ZIP is streamed to the output file (see dossier_archive.h); a refused or failed build
// leaves no output. Who may ask for a dossier is the caller's business (the web checks the
// project's and plan's access rules; the command line is for operators).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "model/dataset.h"

namespace kc {

class Store;

struct DossierOptions {
  std::filesystem::path document_dir;  // where attached documents are kept (projects/documents.h)
  std::string built_by;                // who asked, for the index ("trungtam", "dòng lệnh")
  ProgressSink* progress = nullptr;    // told of each project and of the archive's writing
};

struct DossierSummary {
  size_t projects = 0, documents = 0, files = 0;
  int64_t bytes = 0;                  // the files' sizes together (before compression)
  std::vector<std::string> missing;   // Vietnamese: documents whose stored file is gone
};

// nullopt when there is no such project. Throws std::runtime_error / StoreError on I/O failures.
std::optional<DossierSummary> write_project_dossier(Store& store, const std::string& project,
                                                    const std::filesystem::path& output, const DossierOptions& options);

// nullopt when there is no such plan. `data` is the Dataset of the same store (which projects
// belong to the plan: plan_projects).
std::optional<DossierSummary> write_plan_dossier(Store& store, const Dataset& data, const std::string& plan,
                                                 const std::filesystem::path& output, const DossierOptions& options);

// The projects of a plan, by code: started within the plan's period, located in its area, and
// approved or later (approved, in progress, accepted, settled, post-audited).
std::vector<std::string> plan_projects(const Dataset& data, const Plan& plan);

// The file name offered for download: "Hồ sơ đề án bg-2017-t-011.zip", "Hồ sơ kế hoạch ….zip".
std::string project_dossier_name(const std::string& project);
std::string plan_dossier_name(const std::string& plan);

}  // namespace kc
