// One bad bundle per validation rule: each is refused with a message naming the file, line,
// column and reason, and the database stays exactly as it was.
#include <gtest/gtest.h>

#include "support/bundle_fixture.h"

namespace kc::test {
namespace {

class ImportValidation : public ::testing::Test {
 protected:
  // Imports the edited bundle, expects a refusal with `text` at file:line, and an empty database.
  void expect_refused(const std::string& file, size_t line, const std::string& text) {
    ImportResult r = fx.import_bundle();
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(has_problem(r, file, line, text)) << "wanted " << file << ":" << line << " \"" << text
                                                  << "\"; got:\n" << describe_problems(r);
    EXPECT_EQ(fx.total_rows(), 0) << "a refused import must not write anything";
  }
  BundleFixture fx;
};

TEST_F(ImportValidation, DemoBundleIsAccepted) {
  ImportResult r = fx.import_bundle();
  ASSERT_TRUE(r.ok()) << describe_problems(r);
  EXPECT_EQ(fx.total_rows(), r.total_rows);
  EXPECT_GT(r.total_rows, 1000);
}

TEST_F(ImportValidation, UnknownContentCode) {
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", ",nd45-1,huyen,2016,", ",nd45-99,huyen,2016,");
  expect_refused("de_an.csv", line, "mã \"nd45-99\" không có trong nội dung hoạt động khuyến công");
}

TEST_F(ImportValidation, NegativeMoney) {
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", ",50000000,0,hau_kiem", ",-50000000,0,hau_kiem");
  expect_refused("de_an.csv", line, "số tiền không được âm");
}

TEST_F(ImportValidation, NonIntegerMoney) {
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", ",50000000,0,hau_kiem", ",\"50000000,5\",0,hau_kiem");
  expect_refused("de_an.csv", line, "số tiền phải là số nguyên đồng");
}

TEST_F(ImportValidation, ProblemNamesColumnAndField) {
  fx.replace("de_an.csv", ",50000000,0,hau_kiem", ",-1,0,hau_kiem");
  ImportResult r = fx.import_bundle();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.problems[0].column, 9u);
  EXPECT_EQ(r.problems[0].field, "kinh_phi_nsnn");
  EXPECT_NE(format_problem(r.problems[0]).find("de_an.csv, dòng 2, cột 9 (kinh_phi_nsnn)"), std::string::npos)
      << format_problem(r.problems[0]);
}

TEST_F(ImportValidation, ProjectInUnitNotValidInItsYear) {
  // A 2016 project placed in a commune-level unit created on 01/07/2025.
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", ",pkt-luc-ngan,bg-luc-ngan-thanh-hai,", ",pkt-luc-ngan,bn-chu,");
  expect_refused("de_an.csv", line, "không có hiệu lực trong năm 2016 của đề án");
}

TEST_F(ImportValidation, DuplicateCodeInFile) {
  std::string data = read_file(fx.file("noi_dung.csv"));
  std::string first_row = data.substr(data.find('\n') + 1, data.find('\n', data.find('\n') + 1) - data.find('\n'));
  fx.append_line("noi_dung.csv", first_row.substr(0, first_row.size() - 1));
  size_t line = 1 + static_cast<size_t>(std::count(data.begin(), data.end(), '\n'));
  expect_refused("noi_dung.csv", line, "trùng khóa (ma = \"nd45-1\")");
}

TEST_F(ImportValidation, DuplicateAgainstDatabaseLeavesItUnchanged) {
  ASSERT_TRUE(fx.import_bundle().ok());
  int64_t before = fx.total_rows();
  TempDir a, b;
  export_bundle(fx.store(), a.path());
  ImportResult again = fx.import_bundle();
  EXPECT_FALSE(again.ok());
  EXPECT_TRUE(has_problem(again, "de_an.csv", 2, "trùng khóa")) << describe_problems(again);
  EXPECT_EQ(fx.total_rows(), before);
  export_bundle(fx.store(), b.path());
  for (const RecordKind& k : catalog())
    EXPECT_EQ(read_file(a / bundle_file_name(k)), read_file(b / bundle_file_name(k))) << k.name;
}

TEST_F(ImportValidation, DanglingReference) {
  size_t line = fx.line_of("de_an_co_so.csv", "bg-2016-h-006,cs-0024");
  fx.replace("de_an_co_so.csv", "bg-2016-h-006,cs-0024", "bg-2016-h-006,cs-9999");
  expect_refused("de_an_co_so.csv", line, "mã \"cs-9999\" không có trong cơ sở công nghiệp nông thôn");
}

TEST_F(ImportValidation, BadDate) {
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", "hau_kiem,2016-03-06,", "hau_kiem,2016-02-30,");
  expect_refused("de_an.csv", line, "ngày không hợp lệ");
}

TEST_F(ImportValidation, DateRangeInOrder) {
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", "hau_kiem,2016-03-06,2016-12-14,", "hau_kiem,2016-03-06,2015-12-14,");
  expect_refused("de_an.csv", line, "không được trước");
}

