#include "check/consistency.h"

#include <cmath>
#include <map>

#include "core/vn_format.h"
#include "report/missing_data.h"
#include "report/plan_scope.h"
#include "schema/enums.h"
#include "text/normalize.h"

namespace kc {

namespace {

constexpr int64_t kPassingScoreHundredths = 7000;  // TT 26/2014/TT-BCT: average score >= 70/100

int64_t pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

class RecordChecks {
 public:
  RecordChecks(const Dataset& d, const PhaseReport& r, std::vector<Finding>& out)
      : d_(d), r_(r), out_(out), scope_(d, d.plans[static_cast<size_t>(d.plan_index(r.plan_code))]) {}

  void run() {
    outputs_against_contents();
    targets_without_results();
    selection_scores();
    craft_villages();
    fairs();
    missing_records();
    implausible_achievements();
    statistic_jumps();
  }

 private:
  void warn(std::string subject, std::string message) {
    out_.push_back({Severity::Warning, std::move(subject), std::move(message)});
  }

  void outputs_against_contents() {
    const Outputs& o = d_.outputs;
    for (size_t i = 0; i < o.size(); ++i) {
      if (o.project[i] < 0 || o.indicator[i] < 0 || !scope_.project_counts(static_cast<size_t>(o.project[i]))) continue;
      const Indicator& ind = d_.indicators[static_cast<size_t>(o.indicator[i])];
      int16_t content = d_.projects.content[static_cast<size_t>(o.project[i])];
      if (ind.content < 0 || ind.content == content || content < 0) continue;
      warn("đề án " + d_.projects.code[static_cast<size_t>(o.project[i])],
           "thuộc nội dung " + std::to_string(d_.contents[static_cast<size_t>(content)].number) +
               " nhưng ghi kết quả cho chỉ tiêu \"" + ind.code + "\" của nội dung " +
               std::to_string(d_.contents[static_cast<size_t>(ind.content)].number) +
               "; kết quả này được tính vào nội dung của chỉ tiêu");
    }
  }

  void targets_without_results() {
    for (const IndicatorResult& t : r_.targets) {
      if (!t.target) continue;
      if (*t.target == 0)
        warn("chỉ tiêu " + t.code, "mục tiêu bằng 0 nên không tính được tỷ lệ đạt");
      else if (t.actual == 0)
        warn("chỉ tiêu " + t.code, "có mục tiêu " + format_int(*t.target) + " " + t.unit +
                                       " nhưng chưa có kết quả nào được ghi nhận trong giai đoạn");
    }
  }

  void selection_scores() {
    for (const SelectionResult& res : d_.results) {
      if (res.round < 0 || res.product < 0 || !res.score_hundredths) continue;
      const SelectionRound& rd = d_.rounds[static_cast<size_t>(res.round)];
      const Product& p = d_.products[static_cast<size_t>(res.product)];
      if (!scope_.year_in_period(rd.year) || p.establishment < 0 ||
          !scope_.unit_in_area(d_.establishments.unit[static_cast<size_t>(p.establishment)]))
        continue;
      bool passing = *res.score_hundredths >= kPassingScoreHundredths;
      if (passing == res.passed) continue;
      std::string score = format_scaled(*res.score_hundredths, 2, 2);
      warn("sản phẩm " + p.code + " (cuộc " + rd.code + ")",
           res.passed ? "được công nhận với điểm bình quân " + score + ", dưới mức 70 điểm theo Thông tư 26/2014/TT-BCT"
                      : "đạt " + score + " điểm (từ 70 trở lên) nhưng không được ghi là được công nhận");
    }
  }

  void craft_villages() {
    for (const CraftVillage& v : d_.craft_villages)
      if (scope_.unit_in_area(v.unit) && v.revoked && v.effective)
        warn("làng nghề " + v.code, "đã bị thu hồi danh hiệu ngày " + to_vn(*v.revoked) + " nhưng vẫn ghi là hoạt động hiệu quả");
  }

  void fairs() {
    for (const Fair& f : d_.fairs) {
      if (f.project < 0 || !scope_.year_in_period(f.year)) continue;
      size_t p = static_cast<size_t>(f.project);
      if (!scope_.unit_in_area(d_.projects.unit[p])) continue;
      if (!scope_.project_counts(p))
        warn("hội chợ " + f.code, "gắn với đề án " + d_.projects.code[p] + " không được tính trong giai đoạn (trạng thái " +
                                      d_.projects.status[p] + ")");
      else if (d_.projects.year_from[p] > f.year || d_.projects.year_to[p] < f.year)
        warn("hội chợ " + f.code, "năm " + std::to_string(f.year) + " nằm ngoài thời gian của đề án " + d_.projects.code[p]);
    }
  }

