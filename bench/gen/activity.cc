// The activity part of the national dataset: establishments, projects with their
// beneficiaries and outputs (the bulk of the rows), craft villages, products and selection
// rounds, fairs, industrial clusters, activities without budget and yearly statistics.
// Project money and outputs are added to the provinces' Actuals for the plans' targets.
#include <algorithm>
#include <array>

#include "gen/national.h"
#include "gen/rng.h"
#include "gen/table_writer.h"

namespace kcbench {

namespace {

using Order = TableWriter::Order;

void finish(World& w, TableWriter& t) { w.rows[std::string(t.name())] = t.close(); }

std::string establishment_code(const Province& p, uint32_t i) { return "CS" + p.num + "-" + pad(i + 1, 6); }
std::string place(const District& d, const Commune& c) {
  return unit_type_label(c.type) + " " + c.name + ", " + unit_type_label(d.type) + " " + d.name;
}
std::string district_place(const District& d) { return unit_type_label(d.type) + " " + d.name; }

// Draws month then day in this order (function arguments would be evaluated in an unspecified
// order, and the dataset must not depend on the compiler).
void random_date(TableWriter& t, Rng& rng, int year, int month_lo, int month_hi) {
  int month = static_cast<int>(rng.range(month_lo, month_hi));
  int day = static_cast<int>(rng.range(1, 28));
  t.date(year, month, day);
}

void write_establishments(World& w) {
  TableWriter t(w.options.out, "co_so", Order::Streamed);
  static constexpr std::array<int, 4> kTypeWeights{25, 10, 5, 60};  // kEstablishmentType order
  static constexpr std::array<std::string_view, 4> kTypes{"doanh_nghiep", "hop_tac_xa", "to_hop_tac",
                                                          "ho_kinh_doanh"};
  for (Province& p : w.provinces) {
    Rng rng(kSeed, "co_so", static_cast<uint64_t>(p.index));
    p.establishments = w.establishments_per_province;
    p.establishment_craft.resize(p.establishments);
    // Lowland districts hold more establishments than mountainous ones.
    std::vector<int> weights;
    for (const District& d : p.districts) weights.push_back(d.mountainous ? 1 : 3);
    for (uint32_t i = 0; i < p.establishments; ++i) {
      District& d = p.districts[rng.weighted(weights)];
      const Commune& c = rng.pick(d.communes);
      d.establishments.push_back(i);
      auto craft_index = static_cast<uint8_t>(rng.below(kCrafts.size()));
      p.establishment_craft[i] = craft_index;
      const Craft& craft = kCrafts[craft_index];
      size_t type = rng.weighted(kTypeWeights);
      std::string name;
      switch (type) {
        case 0: {
          std::string_view form = rng.chance(600) ? "Công ty TNHH " : "Công ty cổ phần ";
          name = std::string(form) + std::string(craft.name) + " " + two_syllables(rng);
          break;
        }
        case 1: name = "Hợp tác xã " + std::string(craft.name) + " " + c.name; break;
        case 2: name = "Tổ hợp tác " + std::string(craft.name) + " thôn " + two_syllables(rng); break;
        default:
          name = rng.chance(500) ? "Hộ kinh doanh " : "Cơ sở " + std::string(craft.name) + " ";
          name += person_name(rng);
      }
      t.text(establishment_code(p, i)).text(name).text(kTypes[type]).text(craft.sector).text(c.code);
      if (rng.chance(600)) t.text("thôn " + two_syllables(rng) + ", " + unit_type_label(c.type) + " " + c.name); else t.null();
      if (type <= 1 || rng.chance(300)) t.text(pad(p.index + 1, 2) + pad(static_cast<int64_t>(rng.below(100000000)), 8)); else t.null();
      if (rng.chance(850)) t.num(rng.range(1990, 2024)); else t.null();
      if (rng.chance(900)) t.num(type == 0 ? rng.range(10, 300) : type == 3 ? rng.range(1, 12) : rng.range(5, 80)); else t.null();
      t.end_row();
    }
  }
  finish(w, t);
}

// Per content (1..9): weight among projects, and weights of levels quoc_gia / tinh / huyen.
constexpr std::array<int, 9> kContentWeights{6, 8, 42, 10, 8, 6, 4, 1, 15};
constexpr std::array<std::array<int, 3>, 9> kLevelWeights{{
    {2, 48, 50}, {2, 58, 40}, {10, 40, 50}, {8, 72, 20}, {5, 55, 40},
    {0, 70, 30}, {10, 60, 30}, {0, 100, 0}, {0, 60, 40}}};
constexpr std::array<std::string_view, 3> kLevels{"quoc_gia", "tinh", "huyen"};
constexpr std::array<std::string_view, 8> kCountries{"Indonesia", "Philippines", "Nhật Bản", "Hàn Quốc",
                                                     "Thái Lan", "Đài Loan", "Ấn Độ", "Malaysia"};

// Approved and not cancelled: the project has (planned or achieved) outputs.
bool goes_ahead(std::string_view status) {
  return status != "huy" && status != "tu_choi" && status != "de_xuat" && status != "tham_dinh" &&
         status != "dang_ky_nhu_cau";
}
// Counted by the phase report (docs/report.md): under way or accepted.
bool counted(std::string_view status) { return goes_ahead(status) && status != "phe_duyet"; }
bool accepted(std::string_view status) {
  return status == "nghiem_thu" || status == "quyet_toan" || status == "hau_kiem";
}

std::string_view project_status(Rng& rng, int end_year) {
  if (end_year <= 2023) {
    static constexpr std::array<int, 5> w{25, 40, 30, 3, 2};
    static constexpr std::array<std::string_view, 5> s{"nghiem_thu", "quyet_toan", "hau_kiem", "huy", "tu_choi"};
    return s[rng.weighted(w)];
  }
  if (end_year == 2024) {
    static constexpr std::array<int, 4> w{40, 50, 5, 5};
    static constexpr std::array<std::string_view, 4> s{"nghiem_thu", "quyet_toan", "dang_thuc_hien", "huy"};
    return s[rng.weighted(w)];
  }
  static constexpr std::array<int, 5> w{60, 25, 4, 4, 7};
  static constexpr std::array<std::string_view, 5> s{"dang_thuc_hien", "phe_duyet", "de_xuat", "tham_dinh",
                                                     "nghiem_thu"};
  return s[rng.weighted(w)];
}

std::string project_title(Rng& rng, int content, int year, const Province& p, const District& d,
                          const Commune& c, const Craft& craft) {
  std::string y = std::to_string(year);
  switch (content) {
    case 1: return "Đào tạo nghề " + std::string(craft.name) + " cho lao động nông thôn " + place(d, c);
    case 2: return "Tập huấn nâng cao năng lực quản lý cho cơ sở công nghiệp nông thôn năm " + y;
    case 3:
      if (rng.chance(100)) return "Xây dựng mô hình trình diễn kỹ thuật " + std::string(craft.name) + " tại " + place(d, c);
      return "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong " + std::string(craft.name) + " tại " + place(d, c);
    case 4:
      if (rng.chance(500)) return "Hỗ trợ cơ sở tham gia hội chợ, triển lãm hàng công nghiệp nông thôn năm " + y;
      return "Bình chọn và phát triển sản phẩm công nghiệp nông thôn tiêu biểu " + p.display + " năm " + y;
    case 5: return "Tư vấn thiết kế mẫu mã, bao bì sản phẩm " + std::string(craft.product) + " tại " + place(d, c);
    case 6: return "Xây dựng chương trình truyền hình, bản tin khuyến công năm " + y;
    case 7: return "Hỗ trợ lập quy hoạch chi tiết cụm công nghiệp " + d.name + ", " + district_place(d);
    case 8: return "Khảo sát, học tập kinh nghiệm khuyến công tại " + std::string(rng.pick(kCountries));
    default: return "Nâng cao năng lực cán bộ làm công tác khuyến công năm " + y;
  }
}

void write_projects(World& w) {
  TableWriter projects(w.options.out, "de_an", Order::Streamed);
  TableWriter beneficiaries(w.options.out, "de_an_co_so", Order::Streamed);
  TableWriter outputs(w.options.out, "de_an_ket_qua", Order::Streamed);
  std::vector<uint32_t> chosen;
  for (Province& p : w.provinces) {
    Rng rng(kSeed, "de_an", static_cast<uint64_t>(p.index));
    std::vector<int> district_weights;
    for (const District& d : p.districts) district_weights.push_back(d.mountainous ? 1 : 4);
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      for (int64_t k = 1; k <= w.projects_per_province_year; ++k) {
        std::string code = "DA" + p.num + "-" + std::to_string(year) + "-" + pad(k, 5);
        int content = static_cast<int>(rng.weighted(kContentWeights)) + 1;
        size_t level = rng.weighted(kLevelWeights[static_cast<size_t>(content - 1)]);
        const District& d = p.districts[rng.weighted(district_weights)];
        const Commune& c = rng.pick(d.communes);
        const Craft& craft = rng.pick(kCrafts);
        int end_year = year < kLastYear && rng.chance(80) ? year + 1 : year;
        std::string_view status = project_status(rng, end_year);

        // Where: communes for work with establishments, districts for clusters, else the province.
        std::string_view unit = p.unit;
        if (content == 1 || content == 3 || content == 5 || level == 2) unit = c.code;
        else if (content == 7) unit = d.code;

        int64_t thousands = level == 0   ? rng.range(300000, 1500000)
                            : level == 1 ? (content == 3 ? rng.range(100000, 600000) : rng.range(30000, 400000))
                                         : rng.range(10000, 150000);
        int64_t budget = thousands * 1000;
        int64_t counterpart = 0;
        if (content == 3) counterpart = budget * rng.range(150, 600) / 100;
        else if (content == 5) counterpart = budget * rng.range(10, 100) / 100;
        else if (content == 4) counterpart = budget * rng.range(20, 150) / 100;
        else if ((content == 1 || content == 2) && rng.chance(300)) counterpart = budget * rng.range(5, 30) / 100;
        counterpart = counterpart / 1000 * 1000;

        projects.text(code).text(project_title(rng, content, year, p, d, c, craft)).text(content_code(content));
        projects.text(kLevels[level]).num(year).num(end_year).text(level == 2 ? d.office : p.centre).text(unit);
        projects.num(budget).num(counterpart).text(status);
        if (status == "de_xuat" || status == "tham_dinh" || status == "tu_choi") projects.null();
        else random_date(projects, rng, year, 1, 4);
        if (accepted(status)) random_date(projects, rng, end_year, 9, 12);
        else projects.null();
        uint64_t note = rng.below(1000);
        if (note < 250)
          projects.text("Hỗ trợ cơ sở " + std::string(craft.name) + "; kinh phí đối ứng " +
                        std::to_string(counterpart / 1000000) + " triệu đồng, thời gian " +
                        std::to_string(rng.range(3, 10)) + " tháng.");
        else if (note < 260)
          projects.text("Đề án thuộc \"Chương trình khuyến công " + p.display + "\".\nĐã kiểm tra tiến độ.");
        else
          projects.null();
        projects.end_row();

        if (content == 4) p.fair_projects[static_cast<size_t>(year - kFirstYear)].push_back(code);
        if (content == 7) p.cluster_projects.push_back(code);

        // Beneficiaries: establishments of the project's district (the province's when it has none).
        int how_many = content == 3 ? static_cast<int>(rng.range(2, 5))
                       : content == 5 ? static_cast<int>(rng.range(1, 6))
                       : content <= 2 ? static_cast<int>(rng.range(0, 3))
                                      : static_cast<int>(rng.range(0, 2));
        chosen.clear();
        for (int i = 0; i < how_many; ++i)
          chosen.push_back(d.establishments.empty() ? static_cast<uint32_t>(rng.below(p.establishments))
                                                    : rng.pick(d.establishments));
        std::sort(chosen.begin(), chosen.end());
        chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
        for (uint32_t e : chosen) beneficiaries.text(code).text(establishment_code(p, e)).end_row();

        if (!goes_ahead(status)) continue;
        Actuals& a = p.actual[static_cast<size_t>(year - kFirstYear)];
        bool count = counted(status);
        if (count) {
          a.by_level[level] += budget;
          a.counterpart += counterpart;
        }
        // Ten distinct outputs of the content's twelve: skip two.
        int skip1 = static_cast<int>(rng.below(kOutputsPerContent));
        int skip2 = static_cast<int>(rng.below(kOutputsPerContent - 1));
        if (skip2 >= skip1) ++skip2;
        for (int i = 0; i < kOutputsPerContent; ++i) {
          if (i == skip1 || i == skip2) continue;
          const OutputIndicator& o = kOutputs[static_cast<size_t>(content - 1)][static_cast<size_t>(i)];
          int64_t value = rng.range(o.lo, o.hi);
          outputs.text(code).text(output_code(content, i)).num(value).end_row();
          if (count) a.outputs[static_cast<size_t>((content - 1) * kOutputsPerContent + i)] += value;
        }
      }
    }
  }
  finish(w, projects);
  finish(w, beneficiaries);
  finish(w, outputs);
}

void write_villages_and_activities(World& w) {
  TableWriter villages(w.options.out, "lang_nghe", Order::Sorted);
  TableWriter activities(w.options.out, "hoat_dong", Order::Sorted);
  for (const Province& p : w.provinces) {
    Rng rng(kSeed, "lang_nghe", static_cast<uint64_t>(p.index));
    int n = static_cast<int>(rng.range(8, 15));
    for (int i = 1; i <= n; ++i) {
      const District& d = rng.pick(p.districts);
      const Commune& c = rng.pick(d.communes);
      const Craft& craft = rng.pick(kCrafts);
      int year = static_cast<int>(rng.range(2005, 2022));
      bool traditional = rng.chance(400);
      villages.text("LN" + p.num + "-" + pad(i, 2)).text(std::string(craft.name) + " " + two_syllables(rng));
      villages.text(craft.name).boolean(traditional).text(c.code);
      villages.text("Quyết định số " + std::to_string(rng.range(100, 3999)) + "/QĐ-UBND");
      random_date(villages, rng, year, 1, 12);
      bool revoked = rng.chance(30);
      if (revoked) villages.date(static_cast<int>(rng.range(year + 2, 2024)), 6, 30); else villages.null();
      villages.boolean(!revoked && rng.chance(900)).boolean(!revoked && rng.chance(150)).num(rng.range(40, 600));
      villages.end_row();
    }
    if (rng.chance(400)) {
      int year = static_cast<int>(rng.range(kFirstYear, kLastYear));
      activities.text("HD" + p.num + "-" + std::to_string(year));
      std::string first(rng.pick(kCountries));
      std::string second(rng.pick(kCountries));
      activities.text("Tham gia đoàn công tác khuyến công tại " + first + ", " + second);
      activities.text(content_code(8)).num(year).text(p.unit).text("Đoàn do Bộ Công Thương tổ chức").end_row();
    }
  }
  finish(w, villages);
  finish(w, activities);
}

// Products, and selection rounds every two years: provincial, then regional and national
// rounds among the products honoured one level below.
void write_products_and_selections(World& w) {
  constexpr int kProductsPerProvince = 60;
  TableWriter products(w.options.out, "san_pham", Order::Sorted);
  TableWriter rounds(w.options.out, "dot_binh_chon", Order::Sorted);
  TableWriter results(w.options.out, "ket_qua_binh_chon", Order::Sorted);
  auto product_code = [](const Province& p, int i) { return "SP" + p.num + "-" + pad(i + 1, 4); };
  for (const Province& p : w.provinces) {
    Rng rng(kSeed, "san_pham", static_cast<uint64_t>(p.index));
    for (int i = 0; i < kProductsPerProvince; ++i) {
      auto e = static_cast<uint32_t>(rng.below(p.establishments));
      const Craft& craft = kCrafts[p.establishment_craft[e]];
      products.text(product_code(p, i)).text(std::string(craft.product) + " " + two_syllables(rng));
      products.text(establishment_code(p, e)).text(craft.product_group).end_row();
    }
  }
  // passed[province][year] : product indices honoured at the level of that round.
  std::vector<std::map<int, std::vector<int>>> provincial(w.provinces.size()), regional(w.provinces.size());
  Rng rng(kSeed, "binh_chon");
  auto judge = [&](const std::string& round, Province& p, int product, int year, int level,
                   std::vector<int>* passed) {
    int64_t score = rng.range(5500, 9700);
    bool ok = score >= 7000;
    results.text(round).text(product_code(p, product)).decimal(score, 2).boolean(ok);
    if (ok) results.text(std::to_string(rng.range(1, 999)) + "/GCN-" + (level == 0 ? "SCT" : "BCT")); else results.null();
    results.end_row();
    if (!ok) return;
    if (passed) passed->push_back(product);
    ++p.actual[static_cast<size_t>(year - kFirstYear)].honoured[static_cast<size_t>(level)];
  };
  for (int year = 2017; year <= kLastYear; year += 2) {
    for (Province& p : w.provinces) {
      std::string round = "BC" + p.num + "-" + std::to_string(year);
      rounds.text(round).text("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh " + p.display +
                              " năm " + std::to_string(year));
      rounds.text("tinh").num(year).text(p.unit).end_row();
      std::vector<int> entrants;
      int n = static_cast<int>(rng.range(15, 25));
      while (static_cast<int>(entrants.size()) < n) {
        int i = static_cast<int>(rng.below(kProductsPerProvince));
        if (std::find(entrants.begin(), entrants.end(), i) == entrants.end()) entrants.push_back(i);
      }
      for (int i : entrants) judge(round, p, i, year, 0, &provincial[static_cast<size_t>(p.index)][year]);
    }
  }
  for (int year = 2018; year <= 2024; year += 2) {
    for (int r = 0; r < static_cast<int>(kRegions.size()); ++r) {
      std::string round = "BCKV" + std::to_string(r + 1) + "-" + std::to_string(year);
      rounds.text(round).text("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực " +
                              std::string(kRegions[static_cast<size_t>(r)]) + " năm " + std::to_string(year));
      rounds.text("khu_vuc").num(year).null().end_row();
      for (Province& p : w.provinces) {
        if (p.info->region != r) continue;
        const auto& from = provincial[static_cast<size_t>(p.index)][year - 1];
        for (size_t i = 0; i < from.size() && i < 6; ++i)
          judge(round, p, from[i], year, 1, &regional[static_cast<size_t>(p.index)][year]);
      }
    }
    std::string round = "BCQG-" + std::to_string(year);
    rounds.text(round).text("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm " +
                            std::to_string(year));
    rounds.text("quoc_gia").num(year).null().end_row();
    for (Province& p : w.provinces) {
      const auto& from = regional[static_cast<size_t>(p.index)][year];
      for (size_t i = 0; i < from.size() && i < 3; ++i) judge(round, p, from[i], year, 2, nullptr);
    }
  }
  finish(w, products);
  finish(w, rounds);
  finish(w, results);
}

void write_fairs_clusters_statistics(World& w) {
  TableWriter fairs(w.options.out, "hoi_cho", Order::Sorted);
  TableWriter clusters(w.options.out, "cum_cong_nghiep", Order::Sorted);
  TableWriter stats(w.options.out, "thong_ke", Order::Sorted);
  static constexpr std::array<std::string_view, 4> kClusterStatus{"quy_hoach", "thanh_lap", "dang_dau_tu", "hoat_dong"};
  for (const Province& p : w.provinces) {
    Rng rng(kSeed, "hoi_cho", static_cast<uint64_t>(p.index));
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      const auto& supported = p.fair_projects[static_cast<size_t>(year - kFirstYear)];
      for (int i = 1; i <= 3; ++i) {
        std::string y = std::to_string(year);
        fairs.text("HC" + p.num + "-" + y + "-" + std::to_string(i));
        fairs.text(i == 1 ? "Hội chợ hàng công nghiệp nông thôn tiêu biểu " + p.display + " năm " + y
                   : i == 2 ? "Hội chợ triển lãm hàng công nghiệp nông thôn khu vực " +
                                  std::string(kRegions[static_cast<size_t>(p.info->region)]) + " năm " + y
                            : "Hội chợ Công Thương năm " + y);
        fairs.num(year).text("Trung tâm Hội chợ triển lãm, " + p.display);
        if (!supported.empty() && rng.chance(700)) fairs.text(rng.pick(supported)); else fairs.null();
        fairs.num(rng.range(8, 120)).end_row();
      }
    }
    int n = static_cast<int>(rng.range(3, 8));
    for (int i = 1; i <= n; ++i) {
      const District& d = rng.pick(p.districts);
      clusters.text("CCN" + p.num + "-" + pad(i, 2)).text("Cụm công nghiệp " + two_syllables(rng)).text(d.code);
      if (rng.chance(900)) clusters.decimal(rng.range(1000, 7500), 2); else clusters.null();
      clusters.text(rng.pick(kClusterStatus));
      if (!p.cluster_projects.empty() && rng.chance(500)) clusters.text(rng.pick(p.cluster_projects)); else clusters.null();
      clusters.end_row();
    }
    // Yearly statistics from 2015 (the baseline of the first phase).
    int64_t establishments = rng.range(8000, 30000);
    int64_t production = rng.range(5000, 30000) * 1000000000;  // đồng, 2010 prices
    int64_t share = rng.range(80, 200);                         // per mille of industry
    for (int year = kFirstYear - 1; year <= kLastYear; ++year) {
      std::string source = "Cục Thống kê " + p.display;
      stats.text(p.unit).num(year).text("gtsx_cnnt").num(production).text(source).end_row();
      stats.text(p.unit).num(year).text("gtsx_cong_nghiep").num(production / share * 1000).text(source).end_row();
      stats.text(p.unit).num(year).text("so_co_so_cnnt").num(establishments).text(source).end_row();
      establishments = establishments * (1000 + rng.range(5, 40)) / 1000;
      production = production / 1000 * (1000 + rng.range(60, 220));
    }
  }
  finish(w, fairs);
  finish(w, clusters);
  finish(w, stats);
}

}  // namespace

void write_activity(World& w) {
  write_establishments(w);
  write_projects(w);
  write_villages_and_activities(w);
  write_products_and_selections(w);
  write_fairs_clusters_statistics(w);
}

}  // namespace kcbench