TEST_F(ImportValidation, InvalidUtf8) {
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", "Đào tạo nghề mây tre đan", std::string("\xC4\x28\xC3 tạo nghề"));
  expect_refused("de_an.csv", line, "không phải UTF-8 hợp lệ");
}

TEST_F(ImportValidation, MissingColumn) {
  fx.replace("de_an.csv", ",mo_ta\n", "\n");
  expect_refused("de_an.csv", 1, "thiếu cột: mo_ta");
}

TEST_F(ImportValidation, UnknownAndDuplicateColumns) {
  fx.replace("thong_ke.csv", "dia_ban,nam,chi_so,gia_tri,nguon", "dia_ban,nam,chi_so,gia_tri,nguon,nam,ghi_chu_them");
  ImportResult r = fx.import_bundle();
  EXPECT_TRUE(has_problem(r, "thong_ke.csv", 1, "cột không có trong định dạng: \"ghi_chu_them\"")) << describe_problems(r);
  EXPECT_TRUE(has_problem(r, "thong_ke.csv", 1, "cột bị lặp: \"nam\"")) << describe_problems(r);
  EXPECT_EQ(fx.total_rows(), 0);
}

TEST_F(ImportValidation, RowWithWrongNumberOfCells) {
  fx.append_line("thong_ke.csv", "bg,2019,so_co_so_cnnt");
  size_t line = fx.line_of("thong_ke.csv", "bg,2019,so_co_so_cnnt");
  expect_refused("thong_ke.csv", line, "dòng có 3 cột, trong khi tiêu đề có 5 cột");
}

TEST_F(ImportValidation, RequiredFieldEmpty) {
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", ",hau_kiem,2016-03-06,", ",,2016-03-06,");
  expect_refused("de_an.csv", line, "bắt buộc, không được để trống");
}

TEST_F(ImportValidation, ValueOutsideItsList) {
  size_t line = fx.line_of("de_an.csv", "bg-2016-h-001,");
  fx.replace("de_an.csv", ",nd45-1,huyen,2016,", ",nd45-1,xa,2016,");
  expect_refused("de_an.csv", line, "giá trị \"xa\" không có trong danh mục");
}

TEST_F(ImportValidation, UnknownFileInBundle) {
  write_file(fx.file("du_an.csv"), "ma\nx\n");
  expect_refused("du_an.csv", 0, "tệp không thuộc bộ dữ liệu");
}

TEST_F(ImportValidation, OutputOnlyForIndicatorsProjectsProduce) {
  std::string project = "bg-2016-h-001";
  fx.append_line("de_an_ket_qua.csv", project + ",kp_tinh,5");
  size_t line = fx.line_of("de_an_ket_qua.csv", project + ",kp_tinh,5");
  expect_refused("de_an_ket_qua.csv", line, "không ghi làm kết quả đầu ra của đề án");
}

TEST_F(ImportValidation, ParentUnitMustBeOfHigherLevel) {
  size_t line = fx.line_of("don_vi_hanh_chinh.csv", "bg-hiep-hoa,");
  fx.replace("don_vi_hanh_chinh.csv", "bg-hiep-hoa,Hiệp Hòa,huyen,huyen,bg,", "bg-hiep-hoa,Hiệp Hòa,huyen,huyen,bg-yen-dung,");
  expect_refused("don_vi_hanh_chinh.csv", line, "phải ở cấp cao hơn");
}

TEST_F(ImportValidation, ReportsEveryProblemAtOnce) {
  fx.replace("de_an.csv", ",50000000,0,hau_kiem", ",-50000000,0,hau_kiem");
  fx.replace("de_an_co_so.csv", "bg-2016-h-006,cs-0024", "bg-2016-h-006,cs-9999");
  fx.replace("thong_ke.csv", "dia_ban,nam,chi_so,gia_tri,nguon", "dia_ban,nam,chi_so,gia_tri");
  ImportResult r = fx.import_bundle();
  EXPECT_GE(r.problems.size(), 3u) << describe_problems(r);
  EXPECT_TRUE(has_problem(r, "de_an.csv", 0, "không được âm"));
  EXPECT_TRUE(has_problem(r, "de_an_co_so.csv", 0, "cs-9999"));
  EXPECT_TRUE(has_problem(r, "thong_ke.csv", 1, "thiếu cột: nguon"));
  EXPECT_EQ(fx.total_rows(), 0);
}

TEST_F(ImportValidation, TextIsStoredInNfc) {
  // "Đình" written with a combining acute accent (NFD) must be stored composed (NFC).
  std::string decomposed = "Ho\xCC\x80ng";  // "Hòng" as o + U+0300
  fx.replace("de_an.csv", "Đào tạo nghề mây tre đan", "Đào tạo nghề " + decomposed);
  ASSERT_TRUE(fx.import_bundle().ok());
  TempDir out;
  export_bundle(fx.store(), out.path());
  std::string exported = read_file(out / "de_an.csv");
  EXPECT_NE(exported.find("Đào tạo nghề Hòng"), std::string::npos);
  EXPECT_EQ(exported.find(decomposed), std::string::npos);
}

}  // namespace
}  // namespace kc::test
