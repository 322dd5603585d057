// The system's own record kinds (see record_kind.h): accounts, sessions, audit trail, archive.
#include "schema/enums.h"
#include "schema/record_kind.h"

namespace kc {

namespace {

using T = FieldType;

Field f(std::string_view name, FieldType type, bool required, std::string_view label) {
  return Field{name, type, required, label};
}
Field ref(std::string_view name, std::string_view kind, bool required, std::string_view label) {
  Field x{name, T::Ref, required, label};
  x.ref_kind = kind;
  return x;
}

std::vector<RecordKind> build() {
  std::vector<RecordKind> c;
  Field role{"vai_tro", T::Enum, true, "vai trò"};
  role.enum_values = enums::kRole;
  c.push_back({"nguoi_dung", "tài khoản người dùng", "Tài khoản đăng nhập, vai trò và phạm vi (địa bàn, cơ sở).",
               {f("ten_dang_nhap", T::Code, true, "tên đăng nhập"), f("ho_ten", T::Text, true, "họ và tên"), role,
                ref("don_vi", "don_vi_hanh_chinh", false, "địa bàn phụ trách"),
                ref("co_so", "co_so", false, "cơ sở"), f("mat_khau", T::Text, true, "mật khẩu (băm argon2id)"),
                f("hoat_dong", T::Bool, true, "đang hoạt động"), f("tao_luc", T::Text, true, "tạo lúc")},
               {0}});
  c.push_back({"phien", "phiên đăng nhập", "Phiên đăng nhập phía máy chủ; chỉ lưu mã băm của cookie.",
               {f("ma_bam", T::Code, true, "mã băm của phiên"), ref("ten_dang_nhap", "nguoi_dung", true, "người dùng"),
                f("csrf", T::Text, true, "mã chống giả mạo yêu cầu"), f("tao_luc", T::Text, true, "tạo lúc"),
                f("het_han", T::Text, true, "hết hạn lúc")},
               {0}});
  c.push_back({"nhat_ky", "nhật ký thay đổi", "Ai đã thay đổi gì, lúc nào, trước và sau.",
               {f("ma", T::Code, true, "mã"), f("thoi_diem", T::Text, true, "thời điểm"),
                f("nguoi_dung", T::Code, false, "người thực hiện"), f("hanh_dong", T::Code, true, "hành động"),
                f("loai_ho_so", T::Code, false, "loại hồ sơ"), f("khoa", T::Text, false, "khóa hồ sơ"),
                f("truoc", T::Text, false, "trước (JSON)"), f("sau", T::Text, false, "sau (JSON)"),
                f("ghi_chu", T::Text, false, "ghi chú")},
               {0}});
  c.push_back({"luu_tru", "hồ sơ đã lưu trữ", "Hồ sơ được lưu trữ (ẩn khỏi danh sách, không bị xóa).",
               {f("loai_ho_so", T::Code, true, "loại hồ sơ"), f("khoa", T::Text, true, "khóa hồ sơ"),
                f("thoi_diem", T::Text, true, "lưu trữ lúc"), f("nguoi_dung", T::Code, false, "người lưu trữ")},
               {0, 1}});
  c.push_back({"de_an_su_kien", "diễn biến đề án",
               "Mỗi bước của đề án: chuyển trạng thái, báo cáo tiến độ — ngày, số quyết định, ý kiến, người thực hiện.",
               {f("ma", T::Code, true, "mã"), ref("de_an", "de_an", true, "đề án"), f("loai", T::Code, true, "loại"),
                f("tu_trang_thai", T::Code, false, "từ trạng thái"), f("den_trang_thai", T::Code, false, "sang trạng thái"),
                f("ngay", T::Date, true, "ngày"), f("so_quyet_dinh", T::Text, false, "số quyết định, biên bản"),
                f("ghi_chu", T::Text, false, "ý kiến, ghi chú"), f("nguoi_dung", T::Code, true, "người thực hiện"),
                f("thoi_diem", T::Text, true, "thời điểm ghi"),
                ref("ke_hoach", "ke_hoach", false, "phê duyệt vào kế hoạch")},
               {0}});
  c.push_back({"tai_lieu", "tài liệu đính kèm",
               "Tệp đính kèm của đề án (PDF, DOCX, XLSX, ảnh), lưu ngoài thư mục web dưới tên do hệ thống đặt.",
               {f("ma", T::Code, true, "mã tài liệu"), ref("de_an", "de_an", true, "đề án"),
                ref("su_kien", "de_an_su_kien", false, "kèm theo bước"), f("ten_tep", T::Text, true, "tên tệp"),
                f("loai_tep", T::Code, true, "loại tệp"), f("kich_thuoc", T::Int, true, "kích thước (byte)"),
                f("ten_luu", T::Code, true, "tên lưu trữ"), f("nguoi_dung", T::Code, true, "người tải lên"),
                f("thoi_diem", T::Text, true, "thời điểm tải lên")},
               {0}});
  Field amendment_kind{"noi_dung_dieu_chinh", T::Enum, true, "nội dung điều chỉnh"};
  amendment_kind.enum_values = enums::kAmendmentKind;
  Field amendment_status{"trang_thai", T::Enum, true, "trạng thái"};
  amendment_status.enum_values = enums::kAmendmentStatus;
  c.push_back({"dieu_chinh", "điều chỉnh đề án",
               "Đề nghị điều chỉnh kinh phí, tiến độ, địa điểm hoặc cơ sở thụ hưởng và việc phê duyệt.",
               {f("ma", T::Code, true, "mã"), ref("de_an", "de_an", true, "đề án"), amendment_kind,
                f("de_nghi", T::Text, true, "giá trị đề nghị (JSON)"), f("ly_do", T::Text, true, "lý do"), amendment_status,
                f("nguoi_de_nghi", T::Code, true, "người đề nghị"), f("thoi_diem_de_nghi", T::Text, true, "đề nghị lúc"),
                f("nguoi_duyet", T::Code, false, "người xem xét"), f("thoi_diem_duyet", T::Text, false, "xem xét lúc"),
                f("so_quyet_dinh", T::Text, false, "số quyết định phê duyệt"), f("ghi_chu_duyet", T::Text, false, "ý kiến")},
               {0}});
  c.push_back({"dat_lai_mat_khau", "mã đặt lại mật khẩu",
               "Mã dùng một lần, có hạn, do quản trị viên cấp để người dùng tự đặt mật khẩu mới; chỉ lưu mã băm.",
               {f("ma_bam", T::Code, true, "mã băm của mã đặt lại"), ref("ten_dang_nhap", "nguoi_dung", true, "người dùng"),
                f("nguoi_cap", T::Code, true, "người cấp"), f("tao_luc", T::Text, true, "cấp lúc"),
                f("het_han", T::Text, true, "hết hạn lúc"), f("da_dung", T::Text, false, "đã dùng lúc")},
               {0}});
  c.push_back({"bao_cao_phien_ban", "phiên bản mục báo cáo", "Mỗi lần lưu một mục báo cáo: nội dung, người lưu, lúc lưu.",
               {ref("bao_cao", "bao_cao", true, "báo cáo"), f("muc", T::Code, true, "mục"),
                f("phien_ban", T::Int, true, "phiên bản"), f("noi_dung", T::Text, true, "nội dung"),
                f("nguoi_dung", T::Code, true, "người lưu"), f("thoi_diem", T::Text, true, "lưu lúc")},
               {0, 1, 2}});
  c.push_back({"bao_cao_su_kien", "diễn biến báo cáo",
               "Mỗi bước của báo cáo: tạo, trình, trả lại (kèm ý kiến), duyệt, ban hành — người thực hiện, lúc thực hiện.",
               {f("ma", T::Code, true, "mã"), ref("bao_cao", "bao_cao", true, "báo cáo"),
                f("hanh_dong", T::Code, true, "hành động"), f("tu_trang_thai", T::Code, false, "từ trạng thái"),
                f("den_trang_thai", T::Code, false, "sang trạng thái"), f("ghi_chu", T::Text, false, "ý kiến, ghi chú"),
                f("nguoi_dung", T::Code, true, "người thực hiện"), f("thoi_diem", T::Text, true, "thời điểm")},
               {0}});
  c.push_back({"bao_cao_ban_hanh", "bản báo cáo đã ban hành",
               "Văn bản báo cáo đã ban hành ở từng định dạng (base64), mã băm SHA-256 và số liệu đã in (JSON).",
               {ref("bao_cao", "bao_cao", true, "báo cáo"), f("dinh_dang", T::Code, true, "định dạng"),
                f("noi_dung", T::Text, true, "nội dung (base64)"), f("ma_bam", T::Code, true, "mã băm SHA-256"),
                f("so_lieu", T::Text, true, "số liệu đã in (JSON)")},
               {0, 1}});
  return c;
}

}  // namespace

const std::vector<RecordKind>& system_catalog() {
  static const std::vector<RecordKind> kinds = build();
  return kinds;
}

std::vector<const RecordKind*> all_kinds() {
  std::vector<const RecordKind*> out;
  for (const RecordKind& k : catalog()) out.push_back(&k);
  for (const RecordKind& k : system_catalog()) out.push_back(&k);
  return out;
}

}  // namespace kc
