#include "web/registries.h"

#include <algorithm>

#include "projects/lifecycle.h"
#include "schema/record_key.h"
#include "web/app.h"
#include "web/request_context.h"

namespace kc::web {

const std::vector<std::string> kStaffRoles = {"quan_tri", "so_cong_thuong", "trung_tam"};

const std::vector<Registry>& registries() {
  static const std::vector<Registry> all = {
      {"co-so", "co_so", "Cơ sở công nghiệp nông thôn", {"ma", "ten", "loai", "nganh", "dia_ban"}, {"loai", "nganh"},
       false, {"dia_phuong", "co_so"}, {"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong"}, "dia_ban", "ma"},
      {"lang-nghe", "lang_nghe", "Làng nghề", {"ma", "ten", "nghe", "truyen_thong", "dia_ban", "hoat_dong_hieu_qua"},
       {"truyen_thong", "hoat_dong_hieu_qua"}, true, {"dia_phuong", "co_so"}, {"quan_tri", "so_cong_thuong", "trung_tam"},
       "", ""},
      {"san-pham", "san_pham", "Sản phẩm công nghiệp nông thôn", {"ma", "ten", "co_so", "nhom"}, {"nhom"}, true,
       {"dia_phuong", "co_so"}, {"quan_tri", "so_cong_thuong", "trung_tam"}, "", ""},
      {"hoi-cho", "hoi_cho", "Hội chợ, triển lãm", {"ma", "ten", "nam", "dia_diem", "so_luot_tham_gia"}, {"nam"}, true,
       {"dia_phuong", "co_so"}, {"quan_tri", "so_cong_thuong", "trung_tam"}, "", ""},
      {"cum-cong-nghiep", "cum_cong_nghiep", "Cụm công nghiệp", {"ma", "ten", "dia_ban", "dien_tich_ha", "trang_thai"},
       {"trang_thai"}, true, {"dia_phuong", "co_so"}, {"quan_tri", "so_cong_thuong", "trung_tam"}, "", ""},
      {"van-ban", "van_ban", "Văn bản pháp lý", {"ma", "so_hieu", "loai", "ngay_ban_hanh", "trich_yeu"},
       {"loai", "cap_ban_hanh"}, true, {"dia_phuong", "co_so"}, {"quan_tri", "so_cong_thuong", "trung_tam"}, "", ""},
      {"don-vi-hanh-chinh", "don_vi_hanh_chinh", "Đơn vị hành chính",
       {"ma", "ten", "loai", "cap", "ma_cap_tren", "hieu_luc_tu", "hieu_luc_den"}, {"cap", "loai"}, true,
       {"dia_phuong", "co_so"}, {"quan_tri", "so_cong_thuong"}, "", ""},
      {"de-an", "de_an", "Đề án khuyến công",
       {"ma", "ten", "noi_dung", "cap_kinh_phi", "nam_bat_dau", "dia_ban", "kinh_phi_nsnn", "trang_thai"},
       {"cap_kinh_phi", "trang_thai", "nam_bat_dau", "noi_dung"}, true, {"dia_phuong", "co_so"}, {}, "dia_ban", "",
       true, true},
      {"can-bo", "can_bo", "Cán bộ", {"ma", "ho_ten", "to_chuc", "chuc_vu", "vai_tro"}, {"vai_tro"}, false, {},
       {"quan_tri", "so_cong_thuong", "trung_tam"}, "", ""},
  };
  return all;
}

const Registry* registry_by_slug(const std::string& slug) {
  for (const Registry& r : registries())
    if (r.slug == slug) return &r;
  return nullptr;
}

const Registry* registry_for_kind(std::string_view kind) {
  for (const Registry& r : registries())
    if (r.kind == kind) return &r;
  return nullptr;
}

RegistryRights rights(const Registry& r, const std::string* role) {
  RegistryRights out;
  if (!role) {
    out.read = r.public_read;
    return out;
  }
  bool staff = std::find(kStaffRoles.begin(), kStaffRoles.end(), *role) != kStaffRoles.end();
  out.read = staff || std::find(r.readers.begin(), r.readers.end(), *role) != r.readers.end();
  out.write = std::find(r.writers.begin(), r.writers.end(), *role) != r.writers.end();
  return out;
}

std::vector<std::string> units_within(const Dataset& data, const std::string& unit_code) {
  std::vector<std::string> out;
  int32_t root = data.unit_index(unit_code);
  if (root < 0) return out;
  for (size_t u = 0; u < data.units.size(); ++u)
    if (data.unit_within(static_cast<int32_t>(u), root)) out.push_back(data.units[u].code);
  return out;
}

std::vector<std::string> projects_of_establishment(Store& store, const std::string& establishment) {
  const RecordKind& links = kind("de_an_co_so");
  ListQuery q;
  q.equals = {{1, Value{establishment}}};
  q.limit = 100000;
  std::vector<std::string> out;
  for (const Row& row : store.list(links, q).rows) out.push_back(as_text(row[0]));
  return out;
}

namespace {

bool published_project(const Registry& r, const Row& row) {
  const Value& status = row[static_cast<size_t>(r.record_kind().field_index("trang_thai"))];
  return !is_null(status) && is_published_status(as_text(status));
}

}  // namespace

bool caller_in_scope(RequestContext& ctx, const Registry& r, const Row& row, Store* links, ScopeUse use) {
  const User* u = ctx.user() ? &*ctx.user() : nullptr;
  std::string unit = u ? u->unit : "", establishment = u ? u->establishment : "";
  std::shared_ptr<const Dataset> data;
  static const Dataset kNoUnits;  // enough for every caller but a local officer
  if (ctx.has_role("dia_phuong")) data = ctx.app.dataset();
  const Dataset& units = data ? *data : kNoUnits;
  if (links) return in_scope(r, ctx.role(), unit, establishment, units, row, *links, use);
  return in_scope(r, ctx.role(), unit, establishment, units, row, use);
}

bool in_scope(const Registry& r, const std::string* role, const std::string& user_unit,
              const std::string& user_establishment, const Dataset& data, const Row& row, Store& store, ScopeUse use) {
  if (r.project_scope && role && *role == "co_so") {
    if (use == ScopeUse::Reading && published_project(r, row)) return true;  // what the public sees
    std::vector<std::string> mine = projects_of_establishment(store, user_establishment);
    return std::find(mine.begin(), mine.end(), record_key_text(r.record_kind(), row)) != mine.end();
  }
  return in_scope(r, role, user_unit, user_establishment, data, row, use);
}

bool in_scope(const Registry& r, const std::string* role, const std::string& user_unit,
              const std::string& user_establishment, const Dataset& data, const Row& row, ScopeUse use) {
  if (!role) return use == ScopeUse::Reading && r.public_read && (!r.project_scope || published_project(r, row));
  if (std::find(kStaffRoles.begin(), kStaffRoles.end(), *role) != kStaffRoles.end()) return true;
  // Signed-in users see at least what the public sees; acting on it is their own scope's.
  if (use == ScopeUse::Reading && r.project_scope && published_project(r, row)) return true;
  if (r.project_scope && *role == "co_so") return false;  // its own: needs the links, see the overload with a Store
  const RecordKind& k = r.record_kind();
  if (*role == "dia_phuong" && !r.area_field.empty()) {
    const Value& v = row[static_cast<size_t>(k.field_index(r.area_field))];
    return !is_null(v) && data.unit_within(data.unit_index(as_text(v)), data.unit_index(user_unit));
  }
  if (*role == "co_so" && !r.own_field.empty()) {
    const Value& v = row[static_cast<size_t>(k.field_index(r.own_field))];
    return !is_null(v) && as_text(v) == user_establishment;
  }
  // Registries without a scope field are published information: readable by every reader.
  return r.area_field.empty() && r.own_field.empty() && rights(r, role).read;
}

}  // namespace kc::web
