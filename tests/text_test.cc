// CSV reading and writing, UTF-8 checks, NFC, search folding and Vietnamese case.
#include <gtest/gtest.h>

#include "text/csv.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace kc {
namespace {

std::vector<CsvRecord> read_all(std::string_view data, std::vector<std::string>* errors = nullptr) {
  CsvReader reader(data);
  std::vector<CsvRecord> out;
  CsvRecord r;
  std::string error;
  size_t field = 0;
  while (reader.next(r, error, field)) {
    out.push_back(r);
    if (errors) errors->push_back(error);
  }
  return out;
}

TEST(Csv, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto rows = read_all("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].line, 4u);  // the quoted line break moved it down
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"last", "", ""}));
}

TEST(Csv, ByteOrderMarkAndCrlfAreAccepted) {
  auto rows = read_all("\xEF\xBB\xBFma,ten\r\nx,\"a\r\nb\"\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[0], "ma");
  EXPECT_EQ(rows[1].fields[1], "a\nb");
}

TEST(Csv, WriterOutputReadsBackTheSame) {
  // Cases found by fuzz/csv_fuzzer.cc: a lone CR in a quoted field, a field starting with a byte
  // order mark, a record of one empty field.
  auto rows = read_all("\"a\r\r\nb\"\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields[0], "a\n\nb");
  for (const std::vector<std::string>& fields : {std::vector<std::string>{"a\n\nb", "x"},
                                                  std::vector<std::string>{"\xEF\xBB\xBFma", "x"},
                                                  std::vector<std::string>{""}}) {
    std::string written;
    append_csv_record(written, fields);
    auto back = read_all(written);
    ASSERT_EQ(back.size(), 1u) << written;
    EXPECT_EQ(back[0].fields, fields) << written;
  }
}

TEST(Csv, MalformedRecordsAreReported) {
  std::vector<std::string> errors;
  auto rows = read_all("a,\"b\"c\nok,ok\nx,\"never closed\n", &errors);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_NE(errors[0].find("ngay sau dấu ngoặc kép"), std::string::npos);
  EXPECT_TRUE(errors[1].empty());
  EXPECT_NE(errors[2].find("không được đóng"), std::string::npos);
}

TEST(Csv, WriterQuotesOnlyWhereNeededAndRoundTrips) {
  std::vector<std::string> fields = {"plain", "a,b", "say \"x\"", "two\nlines", ""};
  std::string out;
  append_csv_record(out, fields);
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\n");
  auto rows = read_all(out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, fields);
}

TEST(Utf8, FindsIllFormedSequences) {
  EXPECT_EQ(find_invalid_utf8("Đình Trì"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ab\xC3\x28"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);      // overlong
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);      // surrogate
  EXPECT_EQ(find_invalid_utf8("x\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(count_code_points("Đình"), 4u);
}

TEST(Normalize, NfcComposesVietnameseMarks) {
  std::string decomposed = "Di\xCC\x80nh";  // "Dình" with U+0300
  EXPECT_EQ(to_nfc(decomposed), "Dình");
  EXPECT_EQ(to_nfc("Bắc Giang"), "Bắc Giang");
}

TEST(Normalize, SearchFoldingIgnoresDiacriticsAndCase) {
  EXPECT_EQ(fold_for_search("Đình Trì"), "dinh tri");
  EXPECT_EQ(fold_for_search("LỤC NGẠN"), "luc ngan");
}

TEST(Normalize, VietnameseCase) {
  EXPECT_EQ(to_upper_vi("Sở Công Thương"), "SỞ CÔNG THƯƠNG");
  EXPECT_EQ(lower_first_vi("Phê duyệt Kế hoạch"), "phê duyệt Kế hoạch");
  EXPECT_EQ(upper_first_vi("đào tạo"), "Đào tạo");
}

}  // namespace
}  // namespace kc
