#include "records/rules.h"

#include <optional>

#include "core/date.h"
#include "schema/field_display.h"

namespace kc {

namespace {

struct OrderedPair {
  std::string_view kind, from, to;
};
constexpr OrderedPair kOrderedPairs[] = {
    {"don_vi_hanh_chinh", "hieu_luc_tu", "hieu_luc_den"},
    {"dia_ban_uu_tien", "tu_ngay", "den_ngay"},
    {"noi_dung", "hieu_luc_tu", "hieu_luc_den"},
    {"to_chuc", "hieu_luc_tu", "hieu_luc_den"},
    {"can_bo", "tu_ngay", "den_ngay"},
    {"ke_hoach", "tu_nam", "den_nam"},
    {"de_an", "nam_bat_dau", "nam_ket_thuc"},
    {"de_an", "ngay_phe_duyet", "ngay_nghiem_thu"},
    {"lang_nghe", "ngay_cong_nhan", "ngay_thu_hoi"},
};

const Value& get(const RecordKind& kind, const Row& row, std::string_view field) {
  return row[static_cast<size_t>(kind.field_index(field))];
}

std::optional<Date> date_of(const Value& v) {
  if (is_null(v)) return std::nullopt;
  return parse_date(as_text(v));
}

// The validity of a don_vi_hanh_chinh or noi_dung row.
DateRange validity(const RecordKind& kind, const Row& row) {
  return {*date_of(get(kind, row, "hieu_luc_tu")), date_of(get(kind, row, "hieu_luc_den"))};
}

std::string describe_range(const DateRange& r) {
  return "có hiệu lực từ " + to_vn(r.from) + (r.to ? " đến " + to_vn(*r.to) : " đến nay");
}

std::string describe_years(int from, int to) {
  return from == to ? "năm " + std::to_string(from)
                    : "các năm " + std::to_string(from) + "–" + std::to_string(to);
}

// Reports when the unit (or content) referenced by `field` was not valid in [from, to].
void check_valid_during(const RecordKind& kind, const Row& row, std::string_view field,
                        std::string_view target_kind, Date from, Date to, const std::string& when,
                        const RecordLookup& index, const FieldProblemSink& report) {
  const Value& ref = get(kind, row, field);
  if (is_null(ref)) return;
  const Row* target = index.row(target_kind, as_text(ref));
  if (!target) return;  // a dangling reference is reported on its own
  const RecordKind& tk = kc::kind(target_kind);
  DateRange r = validity(tk, *target);
  if (r.overlaps(from, to)) return;
  std::string name = target_kind == "don_vi_hanh_chinh" ? unit_display_name(*target)
                                                         : "nội dung \"" + as_text(get(tk, *target, "ten")) + "\"";
  report(field, "\"" + as_text(ref) + "\" (" + name + ") " + describe_range(r) +
                    ", không có hiệu lực trong " + when);
}

void check_year_span(const RecordKind& kind, const Row& row, std::string_view field,
                     std::string_view target_kind, std::string_view from_year,
                     std::string_view to_year, std::string_view what, const RecordLookup& index,
                     const FieldProblemSink& report) {
  int from = static_cast<int>(as_int(get(kind, row, from_year)));
  int to = static_cast<int>(as_int(get(kind, row, to_year)));
  check_valid_during(kind, row, field, target_kind, Date::first_of_year(from), Date::last_of_year(to),
                     describe_years(from, to) + " của " + std::string(what), index, report);
}

bool less_than(const Value& a, const Value& b) {
  if (const auto* x = std::get_if<int64_t>(&a)) return *x < std::get<int64_t>(b);
  return as_text(a) < as_text(b);
}

int level_rank(std::string_view cap) { return cap == "tinh" ? 0 : cap == "huyen" ? 1 : 2; }

}  // namespace

std::string unit_display_name(const Row& unit_row) {
  const RecordKind& k = kc::kind("don_vi_hanh_chinh");
  std::string_view type = as_text(get(k, unit_row, "loai"));
  auto label = k.field("loai").enum_label(type);
  return std::string(label ? *label : type) + " " + as_text(get(k, unit_row, "ten"));
}

void check_record_rules(const RecordKind& kind, const Row& row, const RecordLookup& index,
                        const FieldProblemSink& report) {
  for (const OrderedPair& p : kOrderedPairs) {
    if (p.kind != kind.name) continue;
    const Value& from = get(kind, row, p.from);
    const Value& to = get(kind, row, p.to);
    if (is_null(from) || is_null(to) || !less_than(to, from)) continue;
    // Values as people read them (dd/mm/yyyy), in the CLI's problems as in the forms.
    report(p.to, "\"" + std::string(kind.field(p.to).label) + "\" (" + display_field_value(kind.field(p.to), to, "") +
                     ") không được trước \"" + std::string(kind.field(p.from).label) + "\" (" +
                     display_field_value(kind.field(p.from), from, "") + ")");
  }

  const std::string_view name = kind.name;
  if (name == "de_an") {
    if (as_int(get(kind, row, "nam_ket_thuc")) < as_int(get(kind, row, "nam_bat_dau"))) return;
    check_year_span(kind, row, "dia_ban", "don_vi_hanh_chinh", "nam_bat_dau", "nam_ket_thuc", "đề án",
                    index, report);
    check_year_span(kind, row, "noi_dung", "noi_dung", "nam_bat_dau", "nam_ket_thuc", "đề án", index,
                    report);
  } else if (name == "hoat_dong") {
    check_year_span(kind, row, "dia_ban", "don_vi_hanh_chinh", "nam", "nam", "hoạt động", index, report);
    check_year_span(kind, row, "noi_dung", "noi_dung", "nam", "nam", "hoạt động", index, report);
  } else if (name == "thong_ke") {
    check_year_span(kind, row, "dia_ban", "don_vi_hanh_chinh", "nam", "nam", "số liệu", index, report);
  } else if (name == "dot_binh_chon") {
    check_year_span(kind, row, "dia_ban", "don_vi_hanh_chinh", "nam", "nam", "cuộc bình chọn", index, report);
  } else if (name == "ke_hoach") {
    if (as_int(get(kind, row, "den_nam")) < as_int(get(kind, row, "tu_nam"))) return;
    check_year_span(kind, row, "dia_ban", "don_vi_hanh_chinh", "tu_nam", "den_nam", "kế hoạch", index,
                    report);
    if (as_text(get(kind, row, "loai")) == "hang_nam" &&
        as_int(get(kind, row, "tu_nam")) != as_int(get(kind, row, "den_nam")))
      report("den_nam", "kế hoạch hằng năm phải có năm bắt đầu và năm kết thúc trùng nhau");
  } else if (name == "lang_nghe") {
    Date d = *date_of(get(kind, row, "ngay_cong_nhan"));
    check_valid_during(kind, row, "dia_ban", "don_vi_hanh_chinh", d, d,
                       "ngày công nhận " + to_vn(d), index, report);
  } else if (name == "de_an_ket_qua") {
    const Value& code = get(kind, row, "chi_tieu");
    if (const Row* indicator = index.row("chi_tieu", as_text(code))) {
      const RecordKind& ik = kc::kind("chi_tieu");
      const std::string& source = as_text(get(ik, *indicator, "nguon"));
      auto source_label = ik.field("nguon").enum_label(source);
      if (source != "dau_ra")
        report("chi_tieu", "chỉ tiêu \"" + as_text(code) + "\" được tính từ hồ sơ khác (" +
                               std::string(source_label ? *source_label : source) +
                               "), không ghi làm kết quả đầu ra của đề án");
    }
  } else if (name == "don_vi_ke_thua") {
    const Value& from = get(kind, row, "don_vi");
    const Value& to = get(kind, row, "don_vi_ke_thua");
    if (as_text(from) == as_text(to)) {
      report("don_vi_ke_thua", "một đơn vị không thể kế thừa chính nó");
      return;
    }
    Date d = *date_of(get(kind, row, "ngay_hieu_luc"));
    check_valid_during(kind, row, "don_vi_ke_thua", "don_vi_hanh_chinh", d, d,
                       "ngày kế thừa " + to_vn(d), index, report);
  }
}

void check_kind_rules(const RecordKind& kind, const std::vector<LineRow>& rows,
                      const RecordLookup& index, const LineProblemSink& report) {
  if (kind.name == "don_vi_hanh_chinh") {
    for (const LineRow& lr : rows) {
      const Value& parent_code = get(kind, lr.row, "ma_cap_tren");
      if (is_null(parent_code)) continue;
      const Row* parent = index.row(kind.name, as_text(parent_code));
      if (!parent) continue;
      auto sink = [&](std::string_view field, std::string message) { report(lr.line, field, std::move(message)); };
      if (level_rank(as_text(get(kind, *parent, "cap"))) >= level_rank(as_text(get(kind, lr.row, "cap"))))
        sink("ma_cap_tren", "đơn vị cấp trên \"" + as_text(parent_code) + "\" (" + unit_display_name(*parent) +
                                ") phải ở cấp cao hơn đơn vị này");
      DateRange own = validity(kind, lr.row);
      check_valid_during(kind, lr.row, "ma_cap_tren", kind.name, own.from, own.to.value_or(Date{9999, 12, 31}),
                         "thời gian hiệu lực của đơn vị này", index, sink);
    }
  } else if (kind.name == "ke_hoach") {
    for (const LineRow& lr : rows) {
      const Value& parent_code = get(kind, lr.row, "ke_hoach_cha");
      if (is_null(parent_code)) continue;
      if (as_text(parent_code) == as_text(get(kind, lr.row, "ma"))) {
        report(lr.line, "ke_hoach_cha", "một kế hoạch không thể thuộc chính nó");
        continue;
      }
      const Row* parent = index.row(kind.name, as_text(parent_code));
      if (!parent) continue;
      if (as_text(get(kind, *parent, "loai")) != "giai_doan")
        report(lr.line, "ke_hoach_cha", "kế hoạch cha \"" + as_text(parent_code) + "\" không phải kế hoạch giai đoạn");
      if (as_int(get(kind, lr.row, "tu_nam")) < as_int(get(kind, *parent, "tu_nam")) ||
          as_int(get(kind, lr.row, "den_nam")) > as_int(get(kind, *parent, "den_nam")))
        report(lr.line, "ke_hoach_cha",
               "thời kỳ của kế hoạch nằm ngoài thời kỳ của kế hoạch cha \"" + as_text(parent_code) + "\"");
    }
  }
}

}  // namespace kc
