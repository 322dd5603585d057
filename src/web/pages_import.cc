// Loading a workbook from the browser (docs/xlsx-import.md): centre staff and administrators
// upload a .xlsx; it is checked completely and written all or nothing, exactly as
// `khuyencong import <file.xlsx>` does (cells typed with a legacy Vietnamese font are
// converted when their encoding is certain). The answer lists the sheets converted from a legacy
// encoding and the rows written per sheet, or every problem (sheet, row, column, message) with
// nothing written. An upload over the server's body limit gets the Vietnamese 413 of app.cc.
#include "audit/audit.h"
#include "core/vn_format.h"
#include "interchange/workbook_import.h"
#include "text/legacy_charsets.h"
#include "web/pages.h"
#include "web/request_context.h"
#include "xlsx/cell_ref.h"

namespace kc::web {

namespace {

constexpr const char* kTitle = "Nhập dữ liệu từ sổ tính";
constexpr const char* kFileField = "so_tinh";
constexpr size_t kMaxProblemsShown = 1000;

const std::vector<std::string> kImportRoles = {"quan_tri", "trung_tam"};

Data form_data(RequestContext& ctx) {
  Data page;
  page.set("csrf", ctx.csrf());
  page.set("max_mb", std::to_string(ctx.app.options().max_body_bytes >> 20));
  return page;
}

void form(RequestContext& ctx) { ctx.page(200, "import_workbook", form_data(ctx), kTitle); }

Data problem_rows(const ImportResult& r) {
  Data rows = list();
  for (size_t i = 0; i < r.problems.size() && i < kMaxProblemsShown; ++i) {
    const Problem& p = r.problems[i];
    Data d;
    d.set("sheet", p.sheet ? p.file : (p.file.empty() ? "(cả sổ tính)" : p.file));
    d.set("row", p.line ? std::to_string(p.line) : "");
    std::string column = p.column ? (p.sheet ? xlsx::column_letters(static_cast<uint32_t>(p.column)) : std::to_string(p.column)) : "";
    if (!p.field.empty()) column += (column.empty() ? "" : " ") + std::string("(") + p.field + ")";
    d.set("column", column);
    d.set("message", p.message);
    rows.push_back(d);
  }
  return rows;
}

void upload(RequestContext& ctx) {
  Data page = form_data(ctx);
  if (!ctx.req.is_multipart_form_data() || !ctx.req.has_file(kFileField) ||
      ctx.req.get_file_value(kFileField).content.empty()) {
    page.set("form_error", "Hãy chọn một tệp sổ tính .xlsx để tải lên.");
    ctx.page(422, "import_workbook", page, kTitle);
    return;
  }
  const auto& file = ctx.req.get_file_value(kFileField);
  std::string name = file.filename.empty() ? "so-tinh.xlsx" : file.filename;
  if (!is_workbook_path(name)) {
    page.set("form_error", "Tệp \"" + name + "\" không phải sổ tính .xlsx; hãy lưu sổ tính dạng Excel Workbook (.xlsx).");
    ctx.page(422, "import_workbook", page, kTitle);
    return;
  }
  ImportOptions options;
  options.user = ctx.user()->username;
  if (std::string choice = ctx.param("ma_hoa");
      !choice.empty() && !parse_encoding_choice(choice, options.legacy_encoding, options.keep_unicode)) {
    page.set("form_error", "Bảng mã \"" + choice + "\" không được hỗ trợ; hãy chọn trong danh sách.");
    ctx.page(422, "import_workbook", page, kTitle);
    return;
  }
  ImportResult r;
  {
    // The import's own transaction nests in this one, so the audit entry is written with it.
    Transaction tx(ctx.store());
    r = import_workbook_bytes(ctx.store(), file.content, name, options);
    if (r.ok()) {
      audit(ctx.store(), ctx.user()->username, "nhap_so_tinh", nullptr, "", std::nullopt, std::nullopt,
            name + ": " + std::to_string(r.total_rows) + " bản ghi");
      tx.commit();
    }
  }
  page.set("file_name", name);
  Data conversions = list();
  for (const TextConversion& c : r.conversions) {
    Data d;
    d.set("text", format_conversion(c));
    conversions.push_back(d);
  }
  if (!r.conversions.empty()) {
    page.set("conversions", conversions);
    page.set("conversion_count", format_int(static_cast<int64_t>(r.conversions.size())));
  }
  if (r.ok()) {
    for (const auto& [kind_name, rows] : r.rows_by_kind) ctx.app.changed(kind_name);  // their parts are read again
    Data sheets = list();
    for (const auto& [kind_name, rows] : r.rows_by_kind) {
      Data d;
      d.set("sheet", kind_name);
      d.set("label", std::string(kind(kind_name).label));
      d.set("rows", format_int(rows));
      sheets.push_back(d);
    }
    page.set("written", sheets);
    page.set("total", format_int(r.total_rows));
    ctx.page(200, "import_workbook", page, kTitle);
    return;
  }
  page.set("problem_count", format_int(static_cast<int64_t>(r.problems.size())));
  page.set("problems", problem_rows(r));
  if (r.problems.size() > kMaxProblemsShown)
    page.set("more", format_int(static_cast<int64_t>(r.problems.size() - kMaxProblemsShown)));
  ctx.page(422, "import_workbook", page, kTitle);
}

}  // namespace

void register_import_pages(App& app) {
  app.add({"GET", "/nhap-du-lieu", "nhap_du_lieu", Access::only(kImportRoles), false, form});
  app.add({"POST", "/nhap-du-lieu", "nhap_du_lieu_gui", Access::only(kImportRoles), false, upload});
}

}  // namespace kc::web
