// The record kinds of khuyencong, in import order. See record_kind.h.
#include <stdexcept>
#include <string>

#include "schema/enums.h"
#include "schema/record_kind.h"

namespace kc {

namespace {

using T = FieldType;
constexpr bool kReq = true;
constexpr bool kOpt = false;

Field f(std::string_view name, FieldType type, bool required, std::string_view label) {
  return Field{name, type, required, label};
}
Field ref(std::string_view name, std::string_view kind, bool required, std::string_view label) {
  Field x{name, T::Ref, required, label};
  x.ref_kind = kind;
  return x;
}
template <size_t N>
Field en(std::string_view name, const std::array<EnumValue, N>& values, bool required,
         std::string_view label) {
  Field x{name, T::Enum, required, label};
  x.enum_values = values;
  return x;
}
Field integer(std::string_view name, bool required, std::string_view label, int64_t min,
              int64_t max = std::numeric_limits<int64_t>::max()) {
  Field x{name, T::Int, required, label};
  x.min = min;
  x.max = max;
  return x;
}
Field decimal(std::string_view name, int scale, bool required, std::string_view label) {
  Field x{name, T::Decimal, required, label};
  x.scale = scale;
  x.min = 0;
  return x;
}

std::vector<RecordKind> build_catalog() {
  using namespace enums;
  std::vector<RecordKind> c;

  c.push_back({"don_vi_hanh_chinh", "đơn vị hành chính",
               "Tỉnh, huyện, xã với thời gian hiệu lực; đơn vị cũ giữ lịch sử và trỏ tới đơn vị kế thừa.",
               {f("ma", T::Code, kReq, "mã đơn vị"), f("ten", T::Text, kReq, "tên (không kèm loại)"),
                en("loai", kUnitType, kReq, "loại đơn vị"), en("cap", kUnitLevel, kReq, "cấp"),
                ref("ma_cap_tren", "don_vi_hanh_chinh", kOpt, "đơn vị cấp trên"),
                f("hieu_luc_tu", T::Date, kReq, "có hiệu lực từ ngày"),
                f("hieu_luc_den", T::Date, kOpt, "hết hiệu lực sau ngày")},
               {0},
               true});
  c.push_back({"don_vi_ke_thua", "quan hệ kế thừa đơn vị hành chính",
               "Đơn vị cũ và đơn vị kế thừa khi sáp nhập, chia tách, đổi tên.",
               {ref("don_vi", "don_vi_hanh_chinh", kReq, "đơn vị cũ"),
                ref("don_vi_ke_thua", "don_vi_hanh_chinh", kReq, "đơn vị kế thừa"),
                f("ngay_hieu_luc", T::Date, kReq, "ngày có hiệu lực"),
                f("ghi_chu", T::Text, kOpt, "ghi chú")},
               {0, 1}});
  c.push_back({"van_ban", "văn bản pháp lý",
               "Nghị định, thông tư, quyết định… mà chương trình khuyến công căn cứ hoặc ban hành.",
               {f("ma", T::Code, kReq, "mã văn bản"), f("so_hieu", T::Text, kReq, "số, ký hiệu"),
                en("loai", kDocumentType, kReq, "loại văn bản"),
                f("co_quan_ban_hanh", T::Text, kReq, "cơ quan, người ban hành"),
                en("cap_ban_hanh", kIssuerLevel, kReq, "cấp ban hành"),
                ref("dia_ban", "don_vi_hanh_chinh", kOpt, "địa bàn của cơ quan ban hành"),
                f("ngay_ban_hanh", T::Date, kReq, "ngày ban hành"),
                f("trich_yeu", T::Text, kReq, "trích yếu"),
                ref("sua_doi", "van_ban", kOpt, "sửa đổi, bổ sung văn bản"),
                ref("thay_the", "van_ban", kOpt, "thay thế văn bản")},
               {0}});
  c.push_back({"dia_ban_uu_tien", "địa bàn ưu tiên",
               "Đơn vị hành chính thuộc địa bàn ưu tiên (miền núi, vùng cao, khó khăn…) trong một thời kỳ.",
               {ref("don_vi", "don_vi_hanh_chinh", kReq, "đơn vị hành chính"),
                en("loai", kPriorityArea, kReq, "loại địa bàn ưu tiên"),
                f("tu_ngay", T::Date, kReq, "từ ngày"), f("den_ngay", T::Date, kOpt, "đến ngày"),
                ref("can_cu", "van_ban", kOpt, "văn bản căn cứ")},
               {0, 1, 2}});
  c.push_back({"noi_dung", "nội dung hoạt động khuyến công",
               "Danh mục nội dung theo nghị định (9 nội dung của Nghị định 45/2012), có phiên bản theo thời gian.",
               {f("ma", T::Code, kReq, "mã nội dung"), integer("so_thu_tu", kReq, "số thứ tự", 1, 99),
                f("ten", T::Text, kReq, "tên nội dung"),
                f("ten_bao_cao", T::Text, kReq, "tên mục trong báo cáo"),
                ref("can_cu", "van_ban", kOpt, "văn bản quy định"),
                f("hieu_luc_tu", T::Date, kReq, "áp dụng từ ngày"),
                f("hieu_luc_den", T::Date, kOpt, "áp dụng đến ngày")},
               {0},
               true});
  c.push_back({"muc_ho_tro", "mức hỗ trợ tối đa",
               "Mức hỗ trợ từ ngân sách theo quy định (tỷ lệ trên tổng chi phí, số tiền tối đa mỗi cơ sở), có thời gian áp dụng.",
               {f("ma", T::Code, kReq, "mã quy định"), ref("noi_dung", "noi_dung", kOpt, "áp dụng cho nội dung"),
                en("cap_kinh_phi", kFundingLevel, kOpt, "áp dụng cho cấp kinh phí"),
                f("mo_ta", T::Text, kReq, "mô tả"),
                decimal("ty_le_toi_da", 2, kOpt, "tỷ lệ hỗ trợ tối đa (% tổng chi phí)"),
                f("muc_toi_da", T::Money, kOpt, "mức hỗ trợ tối đa mỗi cơ sở (đồng)"),
                f("hieu_luc_tu", T::Date, kReq, "áp dụng từ ngày"), f("hieu_luc_den", T::Date, kOpt, "áp dụng đến ngày"),
                ref("can_cu", "van_ban", kOpt, "văn bản quy định")},
               {0}});
  c.push_back({"chi_tieu", "chỉ tiêu",
               "Những gì được đếm hoặc cộng: kết quả đầu ra của đề án, kinh phí, sản phẩm được tôn vinh…",
               {f("ma", T::Code, kReq, "mã chỉ tiêu"),
                f("ten", T::Text, kReq, "tên chỉ tiêu (cụm từ dùng trong báo cáo)"),
                f("don_vi_tinh", T::Text, kReq, "đơn vị tính"),
                ref("noi_dung", "noi_dung", kOpt, "thuộc nội dung"),
                en("nguon", kIndicatorSource, kReq, "cách tính giá trị thực hiện"),
                integer("so_thu_tu", kOpt, "thứ tự trình bày", 0, 9999)},
               {0},
               true});
  c.push_back({"to_chuc", "tổ chức, đơn vị",
               "Cơ quan quản lý, trung tâm khuyến công, phòng kinh tế cấp huyện…",
               {f("ma", T::Code, kReq, "mã đơn vị"), f("ten", T::Text, kReq, "tên đơn vị"),
                f("ten_viet_tat", T::Text, kOpt, "tên viết tắt"),
                en("loai", kOrgType, kReq, "loại đơn vị"),
                ref("to_chuc_cap_tren", "to_chuc", kOpt, "đơn vị cấp trên"),
                ref("dia_ban", "don_vi_hanh_chinh", kOpt, "địa bàn"),
                f("hieu_luc_tu", T::Date, kOpt, "hoạt động từ ngày"),
                f("hieu_luc_den", T::Date, kOpt, "hoạt động đến ngày")},
               {0},
               true});
  c.push_back({"can_bo", "cán bộ",
               "Cán bộ, viên chức, cộng tác viên và việc họ có làm công tác khuyến công hay không.",
               {f("ma", T::Code, kReq, "mã cán bộ"), f("ho_ten", T::Text, kReq, "họ và tên"),
                ref("to_chuc", "to_chuc", kReq, "đơn vị công tác"),
                f("chuc_vu", T::Text, kOpt, "chức vụ"),
                en("vai_tro", kStaffRole, kReq, "vai trò trong công tác khuyến công"),
                f("tu_ngay", T::Date, kOpt, "công tác từ ngày"),
                f("den_ngay", T::Date, kOpt, "công tác đến ngày")},
               {0}});
  c.push_back({"ke_hoach", "kế hoạch khuyến công",
               "Kế hoạch giai đoạn hoặc hằng năm, quyết định phê duyệt và phương hướng (phần II báo cáo).",
               {f("ma", T::Code, kReq, "mã kế hoạch"), f("ten", T::Text, kReq, "tên kế hoạch"),
                en("loai", kPlanType, kReq, "loại kế hoạch"),
                ref("dia_ban", "don_vi_hanh_chinh", kReq, "địa bàn"),
                f("tu_nam", T::Year, kReq, "từ năm"), f("den_nam", T::Year, kReq, "đến năm"),
                ref("van_ban_phe_duyet", "van_ban", kOpt, "quyết định phê duyệt"),
                ref("ke_hoach_cha", "ke_hoach", kOpt, "thuộc kế hoạch giai đoạn"),
                ref("co_quan_bao_cao", "to_chuc", kOpt, "cơ quan lập báo cáo"),
                f("phuong_huong", T::Text, kOpt, "phương hướng, nhiệm vụ, giải pháp")},
               {0},
               true});
  c.push_back({"muc_tieu", "mục tiêu kế hoạch",
               "Giá trị mục tiêu của một chỉ tiêu trong kế hoạch (tiền tính bằng đồng).",
               {ref("ke_hoach", "ke_hoach", kReq, "kế hoạch"),
                ref("chi_tieu", "chi_tieu", kReq, "chỉ tiêu"),
                integer("gia_tri", kReq, "giá trị mục tiêu", 0),
                f("ghi_chu", T::Text, kOpt, "ghi chú")},
               {0, 1}});
  c.push_back({"co_so", "cơ sở công nghiệp nông thôn",
               "Doanh nghiệp, hợp tác xã, tổ hợp tác, hộ kinh doanh thụ hưởng hoặc đăng ký khuyến công.",
               {f("ma", T::Code, kReq, "mã cơ sở"), f("ten", T::Text, kReq, "tên cơ sở"),
                en("loai", kEstablishmentType, kReq, "loại hình"),
                en("nganh", kSector, kReq, "ngành nghề"),
                ref("dia_ban", "don_vi_hanh_chinh", kReq, "địa bàn"),
                f("dia_chi", T::Text, kOpt, "địa chỉ"), f("ma_so_thue", T::Text, kOpt, "mã số thuế"),
                f("nam_thanh_lap", T::Year, kOpt, "năm thành lập"),
                integer("so_lao_dong", kOpt, "số lao động", 0)},
               {0}});
  c.push_back({"de_an", "đề án khuyến công",
               "Đề án: nội dung, cấp kinh phí, năm, địa bàn, kinh phí (đồng), trạng thái.",
               {f("ma", T::Code, kReq, "mã đề án"), f("ten", T::Text, kReq, "tên đề án"),
                ref("noi_dung", "noi_dung", kReq, "nội dung"),
                en("cap_kinh_phi", kFundingLevel, kReq, "cấp kinh phí"),
                f("nam_bat_dau", T::Year, kReq, "năm bắt đầu"),
                f("nam_ket_thuc", T::Year, kReq, "năm kết thúc"),
                ref("don_vi_thuc_hien", "to_chuc", kReq, "đơn vị thực hiện"),
                ref("dia_ban", "don_vi_hanh_chinh", kReq, "địa bàn thực hiện"),
                f("kinh_phi_nsnn", T::Money, kReq, "kinh phí ngân sách nhà nước (đồng)"),
                f("kinh_phi_doi_ung", T::Money, kReq, "kinh phí đối ứng (đồng)"),
                en("trang_thai", kProjectStatus, kReq, "trạng thái"),
                f("ngay_phe_duyet", T::Date, kOpt, "ngày phê duyệt"),
                f("ngay_nghiem_thu", T::Date, kOpt, "ngày nghiệm thu"),
                f("mo_ta", T::Text, kOpt, "mô tả")},
               {0}});
  c.push_back({"de_an_co_so", "cơ sở thụ hưởng đề án", "Cơ sở thụ hưởng của từng đề án.",
               {ref("de_an", "de_an", kReq, "đề án"), ref("co_so", "co_so", kReq, "cơ sở")},
               {0, 1}});
  c.push_back({"de_an_ket_qua", "kết quả đề án",
               "Giá trị đầu ra của đề án theo chỉ tiêu (lao động được đào tạo, cơ sở được hỗ trợ…).",
               {ref("de_an", "de_an", kReq, "đề án"), ref("chi_tieu", "chi_tieu", kReq, "chỉ tiêu"),
                integer("gia_tri", kReq, "giá trị", 0)},
               {0, 1}});
  c.push_back({"hoat_dong", "hoạt động không có kinh phí riêng",
               "Hoạt động khuyến công không có đề án, kinh phí riêng (ví dụ đoàn công tác quốc tế).",
               {f("ma", T::Code, kReq, "mã hoạt động"), f("ten", T::Text, kReq, "tên hoạt động"),
                ref("noi_dung", "noi_dung", kReq, "nội dung"), f("nam", T::Year, kReq, "năm"),
                ref("dia_ban", "don_vi_hanh_chinh", kReq, "địa bàn tham gia"),
                f("mo_ta", T::Text, kOpt, "mô tả")},
               {0}});
  c.push_back({"lang_nghe", "làng nghề",
               "Làng nghề, làng nghề truyền thống được công nhận theo quyết định của tỉnh.",
               {f("ma", T::Code, kReq, "mã làng nghề"), f("ten", T::Text, kReq, "tên làng nghề"),
                f("nghe", T::Text, kReq, "nghề"), f("truyen_thong", T::Bool, kReq, "làng nghề truyền thống"),
                ref("dia_ban", "don_vi_hanh_chinh", kReq, "xã, phường"),
                f("quyet_dinh_cong_nhan", T::Text, kOpt, "quyết định công nhận"),
                f("ngay_cong_nhan", T::Date, kReq, "ngày công nhận"),
                f("ngay_thu_hoi", T::Date, kOpt, "ngày thu hồi danh hiệu"),
                f("hoat_dong_hieu_qua", T::Bool, kReq, "hoạt động hiệu quả"),
                f("noi_bat", T::Bool, kReq, "nêu trong báo cáo là làng nghề phát triển mạnh"),
                integer("so_ho", kOpt, "số hộ", 0)},
               {0}});
  c.push_back({"san_pham", "sản phẩm công nghiệp nông thôn",
               "Sản phẩm của cơ sở tham gia bình chọn sản phẩm công nghiệp nông thôn tiêu biểu.",
               {f("ma", T::Code, kReq, "mã sản phẩm"), f("ten", T::Text, kReq, "tên sản phẩm"),
                ref("co_so", "co_so", kReq, "cơ sở sản xuất"),
                en("nhom", kProductGroup, kReq, "nhóm sản phẩm")},
               {0}});
  c.push_back({"dot_binh_chon", "cuộc bình chọn sản phẩm tiêu biểu",
               "Cuộc bình chọn sản phẩm công nghiệp nông thôn tiêu biểu theo cấp và năm.",
               {f("ma", T::Code, kReq, "mã cuộc bình chọn"), f("ten", T::Text, kReq, "tên cuộc bình chọn"),
                en("cap", kSelectionLevel, kReq, "cấp"), f("nam", T::Year, kReq, "năm"),
                ref("dia_ban", "don_vi_hanh_chinh", kOpt, "địa bàn tổ chức")},
               {0}});
  c.push_back({"ket_qua_binh_chon", "kết quả bình chọn",
               "Sản phẩm dự bình chọn, điểm bình quân (thang 100) và kết quả.",
               {ref("dot_binh_chon", "dot_binh_chon", kReq, "cuộc bình chọn"),
                ref("san_pham", "san_pham", kReq, "sản phẩm"), decimal("diem", 2, kOpt, "điểm bình quân"),
                f("dat", T::Bool, kReq, "được công nhận"),
                f("so_chung_nhan", T::Text, kOpt, "số giấy chứng nhận")},
               {0, 1}});
  c.push_back({"hoi_cho", "hội chợ, triển lãm",
               "Hội chợ, triển lãm tổ chức hoặc tham gia và số lượt cơ sở của địa phương tham gia.",
               {f("ma", T::Code, kReq, "mã hội chợ"), f("ten", T::Text, kReq, "tên hội chợ"),
                f("nam", T::Year, kReq, "năm"), f("dia_diem", T::Text, kReq, "địa điểm"),
                ref("de_an", "de_an", kOpt, "đề án hỗ trợ"),
                integer("so_luot_tham_gia", kOpt, "số lượt cơ sở tham gia", 0)},
               {0}});
  c.push_back({"cum_cong_nghiep", "cụm công nghiệp",
               "Khu, cụm công nghiệp: vị trí, diện tích, trạng thái.",
               {f("ma", T::Code, kReq, "mã cụm"), f("ten", T::Text, kReq, "tên cụm công nghiệp"),
                ref("dia_ban", "don_vi_hanh_chinh", kReq, "địa bàn"),
                decimal("dien_tich_ha", 2, kOpt, "diện tích (ha)"),
                en("trang_thai", kClusterStatus, kReq, "trạng thái"),
                ref("de_an", "de_an", kOpt, "đề án hỗ trợ")},
               {0}});
  c.push_back({"thong_ke", "số liệu thống kê",
               "Số liệu thống kê hằng năm theo địa bàn (số cơ sở CNNT, giá trị sản xuất…).",
               {ref("dia_ban", "don_vi_hanh_chinh", kReq, "địa bàn"), f("nam", T::Year, kReq, "năm"),
                en("chi_so", kStatistic, kReq, "chỉ số"), integer("gia_tri", kReq, "giá trị", 0),
                f("nguon", T::Text, kOpt, "nguồn số liệu")},
               {0, 1, 2}});
  // Reports as records (drafts/report_drafts.h, docs/report-drafts.md). The kinds giai_doan, nam
  // and sau_thang are in every database (migration 9); a bundle may list them again.
  c.push_back({"loai_bao_cao", "loại báo cáo",
               "Loại báo cáo (giai đoạn, năm, sáu tháng…) và cấu trúc báo cáo mà nó theo.",
               {f("ma", T::Code, kReq, "mã loại báo cáo"), f("ten", T::Text, kReq, "tên loại báo cáo"),
                en("cau_truc", kReportStructure, kReq, "cấu trúc báo cáo")},
               {0},
               true});
  c.back().built_in_rows = true;
  c.push_back({"bao_cao", "báo cáo",
               "Báo cáo khuyến công: loại, kế hoạch và năm, cơ quan báo cáo, trạng thái; số, ngày, người ký khi ban hành.",
               {f("ma", T::Code, kReq, "mã báo cáo"), ref("loai_bao_cao", "loai_bao_cao", kReq, "loại báo cáo"),
                ref("ke_hoach", "ke_hoach", kOpt, "kế hoạch"), f("nam", T::Year, kOpt, "năm báo cáo"),
                ref("co_quan", "to_chuc", kOpt, "cơ quan báo cáo"),
                en("trang_thai", kReportStatus, kReq, "trạng thái"), f("so_ky_hieu", T::Text, kOpt, "số, ký hiệu"),
                f("ngay_ban_hanh", T::Date, kOpt, "ngày ban hành"),
                f("tham_quyen_ky", T::Text, kOpt, "thẩm quyền ký (KT. GIÁM ĐỐC…)"),
                f("chuc_vu_ky", T::Text, kOpt, "chức vụ người ký"), f("nguoi_ky", T::Text, kOpt, "người ký"),
                f("noi_nhan", T::Text, kOpt, "nơi nhận (mỗi dòng một nơi)"),
                f("kem_bieu_do", T::Bool, kOpt, "kèm phụ lục biểu đồ")},
               {0}});
  c.push_back({"bao_cao_muc", "nội dung mục báo cáo",
               "Nội dung hiện hành của một mục báo cáo do cán bộ viết (đánh dấu đơn giản, số liệu theo mã).",
               {ref("bao_cao", "bao_cao", kReq, "báo cáo"), f("muc", T::Code, kReq, "mục"),
                f("noi_dung", T::Text, kReq, "nội dung")},
               {0, 1}});
  for (RecordKind& k : c)
    for (std::string_view name : {"don_vi_hanh_chinh", "van_ban", "to_chuc", "can_bo", "co_so", "de_an", "hoat_dong",
                                  "lang_nghe", "san_pham", "dot_binh_chon", "hoi_cho", "cum_cong_nghiep"})
      if (k.name == name) k.searchable = true;
  return c;
}

}  // namespace

std::optional<std::string_view> Field::enum_label(std::string_view code) const {
  for (const EnumValue& v : enum_values)
    if (v.code == code) return v.label;
  return std::nullopt;
}

int RecordKind::field_index(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field_name) return static_cast<int>(i);
  return -1;
}

const Field& RecordKind::field(std::string_view field_name) const {
  int i = field_index(field_name);
  if (i < 0) throw std::logic_error("no field " + std::string(field_name) + " in " + std::string(name));
  return fields[static_cast<size_t>(i)];
}

const std::vector<RecordKind>& catalog() {
  static const std::vector<RecordKind> kinds = build_catalog();
  return kinds;
}

const RecordKind* find_kind(std::string_view name) {
  for (const RecordKind& k : catalog())
    if (k.name == name) return &k;
  return nullptr;
}

const RecordKind* find_any_kind(std::string_view name) {
  if (const RecordKind* k = find_kind(name)) return k;
  for (const RecordKind& k : system_catalog())
    if (k.name == name) return &k;
  return nullptr;
}

const RecordKind& kind(std::string_view name) {
  if (const RecordKind* k = find_any_kind(name)) return *k;
  throw std::logic_error("unknown record kind " + std::string(name));
}

}  // namespace kc