  // Kinds of records the report needs but the area or period lacks: the report says the data
  // is missing there (report/missing_data.h), and the department should fill them in.
  void missing_records() {
    for (const MissingData& m : missing_data(r_))
      warn("thiếu số liệu (" + m.file + ")", "chưa có số liệu về " + m.what + "; báo cáo ghi là chưa có số liệu");
  }

  // An achievement above 1.000% or below 0,1% is almost always a unit slip: a money target typed
  // in million đồng instead of đồng (or the other way round), or a count with extra zeros.
  void implausible_achievements() {
    __extension__ using Wide = __int128;  // money in đồng × 1.000 overflows 64 bits
    for (const IndicatorResult& t : r_.targets) {
      if (!t.target || *t.target <= 0 || t.actual <= 0) continue;  // zero target or result: warned above
      bool high = static_cast<Wide>(t.actual) > static_cast<Wide>(*t.target) * 10;
      bool low = static_cast<Wide>(t.actual) * 1000 < static_cast<Wide>(*t.target);
      if (!high && !low) continue;
      std::string unit = t.money() ? " đồng" : " " + t.unit;
      std::string text = "tỷ lệ đạt " + format_ratio_percent(t.actual, *t.target, t.percent_decimals()) + "% (thực hiện " +
                         format_int(t.actual) + unit + " so với mục tiêu " + format_int(*t.target) + unit + "), " +
                         (high ? "trên 1.000%" : "dưới 0,1%") + " nên khó là số liệu đúng";
      if (t.money())
        text += high ? "; mục tiêu có thể đã được nhập theo triệu đồng thay vì đồng"
                     : "; mục tiêu có thể đã được nhập thừa chữ số 0, hoặc kết quả được nhập theo triệu đồng";
      else
        text += "; kiểm tra lại mục tiêu trong muc_tieu.csv";
      warn("chỉ tiêu " + t.code + " (" + t.name + ")", text);
    }
  }

  // A yearly statistic of the area that changes tenfold from one recorded year to the next
  // (either way) was most likely typed in another unit. Only pairs that reach into the plan's
  // years (with the baseline year before them) are looked at.
  void statistic_jumps() {
    __extension__ using Wide = __int128;
    std::map<std::pair<int32_t, std::string>, std::map<int, int64_t>> series;
    for (const Statistic& s : d_.statistics)
      if (scope_.unit_in_area(s.unit)) series[{s.unit, s.metric}][s.year] = s.value;
    for (const auto& [key, values] : series) {
      auto prev = values.begin();
      for (auto cur = std::next(prev); cur != values.end(); prev = cur++) {
        if (prev->second <= 0 || cur->second <= 0 || cur->first < r_.from_year - 1 || prev->first > r_.to_year) continue;
        Wide before = prev->second, after = cur->second;
        if (after < before * 10 && after * 10 > before) continue;
        std::string change = after > before ? "gấp " + format_double(static_cast<double>(after) / static_cast<double>(before), 1) + " lần"
                                            : "chỉ bằng 1/" + format_double(static_cast<double>(before) / static_cast<double>(after), 1);
        warn("số liệu thống kê " + key.second + " của " + d_.unit_display_name(key.first),
             label_of_metric(key.second) + " năm " + std::to_string(cur->first) + " là " + format_int(cur->second) + ", " +
                 change + " năm " + std::to_string(prev->first) + " (" + format_int(prev->second) +
                 "); thay đổi từ 10 lần trở lên giữa hai năm liền kề có số liệu thường do nhập sai đơn vị "
                 "(đồng, triệu đồng, tỷ đồng)");
      }
    }
  }

  static std::string label_of_metric(const std::string& metric) {
    for (const EnumValue& v : enums::kStatistic)
      if (v.code == metric) return upper_first_vi(std::string(v.label));
    return metric;
  }

