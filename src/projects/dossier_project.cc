// One project's folder in a dossier: the page to read (ho_so.html), the records in the bundle's
// columns (du_lieu/) and the attached documents under their own, made-safe names (tai_lieu/).
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "core/clock.h"
#include "core/vn_format.h"
#include "projects/dossier_names.h"
#include "projects/dossier_parts.h"
#include "projects/lifecycle.h"
#include "schema/record_key.h"
#include "store/store.h"
#include "text/normalize.h"

namespace kc::dossier {

namespace {

std::string text(const RecordKind& k, const Row& r, std::string_view field) {
  return std::string(text_or_empty(r[static_cast<size_t>(k.field_index(field))]));
}

// Audit entries about `kind_name` records with these keys, oldest first.
std::vector<Row> audit_rows(Store& store, const std::vector<std::pair<std::string, std::string>>& records) {
  const RecordKind& k = kind("nhat_ky");
  std::vector<Row> out;
  for (const auto& [kind_name, key] : records) {
    ListQuery q;
    q.equals = {{static_cast<size_t>(k.field_index("loai_ho_so")), Value{kind_name}},
                {static_cast<size_t>(k.field_index("khoa")), Value{key}}};
    q.limit = 1'000'000;
    q.known_total = 0;
    for (Row& r : store.list(k, q).rows) out.push_back(std::move(r));
  }
  size_t time = static_cast<size_t>(k.field_index("thoi_diem"));
  std::stable_sort(out.begin(), out.end(), [&](const Row& a, const Row& b) { return as_text(a[time]) < as_text(b[time]); });
  return out;
}

// The step as the lifecycle names it, with the statuses: "Phê duyệt vào kế hoạch (thẩm định →
// đã phê duyệt)"; "Báo cáo tiến độ"; "Đăng ký nhu cầu" for a project's first record.
std::string step_name(const RecordKind& k, const Row& event) {
  if (text(k, event, "loai") == "bao_cao_tien_do") return "Báo cáo tiến độ";
  std::string from = text(k, event, "tu_trang_thai"), to = text(k, event, "den_trang_thai");
  if (from.empty()) return upper_first_vi(status_label(to));
  std::string name;
  for (const Step& s : lifecycle_steps())
    if (s.from == from && s.to == to) name = s.name;
  std::string statuses = status_label(from) + " → " + status_label(to);
  return name.empty() ? upper_first_vi(statuses) : name + " (" + statuses + ")";
}

struct PlacedDocument {
  Row row;
  std::string path;    // inside the dossier, "" when the stored file is gone
  std::string sha256;
};

// What the folder shows about one project, read once.
struct ProjectRecords {
  std::string code, title;
  std::vector<Row> beneficiaries, outputs, events, documents, amendments;
  std::vector<Row> trail;  // the audit entries about the project and its records, oldest first
};

ProjectRecords read_project(Store& store, const Row& project) {
  const RecordKind& pk = kind("de_an");
  const RecordKind& dk = kind("tai_lieu");
  const RecordKind& ak = kind("dieu_chinh");
  ProjectRecords p;
  p.code = text(pk, project, "ma");
  p.title = text(pk, project, "ten");
  p.beneficiaries = rows_where(store, "de_an_co_so", "de_an", p.code);
  p.outputs = rows_where(store, "de_an_ket_qua", "de_an", p.code);
  p.events = project_events(store, p.code);
  p.documents = rows_where(store, "tai_lieu", "de_an", p.code, "thoi_diem");
  // Documents uploaded within the same second: by id, so that the same database always gives
  // the same names ("x.pdf", "x (2).pdf") to the same documents.
  std::sort(p.documents.begin(), p.documents.end(), [&](const Row& a, const Row& b) {
    return std::make_pair(text(dk, a, "thoi_diem"), text(dk, a, "ma")) < std::make_pair(text(dk, b, "thoi_diem"), text(dk, b, "ma"));
  });
  p.amendments = rows_where(store, "dieu_chinh", "de_an", p.code, "thoi_diem_de_nghi");
  std::vector<std::pair<std::string, std::string>> audited = {{"de_an", p.code}};
  for (const Row& r : p.outputs) audited.emplace_back("de_an_ket_qua", p.code + "|" + as_text(r[1]));
  for (const Row& r : p.beneficiaries) audited.emplace_back("de_an_co_so", p.code + "|" + as_text(r[1]));
  for (const Row& r : p.amendments) audited.emplace_back("dieu_chinh", text(ak, r, "ma"));
  for (const Row& r : p.documents) audited.emplace_back("tai_lieu", text(dk, r, "ma"));
  p.trail = audit_rows(store, audited);
  return p;
}

// Puts the attached documents under tai_lieu/ with safe, unique names (before the page, which
// links to them by those names); a document whose stored file is gone is listed in the summary.
std::vector<PlacedDocument> place_documents(DossierArchive& archive, const ProjectRecords& p, const std::string& folder,
                                            const DossierOptions& options, DossierSummary& summary) {
  const RecordKind& dk = kind("tai_lieu");
  UniqueNames names;
  std::vector<PlacedDocument> placed;
  for (const Row& d : p.documents) {
    std::string original = text(dk, d, "ten_tep");
    std::string name = names.claim(safe_file_name(original, "tai-lieu." + text(dk, d, "loai_tep")));
    std::string path = folder + "/tai_lieu/" + name;
    std::string stored = text(dk, d, "ten_luu");
    std::optional<ArchiveEntry> entry;
    // The stored name is the system's own (random hex); anything else is not followed.
    if (!stored.empty() && stored.find_first_of("/\\") == std::string::npos && stored[0] != '.')
      entry = archive.add_file(path, "Tài liệu đính kèm của đề án " + p.code + ": " + original, options.document_dir / stored);
    if (entry) {
      placed.push_back({d, path, entry->sha256});
      ++summary.documents;
    } else {
      placed.push_back({d, "", ""});
      summary.missing.push_back("đề án " + p.code + ": tệp \"" + original + "\" (" + text(dk, d, "ma") + ") không còn trên máy chủ");
    }
  }
  return placed;
}

std::string beneficiaries_section(RecordText& rt, const ProjectRecords& p) {
  const RecordKind& ck = kind("co_so");
  std::vector<std::vector<Cell>> rows;
  for (const Row& b : p.beneficiaries) {
    std::string c = as_text(b[1]);
    std::optional<Row> est = rt.row_of("co_so", c);
    rows.push_back({Cell(c), Cell(est ? rt.field(ck, *est, "ten") : ""), Cell(est ? rt.field(ck, *est, "loai") : ""),
                    Cell(est ? rt.field(ck, *est, "dia_ban") : "")});
  }
  return heading("2. Cơ sở thụ hưởng") + table({"Mã cơ sở", "Tên cơ sở", "Loại hình", "Địa bàn"}, rows);
}

std::string outputs_section(RecordText& rt, const ProjectRecords& p) {
  const RecordKind& ik = kind("chi_tieu");
  std::vector<std::vector<Cell>> rows;
  for (const Row& o : p.outputs) {
    std::string indicator = as_text(o[1]);
    std::optional<Row> ind = rt.row_of("chi_tieu", indicator);
    rows.push_back({Cell(indicator), Cell(ind ? rt.field(ik, *ind, "ten") : ""), Cell(format_int(as_int(o[2]))),
                    Cell(ind ? rt.field(ik, *ind, "don_vi_tinh") : "")});
  }
  return heading("3. Kết quả đề án") + table({"Mã chỉ tiêu", "Chỉ tiêu", "Giá trị", "Đơn vị tính"}, rows);
}

std::string events_section(RecordText& rt, const ProjectRecords& p, const std::vector<PlacedDocument>& placed) {
  const RecordKind& ek = kind("de_an_su_kien");
  const RecordKind& dk = kind("tai_lieu");
  std::map<std::string, std::vector<const PlacedDocument*>> by_event;
  for (const PlacedDocument& d : placed) by_event[text(dk, d.row, "su_kien")].push_back(&d);
  std::vector<std::vector<Cell>> rows;
  for (const Row& e : p.events) {
    std::string docs;
    for (const PlacedDocument* d : by_event[text(ek, e, "ma")]) docs += (docs.empty() ? "" : "; ") + text(dk, d->row, "ten_tep");
    rows.push_back({Cell(rt.field(ek, e, "ngay")), Cell(step_name(ek, e)), Cell(text(ek, e, "so_quyet_dinh")),
                    Cell(text(ek, e, "ghi_chu")), Cell(text(ek, e, "nguoi_dung")), Cell(vn_time(text(ek, e, "thoi_diem"))),
                    Cell(docs)});
  }
  return heading("4. Diễn biến đề án (các bước và báo cáo tiến độ)") +
         table({"Ngày", "Bước", "Số quyết định, biên bản", "Ý kiến, ghi chú", "Người thực hiện", "Thời điểm ghi",
                "Tài liệu kèm theo"},
               rows, "Chưa có bước nào được ghi.");
}

// "Tên đề án: …; cơ sở thụ hưởng: …" from an amendment's proposed values (JSON).
std::string proposed_values(const std::string& json) {
  const RecordKind& pk = kind("de_an");
  std::string proposed;
  nlohmann::json values = nlohmann::json::parse(json, nullptr, false);
  if (values.is_object())
    for (auto& [field, value] : values.items()) {
      if (!value.is_string() || value.get<std::string>().empty()) continue;
      int i = pk.field_index(field);
      std::string label = i >= 0 ? std::string(pk.fields[static_cast<size_t>(i)].label) : field == "co_so" ? "cơ sở thụ hưởng" : field;
      proposed += (proposed.empty() ? "" : "; ") + label + ": " + value.get<std::string>();
    }
  return proposed;
}

std::string amendments_section(RecordText& rt, const ProjectRecords& p) {
  const RecordKind& ak = kind("dieu_chinh");
  std::vector<std::vector<Cell>> rows;
  for (const Row& a : p.amendments)
    rows.push_back({Cell(rt.field(ak, a, "noi_dung_dieu_chinh")), Cell(proposed_values(text(ak, a, "de_nghi"))), Cell(text(ak, a, "ly_do")),
                    Cell(text(ak, a, "nguoi_de_nghi") + ", " + vn_time(text(ak, a, "thoi_diem_de_nghi"))),
                    Cell(rt.field(ak, a, "trang_thai")),
                    Cell(text(ak, a, "nguoi_duyet").empty() ? "" : text(ak, a, "nguoi_duyet") + ", " + vn_time(text(ak, a, "thoi_diem_duyet"))),
                    Cell(text(ak, a, "so_quyet_dinh")), Cell(text(ak, a, "ghi_chu_duyet"))});
  return heading("5. Điều chỉnh đề án") +
         table({"Nội dung điều chỉnh", "Giá trị đề nghị", "Lý do", "Người đề nghị, lúc", "Trạng thái", "Người xem xét, lúc",
                "Số quyết định", "Ý kiến"},
               rows, "Không có đề nghị điều chỉnh.");
}

std::string documents_section(RecordText& rt, const ProjectRecords& p, const std::vector<PlacedDocument>& placed,
                              const std::string& folder) {
  const RecordKind& ek = kind("de_an_su_kien");
  const RecordKind& dk = kind("tai_lieu");
  std::map<std::string, std::string> step_of;
  for (const Row& e : p.events) step_of[text(ek, e, "ma")] = rt.field(ek, e, "ngay") + " — " + step_name(ek, e);
  std::vector<std::vector<Cell>> rows;
  for (const PlacedDocument& d : placed) {
    std::string original = text(dk, d.row, "ten_tep");
    std::string in_folder = d.path.empty() ? "" : d.path.substr(folder.size() + 1);  // relative to ho_so.html
    rows.push_back({Cell(original), d.path.empty() ? Cell("(tệp không còn trên máy chủ)") : Cell(in_folder, href_of(in_folder)),
                    Cell(step_of[text(dk, d.row, "su_kien")]), Cell(format_int(as_int(d.row[static_cast<size_t>(dk.field_index("kich_thuoc"))]))),
                    Cell(d.sha256), Cell(text(dk, d.row, "nguoi_dung")), Cell(vn_time(text(dk, d.row, "thoi_diem")))});
  }
  return heading("6. Tài liệu đính kèm") +
         table({"Tên tệp khi tải lên", "Tệp trong hồ sơ", "Kèm theo bước", "Kích thước (byte)", "SHA-256", "Người tải lên",
                "Thời điểm"},
               rows, "Không có tài liệu đính kèm.");
}

std::string trail_section(const ProjectRecords& p) {
  const RecordKind& lk = kind("nhat_ky");
  std::vector<std::vector<Cell>> rows;
  for (const Row& e : p.trail) {
    std::string kind_name = text(lk, e, "loai_ho_so");
    const RecordKind* k = any_kind(kind_name);
    std::string what = (k ? upper_first_vi(k->label) : kind_name) + " " + text(lk, e, "khoa");
    rows.push_back({Cell(vn_time(text(lk, e, "thoi_diem"))), Cell(text(lk, e, "nguoi_dung")),
                    Cell(action_label(text(lk, e, "hanh_dong"))), Cell(what),
                    Cell(audit_change(kind_name, text(lk, e, "truoc"), text(lk, e, "sau"))), Cell(text(lk, e, "ghi_chu"))});
  }
  return heading("7. Nhật ký thay đổi") +
         table({"Thời điểm", "Người thực hiện", "Hành động", "Hồ sơ", "Thay đổi (trước → sau)", "Ghi chú"}, rows,
               "Nhật ký không có mục nào về đề án này.");
}

// ho_so.html: the page to read.
std::string project_page(RecordText& rt, const Row& project, const ProjectRecords& p, const std::vector<PlacedDocument>& placed,
                         const std::string& folder, const DossierOptions& options) {
  const RecordKind& pk = kind("de_an");
  std::string html = page_start("Hồ sơ đề án " + p.code);
  html += paragraph(p.title);
  html += paragraph("Trạng thái hiện tại: " + status_label(text(pk, project, "trang_thai")) + ". Hồ sơ lập lúc " +
                    vn_time(utc_now_text()) + " (giờ UTC)" + (options.built_by.empty() ? "" : " theo yêu cầu của " + options.built_by) +
                    ". Các thời điểm ghi trong hồ sơ theo giờ UTC.");
  html += heading("1. Thông tin đề án");
  html += record_table(rt, pk, project);
  html += beneficiaries_section(rt, p);
  html += outputs_section(rt, p);
  html += events_section(rt, p, placed);
  html += amendments_section(rt, p);
  html += documents_section(rt, p, placed, folder);
  html += trail_section(p);
  return html + page_end();
}

// du_lieu/: the same records in the bundle's columns, for machines.
void add_data_files(DossierArchive& archive, const Row& project, const ProjectRecords& p,
                    const std::vector<PlacedDocument>& placed, const std::string& folder) {
  std::string data = folder + "/du_lieu/";
  const std::string& code = p.code;
  archive.add_text(data + "de_an.csv", "Đề án " + code + " (dữ liệu, cột như bộ dữ liệu nhập)", csv_of(kind("de_an"), {project}));
  archive.add_text(data + "de_an_co_so.csv", "Cơ sở thụ hưởng của đề án " + code + " (dữ liệu)", csv_of(kind("de_an_co_so"), p.beneficiaries));
  archive.add_text(data + "de_an_ket_qua.csv", "Kết quả của đề án " + code + " (dữ liệu)", csv_of(kind("de_an_ket_qua"), p.outputs));
  archive.add_text(data + "de_an_su_kien.csv", "Diễn biến đề án " + code + " (dữ liệu)", csv_of(kind("de_an_su_kien"), p.events));
  archive.add_text(data + "dieu_chinh.csv", "Điều chỉnh đề án " + code + " (dữ liệu)", csv_of(kind("dieu_chinh"), p.amendments));
  std::vector<Row> document_rows;
  std::vector<std::vector<std::string>> document_extra;
  for (const PlacedDocument& d : placed) {
    document_rows.push_back(d.row);
    document_extra.push_back({d.path, d.sha256});
  }
  archive.add_text(data + "tai_lieu.csv", "Tài liệu đính kèm của đề án " + code + " (dữ liệu, kèm tệp trong hồ sơ và SHA-256)",
                   csv_of(kind("tai_lieu"), document_rows, {"tep_trong_ho_so", "sha256"}, document_extra));
  archive.add_text(data + "nhat_ky.csv", "Nhật ký thay đổi của đề án " + code + " (dữ liệu, trước/sau dạng JSON)", csv_of(kind("nhat_ky"), p.trail));
}

}  // namespace

void add_project_folder(DossierArchive& archive, Store& store, RecordText& rt, const Row& project,
                        const std::string& folder, const DossierOptions& options, DossierSummary& summary) {
  ProjectRecords records = read_project(store, project);
  std::vector<PlacedDocument> placed = place_documents(archive, records, folder, options, summary);
  archive.add_text(folder + "/ho_so.html", "Hồ sơ đề án " + records.code + " (để đọc)",
                   project_page(rt, project, records, placed, folder, options));
  add_data_files(archive, project, records, placed, folder);
  ++summary.projects;
}

}  // namespace kc::dossier
