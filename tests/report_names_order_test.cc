// The report lists names in Vietnamese order (text/collate.h): its districts (the areas table of
// the appendix, the model's rows, the priority areas named in the text) and its notable craft
// villages. Five districts are added to the demo so that UTF-8 byte order would misplace them.
#include <gtest/gtest.h>

#include <algorithm>

#include "model/dataset.h"
#include "report/phase_report.h"
#include "report/phase_report_document.h"
#include "report/render_text.h"
#include "support/bundle_fixture.h"
#include "text/collate.h"

namespace kc::test {
namespace {

struct NamesReport {
  PhaseReport report;
  std::string markdown;
};

const NamesReport& names_report() {
  static const NamesReport r = [] {
    BundleFixture fx;
    for (const char* line : {"bg-zz-1,Ea Súp,huyen,huyen,bg,1997-01-01,2025-06-30",
                             "bg-zz-2,Đình Lập,huyen,huyen,bg,1997-01-01,2025-06-30",
                             "bg-zz-3,Dương Minh Châu,huyen,huyen,bg,1997-01-01,2025-06-30",
                             "bg-zz-4,Bình Gia,huyen,huyen,bg,1997-01-01,2025-06-30",
                             "bg-zz-5,Bắc Sơn,huyen,huyen,bg,1997-01-01,2025-06-30"})
      fx.append_line("don_vi_hanh_chinh.csv", line);
    fx.append_line("dia_ban_uu_tien.csv", "bg-zz-2,mien_nui,2016-01-01,2025-06-30,");
    fx.append_line("dia_ban_uu_tien.csv", "bg-zz-5,mien_nui,2016-01-01,2025-06-30,");
    ImportResult imported = fx.import_bundle();
    if (!imported.ok()) throw std::runtime_error(describe_problems(imported));
    Dataset data = load_dataset(fx.store());
    PhaseReportResult result = compute_phase_report(data, "bg-2016-2020");
    if (!result.report) throw std::runtime_error("no report for bg-2016-2020");
    NamesReport out{std::move(*result.report), ""};
    out.markdown = render_markdown(build_phase_document(out.report, {Date{2020, 11, 30}}));
    return out;
  }();
  return r;
}

TEST(ReportNamesOrder, DistrictsOfTheAreasTableInVietnameseOrder) {
  const std::string& md = names_report().markdown;
  size_t table = md.find("**Đề án và kinh phí theo địa bàn");
  ASSERT_NE(table, std::string::npos);
  std::vector<std::string> expected = {"thành phố Bắc Giang", "huyện Bắc Sơn", "huyện Bình Gia", "huyện Dương Minh Châu",
                                       "huyện Đình Lập", "huyện Ea Súp", "huyện Hiệp Hòa", "huyện Lạng Giang",
                                       "huyện Lục Nam", "huyện Lục Ngạn", "huyện Sơn Động", "huyện Tân Yên",
                                       "huyện Việt Yên", "huyện Yên Dũng", "huyện Yên Thế", "Phạm vi toàn tỉnh"};
  std::vector<std::string> rows;
  for (const AreaRow& a : names_report().report.areas.rows) rows.push_back(a.name);
  EXPECT_EQ(rows, expected);
  size_t last = table;
  for (const std::string& name : expected) {  // and the rendered table's rows follow that order
    // Table cells start with a capital ("Huyện Bắc Sơn", "Thành phố Bắc Giang").
    std::string cell = name;
    if (cell.rfind("huyện ", 0) == 0) cell.replace(0, 1, "H");
    if (cell.rfind("thành phố ", 0) == 0) cell.replace(0, 1, "T");
    size_t at = md.find("| " + cell + " |", table);
    ASSERT_NE(at, std::string::npos) << name;
    EXPECT_GT(at, last) << name << " is out of order";
    last = at;
  }
}

TEST(ReportNamesOrder, PriorityAreasNamedInVietnameseOrder) {
  EXPECT_EQ(names_report().report.areas.priority_names,
            (std::vector<std::string>{"Bắc Sơn", "Đình Lập", "Lục Nam", "Lục Ngạn", "Sơn Động", "Yên Thế"}));
  EXPECT_NE(names_report().markdown.find("miền núi và vùng cao: Bắc Sơn, Đình Lập, Lục Nam, Lục Ngạn, Sơn Động, Yên Thế)"),
            std::string::npos);
}

TEST(ReportNamesOrder, NotableCraftVillagesInVietnameseOrder) {
  const std::vector<NamedPlace>& notable = names_report().report.craft_villages.notable;
  ASSERT_GE(notable.size(), 3u);
  EXPECT_TRUE(std::is_sorted(notable.begin(), notable.end(),
                             [](const NamedPlace& a, const NamedPlace& b) { return compare_vi(a.name, b.name) < 0; }));
}

}  // namespace
}  // namespace kc::test
