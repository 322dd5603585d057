// The reference part of the national dataset: administrative units, legal documents,
// priority areas, the nine contents, the indicator catalogue, organisations and staff.
#include <algorithm>
#include <cmath>

#include "gen/national.h"
#include "gen/rng.h"
#include "gen/table_writer.h"

namespace kcbench {

namespace {

using Order = TableWriter::Order;

void finish(World& w, TableWriter& t) { w.rows[std::string(t.name())] = t.close(); }

}  // namespace

std::string pad(int64_t n, int width) {
  std::string s = std::to_string(n);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<size_t>(width) - s.size(), '0');
  return s;
}

std::string content_code(int content) { return "nd45-" + std::to_string(content); }
std::string output_code(int content, int k) { return "kq-" + std::to_string(content) + "-" + pad(k + 1, 2); }

std::string unit_type_label(std::string_view type) {
  if (type == "tinh") return "tỉnh";
  if (type == "thanh_pho_tw" || type == "thanh_pho") return "thành phố";
  if (type == "thi_xa") return "thị xã";
  if (type == "huyen") return "huyện";
  if (type == "quan") return "quận";
  if (type == "phuong") return "phường";
  if (type == "thi_tran") return "thị trấn";
  return "xã";
}

std::string person_name(Rng& rng) {
  std::string name(rng.pick(kFamilyNames));
  name += " ";
  name += rng.pick(kMiddleNames);
  name += " ";
  name += rng.pick(kGivenNames);
  return name;
}

std::string two_syllables(Rng& rng) {
  std::string_view a = rng.pick(kPlaceSyllables), b = rng.pick(kPlaceSyllables);
  while (b == a) b = rng.pick(kPlaceSyllables);
  return std::string(a) + " " + std::string(b);
}

void build_world(World& w) {
  double scale = w.options.scale;
  w.projects_per_province_year = std::max<int64_t>(1, std::llround(320 * scale));
  w.establishments_per_province =
      static_cast<uint32_t>(std::max<int64_t>(20, static_cast<int64_t>(std::ceil(300000 * scale / 34))));
  for (size_t i = 0; i < kProvinces.size(); ++i) {
    Rng rng(kSeed, "geography", i);
    Province p;
    p.index = static_cast<int>(i);
    p.num = pad(p.index + 1, 2);
    p.unit = "T" + p.num;
    p.info = &kProvinces[i];
    p.display = std::string(p.info->central_city ? "thành phố " : "tỉnh ") + std::string(p.info->name);
    p.ubnd = "UB" + p.num;
    p.department = "SCT" + p.num;
    p.centre = "TT" + p.num;
    int districts = static_cast<int>(rng.range(8, 12));
    bool highland = mountainous_region(p.info->region);
    for (int d = 0; d < districts; ++d) {
      District dist;
      dist.code = p.unit + "-H" + pad(d + 1, 2);
      dist.name = two_syllables(rng);
      if (d == 0)
        dist.type = p.info->central_city ? "quan" : "thanh_pho";
      else if (p.info->central_city)
        dist.type = rng.chance(400) ? "quan" : "huyen";
      else
        dist.type = rng.chance(100) ? "thi_xa" : "huyen";
      dist.mountainous = dist.type == "huyen" && rng.chance(highland ? 650 : 120);
      dist.office = "PKT" + p.num + "-" + pad(d + 1, 2);
      bool urban = dist.type != "huyen";
      int communes = static_cast<int>(rng.range(10, 15));
      for (int c = 0; c < communes; ++c) {
        Commune co;
        co.code = dist.code + "-X" + pad(c + 1, 2);
        co.name = two_syllables(rng);
        co.type = urban ? (rng.chance(700) ? "phuong" : "xa") : (c == 0 ? "thi_tran" : "xa");
        dist.communes.push_back(std::move(co));
      }
      p.districts.push_back(std::move(dist));
    }
    w.provinces.push_back(std::move(p));
  }
}

