// Dossier downloads (projects/dossier.h, docs/dossier.md): "Tải hồ sơ (ZIP)" on the project page
// for every signed-in caller who may see the project (a local officer within their area, an
// establishment for its own projects; never the public), and on the plan page for staff. The
// ZIP is built into a temporary file and streamed from there, so a plan with hundreds of
// projects does not sit in the server's memory; the download is written to the audit trail.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <vector>

#include "audit/audit.h"
#include "core/random.h"
#include "projects/dossier.h"
#include "text/url.h"
#include "web/pages.h"
#include "web/plan_pages.h"
#include "web/project_pages.h"

namespace kc::web {

namespace {

// Removes the temporary ZIP when the answer has been sent (or was never started).
struct TemporaryFile {
  std::filesystem::path path;
  ~TemporaryFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

std::shared_ptr<TemporaryFile> temporary_zip() {
  return std::make_shared<TemporaryFile>(
      TemporaryFile{std::filesystem::temp_directory_path() / ("khuyencong-ho-so-" + random_hex(12) + ".zip")});
}

DossierOptions options_for(RequestContext& ctx) {
  return {document_dir(ctx.app.options()), ctx.user()->username + " (" + ctx.user()->role + ")"};
}

// Answers with the ZIP, named for the user in Vietnamese (RFC 5987) with an ASCII fallback.
void send_zip(RequestContext& ctx, std::shared_ptr<TemporaryFile> zip, const std::string& name, const std::string& ascii_name) {
  auto in = std::make_shared<std::ifstream>(zip->path, std::ios::binary);
  size_t size = std::filesystem::file_size(zip->path);
  ctx.res.set_header("Content-Disposition",
                     "attachment; filename=\"" + ascii_name + "\"; filename*=UTF-8''" + percent_encoded(name));
  ctx.res.set_content_provider(
      size, "application/zip",
      [in, zip](size_t offset, size_t length, httplib::DataSink& sink) {
        std::vector<char> buffer(std::min<size_t>(length, 1 << 16));
        in->seekg(static_cast<std::streamoff>(offset));
        in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        std::streamsize n = in->gcount();
        if (n <= 0) return false;
        return sink.write(buffer.data(), static_cast<size_t>(n));
      });  // the provider holds the last reference to `zip`: the file is removed with it
}

// A code made plain ASCII for the filename= fallback.
std::string ascii(const std::string& code) {
  std::string out;
  for (char c : code) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return out;
}

void project_dossier(RequestContext& ctx) {
  std::string code = ctx.path(2);
  std::optional<Row> p = project_with_records(ctx, code);  // 404 outside the caller's own scope
  if (!p) return;
  auto zip = temporary_zip();
  std::optional<DossierSummary> s = write_project_dossier(ctx.read_store(), code, zip->path, options_for(ctx));
  if (!s) {
    ctx.error(404, "Không tìm thấy đề án mã \"" + code + "\".");
    return;
  }
  audit(ctx.store(), ctx.user()->username, "tai_ho_so", &kind("de_an"), code, std::nullopt, std::nullopt,
        "tải hồ sơ ZIP: " + std::to_string(s->files) + " tệp, " + std::to_string(s->documents) + " tài liệu");
  send_zip(ctx, zip, project_dossier_name(code), "ho-so-de-an-" + ascii(code) + ".zip");
}

void plan_dossier(RequestContext& ctx) {
  std::string code = ctx.path(1);
  if (!requested_plan(ctx, code)) return;
  auto zip = temporary_zip();
  auto data = ctx.app.dataset();
  std::optional<DossierSummary> s = write_plan_dossier(ctx.read_store(), *data, code, zip->path, options_for(ctx));
  if (!s) {
    ctx.error(404, "Không tìm thấy kế hoạch mã \"" + code + "\".");
    return;
  }
  audit(ctx.store(), ctx.user()->username, "tai_ho_so", &kind("ke_hoach"), code, std::nullopt, std::nullopt,
        "tải hồ sơ ZIP: " + std::to_string(s->projects) + " đề án, " + std::to_string(s->files) + " tệp");
  send_zip(ctx, zip, plan_dossier_name(code), "ho-so-ke-hoach-" + ascii(code) + ".zip");
}

}  // namespace

void register_dossier_pages(App& app) {
  app.add({"GET", R"(/(de-an)/([^/]+)/ho-so\.zip)", "de_an_ho_so", Access::any_user(), false, project_dossier});
  app.add({"GET", R"(/ke-hoach/([^/]+)/ho-so\.zip)", "ke_hoach_ho_so", Access::only(kStaffRoles), false, plan_dossier});
}

}  // namespace kc::web
