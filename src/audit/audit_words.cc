// See audit_words.h.
#include "audit/audit_words.h"

#include <map>
#include <nlohmann/json.hpp>

namespace kc {

namespace {

// Every action the code writes (grep 'audit(' in src/). A new action without a label here still
// shows, as its code.
const std::map<std::string, std::string>& action_labels() {
  static const std::map<std::string, std::string> labels = {
      {"tao", "tạo"},
      {"sua", "sửa"},
      {"xoa", "xóa"},
      {"luu_tru", "lưu trữ"},
      {"bo_luu_tru", "bỏ lưu trữ"},
      {"chuyen_trang_thai", "chuyển bước"},
      {"ban_hanh", "ban hành"},
      {"de_nghi_dieu_chinh", "đề nghị điều chỉnh"},
      {"dieu_chinh", "điều chỉnh"},
      {"duyet_dieu_chinh", "duyệt điều chỉnh"},
      {"tu_choi_dieu_chinh", "từ chối điều chỉnh"},
      {"dinh_kem", "đính kèm tài liệu"},
      {"tai_ho_so", "tải hồ sơ"},
      {"nhap_so_tinh", "nhập dữ liệu từ tệp"},
      {"tao_tai_khoan", "tạo tài khoản"},
      {"sua_tai_khoan", "sửa tài khoản"},
      {"khoa_tai_khoan", "khóa tài khoản"},
      {"mo_khoa_tai_khoan", "mở khóa tài khoản"},
      {"doi_mat_khau", "đổi mật khẩu"},
      {"cap_ma_dat_lai", "cấp mã đặt lại mật khẩu"},
      {"dat_lai_mat_khau", "đặt lại mật khẩu"},
  };
  return labels;
}

// The trail's JSON object of field name -> bundle text; empty when absent or not an object.
nlohmann::json values_of(const std::string& text) {
  if (text.empty()) return nlohmann::json::object();
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

Value parsed(const Field& f, const nlohmann::json& values) {
  auto it = values.find(std::string(f.name));
  if (it == values.end() || !it->is_string()) return Value{};
  const std::string& text = it->get_ref<const std::string&>();
  if (text.empty()) return Value{};
  ParsedField p = parse_field(f, text);
  return p.ok() ? p.value : Value{text};
}

}  // namespace

std::string audit_action_label(const std::string& action) {
  auto it = action_labels().find(action);
  if (it != action_labels().end()) return it->second;
  std::string words = action;
  for (char& c : words)
    if (c == '_') c = ' ';
  return words;
}

const RecordKind* audit_kind(const std::string& name) { return name.empty() ? nullptr : find_any_kind(name); }

std::vector<FieldChange> audit_changes(const AuditEntry& e) {
  std::vector<FieldChange> out;
  const RecordKind* k = audit_kind(e.kind);
  if (!k || (e.before.empty() && e.after.empty())) return out;
  nlohmann::json before = values_of(e.before), after = values_of(e.after);
  for (const Field& f : k->fields) {
    if (f.name == "mat_khau") continue;  // never in the trail; never shown either
    FieldChange c{&f, parsed(f, before), parsed(f, after)};
    if (c.before != c.after) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kc