namespace {

void write_units(World& w) {
  TableWriter t(w.options.out, "don_vi_hanh_chinh", Order::Sorted);
  for (const Province& p : w.provinces) {
    t.text(p.unit).text(p.info->name).text(p.info->central_city ? "thanh_pho_tw" : "tinh").text("tinh");
    t.null().date(2000, 1, 1).null().end_row();
    for (const District& d : p.districts) {
      t.text(d.code).text(d.name).text(d.type).text("huyen").text(p.unit).date(2000, 1, 1).null().end_row();
      for (const Commune& c : d.communes)
        t.text(c.code).text(c.name).text(c.type).text("xa").text(d.code).date(2000, 1, 1).null().end_row();
    }
  }
  finish(w, t);
  TableWriter successors(w.options.out, "don_vi_ke_thua", Order::Sorted);  // none: units stay valid
  finish(w, successors);
}

struct NationalDoc {
  std::string_view code, number, type, issuer;
  int y, m, d;
  std::string_view summary, amends;
};
constexpr NationalDoc kNationalDocs[] = {
    {"TW-NQ30A-2008", "30a/2008/NQ-CP", "nghi_quyet", "Chính phủ", 2008, 12, 27,
     "Về Chương trình hỗ trợ giảm nghèo nhanh và bền vững đối với 61 huyện nghèo", ""},
    {"TW-ND45-2012", "45/2012/NĐ-CP", "nghi_dinh", "Chính phủ", 2012, 5, 21, "Về khuyến công", ""},
    {"TW-TT46-2012", "46/2012/TT-BCT", "thong_tu", "Bộ Công Thương", 2012, 12, 28,
     "Quy định chi tiết một số nội dung của Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của "
     "Chính phủ về khuyến công", ""},
    {"TW-TT36-2013", "36/2013/TT-BCT", "thong_tu", "Bộ Công Thương", 2013, 12, 27,
     "Quy định về xây dựng kế hoạch, tổ chức thực hiện và quản lý kinh phí khuyến công quốc gia", ""},
    {"TW-TT26-2014", "26/2014/TT-BCT", "thong_tu", "Bộ Công Thương", 2014, 8, 28,
     "Quy định về việc tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu", ""},
    {"TW-QD1288-2014", "1288/QĐ-TTg", "quyet_dinh", "Thủ tướng Chính phủ", 2014, 8, 1,
     "Phê duyệt Chương trình khuyến công quốc gia đến năm 2020", ""},
    {"TW-TT28-2018", "28/2018/TT-BTC", "thong_tu", "Bộ Tài chính", 2018, 3, 28,
     "Hướng dẫn lập, quản lý, sử dụng kinh phí khuyến công", ""},
    {"TW-QD1881-2020", "1881/QĐ-TTg", "quyet_dinh", "Thủ tướng Chính phủ", 2020, 11, 24,
     "Phê duyệt Chương trình khuyến công quốc gia giai đoạn 2021 - 2025", ""},
    {"TW-QD861-2021", "861/QĐ-TTg", "quyet_dinh", "Thủ tướng Chính phủ", 2021, 6, 4,
     "Phê duyệt danh sách các xã khu vực III, khu vực II, khu vực I thuộc vùng đồng bào dân tộc thiểu "
     "số và miền núi giai đoạn 2021 - 2025", ""},
    {"TW-TT64-2024", "64/2024/TT-BTC", "thong_tu", "Bộ Tài chính", 2024, 8, 31,
     "Sửa đổi, bổ sung một số điều của Thông tư số 28/2018/TT-BTC", "TW-TT28-2018"},
};

void write_documents(World& w) {
  TableWriter t(w.options.out, "van_ban", Order::Sorted);
  for (const NationalDoc& d : kNationalDocs) {
    t.text(d.code).text(d.number).text(d.type).text(d.issuer).text("trung_uong").null();
    t.date(d.y, d.m, d.d).text(d.summary);
    if (d.amends.empty()) t.null(); else t.text(d.amends);
    t.null().end_row();
  }
  for (const Province& p : w.provinces) {
    Rng rng(kSeed, "documents", static_cast<uint64_t>(p.index));
    std::string issuer = "UBND " + p.display;
    auto decision = [&](const std::string& code, int year, int month, const std::string& summary,
                        std::string_view amends, std::string_view replaces, bool legal) {
      std::string number = std::to_string(rng.range(100, 3999)) +
                           (legal ? "/" + std::to_string(year) + "/QĐ-UBND" : "/QĐ-UBND");
      t.text(code).text(number).text("quyet_dinh").text(issuer).text("tinh").text(p.unit);
      t.date(year, month, static_cast<int>(rng.range(1, 28))).text(summary);
      if (amends.empty()) t.null(); else t.text(amends);
      if (replaces.empty()) t.null(); else t.text(replaces);
      t.end_row();
    };
    std::string levels = "VB" + p.num + "-MC-2014";
    decision(levels, 2014, static_cast<int>(rng.range(3, 11)),
             "Quy định mức chi hỗ trợ cho các hoạt động khuyến công trên địa bàn " + p.display, "", "", true);
    decision("VB" + p.num + "-MC-2019", 2019, static_cast<int>(rng.range(3, 11)),
             "Sửa đổi, bổ sung một số điều của quy định mức chi hỗ trợ cho các hoạt động khuyến công", levels,
             "", true);
    decision("VB" + p.num + "-MC-2022", 2022, static_cast<int>(rng.range(3, 11)),
             "Quy định mức chi hỗ trợ cho các hoạt động khuyến công trên địa bàn " + p.display, "", levels,
             true);
    for (int phase = 0; phase < kPhases; ++phase) {
      std::string span = std::to_string(phase_first(phase)) + "-" + std::to_string(phase_last(phase));
      decision("VB" + p.num + "-GD-" + span, phase_first(phase) - 1, 12,
               "Phê duyệt Chương trình khuyến công " + p.display + " giai đoạn " +
                   std::to_string(phase_first(phase)) + "–" + std::to_string(phase_last(phase)),
               "", "", false);
    }
    for (int y = kFirstYear; y <= kLastYear; ++y)
      decision("VB" + p.num + "-KH-" + std::to_string(y), y - 1, 12,
               "Phê duyệt Kế hoạch khuyến công năm " + std::to_string(y) + " của " + p.display, "", "", false);
  }
  finish(w, t);
}

void write_priority_areas(World& w) {
  TableWriter t(w.options.out, "dia_ban_uu_tien", Order::Sorted);
  for (const Province& p : w.provinces) {
    Rng rng(kSeed, "priority", static_cast<uint64_t>(p.index));
    for (const District& d : p.districts) {
      if (!d.mountainous) continue;
      t.text(d.code).text("mien_nui").date(2000, 1, 1).null().null().end_row();
      if (rng.chance(250)) t.text(d.code).text("huyen_ngheo").date(2008, 12, 27).null().text("TW-NQ30A-2008").end_row();
      if (rng.chance(500))
        t.text(d.code).text("dan_toc_thieu_so").date(2021, 6, 4).date(2025, 12, 31).text("TW-QD861-2021").end_row();
    }
  }
  finish(w, t);
}

void write_contents_and_indicators(World& w) {
  TableWriter contents(w.options.out, "noi_dung", Order::Sorted);
  for (int c = 1; c <= 9; ++c) {
    const ContentInfo& info = kContents[static_cast<size_t>(c - 1)];
    contents.text(content_code(c)).num(c).text(info.name).text(info.report_name).text("TW-ND45-2012");
    contents.date(2012, 7, 10).null().end_row();
  }
  finish(w, contents);

  TableWriter t(w.options.out, "chi_tieu", Order::Sorted);
  int order = 0;
  auto row = [&](const std::string& code, std::string_view name, std::string_view unit, int content,
                 std::string_view source) {
    t.text(code).text(name).text(unit);
    if (content) t.text(content_code(content)); else t.null();
    t.text(source).num(order += 10).end_row();
  };
  row("kp-nsnn", "kinh phí ngân sách nhà nước", "đồng", 0, "kinh_phi_nsnn");
  row("kp-quoc-gia", "kinh phí khuyến công quốc gia", "đồng", 0, "kinh_phi_quoc_gia");
  row("kp-tinh", "kinh phí khuyến công tỉnh", "đồng", 0, "kinh_phi_tinh");
  row("kp-huyen", "kinh phí khuyến công cấp huyện", "đồng", 0, "kinh_phi_huyen");
  row("kp-doi-ung", "kinh phí đối ứng của cơ sở", "đồng", 0, "kinh_phi_doi_ung");
  row("sp-ton-vinh-tinh", "sản phẩm được tôn vinh cấp tỉnh", "sản phẩm", 4, "sp_ton_vinh_tinh");
  row("sp-ton-vinh-khu-vuc", "sản phẩm được tôn vinh cấp khu vực", "sản phẩm", 4, "sp_ton_vinh_khu_vuc");
  row("sp-ton-vinh-quoc-gia", "sản phẩm được tôn vinh cấp quốc gia", "sản phẩm", 4, "sp_ton_vinh_quoc_gia");
  for (int c = 1; c <= 9; ++c) {
    for (int k = 0; k < kOutputsPerContent; ++k) {
      const OutputIndicator& o = kOutputs[static_cast<size_t>(c - 1)][static_cast<size_t>(k)];
      row(output_code(c, k), o.name, o.unit, c, "dau_ra");
    }
  }
  finish(w, t);
}

void write_organisations(World& w) {
  TableWriter t(w.options.out, "to_chuc", Order::Sorted);
  TableWriter staff(w.options.out, "can_bo", Order::Sorted);
  t.text("BCT").text("Bộ Công Thương").text("BCT").text("bo_cong_thuong").null().null().null().null().end_row();
  for (const Province& p : w.provinces) {
    Rng rng(kSeed, "organisations", static_cast<uint64_t>(p.index));
    t.text(p.ubnd).text("Ủy ban nhân dân " + p.display).text("UBND").text("ubnd_tinh").null().text(p.unit);
    t.null().null().end_row();
    t.text(p.department).text("Sở Công Thương " + p.display).text("SCT").text("so_cong_thuong").text(p.ubnd);
    t.text(p.unit).null().null().end_row();
    t.text(p.centre).text("Trung tâm Khuyến công và Xúc tiến thương mại " + p.display).text("TTKC&XTTM");
    t.text("trung_tam_khuyen_cong").text(p.department).text(p.unit).date(2008, 1, 1).null().end_row();
    int serial = 0;
    auto person = [&](const std::string& org, std::string_view title, std::string_view role, int from_year,
                      int to_year) {
      staff.text("CB" + p.num + "-" + pad(++serial, 4)).text(person_name(rng)).text(org);
      if (title.empty()) staff.null(); else staff.text(title);
      staff.text(role);
      if (from_year) staff.date(from_year, static_cast<int>(rng.range(1, 12)), 1); else staff.null();
      if (to_year) staff.date(to_year, static_cast<int>(rng.range(1, 12)), 28); else staff.null();
      staff.end_row();
    };
    person(p.centre, "Giám đốc", "kiem_nhiem", static_cast<int>(rng.range(2010, 2020)), 0);
    person(p.centre, "Phó Giám đốc", "chuyen_trach", static_cast<int>(rng.range(2010, 2020)), 0);
    int centre_staff = static_cast<int>(rng.range(10, 18));
    for (int i = 0; i < centre_staff; ++i) {
      std::string_view role = rng.chance(350) ? "chuyen_trach" : "khac";
      int to = rng.chance(150) ? static_cast<int>(rng.range(2017, 2024)) : 0;
      std::string_view title = rng.chance(200) ? "Trưởng phòng" : "Viên chức";
      person(p.centre, title, role, static_cast<int>(rng.range(2005, 2016)), to);
    }
    person(p.department, "Phó Giám đốc Sở", "kiem_nhiem", static_cast<int>(rng.range(2012, 2020)), 0);
    for (const District& d : p.districts) {
      std::string office = d.type == "huyen" ? "Phòng Kinh tế và Hạ tầng " : "Phòng Kinh tế ";
      t.text(d.office).text(office + unit_type_label(d.type) + " " + d.name).null().text("phong_kinh_te");
      t.null().text(d.code).null().null().end_row();
      person(d.office, "Chuyên viên", "kiem_nhiem", static_cast<int>(rng.range(2010, 2020)), 0);
      int collaborators = static_cast<int>(rng.range(0, 3));
      for (int i = 0; i < collaborators; ++i) person(d.office, "", "cong_tac_vien", 2021, 0);
    }
  }
  finish(w, t);
  finish(w, staff);
}

}  // namespace

void write_reference(World& w) {
  write_units(w);
  write_documents(w);
  write_priority_areas(w);
  write_contents_and_indicators(w);
  write_organisations(w);
}

}  // namespace kcbench
