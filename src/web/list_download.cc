#include "web/list_download.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/vn_format.h"
#include "spreadsheet/record_sheet.h"
#include "text/csv.h"
#include "text/normalize.h"
#include "web/background_jobs.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace kc::web {

namespace {

constexpr int64_t kMaxRows = 1000000;  // also the XLSX's (one sheet holds 1.048.574 rows)

enum class Format { csv, xlsx };

std::optional<Format> requested_format(const RequestContext& ctx) {
  std::string f = ctx.param("dinh_dang");
  if (f == "csv") return Format::csv;
  if (f == "xlsx") return Format::xlsx;
  return std::nullopt;
}

std::string file_name(const Registry& r, Format f) { return r.kind + (f == Format::csv ? ".csv" : ".xlsx"); }
const char* media_type(Format f) { return f == Format::csv ? "text/csv; charset=utf-8" : kXlsxMediaType; }

// Rows in the bundle's CSV form (the same columns as an export), with a byte order mark for
// spreadsheet programs; each row counted to `progress`.
void write_csv(std::ostream& out, const RecordKind& k, const std::vector<Row>& rows, ProgressSink& progress) {
  std::string buffer = "\xEF\xBB\xBF";
  std::vector<std::string> cells;
  for (const Field& f : k.fields) cells.emplace_back(f.name);
  append_csv_record(buffer, cells);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t i = 0; i < k.fields.size(); ++i) cells[i] = format_field(k.fields[i], rows[r][i]);
    append_csv_record(buffer, cells);
    if (buffer.size() >= (1 << 20)) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
    progress.set_done(static_cast<int64_t>(r + 1));
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

ListQuery whole_list(ListQuery query) {
  query.offset = 0;
  query.limit = kMaxRows;
  query.known_total.reset();
  return query;
}

// The list's own parameters (filters, search, sort, archived), which the job's form carries.
Data form_fields(const RegistryQuery& q) {
  Data fields = list();
  for (const auto& [name, value] : q.params) {
    if (name == "trang") continue;
    Data f;
    f.set("name", name);
    f.set("value", value);
    fields.push_back(f);
  }
  return fields;
}

// The job: the rows read on a connection of its own, then written to the job's file.
JobWork list_work(const std::string& db, const Registry& r, const ListQuery& query, Format format) {
  return [db, &r, query, format](ProgressSink& progress, const std::filesystem::path& output) {
    const RecordKind& k = r.record_kind();
    progress.stage("Đang đọc danh sách", "hồ sơ", 0);
    std::vector<Row> rows = open_store(db)->list(k, query).rows;
    progress.stage(format == Format::csv ? "Đang ghi tệp CSV" : "Đang ghi sổ tính Excel", "hồ sơ",
                   static_cast<int64_t>(rows.size()));
    if (format == Format::csv) {
      std::ofstream out(output, std::ios::binary);
      write_csv(out, k, rows, progress);
      out.close();
      if (!out) throw std::runtime_error("không ghi được tệp CSV");
    } else {
      write_record_list_workbook(k, rows, output, progress);
    }
    progress.finish();
    std::string summary = format_int(static_cast<int64_t>(rows.size())) + " hồ sơ";
    std::string name = file_name(r, format);
    return JobOutput{name, name, media_type(format), summary, ""};
  };
}

void start_list_download(RequestContext& ctx) {
  const Registry& r = *registry_by_slug(ctx.path(1));
  std::optional<Format> format = requested_format(ctx);
  if (!format) {
    ctx.error(400, "Định dạng \"" + ctx.param("dinh_dang") + "\" không hỗ trợ; chọn csv hoặc xlsx.");
    return;
  }
  RegistryQuery q = registry_query(ctx, r, 1);  // the caller's scope as of now
  std::vector<std::string> roles = kStaffRoles;
  roles.insert(roles.end(), r.readers.begin(), r.readers.end());
  const User& u = *ctx.user();
  std::string title = "Danh sách " + lower_first_vi(r.title) + (*format == Format::csv ? " (CSV)" : " (Excel)");
  BackgroundJobs::Submitted job = ctx.app.jobs().submit(
      {u.username, roles, title, q.url_with({{"trang", ""}}), "", "", "",
       list_work(ctx.app.options().db, r, whole_list(q.query), *format), u.unit, u.establishment});
  if (!job.id) {
    ctx.error(429, job.refused);
    return;
  }
  ctx.redirect(job_url(*job.id));
}

}  // namespace

bool answer_list_download(RequestContext& ctx, const Registry& r, const RegistryQuery& q, int64_t total) {
  std::optional<Format> format = requested_format(ctx);
  if (!format) return false;
  int64_t limit = ctx.app.jobs().limits().list_download_rows;
  if (total > limit) {
    // Too long for a request thread: the page with the button that starts the job (a GET
    // starts nothing), or for the public, who own no job, the advice to narrow the list.
    if (!ctx.user()) {
      ctx.error(403, "Danh sách có " + format_int(total) + " hồ sơ; khi chưa đăng nhập chỉ tải được danh sách đến " +
                         format_int(limit) + " hồ sơ. Hãy lọc bớt, hoặc đăng nhập để lập tệp trong nền.");
      return true;
    }
    Data d;
    d.set("downloads", list_download_links(ctx, r, q, total));
    d.set("note", "Danh sách có " + format_int(total) + " hồ sơ, nhiều hơn " + format_int(limit) +
                      " hồ sơ tải được ngay: tệp được lập trong nền. Trang của việc cho biết tiến độ và cho tải tệp khi xong.");
    d.set("title", r.title);
    d.set("back_href", q.url_with({{"dinh_dang", ""}, {"trang", ""}}));
    ctx.page(200, "list_download", d, r.title);
    return true;
  }
  std::vector<Row> rows = ctx.store().list(r.record_kind(), whole_list(q.query)).rows;
  ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + file_name(r, *format) + "\"");
  if (*format == Format::csv) {
    std::ostringstream out;
    write_csv(out, r.record_kind(), rows, no_progress());
    ctx.res.set_content(out.str(), media_type(*format));
  } else {
    ctx.res.set_content(record_list_workbook(r.record_kind(), rows), media_type(*format));
  }
  return true;
}

std::string list_download_links(RequestContext& ctx, const Registry& r, const RegistryQuery& q, int64_t total) {
  Data d;
  int64_t limit = ctx.app.jobs().limits().list_download_rows;
  if (total > limit && ctx.user()) {
    d.set("background", true);
    d.set("action", "/tai-danh-sach/" + r.slug);
    d.set("csrf", ctx.csrf());
    d.set("fields", form_fields(q));
  } else {
    d.set("csv", q.url_with({{"dinh_dang", "csv"}, {"trang", ""}}));
    d.set("xlsx", q.url_with({{"dinh_dang", "xlsx"}, {"trang", ""}}));
  }
  return render_template("_list_downloads", d);
}

void register_list_download(App& app, const Registry& r, Access readers) {
  app.add({"POST", "/tai-danh-sach/(" + r.slug + ")", r.kind + "_tai_danh_sach", std::move(readers), false,
           start_list_download});
}

}  // namespace kc::web
