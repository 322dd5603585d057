// The consistency check: the seed's stated figures against the demo records, the claims
// format, and inconsistencies among records.
#include <gtest/gtest.h>

#include <functional>

#include "check/consistency.h"
#include "support/bundle_fixture.h"
#include "support/demo_report.h"

namespace kc::test {
namespace {

std::vector<Claim> seed_claims() {
  ClaimsFile f = parse_claims("seed", read_file(source_dir() / "data/seed-claims/bac-giang-2016-2020.txt"));
  EXPECT_TRUE(f.problems.empty());
  return f.claims;
}

const ClaimResult* result_for(const CheckResult& r, const std::string& id) {
  for (const ClaimResult& c : r.claims)
    if (c.claim.id == id) return &c;
  return nullptr;
}

TEST(Claims, VietnameseNumbersWithPrecision) {
  ClaimsFile f = parse_claims("x", "# note\n a.b = 30.722,3 triệu đồng  # comment\nc = 142,9%\n\nd = 09\n");
  ASSERT_TRUE(f.problems.empty());
  ASSERT_EQ(f.claims.size(), 3u);
  EXPECT_EQ(f.claims[0].id, "a.b");
  EXPECT_EQ(f.claims[0].scaled, 307223);
  EXPECT_EQ(f.claims[0].decimals, 1);
  EXPECT_EQ(f.claims[0].line, 2u);
  EXPECT_EQ(f.claims[1].scaled, 1429);
  EXPECT_EQ(f.claims[2].scaled, 9);
  EXPECT_EQ(f.claims[2].decimals, 0);
}

TEST(Claims, UnreadableLinesAreReported) {
  ClaimsFile f = parse_claims("x.txt", "a = 1\nno equals sign\nb = nhiều\n = 3\n");
  ASSERT_EQ(f.problems.size(), 3u);
  EXPECT_EQ(f.problems[0].line, 2u);
  EXPECT_NE(f.problems[1].message.find("không phải là số"), std::string::npos);
}

TEST(SeedCheck, EverythingMatchesButTheTwoFiguresTheSeedGotWrong) {
  const DemoReport& demo = demo_report();
  CheckResult r = check_plan(demo.data, demo.report, seed_claims());
  EXPECT_GT(r.claims.size(), 60u);
  EXPECT_EQ(r.warnings(), 0u);
  std::vector<std::string> mismatched;
  for (const ClaimResult& c : r.claims) {
    EXPECT_TRUE(c.known) << c.claim.id;
    if (!c.matches) mismatched.push_back(c.claim.id);
  }
  EXPECT_EQ(mismatched, (std::vector<std::string>{"chi_tieu.co_so_ung_dung_may_moc.ty_le_dat",
                                                  "gtsx_cnnt.tang_truong_binh_quan"}));
  EXPECT_FALSE(r.consistent());
}

TEST(SeedCheck, ExplainsTheGrowthRate) {
  const DemoReport& demo = demo_report();
  CheckResult r = check_plan(demo.data, demo.report, seed_claims());
  const ClaimResult* c = result_for(r, "gtsx_cnnt.tang_truong_binh_quan");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->computed, "19,4");
  EXPECT_NE(c->explanation.find("báo cáo nêu 19,8%/năm, hồ sơ cho 19,369%/năm"), std::string::npos) << c->explanation;
  EXPECT_NE(c->explanation.find("(23.402 / 9.656)^(1/5) − 1"), std::string::npos) << c->explanation;
  EXPECT_NE(c->explanation.find("không phải 23.402 tỷ đồng"), std::string::npos) << c->explanation;
}

TEST(SeedCheck, ExplainsTheImpossibleAchievementRate) {
  const DemoReport& demo = demo_report();
  CheckResult r = check_plan(demo.data, demo.report, seed_claims());
  const ClaimResult* c = result_for(r, "chi_tieu.co_so_ung_dung_may_moc.ty_le_dat");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->computed, "143,0");
  EXPECT_NE(c->explanation.find("153 / 107"), std::string::npos) << c->explanation;
  EXPECT_NE(c->explanation.find("107,03"), std::string::npos) << c->explanation;
  EXPECT_NE(c->explanation.find("không có số nguyên nào"), std::string::npos) << c->explanation;
}

TEST(SeedCheck, UnknownFigureIdIsNamed) {
  const DemoReport& demo = demo_report();
  CheckResult r = check_plan(demo.data, demo.report, {Claim{1, "khong.co", "5", 5, 0}});
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_FALSE(r.claims[0].known);
  EXPECT_NE(r.claims[0].explanation.find("\"khong.co\""), std::string::npos);
}

