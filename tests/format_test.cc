// Vietnamese number and date formats, rounding, and the two growth methods.
#include <gtest/gtest.h>

#include <cmath>

#include "core/date.h"
#include "core/growth.h"
#include "core/vn_format.h"

namespace kc {
namespace {

TEST(VnFormat, GroupsThousandsWithDots) {
  EXPECT_EQ(format_int(0), "0");
  EXPECT_EQ(format_int(999), "999");
  EXPECT_EQ(format_int(17174), "17.174");
  EXPECT_EQ(format_int(1234567), "1.234.567");
  EXPECT_EQ(format_int(-2073), "-2.073");
}

TEST(VnFormat, CountsInProseHaveALeadingZeroBelowTen) {
  EXPECT_EQ(format_count_prose(9), "09");
  EXPECT_EQ(format_count_prose(0), "00");
  EXPECT_EQ(format_count_prose(10), "10");
  EXPECT_EQ(format_count_prose(1377), "1.377");
}

TEST(VnFormat, MillionDongWithCommaDecimal) {
  EXPECT_EQ(format_million_dong(30722300000), "30.722,3");
  EXPECT_EQ(format_million_dong(16150000000), "16.150");
  EXPECT_EQ(format_million_dong(8572300000), "8.572,3");
  EXPECT_EQ(format_million_dong(229219000000), "229.219");
  EXPECT_EQ(format_million_dong(550000000), "550");
  EXPECT_EQ(format_million_dong(860340000), "860,3");   // rounds to one decimal
  EXPECT_EQ(format_million_dong(860350000), "860,4");   // half away from zero
  EXPECT_EQ(format_billion_dong(23402000000000), "23.402");
}

TEST(VnFormat, PercentagesRoundExactly) {
  EXPECT_EQ(format_ratio_percent(16150, 20400, 2), "79,17");
  EXPECT_EQ(format_ratio_percent(229219, 141350, 2), "162,16");
  EXPECT_EQ(format_ratio_percent(1377, 900, 1), "153");
  EXPECT_EQ(format_ratio_percent(350, 320, 1), "109,4");  // 109,375 -> 109,4
  EXPECT_EQ(format_ratio_percent(153, 107, 1), "143");    // 142,99… -> 143,0
  EXPECT_EQ(format_ratio_percent(6, 19, 1), "31,6");
  EXPECT_EQ(format_ratio_percent(3, 5, 1), "60");
  EXPECT_EQ(format_fixed(1430, 1), "143,0");
  EXPECT_EQ(format_fixed(19, 0), "19");
  EXPECT_EQ(format_fixed(-5, 2), "-0,05");
}

TEST(VnFormat, RoundedRatioIsHalfAwayFromZero) {
  EXPECT_EQ(rounded_ratio(1, 8, 2), 13);    // 0,125 -> 0,13
  EXPECT_EQ(rounded_ratio(-1, 8, 2), -13);
  EXPECT_EQ(rounded_ratio(2, 3, 0), 1);
  EXPECT_THROW(rounded_ratio(1, 0, 0), std::invalid_argument);
}

TEST(Dates, ParseIsoAndVietnamese) {
  EXPECT_EQ(parse_date("2015-07-15"), (Date{2015, 7, 15}));
  EXPECT_EQ(parse_date("15/7/2015"), (Date{2015, 7, 15}));
  EXPECT_EQ(parse_date("01/08/2014"), (Date{2014, 8, 1}));
  EXPECT_EQ(parse_date("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2025-13-01"));
  EXPECT_FALSE(parse_date("15/7/15"));
  EXPECT_FALSE(parse_date("hôm qua"));
  EXPECT_FALSE(parse_date(""));
}

TEST(Dates, PrintedTheNghiDinh30Way) {
  EXPECT_EQ(to_vn({2014, 8, 1}), "01/8/2014");
  EXPECT_EQ(to_vn({2015, 7, 15}), "15/7/2015");
  EXPECT_EQ(to_vn({2019, 2, 5}), "05/02/2019");
  EXPECT_EQ(to_vn_words({2020, 11, 30}), "ngày 30 tháng 11 năm 2020");
  EXPECT_EQ(to_vn_words({2020, 1, 3}), "ngày 03 tháng 01 năm 2020");
  EXPECT_EQ(to_iso({2020, 1, 3}), "2020-01-03");
}

TEST(Dates, RangesOverlapAndContain) {
  DateRange open{{2025, 7, 1}, std::nullopt};
  EXPECT_FALSE(open.overlaps({2018, 1, 1}, {2018, 12, 31}));
  EXPECT_TRUE(open.contains({2030, 1, 1}));
  DateRange closed{{1997, 1, 1}, Date{2025, 6, 30}};
  EXPECT_TRUE(closed.overlaps({2025, 1, 1}, {2025, 12, 31}));
  EXPECT_FALSE(closed.contains({2025, 7, 1}));
}

TEST(Growth, CompoundFromEndpoints) {
  auto g = compound_annual_growth(9656, 2015, 23402, 2020);
  ASSERT_TRUE(g);
  EXPECT_NEAR(*g, 0.19369, 0.00001);  // 19,4%/năm, not the seed's 19,8%
  EXPECT_FALSE(compound_annual_growth(0, 2015, 10, 2020));
  EXPECT_FALSE(compound_annual_growth(10, 2020, 20, 2020));
}

TEST(Growth, MeanOfYearlyRatesNeedsEveryYear) {
  std::map<int, int64_t> series = {{2015, 100}, {2016, 150}, {2017, 150}, {2018, 180}};
  auto mean = mean_yearly_growth(series, 2015, 2018);
  ASSERT_TRUE(mean);
  EXPECT_NEAR(*mean, (0.5 + 0.0 + 0.2) / 3, 1e-12);
  auto compound = compound_annual_growth(100, 2015, 180, 2018);
  EXPECT_NEAR(*compound, std::pow(1.8, 1.0 / 3) - 1, 1e-12);
  EXPECT_GT(*mean, *compound);  // the two methods differ on an uneven path
  series.erase(2017);
  EXPECT_FALSE(mean_yearly_growth(series, 2015, 2018));
}

}  // namespace
}  // namespace kc
