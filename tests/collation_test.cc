// Vietnamese collation (text/collate.h): the order names are shown in.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "text/collate.h"
#include "text/normalize.h"

namespace kc {
namespace {

std::vector<std::string> sorted_vi(std::vector<std::string> names) {
  std::sort(names.begin(), names.end(), ViLess{});
  return names;
}

TEST(Collation, LettersWithMarksAreLettersOfTheirOwn) {
  // Byte order puts "Bình" before "Bắc" (ì is U+00EC, ắ U+1EAF) and "Đình" after "Yên" (Đ is
  // U+0110); Vietnamese order: a, ă, â, b, c, d, đ, e, ê, …
  std::vector<std::string> names = {"Yên Thế", "Đình Lập", "Dương Minh Châu", "Bình Gia", "Bắc Sơn",
                                    "Ea Súp", "Di Linh", "Ân Thi", "Anh Sơn", "Ăn Uống", "Êa Tơ"};
  EXPECT_EQ(sorted_vi(names), (std::vector<std::string>{"Anh Sơn", "Ăn Uống", "Ân Thi", "Bắc Sơn", "Bình Gia", "Di Linh",
                                                        "Dương Minh Châu", "Đình Lập", "Ea Súp", "Êa Tơ", "Yên Thế"}));
  EXPECT_LT(compare_vi("Bắc Sơn", "Bình Gia"), 0);
  EXPECT_GT(compare_vi("Đình Lập", "Dương Minh Châu"), 0);
  EXPECT_GT(compare_vi("Đình Lập", "Dzũng"), 0);  // after every D
  EXPECT_LT(compare_vi("Đình Lập", "Ea Súp"), 0);  // and before the E's
  EXPECT_LT(compare_vi("Ơn", "Ưng"), 0);
  EXPECT_LT(compare_vi("Ông", "Ơn"), 0);
}

TEST(Collation, ToneMarksAreSecondaryDifferences) {
  // Alone, the tones order ngang, huyền, hỏi, ngã, sắc, nặng…
  EXPECT_EQ(sorted_vi({"Bạ", "Bá", "Bã", "Bả", "Bà", "Ba"}), (std::vector<std::string>{"Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"}));
  // …but a difference in the letters further on wins over a tone earlier.
  EXPECT_LT(compare_vi("Bà A", "Ba B"), 0);
  EXPECT_LT(compare_vi("Lạng Giang", "Lang Sơn"), 0);
  // Case is a tertiary difference: lower case first, and never before a letter difference.
  EXPECT_LT(compare_vi("bắc", "Bắc"), 0);
  EXPECT_LT(compare_vi("Bắc a", "bắc b"), 0);
}

TEST(Collation, TheSameNameComposedOrDecomposedSortsTogetherAndTiesByBytes) {
  std::string composed = "Đình Lập", decomposed = "\xC4\x90i\xCC\x80nh L\xC3\xA2\xCC\xA3p";  // NFD marks
  ASSERT_EQ(to_nfc(decomposed), composed);
  EXPECT_NE(compare_vi(composed, decomposed), 0);  // a total order: different bytes are never equal
  EXPECT_GT(compare_vi(decomposed, "Dương"), 0);
  EXPECT_LT(compare_vi(decomposed, "Ea Súp"), 0);
  EXPECT_EQ(compare_vi(composed, composed), 0);
}

TEST(Collation, SortKeysOrderAsTheComparison) {
  std::vector<std::string> names = {"Đình Lập", "Bình Gia", "Bắc Sơn", "Ea Súp", "Dương", "Ba", "Bà", "Bà A", "Ba B",
                                    "bắc", "Bắc", "", "Anh Sơn", "Ăn", "Lục Ngạn", "Lục Nam", "Yên Dũng"};
  for (const std::string& a : names)
    for (const std::string& b : names) {
      int by_compare = compare_vi(a, b);
      int by_key = sort_key_vi(a).compare(sort_key_vi(b));
      EXPECT_EQ(by_compare < 0, by_key < 0) << a << " / " << b;
      EXPECT_EQ(by_compare == 0, by_key == 0) << a << " / " << b;
    }
}

TEST(Collation, SortByNameKeepsEqualNamesInTheirOrder) {
  struct Item {
    std::string name;
    int id;
  };
  std::vector<Item> items = {{"Đình Lập", 1}, {"Bình Gia", 2}, {"Bắc Sơn", 3}, {"Bình Gia", 4}, {"Ea Súp", 5}};
  sort_by_name_vi(items, [](const Item& i) { return std::string_view(i.name); });
  std::vector<int> ids;
  for (const Item& i : items) ids.push_back(i.id);
  EXPECT_EQ(ids, (std::vector<int>{3, 2, 4, 1, 5}));
}

TEST(Collation, ThreadsCompareAtTheSameTime) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (size_t t = 0; t < wrong.size(); ++t)
    threads.emplace_back([&wrong, t] {
      for (int i = 0; i < 2000; ++i) {
        if (compare_vi("Bắc Sơn", "Bình Gia") >= 0) ++wrong[t];
        if (sort_key_vi("Đình Lập") <= sort_key_vi("Dương")) ++wrong[t];
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong, std::vector<int>(8, 0));
}

}  // namespace
}  // namespace kc
