// Legacy Vietnamese text (text/legacy_text.h): known phrases in TCVN3, VNI and Windows-1258, as
// file bytes and as text typed with a legacy font, come back as Unicode NFC; Unicode text is
// left alone; uncertain readings are reported, never guessed.
#include <gtest/gtest.h>

#include <map>

#include "support/legacy_encode.h"
#include "text/legacy_text.h"
#include "text/normalize.h"
#include "text/vietnamese_syllable.h"

namespace kc::test {
namespace {

using Outcome = LegacyDecoding::Outcome;

// Districts and towns of Bắc Giang, one per line as in a CSV column.
const std::string kPlaces =
    "Thành phố Bắc Giang\nHuyện Lục Ngạn\nHuyện Lục Nam\nHuyện Yên Thế\nHuyện Hiệp Hòa\n"
    "Thị xã Việt Yên\nHuyện Sơn Động\nHuyện Lạng Giang\nHuyện Tân Yên\nHuyện Yên Dũng\n"
    "Làng nghề mỳ Chũ, xã Nam Dương\nHội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc\n";

std::string encode(LegacyEncoding e, std::string_view utf8) {
  switch (e) {
    case LegacyEncoding::Tcvn3: return to_tcvn3(utf8);
    case LegacyEncoding::Vni: return to_vni(utf8);
    case LegacyEncoding::Windows1258: return to_cp1258(utf8);
  }
  return {};
}

class EachEncoding : public ::testing::TestWithParam<LegacyEncoding> {};

TEST_P(EachEncoding, FileBytesAreConvertedToNfc) {
  std::string bytes = encode(GetParam(), kPlaces);
  ASSERT_NE(bytes, kPlaces);
  LegacyDecoding d = decode_legacy_bytes(bytes);
  ASSERT_EQ(d.outcome, Outcome::Converted) << d.message;
  EXPECT_EQ(d.encoding, GetParam());
  EXPECT_EQ(d.text, kPlaces);
  EXPECT_EQ(to_nfc(d.text), d.text);
  EXPECT_EQ(d.changed_lines, 12u);
  EXPECT_EQ(d.changed_cells, 13u);  // the comma splits one line in two cells
  EXPECT_EQ(d.sample_line, 1u);
  EXPECT_EQ(d.sample_after, "Thành phố Bắc Giang");
  EXPECT_NE(d.message.find(std::string(legacy_encoding_name(GetParam()))), std::string::npos) << d.message;
}

TEST_P(EachEncoding, FontMappedTextIsConverted) {
  std::string typed = as_font_text(encode(GetParam(), kPlaces));
  LegacyDecoding d = decode_legacy_text(typed);
  ASSERT_EQ(d.outcome, Outcome::Converted) << d.message;
  EXPECT_EQ(d.encoding, GetParam());
  EXPECT_EQ(d.text, kPlaces);
  EXPECT_EQ(d.sample_before, as_font_text(encode(GetParam(), "Thành phố Bắc Giang")));
}

TEST_P(EachEncoding, ChosenEncodingIsUsed) {
  std::string bytes = encode(GetParam(), "Huyện Lục Ngạn");
  LegacyDecoding d = decode_legacy_bytes(bytes, GetParam());
  ASSERT_EQ(d.outcome, Outcome::Converted);
  EXPECT_EQ(d.text, "Huyện Lục Ngạn");
}

INSTANTIATE_TEST_SUITE_P(LegacyText, EachEncoding,
                         ::testing::Values(LegacyEncoding::Tcvn3, LegacyEncoding::Vni, LegacyEncoding::Windows1258),
                         [](const auto& info) { return std::string(legacy_encoding_option(info.param)); });

TEST(LegacyText, ExamplesFromSpreadsheets) {
  LegacyDecoding tcvn3 = decode_legacy_text("Hµ Néi");
  EXPECT_EQ(tcvn3.outcome, Outcome::Converted);
  EXPECT_EQ(tcvn3.text, "Hà Nội");
  EXPECT_EQ(tcvn3.encoding, LegacyEncoding::Tcvn3);
  LegacyDecoding vni = decode_legacy_text("Baéc Giang");
  EXPECT_EQ(vni.outcome, Outcome::Converted);
  EXPECT_EQ(vni.text, "Bắc Giang");
  EXPECT_EQ(vni.encoding, LegacyEncoding::Vni);
}

TEST(LegacyText, CapitalsTypedWithVnTimeH) {
  // .VnTimeH shows the lower-case codes as capitals: the ASCII letters tell the case.
  EXPECT_EQ(decode_legacy_text("Hµ NéI").text, "HÀ NỘI");
  EXPECT_EQ(decode_legacy_bytes(to_tcvn3("hà nội") + ",HN").text, "hà nội,HN");
}

TEST(LegacyText, UnicodeIsLeftAlone) {
  for (std::string text : {std::string("Huyện Lục Ngạn, tỉnh Bắc Giang"), kPlaces, std::string("plain ASCII, 2016"),
                           std::string("Hoa\xCC\x80 Be\xCC\x81o"),  // NFD, still Vietnamese
                           std::string("5 µg/l; café"), std::string("“Bắc Giang” – 2016…")}) {
    LegacyDecoding d = decode_legacy_text(text);
    EXPECT_EQ(d.outcome, Outcome::Unicode) << text;
    EXPECT_EQ(d.text, text);
    EXPECT_EQ(decode_legacy_bytes(text).text, text);
  }
  // A word that means something in Unicode too stays as typed ("mét" is "một" in TCVN3).
  EXPECT_EQ(decode_legacy_text("mét").outcome, Outcome::Unicode);
}

TEST(LegacyText, OnlyTheFontMappedCellsOfAUnicodeFileChange) {
  std::string csv = "ma,ten\nx1,Hội chợ Bắc Giang\nx2,Hµ Néi\nx3,Lục Ngạn và Yên Thế\nx4,\"Sơn Động, Yên Dũng\"\n";
  LegacyDecoding d = decode_legacy_text(csv);
  ASSERT_EQ(d.outcome, Outcome::Converted) << d.message;
  EXPECT_EQ(d.text, "ma,ten\nx1,Hội chợ Bắc Giang\nx2,Hà Nội\nx3,Lục Ngạn và Yên Thế\nx4,\"Sơn Động, Yên Dũng\"\n");
  EXPECT_EQ(d.changed_cells, 1u);
  EXPECT_EQ(d.sample_line, 3u);
  EXPECT_EQ(d.sample_before, "x2,Hµ Néi");
  EXPECT_EQ(d.sample_after, "x2,Hà Nội");
}

TEST(LegacyText, TwoPlausibleReadingsAreAmbiguous) {
  // "l\xE0 c\xF3" is "là có" in Windows-1258 and "lỔ cú" in TCVN3: both are syllables.
  LegacyDecoding d = decode_legacy_bytes("ma,ten\nx,l\xE0 c\xF3\n");
  ASSERT_EQ(d.outcome, Outcome::Ambiguous) << d.message;
  EXPECT_TRUE(d.text.empty());
  ASSERT_EQ(d.candidates.size(), 2u);
  EXPECT_EQ(d.sample_line, 2u);
  std::map<LegacyEncoding, std::string> samples;
  for (const auto& c : d.candidates) samples[c.encoding] = c.sample;
  EXPECT_EQ(samples[LegacyEncoding::Windows1258], "x,là có");
  EXPECT_EQ(samples[LegacyEncoding::Tcvn3], "x,lỔ cú");
  EXPECT_NE(d.message.find("không chắc chắn"), std::string::npos) << d.message;
  // Choosing settles it.
  EXPECT_EQ(decode_legacy_bytes("ma,ten\nx,l\xE0 c\xF3\n", LegacyEncoding::Windows1258).text, "ma,ten\nx,là có\n");
}

TEST(LegacyText, ThinEvidenceIsAmbiguous) {
  // One word, and only two of its three letters read as Vietnamese in TCVN3.
  LegacyDecoding d = decode_legacy_bytes("Tr\xB5n Th\xD6 Nh\xB2n");
  EXPECT_EQ(d.outcome, Outcome::Ambiguous) << d.message;
  EXPECT_EQ(decode_legacy_bytes("\xE9").outcome, Outcome::Ambiguous);  // "ộ" or "é"
}

TEST(LegacyText, BytesNoEncodingExplainsAreUnreadable) {
  LegacyDecoding d = decode_legacy_bytes("ma,ten\nx,Hội chợ \xFF Bắc Giang\n");
  EXPECT_EQ(d.outcome, Outcome::Unreadable) << d.message;
  EXPECT_TRUE(d.text.empty());
  EXPECT_NE(d.message.find("không phải UTF-8"), std::string::npos);
}

TEST(LegacyText, EncodingNames) {
  EXPECT_EQ(legacy_encoding_name(LegacyEncoding::Tcvn3), "TCVN3 (ABC)");
  EXPECT_EQ(legacy_encoding_name(LegacyEncoding::Vni), "VNI");
  EXPECT_EQ(legacy_encoding_name(LegacyEncoding::Windows1258), "Windows-1258");
  EXPECT_EQ(parse_legacy_encoding("tcvn3"), LegacyEncoding::Tcvn3);
  EXPECT_EQ(parse_legacy_encoding("VNI"), LegacyEncoding::Vni);
  EXPECT_EQ(parse_legacy_encoding("cp1258"), LegacyEncoding::Windows1258);
  EXPECT_EQ(parse_legacy_encoding("windows-1258"), LegacyEncoding::Windows1258);
  EXPECT_EQ(parse_legacy_encoding("latin1"), std::nullopt);
}

TEST(VietnameseSyllable, WordsOfTheLanguage) {
  for (const char* w : {"Bắc", "Giang", "nghiêng", "Quốc", "khuyến", "gì", "giếng", "thuở", "khuya", "Nguyễn",
                        "ĐỒNG", "hòa", "hoà", "oanh", "xoong", "y", "tỉnh"})
    EXPECT_TRUE(is_vietnamese_syllable(w)) << w;
  for (const char* w : {"Baộc", "Hµ", "Néi", "ce", "ka", "nge", "cát̀", "bắt̃", "hoàà", "wifi", "Hélène", "mèt"})
    EXPECT_FALSE(is_vietnamese_syllable(w)) << w;
}

}  // namespace
}  // namespace kc::test
