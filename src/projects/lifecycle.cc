#include "projects/lifecycle.h"

#include <algorithm>
#include <tuple>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/random.h"
#include "projects/step_dates.h"
#include "records/record_editing.h"
#include "schema/enums.h"
#include "schema/record_kind.h"
#include "store/store.h"

namespace kc {

namespace {

const std::vector<std::string> kCentre = {"trung_tam"};
const std::vector<std::string> kDepartment = {"so_cong_thuong"};
const std::vector<std::string> kManagers = {"so_cong_thuong", "trung_tam"};
const std::vector<std::string> kProposers = {"so_cong_thuong", "trung_tam", "dia_phuong", "co_so"};

}  // namespace

const std::vector<Step>& lifecycle_steps() {
  static const std::vector<Step> steps = {
      {"dang_ky_nhu_cau", "de_xuat", "Lập hồ sơ đề xuất đề án", kProposers},
      {"de_xuat", "tham_dinh", "Đưa vào thẩm định", kManagers},
      {"tham_dinh", "phe_duyet", "Phê duyệt vào kế hoạch", kDepartment, true},
      {"tham_dinh", "tu_choi", "Không phê duyệt", kDepartment, false, true},
      {"phe_duyet", "dang_thuc_hien", "Ký hợp đồng, bắt đầu thực hiện", kCentre, true},
      {"dang_thuc_hien", "dang_thuc_hien", "Báo cáo tiến độ", {"trung_tam", "dia_phuong", "co_so"}, false, true},
      {"dang_thuc_hien", "nghiem_thu", "Nghiệm thu", kManagers, true},
      {"nghiem_thu", "quyet_toan", "Quyết toán", kManagers, true},
      {"quyet_toan", "hau_kiem", "Hậu kiểm", kDepartment, false, true},
      {"dang_ky_nhu_cau", "huy", "Hủy", kManagers, false, true},
      {"de_xuat", "huy", "Hủy", kManagers, false, true},
      {"phe_duyet", "huy", "Hủy", kDepartment, true, true},
      {"dang_thuc_hien", "huy", "Hủy", kDepartment, true, true},
  };
  return steps;
}

std::string status_label(const std::string& status) {
  for (const EnumValue& v : enums::kProjectStatus)
    if (v.code == status) return std::string(v.label);
  return status;
}

std::vector<const Step*> steps_for(const std::string& status, const std::string& role) {
  std::vector<const Step*> out;
  for (const Step& s : lifecycle_steps())
    if (s.from == status && std::find(s.roles.begin(), s.roles.end(), role) != s.roles.end()) out.push_back(&s);
  return out;
}

std::vector<Row> project_events(Store& store, const std::string& project) {
  const RecordKind& k = kind("de_an_su_kien");
  ListQuery q;
  q.equals = {{static_cast<size_t>(k.field_index("de_an")), Value{project}}};
  q.limit = 100000;
  std::vector<Row> rows = store.list(k, q).rows;
  auto text = [&](const Row& r, const char* f) { return std::string(text_or_empty(r[static_cast<size_t>(k.field_index(f))])); };
  auto rank = [&](const Row& r) {
    std::string to = text(r, "den_trang_thai");
    for (size_t i = 0; i < enums::kProjectStatus.size(); ++i)
      if (enums::kProjectStatus[i].code == to) return i;
    return enums::kProjectStatus.size();
  };
  using Key = std::tuple<std::string, size_t, std::string>;  // recorded at, lifecycle rank, date
  std::vector<std::pair<Key, size_t>> order;
  for (size_t i = 0; i < rows.size(); ++i) order.push_back({{text(rows[i], "thoi_diem"), rank(rows[i]), text(rows[i], "ngay")}, i});
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Row> sorted;
  for (const auto& [key, i] : order) sorted.push_back(std::move(rows[i]));
  return sorted;
}

const std::vector<std::string>& published_statuses() {
  static const std::vector<std::string> statuses = {"phe_duyet", "dang_thuc_hien", "nghiem_thu", "quyet_toan", "hau_kiem"};
  return statuses;
}

bool is_published_status(const std::string& s) {
  const auto& all = published_statuses();
  return std::find(all.begin(), all.end(), s) != all.end();
}

StepResult take_step(Store& store, const User& user, const StepRequest& req) {
  StepResult r;
  const RecordKind& projects = kind("de_an");
  std::optional<Row> before = find_record(store, projects, req.project);
  if (!before) {
    r.errors.emplace_back("", "không có đề án mã \"" + req.project + "\"");
    return r;
  }
  size_t status_field = static_cast<size_t>(projects.field_index("trang_thai"));
  std::string status = as_text((*before)[status_field]);
  const Step* step = nullptr;
  for (const Step* s : steps_for(status, user.role))
    if (s->to == req.to) step = s;
  if (!step) {
    r.errors.emplace_back("", "không thể chuyển đề án từ \"" + status_label(status) + "\" sang \"" + status_label(req.to) +
                                  "\" với vai trò " + role_label(user.role));
    return r;
  }
  if (step->needs_decision && req.decision.find_first_not_of(' ') == std::string::npos)
    r.errors.emplace_back("so_quyet_dinh", "cần ghi số quyết định hoặc biên bản cho bước \"" + step->name + "\"");
  if (step->needs_comment && req.comment.find_first_not_of(' ') == std::string::npos)
    r.errors.emplace_back("ghi_chu", "cần ghi ý kiến, lý do cho bước \"" + step->name + "\"");
  for (auto& e : step_date_problems(store, *before, *step, {req.date, today_in_vietnam(), req.outside_period_confirmed}))
    r.errors.push_back(std::move(e));
  if (!r.ok()) return r;

  Row after = *before;
  after[status_field] = req.to;
  if (req.to == "phe_duyet") after[static_cast<size_t>(projects.field_index("ngay_phe_duyet"))] = to_iso(req.date);
  if (req.to == "nghiem_thu") after[static_cast<size_t>(projects.field_index("ngay_nghiem_thu"))] = to_iso(req.date);
  if (after != *before) {
    store.update(projects, after);
    audit(store, user.username, "chuyen_trang_thai", &projects, req.project, before, after, step->name);
  }
  if (req.to == "nghiem_thu") {
    const RecordKind& outputs = kind("de_an_ket_qua");
    for (const auto& [indicator, value] : req.outputs) {
      Row row{req.project, indicator, value};
      std::optional<Row> old = store.find(outputs, row);
      if (old)
        store.update(outputs, row);
      else
        store.insert(outputs, row);
      audit(store, user.username, old ? "sua" : "tao", &outputs, req.project + "|" + indicator, old, row, "kết quả nghiệm thu");
    }
  }
  r.event_id = random_hex(12);
  auto opt = [](const std::string& s) -> Value { return s.empty() ? Value{} : Value{s}; };
  store.insert(kind("de_an_su_kien"),
               Row{r.event_id, req.project, std::string(step->from == step->to ? "bao_cao_tien_do" : "chuyen_trang_thai"),
                   opt(status), opt(req.to), to_iso(req.date), opt(req.decision), opt(req.comment), user.username,
                   utc_now_text(), opt(req.to == "phe_duyet" ? req.plan : std::string())});
  return r;
}

}  // namespace kc
