// The dossier of a project or of a plan (projects/dossier.h): which records go in, in which
// folder, and the index. One project's folder is built by dossier_project.cc.
#include "projects/dossier.h"

#include <algorithm>

#include "audit/audit.h"
#include "core/clock.h"
#include "core/vn_format.h"
#include "projects/dossier_names.h"
#include "projects/dossier_parts.h"
#include "projects/lifecycle.h"
#include "records/record_editing.h"
#include "report/plan_scope.h"
#include "schema/record_key.h"
#include "store/store.h"

namespace kc {

namespace {

using dossier::Cell;

std::string built_line(const DossierOptions& o) {
  return "Lập lúc " + dossier::vn_time(utc_now_text()) + " (giờ UTC)" + (o.built_by.empty() ? "" : " theo yêu cầu của " + o.built_by) + ".";
}

// The folder of a project: its code made safe as a folder name, unique within de_an/.
std::string project_folder(UniqueNames& folders, const std::string& code) {
  return "de_an/" + folders.claim(safe_file_name(code, "de-an", false));
}

ProgressSink& progress_of(const DossierOptions& o) { return o.progress ? *o.progress : no_progress(); }

DossierSummary summarise(const DossierArchive& archive, DossierSummary s) {
  s.files = archive.entries().size();
  for (const ArchiveEntry& e : archive.entries()) s.bytes += e.size;
  return s;
}

}  // namespace

std::optional<DossierSummary> write_project_dossier(Store& store, const std::string& project,
                                                    const std::filesystem::path& output, const DossierOptions& options) {
  std::optional<Row> row = find_record(store, kind("de_an"), project);
  if (!row) return std::nullopt;
  DossierArchive archive(output);
  dossier::RecordText text(store);
  DossierSummary summary;
  UniqueNames folders;
  dossier::add_project_folder(archive, store, text, *row, project_folder(folders, project), options, summary);
  std::string name = text.field(kind("de_an"), *row, "ten");
  archive.finish("Mục lục hồ sơ đề án " + project,
                 {"Đề án " + project + ": " + name + ".", built_line(options),
                  "Đọc hồ sơ đề án tại de_an/…/ho_so.html; dữ liệu máy đọc được ở de_an/…/du_lieu/ (CSV, cột như bộ dữ liệu "
                  "nhập); tài liệu đính kèm giữ nguyên từng byte ở de_an/…/tai_lieu/."},
                 progress_of(options));
  return summarise(archive, summary);
}

std::vector<std::string> plan_projects(const Dataset& data, const Plan& plan) {
  PlanScope scope(data, plan);
  const Projects& p = data.projects;
  std::vector<std::string> out;
  for (size_t i = 0; i < p.code.size(); ++i)
    if (scope.year_in_period(p.year_from[i]) && scope.unit_in_area(p.unit[i]) && is_published_status(p.status[i]))
      out.push_back(p.code[i]);
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<DossierSummary> write_plan_dossier(Store& store, const Dataset& data, const std::string& plan_code,
                                                 const std::filesystem::path& output, const DossierOptions& options) {
  const RecordKind& plans = kind("ke_hoach");
  std::optional<Row> plan_row = find_record(store, plans, plan_code);
  int32_t plan_index = data.plan_index(plan_code);
  if (!plan_row || plan_index < 0) return std::nullopt;
  const Plan& plan = data.plans[static_cast<size_t>(plan_index)];
  std::vector<std::string> codes = plan_projects(data, plan);

  DossierArchive archive(output);
  dossier::RecordText text(store);
  DossierSummary summary;
  UniqueNames folders;
  const RecordKind& pk = kind("de_an");
  std::vector<std::vector<Cell>> listed;
  std::vector<Row> project_rows;
  ProgressSink& progress = progress_of(options);
  progress.stage("Đang lập hồ sơ", "đề án", static_cast<int64_t>(codes.size()));
  for (size_t i = 0; i < codes.size(); ++i) {
    const std::string& code = codes[i];
    progress.set_done(static_cast<int64_t>(i));
    std::optional<Row> row = find_record(store, pk, code);
    if (!row) continue;  // removed since the Dataset was loaded
    std::string folder = project_folder(folders, code);
    dossier::add_project_folder(archive, store, text, *row, folder, options, summary);
    listed.push_back({Cell(code, "../" + href_of(folder + "/ho_so.html")), Cell(text.field(pk, *row, "ten")),
                      Cell(text.field(pk, *row, "noi_dung")), Cell(text.field(pk, *row, "nam_bat_dau")),
                      Cell(text.field(pk, *row, "dia_ban")), Cell(text.field(pk, *row, "kinh_phi_nsnn")),
                      Cell(text.field(pk, *row, "trang_thai"))});
    project_rows.push_back(std::move(*row));
  }
  progress.set_done(static_cast<int64_t>(codes.size()));
  progress.finish();

  // The plan: its record, targets and their history.
  const RecordKind& tk = kind("muc_tieu");
  std::vector<Row> targets = dossier::rows_where(store, "muc_tieu", "ke_hoach", plan_code);
  std::vector<AuditEntry> trail = audit_of(store, "ke_hoach", plan_code);
  std::string target_prefix = "ke_hoach=" + plan_code + "|";
  for (AuditEntry& e : search_audit(store, target_prefix, 1'000'000))
    if (e.kind == "muc_tieu" && e.key.rfind(target_prefix, 0) == 0) trail.push_back(std::move(e));
  std::stable_sort(trail.begin(), trail.end(), [](const AuditEntry& a, const AuditEntry& b) { return a.time < b.time; });

  std::string html = dossier::page_start("Hồ sơ kế hoạch " + plan_code);
  html += dossier::paragraph(plan.name);
  html += dossier::paragraph(built_line(options) + " Các thời điểm ghi trong hồ sơ theo giờ UTC.");
  html += dossier::heading("1. Thông tin kế hoạch");
  html += dossier::record_table(text, plans, *plan_row);
  html += dossier::heading("2. Mục tiêu");
  {
    std::vector<std::vector<Cell>> rows;
    for (const Row& t : targets) {
      std::string indicator = as_text(t[1]);
      std::optional<Row> ind = text.row_of("chi_tieu", indicator);
      const RecordKind& ik = kind("chi_tieu");
      rows.push_back({Cell(indicator), Cell(ind ? text.field(ik, *ind, "ten") : ""), Cell(format_int(as_int(t[2]))),
                      Cell(ind ? text.field(ik, *ind, "don_vi_tinh") : ""), Cell(text.field(tk, t, "ghi_chu"))});
    }
    html += dossier::table({"Mã chỉ tiêu", "Chỉ tiêu", "Giá trị mục tiêu", "Đơn vị tính", "Ghi chú"}, rows,
                           "Kế hoạch chưa có mục tiêu.");
  }
  html += dossier::heading("3. Đề án thuộc kế hoạch (" + format_int(static_cast<int64_t>(listed.size())) + ")");
  html += dossier::paragraph(
      "Đề án bắt đầu trong thời kỳ của kế hoạch, thực hiện trên địa bàn của kế hoạch, đã được phê duyệt trở đi "
      "(phê duyệt, đang thực hiện, đã nghiệm thu, đã quyết toán, đã hậu kiểm). Mỗi đề án có thư mục riêng trong de_an/.");
  html += dossier::table({"Mã đề án", "Tên đề án", "Nội dung", "Năm bắt đầu", "Địa bàn", "Kinh phí NSNN", "Trạng thái"}, listed,
                         "Không có đề án nào.");
  html += dossier::heading("4. Nhật ký thay đổi của kế hoạch và mục tiêu");
  {
    std::vector<std::vector<Cell>> rows;
    for (const AuditEntry& e : trail) {
      // A target's key is "ke_hoach=<plan>|chi_tieu=<indicator>".
      size_t indicator = e.key.find("chi_tieu=");
      std::string what = e.kind != "muc_tieu" ? "Kế hoạch"
                         : indicator == std::string::npos ? "Mục tiêu " + e.key
                                                          : "Mục tiêu " + e.key.substr(indicator + 9);
      rows.push_back({Cell(dossier::vn_time(e.time)), Cell(e.user), Cell(dossier::action_label(e.action)), Cell(what),
                      Cell(dossier::audit_change(e.kind, e.before, e.after)), Cell(e.note)});
    }
    html += dossier::table({"Thời điểm", "Người thực hiện", "Hành động", "Hồ sơ", "Thay đổi (trước → sau)", "Ghi chú"}, rows,
                           "Nhật ký không có mục nào về kế hoạch này.");
  }
  html += dossier::page_end();
  archive.add_text("ke_hoach/ke_hoach.html", "Hồ sơ kế hoạch " + plan_code + " (để đọc)", html);
  archive.add_text("ke_hoach/du_lieu/ke_hoach.csv", "Kế hoạch " + plan_code + " (dữ liệu)", dossier::csv_of(plans, {*plan_row}));
  archive.add_text("ke_hoach/du_lieu/muc_tieu.csv", "Mục tiêu của kế hoạch " + plan_code + " (dữ liệu)", dossier::csv_of(tk, targets));
  archive.add_text("ke_hoach/du_lieu/de_an.csv", "Các đề án thuộc kế hoạch " + plan_code + " (dữ liệu)", dossier::csv_of(pk, project_rows));
  archive.finish("Mục lục hồ sơ kế hoạch " + plan_code,
                 {"Kế hoạch " + plan_code + ": " + plan.name + ".", built_line(options),
                  "Đọc kế hoạch tại ke_hoach/ke_hoach.html; mỗi đề án trong " + format_int(static_cast<int64_t>(listed.size())) +
                      " đề án thuộc kế hoạch có thư mục de_an/<mã đề án>/ với ho_so.html, dữ liệu du_lieu/ và tài liệu tai_lieu/."},
                 progress);
  return summarise(archive, summary);
}

std::string project_dossier_name(const std::string& project) {
  return safe_file_name("Hồ sơ đề án " + project + ".zip", "ho-so.zip", false);
}

std::string plan_dossier_name(const std::string& plan) {
  return safe_file_name("Hồ sơ kế hoạch " + plan + ".zip", "ho-so.zip", false);
}

}  // namespace kc
