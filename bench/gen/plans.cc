// The plans part of the national dataset: per province a phase plan for 2016–2020 and one
// for 2021–2025, an annual plan per year under its phase plan, and targets for money,
// honoured products and outputs. Targets are the achieved totals times 0,70–1,30, so that
// achievement percentages in reports look like real ones.
#include <algorithm>

#include "gen/national.h"
#include "gen/rng.h"
#include "gen/table_writer.h"

namespace kcbench {

namespace {

Actuals sum_years(const Province& p, int from, int to) {
  Actuals s;
  for (int y = from; y <= to; ++y) {
    const Actuals& a = p.actual[static_cast<size_t>(y - kFirstYear)];
    for (size_t i = 0; i < 3; ++i) s.by_level[i] += a.by_level[i];
    s.counterpart += a.counterpart;
    for (size_t i = 0; i < s.outputs.size(); ++i) s.outputs[i] += a.outputs[i];
    for (size_t i = 0; i < 3; ++i) s.honoured[i] += a.honoured[i];
  }
  return s;
}

constexpr std::string_view kDirections =
    "1. Tiếp tục triển khai các nội dung khuyến công theo Nghị định số 45/2012/NĐ-CP, ưu tiên địa bàn "
    "miền núi, vùng đồng bào dân tộc thiểu số.\n"
    "2. Hỗ trợ cơ sở công nghiệp nông thôn ứng dụng máy móc thiết bị tiên tiến, sản xuất sạch hơn.\n"
    "3. Phát triển sản phẩm công nghiệp nông thôn tiêu biểu, xây dựng thương hiệu, mở rộng thị trường.\n"
    "4. Kiện toàn mạng lưới cộng tác viên khuyến công đến cấp xã.";

}  // namespace

void write_plans(World& w) {
  TableWriter plans(w.options.out, "ke_hoach", TableWriter::Order::Sorted);
  TableWriter targets(w.options.out, "muc_tieu", TableWriter::Order::Sorted);
  for (const Province& p : w.provinces) {
    Rng rng(kSeed, "ke_hoach", static_cast<uint64_t>(p.index));
    auto target = [&](const std::string& plan, const std::string& indicator, int64_t actual, bool money) {
      if (actual <= 0) return;
      int64_t value = actual * rng.range(70, 130) / 100;
      if (money) value = std::max<int64_t>(1, (value + 500000) / 1000000) * 1000000;
      else value = std::max<int64_t>(1, value);
      targets.text(plan).text(indicator).num(value).null().end_row();
    };
    auto money_targets = [&](const std::string& plan, const Actuals& a, bool phase) {
      target(plan, "kp-nsnn", a.budget(), true);
      if (phase) target(plan, "kp-quoc-gia", a.by_level[0], true);
      target(plan, "kp-tinh", a.by_level[1], true);
      target(plan, "kp-huyen", a.by_level[2], true);
      target(plan, "kp-doi-ung", a.counterpart, true);
    };
    for (int phase = 0; phase < kPhases; ++phase) {
      int from = phase_first(phase), to = phase_last(phase);
      std::string span = std::to_string(from) + "-" + std::to_string(to);
      std::string code = "KH" + p.num + "-" + span;
      plans.text(code).text("Kế hoạch khuyến công " + p.display + " giai đoạn " + std::to_string(from) + "–" +
                            std::to_string(to));
      plans.text("giai_doan").text(p.unit).num(from).num(to).text("VB" + p.num + "-GD-" + span).null();
      plans.text(p.department).text(kDirections).end_row();
      Actuals a = sum_years(p, from, to);
      money_targets(code, a, true);
      target(code, "sp-ton-vinh-tinh", a.honoured[0], false);
      target(code, "sp-ton-vinh-khu-vuc", a.honoured[1], false);
      target(code, "sp-ton-vinh-quoc-gia", a.honoured[2], false);
      for (int c = 1; c <= 9; ++c)
        for (int k = 0; k < 3; ++k)
          target(code, output_code(c, k), a.outputs[static_cast<size_t>((c - 1) * kOutputsPerContent + k)], false);
      for (int y = from; y <= to; ++y) {
        std::string annual = "KH" + p.num + "-" + std::to_string(y);
        plans.text(annual).text("Kế hoạch khuyến công năm " + std::to_string(y) + " của " + p.display);
        plans.text("hang_nam").text(p.unit).num(y).num(y).text("VB" + p.num + "-KH-" + std::to_string(y));
        plans.text(code).text(p.department).null().end_row();
        Actuals ay = sum_years(p, y, y);
        money_targets(annual, ay, false);
        for (int c = 1; c <= 9; ++c)
          for (int k = 0; k < 2; ++k)
            target(annual, output_code(c, k), ay.outputs[static_cast<size_t>((c - 1) * kOutputsPerContent + k)], false);
      }
    }
  }
  w.rows["ke_hoach"] = plans.close();
  w.rows["muc_tieu"] = targets.close();
}

}  // namespace kcbench
