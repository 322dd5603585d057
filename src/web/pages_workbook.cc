// The import workbook template (docs/xlsx-export.md): every record kind's sheet with its two
// header rows, the "Hướng dẫn" notes and the "Danh mục" dropdown lists taken from the current
// records; no data rows. For the roles that may import a bundle.
#include "spreadsheet/bundle_workbook.h"
#include "web/pages.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

const std::vector<std::string> kImporters = {"quan_tri", "trung_tam"};

void template_download(RequestContext& ctx) {
  ctx.res.set_header("Content-Disposition", "attachment; filename=\"mau-nhap-du-lieu-khuyen-cong.xlsx\"");
  ctx.res.set_content(bundle_template_bytes(ctx.read_store()), kXlsxMediaType);
}

}  // namespace

void register_workbook_pages(App& app) {
  app.add({"GET", "/nhap-du-lieu/mau\\.xlsx", "nhap_du_lieu_mau", Access::only(kImporters), false, template_download});
}

}  // namespace kc::web
