// Money as people type it into forms (core/money_input.h) and read out in words
// (core/vn_money_words.h).
#include <gtest/gtest.h>

#include "core/money_input.h"
#include "core/vn_money_words.h"

namespace kc {
namespace {

int64_t understood(std::string_view text) {
  MoneyInput m = parse_money_input(text);
  EXPECT_TRUE(m.error.empty()) << text << ": " << m.error;
  return m.dong.value_or(-1);
}

// The refusal, which must quote the value as typed.
std::string refusal(std::string_view text) {
  MoneyInput m = parse_money_input(text);
  EXPECT_FALSE(m.dong) << text << " was understood as " << m.dong.value_or(0);
  EXPECT_NE(m.error.find("\"" + std::string(text) + "\""), std::string::npos) << m.error;
  return m.error;
}

TEST(MoneyInput, DigitsAndThousandsGroups) {
  EXPECT_EQ(understood("150000000"), 150000000);
  EXPECT_EQ(understood("150.000.000"), 150000000);
  EXPECT_EQ(understood("150 000 000"), 150000000);
  EXPECT_EQ(understood("150\xC2\xA0" "000\xC2\xA0" "000"), 150000000);  // no-break spaces
  EXPECT_EQ(understood("150\xE2\x80\xAF" "000"), 150000);                  // narrow no-break space
  EXPECT_EQ(understood("  1.500  "), 1500);
  EXPECT_EQ(understood("0"), 0);
  EXPECT_EQ(understood("150.000.000,00"), 150000000);  // zero decimals, as accounts print them
  EXPECT_EQ(understood("9223372036854775807"), INT64_MAX);
}

TEST(MoneyInput, CurrencyWithOrWithoutSpaceAndDiacritics) {
  EXPECT_EQ(understood("150.000.000 đồng"), 150000000);
  EXPECT_EQ(understood("150.000.000đ"), 150000000);
  EXPECT_EQ(understood("150.000.000 đ"), 150000000);
  EXPECT_EQ(understood("150000000 dong"), 150000000);
  EXPECT_EQ(understood("150.000.000 VNĐ"), 150000000);
  EXPECT_EQ(understood("150 000 000 Đồng"), 150000000);
}

TEST(MoneyInput, UnitWords) {
  EXPECT_EQ(understood("150 triệu"), 150000000);
  EXPECT_EQ(understood("150 Triệu đồng"), 150000000);
  EXPECT_EQ(understood("150 tr"), 150000000);
  EXPECT_EQ(understood("150tr"), 150000000);
  EXPECT_EQ(understood("150 trieu"), 150000000);
  EXPECT_EQ(understood("1,5 tỷ"), 1500000000);
  EXPECT_EQ(understood("1,5 tỉ"), 1500000000);
  EXPECT_EQ(understood("2 nghìn"), 2000);
  EXPECT_EQ(understood("2 ngàn đ"), 2000);
  EXPECT_EQ(understood("1.500 triệu"), 1500000000);  // dots group thousands before a unit too
  EXPECT_EQ(understood("1 500 triệu"), 1500000000);
  EXPECT_EQ(understood("2,345678 triệu"), 2345678);
  EXPECT_EQ(understood("1,5000 triệu"), 1500000);  // trailing zeros beyond the unit are whole đồng
  EXPECT_EQ(understood("30.722,3 triệu đồng"), 30722300000);  // as the phase report prints money
  EXPECT_EQ(understood("550.000.000 đ"), 550000000);            // as the tables print it
}

TEST(MoneyInput, SeveralTermsGoingDown) {
  EXPECT_EQ(understood("1 tỷ 500 triệu"), 1500000000);
  EXPECT_EQ(understood("1 tỷ 500 triệu đồng"), 1500000000);
  EXPECT_EQ(understood("2 triệu 300 nghìn"), 2300000);
  EXPECT_EQ(understood("1 tỷ 5 nghìn"), 1000005000);
}

TEST(MoneyInput, RefusesNegativeAmounts) {
  EXPECT_NE(refusal("-150000").find("không được âm"), std::string::npos);
  EXPECT_NE(refusal("-5 triệu").find("không được âm"), std::string::npos);
}

TEST(MoneyInput, RefusesADotAsDecimalMarkWithAHint) {
  std::string e = refusal("1.5 triệu");
  EXPECT_NE(e.find("1,5 triệu"), std::string::npos) << e;
  refusal("150.00.000");
  refusal("1500.0000");
}

TEST(MoneyInput, RefusesCommasGroupingThousands) {
  std::string e = refusal("150,000,000");
  EXPECT_NE(e.find("dấu phẩy là dấu thập phân"), std::string::npos) << e;
  EXPECT_NE(e.find("150.000.000"), std::string::npos) << e;
  EXPECT_NE(refusal("150,000").find("dấu phẩy là dấu thập phân"), std::string::npos);
}

TEST(MoneyInput, RefusesFractionsOfADong) {
  EXPECT_NE(refusal("1,5").find("phần lẻ dưới một đồng"), std::string::npos);
  EXPECT_NE(refusal("1,0000005 triệu").find("phần lẻ dưới một đồng"), std::string::npos);
  refusal("2,5 đồng");
}

TEST(MoneyInput, RefusesAmbiguousOrUnorderedTerms) {
  refusal("1 tỷ 2");          // 1,2 tỷ or 1 tỷ 2 đồng?
  refusal("500 triệu 1 tỷ");  // units going up
  refusal("1 tỷ 1500 triệu"); // a part as large as the unit before it
  refusal("1 triệu 2 triệu");
  refusal("1,5 tỷ 200,5 triệu");
}

TEST(MoneyInput, RefusesWhatIsNotMoneyAndSaysWhatIsAccepted) {
  for (const char* text : {"một trăm", "150 usd", "150k", "triệu", "đồng", "150$", "1.2.3", "150 000 00",
                           "1.000 000", "99999999999999999999", "10 000 000 000 tỷ"}) {
    std::string e = refusal(text);
    EXPECT_FALSE(e.empty());
  }
  std::string e = refusal("150 usd");
  EXPECT_NE(e.find("150 triệu"), std::string::npos) << "the message lists accepted forms: " << e;
  EXPECT_NE(refusal("99999999999999999999").find("quá lớn"), std::string::npos);
}

TEST(MoneyWords, Units) {
  EXPECT_EQ(number_in_words(0), "không");
  EXPECT_EQ(number_in_words(5), "năm");
  EXPECT_EQ(number_in_words(10), "mười");
  EXPECT_EQ(number_in_words(11), "mười một");
  EXPECT_EQ(number_in_words(14), "mười bốn");
  EXPECT_EQ(number_in_words(15), "mười lăm");
  EXPECT_EQ(number_in_words(20), "hai mươi");
  EXPECT_EQ(number_in_words(21), "hai mươi mốt");
  EXPECT_EQ(number_in_words(25), "hai mươi lăm");
  EXPECT_EQ(number_in_words(99), "chín mươi chín");
}

TEST(MoneyWords, HundredsWithLinh) {
  EXPECT_EQ(number_in_words(100), "một trăm");
  EXPECT_EQ(number_in_words(101), "một trăm linh một");
  EXPECT_EQ(number_in_words(105), "một trăm linh năm");
  EXPECT_EQ(number_in_words(110), "một trăm mười");
  EXPECT_EQ(number_in_words(115), "một trăm mười lăm");
  EXPECT_EQ(number_in_words(121), "một trăm hai mươi mốt");
  EXPECT_EQ(number_in_words(999), "chín trăm chín mươi chín");
}

TEST(MoneyWords, InnerGroupsSayTheirZeroHundreds) {
  EXPECT_EQ(number_in_words(1005), "một nghìn không trăm linh năm");
  EXPECT_EQ(number_in_words(1010), "một nghìn không trăm mười");
  EXPECT_EQ(number_in_words(1021), "một nghìn không trăm hai mươi mốt");
  EXPECT_EQ(number_in_words(2000), "hai nghìn");
  EXPECT_EQ(number_in_words(1000005), "một triệu không trăm linh năm");  // the empty thousands skipped
  EXPECT_EQ(number_in_words(150000000), "một trăm năm mươi triệu");
  EXPECT_EQ(number_in_words(1050000000), "một tỷ không trăm năm mươi triệu");
  EXPECT_EQ(number_in_words(1500000000), "một tỷ năm trăm triệu");
  EXPECT_EQ(number_in_words(1000000005), "một tỷ không trăm linh năm");
  EXPECT_EQ(number_in_words(21345678), "hai mươi mốt triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám");
}

TEST(MoneyWords, BeyondATy) {
  EXPECT_EQ(number_in_words(1000000000000), "một nghìn tỷ");
  EXPECT_EQ(number_in_words(1000500000000), "một nghìn tỷ năm trăm triệu");
  EXPECT_EQ(number_in_words(1000000000000000000), "một tỷ tỷ");
  EXPECT_EQ(money_in_words(150000000), "một trăm năm mươi triệu đồng");
  EXPECT_EQ(money_in_words(0), "không đồng");
  EXPECT_THROW(number_in_words(-1), std::invalid_argument);
}

}  // namespace
}  // namespace kc
