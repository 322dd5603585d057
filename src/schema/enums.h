// The fixed lists of codes the records use, with their Vietnamese labels.
// Codes are ASCII and stable (they are written in the bundle); labels are what users read.
#pragma once

#include <array>

#include "schema/record_kind.h"

namespace kc::enums {

inline constexpr std::array<EnumValue, 3> kUnitLevel{{
    {"tinh", "cấp tỉnh"}, {"huyen", "cấp huyện"}, {"xa", "cấp xã"}}};

inline constexpr std::array<EnumValue, 10> kUnitType{{
    {"tinh", "tỉnh"}, {"thanh_pho_tw", "thành phố"}, {"thanh_pho", "thành phố"},
    {"thi_xa", "thị xã"}, {"huyen", "huyện"}, {"quan", "quận"}, {"xa", "xã"},
    {"phuong", "phường"}, {"thi_tran", "thị trấn"}, {"dac_khu", "đặc khu"}}};

// In the order reports list the kinds present ("miền núi, vùng cao và biên giới").
inline constexpr std::array<EnumValue, 8> kPriorityArea{{
    {"mien_nui", "miền núi"}, {"vung_cao", "vùng cao"}, {"bien_gioi", "biên giới"},
    {"hai_dao", "hải đảo"}, {"dan_toc_thieu_so", "vùng đồng bào dân tộc thiểu số"},
    {"huyen_ngheo", "huyện nghèo"}, {"kho_khan", "địa bàn khó khăn"},
    {"dac_biet_kho_khan", "địa bàn đặc biệt khó khăn"}}};

inline constexpr std::array<EnumValue, 9> kDocumentType{{
    {"luat", "Luật"}, {"nghi_dinh", "Nghị định"}, {"nghi_quyet", "Nghị quyết"},
    {"quyet_dinh", "Quyết định"}, {"thong_tu", "Thông tư"}, {"chi_thi", "Chỉ thị"},
    {"ke_hoach", "Kế hoạch"}, {"cong_van", "Công văn"}, {"khac", "Văn bản khác"}}};

inline constexpr std::array<EnumValue, 4> kIssuerLevel{{
    {"trung_uong", "trung ương"}, {"tinh", "cấp tỉnh"}, {"huyen", "cấp huyện"}, {"xa", "cấp xã"}}};

inline constexpr std::array<EnumValue, 2> kPlanType{{
    {"giai_doan", "kế hoạch giai đoạn"}, {"hang_nam", "kế hoạch hằng năm"}}};

inline constexpr std::array<EnumValue, 3> kFundingLevel{{
    {"quoc_gia", "khuyến công quốc gia"}, {"tinh", "khuyến công tỉnh"},
    {"huyen", "khuyến công cấp huyện"}}};

// How the achieved value of an indicator is computed from the records.
inline constexpr std::array<EnumValue, 9> kIndicatorSource{{
    {"dau_ra", "tổng kết quả đầu ra của các đề án"},
    {"kinh_phi_nsnn", "tổng kinh phí ngân sách nhà nước của các đề án"},
    {"kinh_phi_quoc_gia", "kinh phí các đề án khuyến công quốc gia"},
    {"kinh_phi_tinh", "kinh phí các đề án khuyến công tỉnh"},
    {"kinh_phi_huyen", "kinh phí các đề án khuyến công cấp huyện"},
    {"kinh_phi_doi_ung", "tổng kinh phí đối ứng của các đề án"},
    {"sp_ton_vinh_tinh", "số sản phẩm được tôn vinh cấp tỉnh"},
    {"sp_ton_vinh_khu_vuc", "số sản phẩm được tôn vinh cấp khu vực"},
    {"sp_ton_vinh_quoc_gia", "số sản phẩm được tôn vinh cấp quốc gia"}}};

inline constexpr std::array<EnumValue, 10> kProjectStatus{{
    {"dang_ky_nhu_cau", "đăng ký nhu cầu"}, {"de_xuat", "đề xuất"}, {"tham_dinh", "thẩm định"},
    {"phe_duyet", "đã phê duyệt"}, {"dang_thuc_hien", "đang thực hiện"},
    {"nghiem_thu", "đã nghiệm thu"}, {"quyet_toan", "đã quyết toán"},
    {"hau_kiem", "đã hậu kiểm"}, {"tu_choi", "bị từ chối"}, {"huy", "đã hủy"}}};

inline constexpr std::array<EnumValue, 4> kEstablishmentType{{
    {"doanh_nghiep", "doanh nghiệp"}, {"hop_tac_xa", "hợp tác xã"},
    {"to_hop_tac", "tổ hợp tác"}, {"ho_kinh_doanh", "hộ kinh doanh"}}};

inline constexpr std::array<EnumValue, 8> kSector{{
    {"che_bien", "chế biến nông, lâm, thủy sản"}, {"co_khi", "cơ khí, điện, điện tử"},
    {"det_may", "dệt may, da giày"}, {"vat_lieu_xay_dung", "vật liệu xây dựng"},
    {"thu_cong_my_nghe", "thủ công mỹ nghệ"}, {"ho_tro", "công nghiệp hỗ trợ"},
    {"hoa_chat", "hóa chất, phân bón"}, {"khac", "ngành khác"}}};

inline constexpr std::array<EnumValue, 4> kProductGroup{{
    {"thu_cong_my_nghe", "thủ công mỹ nghệ"},
    {"che_bien_nong_san", "chế biến nông, lâm, thủy sản"},
    {"co_khi", "máy móc, thiết bị, dụng cụ, phụ tùng cơ khí"}, {"khac", "sản phẩm khác"}}};

inline constexpr std::array<EnumValue, 4> kSelectionLevel{{
    {"huyen", "cấp huyện"}, {"tinh", "cấp tỉnh"}, {"khu_vuc", "cấp khu vực"},
    {"quoc_gia", "cấp quốc gia"}}};

inline constexpr std::array<EnumValue, 8> kOrgType{{
    {"bo_cong_thuong", "Bộ Công Thương"}, {"ubnd_tinh", "UBND tỉnh"},
    {"so_cong_thuong", "Sở Công Thương"}, {"trung_tam_khuyen_cong", "Trung tâm Khuyến công"},
    {"ubnd_huyen", "UBND cấp huyện"}, {"phong_kinh_te", "Phòng Kinh tế (và Hạ tầng)"},
    {"ubnd_xa", "UBND cấp xã"}, {"khac", "đơn vị khác"}}};

inline constexpr std::array<EnumValue, 4> kStaffRole{{
    {"chuyen_trach", "làm công tác khuyến công chuyên trách"},
    {"kiem_nhiem", "kiêm nhiệm công tác khuyến công"},
    {"cong_tac_vien", "cộng tác viên khuyến công"}, {"khac", "không làm công tác khuyến công"}}};

inline constexpr std::array<EnumValue, 4> kClusterStatus{{
    {"quy_hoach", "trong quy hoạch"}, {"thanh_lap", "đã thành lập"},
    {"dang_dau_tu", "đang đầu tư hạ tầng"}, {"hoat_dong", "đang hoạt động"}}};

inline constexpr std::array<EnumValue, 3> kStatistic{{
    {"so_co_so_cnnt", "số cơ sở công nghiệp nông thôn"},
    {"gtsx_cnnt", "giá trị sản xuất công nghiệp nông thôn (giá so sánh 2010, đồng)"},
    {"gtsx_cong_nghiep", "giá trị sản xuất công nghiệp toàn tỉnh (giá so sánh 2010, đồng)"}}};

inline constexpr std::array<EnumValue, 4> kAmendmentKind{{
    {"kinh_phi", "kinh phí"}, {"tien_do", "tiến độ"}, {"dia_ban", "địa điểm"}, {"co_so", "cơ sở thụ hưởng"}}};

inline constexpr std::array<EnumValue, 3> kAmendmentStatus{{
    {"cho_duyet", "chờ phê duyệt"}, {"da_duyet", "đã phê duyệt"}, {"tu_choi", "bị từ chối"}}};

// The structure a kind of report follows (report/report_kinds.h).
inline constexpr std::array<EnumValue, 3> kReportStructure{{
    {"giai_doan", "báo cáo giai đoạn"}, {"nam", "báo cáo năm"}, {"sau_thang", "báo cáo sáu tháng"}}};

// Where a report stands (drafts/report_drafts.h).
inline constexpr std::array<EnumValue, 5> kReportStatus{{
    {"du_thao", "dự thảo"}, {"da_trinh", "đã trình"}, {"tra_lai", "bị trả lại"}, {"da_duyet", "đã duyệt"},
    {"da_ban_hanh", "đã ban hành"}}};

// Who a signed-in user is; the public has no account.
inline constexpr std::array<EnumValue, 5> kRole{{
    {"quan_tri", "quản trị hệ thống"}, {"so_cong_thuong", "Sở Công Thương"},
    {"trung_tam", "cán bộ Trung tâm Khuyến công"},
    {"dia_phuong", "cán bộ địa phương, cộng tác viên khuyến công"}, {"co_so", "cơ sở công nghiệp nông thôn"}}};

}  // namespace kc::enums