  const Dataset& d_;
  const PhaseReport& r_;
  std::vector<Finding>& out_;
  PlanScope scope_;
};

// Explains why a ratio figure "<indicator>.ty_le_dat" cannot take the claimed value: which
// integer targets would give it, if any.
std::string explain_ratio(const PhaseReport& r, const std::string& id, const Claim& c) {
  std::string code = id.substr(std::string("chi_tieu.").size(), id.size() - std::string("chi_tieu.").size() - std::string(".ty_le_dat").size());
  const IndicatorResult* ind = nullptr;
  for (const IndicatorResult& t : r.targets)
    if (t.code == code) ind = &t;
  if (!ind || !ind->target || ind->actual <= 0) return {};
  // target x gives the claim when actual*100/x rounds to c: x in (actual*100/(c+½u), actual*100/(c-½u)].
  double unit = 1.0 / static_cast<double>(pow10(c.decimals));
  double claimed = static_cast<double>(c.scaled) * unit;
  double lo = static_cast<double>(ind->actual) * 100.0 / (claimed + unit / 2);
  double hi = static_cast<double>(ind->actual) * 100.0 / (claimed - unit / 2);
  int64_t first_integer = static_cast<int64_t>(std::floor(lo)) + 1;
  std::string text = "; với " + format_int(ind->actual) + " " + ind->unit + " thực hiện, tỷ lệ " +
                     format_fixed(c.scaled, c.decimals) + "%" +
                     " cần mục tiêu trong khoảng " + format_double(lo, 2) + "–" + format_double(hi, 2);
  if (static_cast<double>(first_integer) > hi)
    text += ", không có số nguyên nào, nên tỷ lệ nêu trong báo cáo không thể tính ra từ một mục tiêu nguyên";
  else
    text += "; mục tiêu trong hồ sơ là " + format_int(*ind->target);
  return text;
}

std::string explain_growth(const PhaseReport& r, const std::string& id, const Claim& c) {
  const SeriesEndpoints& s = id.rfind("gtsx_cnnt", 0) == 0 ? r.production : r.establishments;
  if (!s.available) return {};
  bool money = id.rfind("gtsx_cnnt", 0) == 0;
  int years = s.last_year - s.first_year;
  double claimed = static_cast<double>(c.scaled) / static_cast<double>(pow10(c.decimals)) / 100.0;
  double implied_last = static_cast<double>(s.first) * std::pow(1.0 + claimed, years);
  auto value = [&](double v) {
    return money ? format_double(v / 1e9, 0) + " tỷ đồng" : format_double(v, 0);
  };
  std::string text = "; tăng " + format_fixed(c.scaled, c.decimals) + "%/năm trong " + std::to_string(years) + " năm từ " +
                     value(static_cast<double>(s.first)) + " sẽ cho " + value(implied_last) + " năm " +
                     std::to_string(s.last_year) + ", không phải " + value(static_cast<double>(s.last)) + " như hồ sơ";
  if (s.mean_yearly)
    text += "; trung bình cộng các tốc độ tăng hằng năm là " + format_double(*s.mean_yearly * 100, 2) + "%/năm";
  else
    text += "; hồ sơ không có số liệu các năm " + std::to_string(s.first_year + 1) + "–" + std::to_string(s.last_year - 1) +
            " để kiểm tra cách tính khác (trung bình cộng các tốc độ tăng hằng năm)";
  return text;
}

// "%" sticks to the number; other units follow a space.
std::string unit_suffix(const std::string& unit) {
  if (unit.empty()) return {};
  return unit[0] == '%' ? unit : " " + unit;
}

ClaimResult check_claim(const PhaseReport& r, const Claim& c) {
  ClaimResult out{c, false, false, {}, {}};
  const Figure* f = r.figure(c.id);
  if (!f) {
    out.explanation = "báo cáo không có số liệu mã \"" + c.id + "\" (xem danh sách mã trong docs/report.md hoặc --format json)";
    return out;
  }
  out.known = true;
  int64_t computed = f->numerator && f->denominator
                         ? rounded_ratio(*f->numerator, *f->denominator, c.decimals)
                         : static_cast<int64_t>(std::llround(f->value * static_cast<double>(pow10(c.decimals))));
  out.computed = format_fixed(computed, c.decimals);
  out.matches = computed == c.scaled;
  if (out.matches) return out;
  std::string exact = f->numerator && f->denominator
                          ? format_fixed(rounded_ratio(*f->numerator, *f->denominator, c.decimals + 2), c.decimals + 2)
                          : format_fixed(std::llround(f->value * static_cast<double>(pow10(c.decimals + 2))), c.decimals + 2);
  std::string claimed = format_fixed(c.scaled, c.decimals);
  out.explanation = "báo cáo nêu " + claimed + unit_suffix(f->unit) + ", hồ sơ cho " + exact + unit_suffix(f->unit);
  if (!f->method.empty()) out.explanation += " (" + f->method + ")";
  out.explanation += ", làm tròn " + std::to_string(c.decimals) + " chữ số thập phân là " + out.computed;
  if (c.id.size() > 11 && c.id.rfind("chi_tieu.", 0) == 0 && c.id.ends_with(".ty_le_dat")) out.explanation += explain_ratio(r, c.id, c);
  if (c.id.ends_with(".tang_truong_binh_quan")) out.explanation += explain_growth(r, c.id, c);
  return out;
}

}  // namespace

size_t CheckResult::mismatches() const {
  size_t n = 0;
  for (const ClaimResult& c : claims) n += c.matches ? 0 : 1;
  return n;
}

size_t CheckResult::warnings() const {
  size_t n = 0;
  for (const Finding& f : findings) n += f.severity == Severity::Warning ? 1 : 0;
  return n;
}

CheckResult check_plan(const Dataset& data, const PhaseReport& report, const std::vector<Claim>& claims) {
  CheckResult result;
  RecordChecks(data, report, result.findings).run();
  for (const Claim& c : claims) result.claims.push_back(check_claim(report, c));
  return result;
}

}  // namespace kc
