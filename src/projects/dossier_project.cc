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

}  // namespace

void add_project_folder(DossierArchive& archive, Store& store, RecordText& rt, const Row& project,
                        const std::string& folder, const DossierOptions& options, DossierSummary& summary) {
  const RecordKind& pk = kind("de_an");
  const RecordKind& ek = kind("de_an_su_kien");
  const RecordKind& dk = kind("tai_lieu");
  const RecordKind& ak = kind("dieu_chinh");
  const RecordKind& ok = kind("de_an_ket_qua");
  const RecordKind& bk = kind("de_an_co_so");
  const RecordKind& lk = kind("nhat_ky");
  std::string code = text(pk, project, "ma");
  std::string title = text(pk, project, "ten");

  std::vector<Row> beneficiaries = rows_where(store, "de_an_co_so", "de_an", code);
  std::vector<Row> outputs = rows_where(store, "de_an_ket_qua", "de_an", code);
  std::vector<Row> events = project_events(store, code);
  std::vector<Row> documents = rows_where(store, "tai_lieu", "de_an", code, "thoi_diem");
  // Documents uploaded within the same second: by id, so that the same database always gives
  // the same names ("x.pdf", "x (2).pdf") to the same documents.
  std::sort(documents.begin(), documents.end(), [&](const Row& a, const Row& b) {
    return std::make_pair(text(dk, a, "thoi_diem"), text(dk, a, "ma")) < std::make_pair(text(dk, b, "thoi_diem"), text(dk, b, "ma"));
  });
  std::vector<Row> amendments = rows_where(store, "dieu_chinh", "de_an", code, "thoi_diem_de_nghi");
  std::vector<std::pair<std::string, std::string>> audited = {{"de_an", code}};
  for (const Row& r : outputs) audited.emplace_back("de_an_ket_qua", code + "|" + as_text(r[1]));
  for (const Row& r : beneficiaries) audited.emplace_back("de_an_co_so", code + "|" + as_text(r[1]));
  for (const Row& r : amendments) audited.emplace_back("dieu_chinh", text(ak, r, "ma"));
  for (const Row& r : documents) audited.emplace_back("tai_lieu", text(dk, r, "ma"));
  std::vector<Row> trail = audit_rows(store, audited);

  // Documents first: the page links to them by the name they get in the dossier.
  UniqueNames names;
  std::vector<PlacedDocument> placed;
  std::map<std::string, std::vector<const PlacedDocument*>> by_event;
  for (const Row& d : documents) {
    std::string original = text(dk, d, "ten_tep");
    std::string name = names.claim(safe_file_name(original, "tai-lieu." + text(dk, d, "loai_tep")));
    std::string path = folder + "/tai_lieu/" + name;
    std::string stored = text(dk, d, "ten_luu");
    std::optional<ArchiveEntry> entry;
    // The stored name is the system's own (random hex); anything else is not followed.
    if (!stored.empty() && stored.find_first_of("/\\") == std::string::npos && stored[0] != '.')
      entry = archive.add_file(path, "Tài liệu đính kèm của đề án " + code + ": " + original, options.document_dir / stored);
    if (entry) {
      placed.push_back({d, path, entry->sha256});
      ++summary.documents;
    } else {
      placed.push_back({d, "", ""});
      summary.missing.push_back("đề án " + code + ": tệp \"" + original + "\" (" + text(dk, d, "ma") + ") không còn trên máy chủ");
    }
  }
  for (const PlacedDocument& p : placed) by_event[text(dk, p.row, "su_kien")].push_back(&p);
  auto link_from_page = [&](const std::string& path) { return href_of(path.substr(folder.size() + 1)); };

  std::string html = page_start("Hồ sơ đề án " + code);
  html += paragraph(title);
  html += paragraph("Trạng thái hiện tại: " + status_label(text(pk, project, "trang_thai")) + ". Hồ sơ lập lúc " +
                    vn_time(utc_now_text()) + " (giờ UTC)" + (options.built_by.empty() ? "" : " theo yêu cầu của " + options.built_by) +
                    ". Các thời điểm ghi trong hồ sơ theo giờ UTC.");
  html += heading("1. Thông tin đề án");
  html += record_table(rt, pk, project);

  html += heading("2. Cơ sở thụ hưởng");
  {
    std::vector<std::vector<Cell>> rows;
    for (const Row& b : beneficiaries) {
      std::string c = as_text(b[1]);
      std::optional<Row> est = rt.row_of("co_so", c);
      const RecordKind& ck = kind("co_so");
      rows.push_back({Cell(c), Cell(est ? rt.field(ck, *est, "ten") : ""), Cell(est ? rt.field(ck, *est, "loai") : ""),
                      Cell(est ? rt.field(ck, *est, "dia_ban") : "")});
    }
    html += table({"Mã cơ sở", "Tên cơ sở", "Loại hình", "Địa bàn"}, rows);
  }

  html += heading("3. Kết quả đề án");
  {
    std::vector<std::vector<Cell>> rows;
    for (const Row& o : outputs) {
      std::string indicator = as_text(o[1]);
      std::optional<Row> ind = rt.row_of("chi_tieu", indicator);
      const RecordKind& ik = kind("chi_tieu");
      rows.push_back({Cell(indicator), Cell(ind ? rt.field(ik, *ind, "ten") : ""), Cell(format_int(as_int(o[2]))),
                      Cell(ind ? rt.field(ik, *ind, "don_vi_tinh") : "")});
    }
    html += table({"Mã chỉ tiêu", "Chỉ tiêu", "Giá trị", "Đơn vị tính"}, rows);
  }

  html += heading("4. Diễn biến đề án (các bước và báo cáo tiến độ)");
  {
    std::vector<std::vector<Cell>> rows;
    for (const Row& e : events) {
      std::string docs;
      for (const PlacedDocument* p : by_event[text(ek, e, "ma")]) docs += (docs.empty() ? "" : "; ") + text(dk, p->row, "ten_tep");
      rows.push_back({Cell(rt.field(ek, e, "ngay")), Cell(step_name(ek, e)), Cell(text(ek, e, "so_quyet_dinh")),
                      Cell(text(ek, e, "ghi_chu")), Cell(text(ek, e, "nguoi_dung")), Cell(vn_time(text(ek, e, "thoi_diem"))),
                      Cell(docs)});
    }
    html += table({"Ngày", "Bước", "Số quyết định, biên bản", "Ý kiến, ghi chú", "Người thực hiện", "Thời điểm ghi",
                   "Tài liệu kèm theo"},
                  rows, "Chưa có bước nào được ghi.");
  }

  html += heading("5. Điều chỉnh đề án");
  {
    std::vector<std::vector<Cell>> rows;
    for (const Row& a : amendments) {
      std::string proposed;
      nlohmann::json values = nlohmann::json::parse(text(ak, a, "de_nghi"), nullptr, false);
      if (values.is_object())
        for (auto& [field, value] : values.items()) {
          if (!value.is_string() || value.get<std::string>().empty()) continue;
          int i = pk.field_index(field);
          std::string label = i >= 0 ? std::string(pk.fields[static_cast<size_t>(i)].label) : field == "co_so" ? "cơ sở thụ hưởng" : field;
          proposed += (proposed.empty() ? "" : "; ") + label + ": " + value.get<std::string>();
        }
      rows.push_back({Cell(rt.field(ak, a, "noi_dung_dieu_chinh")), Cell(proposed), Cell(text(ak, a, "ly_do")),
                      Cell(text(ak, a, "nguoi_de_nghi") + ", " + vn_time(text(ak, a, "thoi_diem_de_nghi"))),
                      Cell(rt.field(ak, a, "trang_thai")),
                      Cell(text(ak, a, "nguoi_duyet").empty() ? "" : text(ak, a, "nguoi_duyet") + ", " + vn_time(text(ak, a, "thoi_diem_duyet"))),
                      Cell(text(ak, a, "so_quyet_dinh")), Cell(text(ak, a, "ghi_chu_duyet"))});
    }
    html += table({"Nội dung điều chỉnh", "Giá trị đề nghị", "Lý do", "Người đề nghị, lúc", "Trạng thái", "Người xem xét, lúc",
                   "Số quyết định", "Ý kiến"},
                  rows, "Không có đề nghị điều chỉnh.");
  }

  html += heading("6. Tài liệu đính kèm");
  {
    std::vector<std::vector<Cell>> rows;
    std::map<std::string, std::string> step_of;
    for (const Row& e : events) step_of[text(ek, e, "ma")] = rt.field(ek, e, "ngay") + " — " + step_name(ek, e);
    for (const PlacedDocument& p : placed) {
      std::string original = text(dk, p.row, "ten_tep");
      rows.push_back({Cell(original), p.path.empty() ? Cell("(tệp không còn trên máy chủ)") : Cell(p.path.substr(folder.size() + 1), link_from_page(p.path)),
                      Cell(step_of[text(dk, p.row, "su_kien")]), Cell(format_int(as_int(p.row[static_cast<size_t>(dk.field_index("kich_thuoc"))]))),
                      Cell(p.sha256), Cell(text(dk, p.row, "nguoi_dung")), Cell(vn_time(text(dk, p.row, "thoi_diem")))});
    }
    html += table({"Tên tệp khi tải lên", "Tệp trong hồ sơ", "Kèm theo bước", "Kích thước (byte)", "SHA-256", "Người tải lên",
                   "Thời điểm"},
                  rows, "Không có tài liệu đính kèm.");
  }

  html += heading("7. Nhật ký thay đổi");
  {
    std::vector<std::vector<Cell>> rows;
    for (const Row& e : trail) {
      std::string kind_name = text(lk, e, "loai_ho_so");
      const RecordKind* k = any_kind(kind_name);
      std::string what = (k ? upper_first_vi(k->label) : kind_name) + " " + text(lk, e, "khoa");
      rows.push_back({Cell(vn_time(text(lk, e, "thoi_diem"))), Cell(text(lk, e, "nguoi_dung")),
                      Cell(action_label(text(lk, e, "hanh_dong"))), Cell(what),
                      Cell(audit_change(kind_name, text(lk, e, "truoc"), text(lk, e, "sau"))), Cell(text(lk, e, "ghi_chu"))});
    }
    html += table({"Thời điểm", "Người thực hiện", "Hành động", "Hồ sơ", "Thay đổi (trước → sau)", "Ghi chú"}, rows,
                  "Nhật ký không có mục nào về đề án này.");
  }
  html += page_end();
  archive.add_text(folder + "/ho_so.html", "Hồ sơ đề án " + code + " (để đọc)", html);

  std::string data = folder + "/du_lieu/";
  archive.add_text(data + "de_an.csv", "Đề án " + code + " (dữ liệu, cột như bộ dữ liệu nhập)", csv_of(pk, {project}));
  archive.add_text(data + "de_an_co_so.csv", "Cơ sở thụ hưởng của đề án " + code + " (dữ liệu)", csv_of(bk, beneficiaries));
  archive.add_text(data + "de_an_ket_qua.csv", "Kết quả của đề án " + code + " (dữ liệu)", csv_of(ok, outputs));
  archive.add_text(data + "de_an_su_kien.csv", "Diễn biến đề án " + code + " (dữ liệu)", csv_of(ek, events));
  archive.add_text(data + "dieu_chinh.csv", "Điều chỉnh đề án " + code + " (dữ liệu)", csv_of(ak, amendments));
  std::vector<Row> document_rows;
  std::vector<std::vector<std::string>> document_extra;
  for (const PlacedDocument& p : placed) {
    document_rows.push_back(p.row);
    document_extra.push_back({p.path, p.sha256});
  }
  archive.add_text(data + "tai_lieu.csv", "Tài liệu đính kèm của đề án " + code + " (dữ liệu, kèm tệp trong hồ sơ và SHA-256)",
                   csv_of(dk, document_rows, {"tep_trong_ho_so", "sha256"}, document_extra));
  archive.add_text(data + "nhat_ky.csv", "Nhật ký thay đổi của đề án " + code + " (dữ liệu, trước/sau dạng JSON)", csv_of(lk, trail));
  ++summary.projects;
}

}  // namespace kc::dossier
