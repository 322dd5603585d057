#include "web/navigation.h"

#include <vector>

#include "core/vn_format.h"
#include "web/home_work.h"

namespace kc::web {

namespace {

struct Item {
  const char* href;
  const char* label;
  std::vector<std::string> roles;  // empty: everyone signed in; {"*"}: the public too
};

const std::vector<Item>& items() {
  static const std::vector<Item> all = {
      {"/", "Trang chủ", {"*"}},
      {kHomePath, "Việc của tôi", {}},
      {"/tong-quan", "Tổng quan", {"quan_tri", "so_cong_thuong", "trung_tam"}},
      {"/de-an", "Đề án", {"*"}},
      {"/ke-hoach", "Kế hoạch", {"quan_tri", "so_cong_thuong", "trung_tam"}},
      {"/danh-muc", "Danh mục", {"*"}},
      {"/bao-cao", "Báo cáo", {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong"}},
      {"/nhap-du-lieu", "Nhập dữ liệu", {"quan_tri", "trung_tam"}},
      {"/quan-tri/tai-khoan", "Tài khoản", {"quan_tri"}},
      {"/quan-tri/nhat-ky", "Nhật ký", {"quan_tri"}},
  };
  return all;
}

}  // namespace

Data navigation_for(const std::string* role, const std::string& current_path, int64_t waiting) {
  Data out = list();
  for (const Item& item : items()) {
    bool everyone = !item.roles.empty() && item.roles[0] == "*";
    bool visible = everyone || (role && (item.roles.empty() || std::find(item.roles.begin(), item.roles.end(), *role) != item.roles.end()));
    if (!visible) continue;
    Data d;
    d.set("href", item.href);
    std::string href = item.href;
    // The count is in the link's text, so that screen readers say it with the label.
    d.set("label", href == kHomePath && waiting > 0 ? std::string(item.label) + " (" + format_int(waiting) + ")" : item.label);
    if (current_path == href || (href != "/" && current_path.rfind(href, 0) == 0)) d.set("current", true);
    out.push_back(d);
  }
  return out;
}

}  // namespace kc::web