TEST(RecordCheck, FindsInconsistentRecords) {
  BundleFixture fx;
  // A product passed with a score under 70 points, and a craft village revoked but "effective".
  std::string results = read_file(fx.file("ket_qua_binh_chon.csv"));
  size_t row = results.find(",1,");  // the first passing result: "<round>,<product>,<score>,1,<cert>"
  ASSERT_NE(row, std::string::npos);
  size_t score_start = results.rfind(',', row - 1) + 1;
  fx.replace("ket_qua_binh_chon.csv", results.substr(score_start, row - score_start) + ",1,", "65.00,1,");
  std::string villages = read_file(fx.file("lang_nghe.csv"));
  size_t second_line = villages.find('\n') + 1;
  std::string line = villages.substr(second_line, villages.find('\n', second_line) - second_line);
  // columns: ma,ten,nghe,truyen_thong,dia_ban,quyet_dinh_cong_nhan,ngay_cong_nhan,ngay_thu_hoi,hoat_dong_hieu_qua,…
  std::vector<std::string> cells;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == ',') {
      cells.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  ASSERT_EQ(cells.size(), 11u) << line;
  cells[7] = "2019-06-30";
  cells[8] = "1";
  std::string edited;
  for (size_t i = 0; i < cells.size(); ++i) edited += (i ? "," : "") + cells[i];
  fx.replace("lang_nghe.csv", line, edited);
  ASSERT_TRUE(fx.import_bundle().ok());
  Dataset data = load_dataset(fx.store());
  PhaseReportResult report = compute_phase_report(data, "bg-2016-2020");
  ASSERT_TRUE(report.report);
  CheckResult r = check_plan(data, *report.report, {});
  bool score = false, village = false;
  for (const Finding& f : r.findings) {
    score = score || f.message.find("dưới mức 70 điểm") != std::string::npos;
    village = village || f.message.find("đã bị thu hồi danh hiệu ngày 30/6/2019") != std::string::npos;
  }
  EXPECT_TRUE(score);
  EXPECT_TRUE(village);
  EXPECT_FALSE(r.consistent());
}


// The findings of `check` on the demo bundle after `edit`.
std::vector<Finding> findings_after(const std::function<void(BundleFixture&)>& edit) {
  BundleFixture fx;
  edit(fx);
  ImportResult imported = fx.import_bundle();
  EXPECT_TRUE(imported.ok()) << describe_problems(imported);
  Dataset data = load_dataset(fx.store());
  PhaseReportResult report = compute_phase_report(data, "bg-2016-2020");
  if (!report.report) {
    ADD_FAILURE() << "no report";
    return {};
  }
  return check_plan(data, *report.report, {}).findings;
}

// The warning whose subject contains `subject`, as "subject: message", or "" when none.
std::string warning_about(const std::vector<Finding>& findings, const std::string& subject) {
  for (const Finding& f : findings)
    if (f.severity == Severity::Warning && f.subject.find(subject) != std::string::npos) return f.subject + ": " + f.message;
  return {};
}

TEST(RecordCheck, MoneyTargetTypedInMillionDong) {
  auto findings = findings_after([](BundleFixture& fx) {
    fx.replace("muc_tieu.csv", "bg-2016-2020,kp_tinh,20400000000,", "bg-2016-2020,kp_tinh,20400,");
  });
  std::string w = warning_about(findings, "chỉ tiêu kp_tinh");
  EXPECT_NE(w.find("thực hiện 16.150.000.000 đồng so với mục tiêu 20.400 đồng"), std::string::npos) << w;
  EXPECT_NE(w.find("trên 1.000%"), std::string::npos) << w;
  EXPECT_NE(w.find("nhập theo triệu đồng thay vì đồng"), std::string::npos) << w;
}

TEST(RecordCheck, AchievementBelowOneThousandth) {
  auto findings = findings_after([](BundleFixture& fx) {
    fx.replace("muc_tieu.csv", "bg-2016-2020,co_so_tu_van,50,", "bg-2016-2020,co_so_tu_van,500000,");
  });
  std::string w = warning_about(findings, "chỉ tiêu co_so_tu_van");
  EXPECT_NE(w.find("dưới 0,1%"), std::string::npos) << w;
  EXPECT_NE(w.find("mục tiêu 500.000"), std::string::npos) << w;
}

TEST(RecordCheck, StatisticJumpingTenfold) {
  auto findings = findings_after([](BundleFixture& fx) {
    fx.append_line("thong_ke.csv", "bg,2016,so_co_so_cnnt,171740,nhập thừa một chữ số 0");
  });
  std::string w = warning_about(findings, "số liệu thống kê so_co_so_cnnt của tỉnh Bắc Giang");
  EXPECT_NE(w.find("Số cơ sở công nghiệp nông thôn năm 2016 là 171.740, gấp 10 lần năm 2015 (17.174)"), std::string::npos)
      << w;
  EXPECT_EQ(warning_about(findings, "gtsx_cnnt"), "") << "2015 → 2020 grows 2,4 times: plausible";
}

TEST(RecordCheck, MissingKindsAreWarned) {
  auto findings = findings_after([](BundleFixture& fx) {
    std::string staff = read_file(fx.file("can_bo.csv"));
    write_file(fx.file("can_bo.csv"), staff.substr(0, staff.find('\n') + 1));
  });
  std::string w = warning_about(findings, "thiếu số liệu (can_bo.csv)");
  EXPECT_NE(w.find("chưa có số liệu về cán bộ, viên chức của Trung tâm Khuyến công và Xúc tiến thương mại tại thời điểm "
                   "31/12/2020"),
            std::string::npos)
      << w;
}

TEST(RecordCheck, TheDemoHasNoGapsNorImplausibleValues) {
  const DemoReport& demo = demo_report();
  for (const Finding& f : check_plan(demo.data, demo.report, {}).findings) ADD_FAILURE() << f.subject << ": " << f.message;
}

}  // namespace
}  // namespace kc::test
