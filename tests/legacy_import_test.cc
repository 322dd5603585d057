// Bundle files typed in legacy Vietnamese encodings (docs/legacy-text.md): a file saved in TCVN3,
// VNI or Windows-1258 is converted, imported exactly as its UTF-8 original and reported; a file
// whose encoding is uncertain is refused with the candidates and nothing is written; the CLI's
// import --ma-hoa and convert-text.
#include <gtest/gtest.h>

#include "support/bundle_fixture.h"
#include "support/legacy_encode.h"
#include "support/test_database.h"

namespace kc::test {
namespace {

const char* kFile = "hoi_cho.csv";  // fairs: names and places in Vietnamese, quoted fields

std::string exported(Store& store, const std::string& file) {
  TempDir out;
  export_bundle(store, out.path());
  return read_file(out / file);
}

class LegacyImport : public ::testing::TestWithParam<LegacyEncoding> {};

TEST_P(LegacyImport, FileInLegacyEncodingIsConvertedAndReported) {
  BundleFixture plain;
  ASSERT_TRUE(plain.import_bundle().ok());

  BundleFixture fx;
  std::string original = read_file(fx.file(kFile));
  std::string bytes = GetParam() == LegacyEncoding::Tcvn3 ? to_tcvn3(original)
                      : GetParam() == LegacyEncoding::Vni ? to_vni(original)
                                                          : to_cp1258(original);
  write_file(fx.file(kFile), bytes);
  ImportResult r = fx.import_bundle();
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  ASSERT_EQ(r.conversions.size(), 1u);
  const TextConversion& c = r.conversions[0];
  EXPECT_EQ(c.file, kFile);
  EXPECT_EQ(c.encoding, GetParam());
  EXPECT_TRUE(c.from_bytes);
  EXPECT_EQ(c.changed_lines, 9u);  // every fair's line, not the header
  EXPECT_EQ(c.sample_line, 2u);
  EXPECT_NE(format_conversion(c).find(std::string(legacy_encoding_name(GetParam()))), std::string::npos);
  EXPECT_EQ(exported(fx.store(), kFile), exported(plain.store(), kFile));
  EXPECT_EQ(fx.total_rows(), plain.total_rows());
}

INSTANTIATE_TEST_SUITE_P(EachEncoding, LegacyImport,
                         ::testing::Values(LegacyEncoding::Tcvn3, LegacyEncoding::Vni, LegacyEncoding::Windows1258),
                         [](const auto& info) { return std::string(legacy_encoding_option(info.param)); });

TEST(LegacyImportCells, FontMappedCellInUtf8FileIsConverted) {
  BundleFixture plain;
  ASSERT_TRUE(plain.import_bundle().ok());
  BundleFixture fx;
  const std::string name = "Hội chợ Công Thương khu vực Đồng bằng sông Hồng năm 2016";
  fx.replace(kFile, name, as_font_text(to_tcvn3(name)));
  ImportResult r = fx.import_bundle();
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  ASSERT_EQ(r.conversions.size(), 1u);
  EXPECT_FALSE(r.conversions[0].from_bytes);
  EXPECT_EQ(r.conversions[0].changed_cells, 1u);
  EXPECT_EQ(r.conversions[0].sample_line, 2u);
  EXPECT_EQ(exported(fx.store(), kFile), exported(plain.store(), kFile));
}

const std::string kAmbiguous = "ma,ten,nam,dia_diem,de_an,so_luot_tham_gia\nhc-x,H\xF4i ch\xE0 l\xE0 c\xF3,2016,Bac Giang,,1\n";

TEST(LegacyImportCells, UncertainEncodingIsRefusedWithTheCandidates) {
  BundleFixture fx;
  write_file(fx.file(kFile), kAmbiguous);
  fx.replace("de_an.csv", ",nd45-1,huyen,2016,", ",nd45-99,huyen,2016,");  // not reported: encoding first
  ImportResult r = fx.import_bundle();
  ASSERT_EQ(r.problems.size(), 1u) << describe_problems(r);
  const Problem& p = r.problems[0];
  EXPECT_EQ(p.file, kFile);
  EXPECT_NE(p.message.find("TCVN3 (ABC) (--ma-hoa tcvn3)"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("Windows-1258 (--ma-hoa cp1258) là «hc-x,Hôi chà là có,2016,Bac Giang,,1»"), std::string::npos)
      << p.message;
  EXPECT_NE(p.message.find("khuyencong import --ma-hoa tcvn3|vni|cp1258"), std::string::npos) << p.message;
  EXPECT_EQ(fx.total_rows(), 0) << "a refused import must not write anything";
}

TEST(LegacyImportCells, ChosenEncodingIsUsed) {
  BundleFixture fx;
  write_file(fx.file(kFile), kAmbiguous);
  ImportOptions options;
  options.legacy_encoding = LegacyEncoding::Windows1258;
  ImportResult r = kc::import_bundle(fx.store(), fx.bundle(), options);
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  ASSERT_EQ(r.conversions.size(), 1u);
  EXPECT_EQ(r.conversions[0].encoding, LegacyEncoding::Windows1258);
  EXPECT_NE(exported(fx.store(), kFile).find("hc-x,Hôi chà là có,2016"), std::string::npos);
}

TEST(LegacyImportCells, BytesNoEncodingExplainsAreReportedPerCell) {
  BundleFixture fx;
  fx.replace("de_an.csv", "Đào tạo nghề mây tre đan", std::string("\xC4\x28\xC3 tạo nghề"));
  ImportResult r = fx.import_bundle();
  EXPECT_TRUE(has_problem(r, "de_an.csv", 0, "không phải UTF-8 hợp lệ")) << describe_problems(r);
  EXPECT_TRUE(r.conversions.empty());
}

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

TEST(LegacyCli, ImportPrintsConversionsAndTakesMaHoa) {
  BundleFixture fx;
  write_file(fx.file(kFile), to_tcvn3(read_file(fx.file(kFile))));
  TestDatabase database;
  CommandResult r = run_cli("--db " + database.quoted_url() + " import " + q(fx.bundle()));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Đã chuyển bảng mã: hoi_cho.csv: tệp không phải UTF-8, đã đọc theo bảng mã TCVN3 (ABC)"),
            std::string::npos) << r.output;

  BundleFixture ambiguous;
  write_file(ambiguous.file(kFile), kAmbiguous);
  TestDatabase db2;
  CommandResult refused = run_cli("--db " + db2.quoted_url() + " import " + q(ambiguous.bundle()));
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("--ma-hoa tcvn3|vni|cp1258"), std::string::npos) << refused.output;
  CommandResult chosen = run_cli("--db " + db2.quoted_url() + " import --ma-hoa cp1258 " + q(ambiguous.bundle()));
  EXPECT_EQ(chosen.exit_code, 0) << chosen.output;
  CommandResult bad = run_cli("--db " + db2.quoted_url() + " import --ma-hoa latin1 " + q(ambiguous.bundle()));
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
}

TEST(LegacyCli, ConvertText) {
  TempDir dir;
  std::string text = "ma,ten\nbg,Thành phố Bắc Giang\nln,Huyện Lục Ngạn\n";
  write_file(dir / "cu.csv", to_vni(text));
  CommandResult r = run_cli("convert-text " + q(dir / "cu.csv") + " -o " + q(dir / "moi.csv"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(read_file(dir / "moi.csv"), text);
  EXPECT_NE(r.output.find("VNI"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 ô trên 2 dòng"), std::string::npos) << r.output;

  write_file(dir / "mo-ho.txt", "l\xE0 c\xF3\n");
  CommandResult refused = run_cli("convert-text " + q(dir / "mo-ho.txt") + " -o " + q(dir / "ra.txt"));
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("--ma-hoa cp1258 (Windows-1258): «là có»"), std::string::npos) << refused.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "ra.txt"));
  CommandResult chosen = run_cli("convert-text --ma-hoa cp1258 " + q(dir / "mo-ho.txt") + " -o " + q(dir / "ra.txt"));
  EXPECT_EQ(chosen.exit_code, 0) << chosen.output;
  EXPECT_EQ(read_file(dir / "ra.txt"), "là có\n");
}

}  // namespace
}  // namespace kc::test
