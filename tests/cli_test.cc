// The command line as a user runs it: exit codes and Vietnamese messages.
#include <gtest/gtest.h>

#include "support/test_database.h"

namespace kc::test {
namespace {

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

TEST(Cli, ImportReportAndCheckTheDemo) {
  TempDir dir;
  TestDatabase database;
  std::string db = "--db " + database.quoted_url();
  CommandResult imported = run_cli(db + " import " + q(demo_dir()));
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("Đã nhập"), std::string::npos);

  for (std::string ext : {"md", "html", "json", "docx"}) {
    CommandResult r = run_cli(db + " report phase --plan bg-2016-2020 --date 2020-11-30 -o " + q(dir / ("r." + ext)));
    EXPECT_EQ(r.exit_code, 0) << ext << ": " << r.output;
    EXPECT_GT(std::filesystem::file_size(dir / ("r." + ext)), 5000u) << ext;
  }
  EXPECT_NE(read_file(dir / "r.html").find("<html lang=\"vi\">"), std::string::npos);
  // Charts only with --charts, as a last appendix.
  EXPECT_EQ(read_file(dir / "r.md").find("Biểu đồ 1."), std::string::npos);
  CommandResult charted = run_cli(db + " report phase --plan bg-2016-2020 --charts -o " + q(dir / "charts.md"));
  EXPECT_EQ(charted.exit_code, 0) << charted.output;
  EXPECT_NE(read_file(dir / "charts.md").find("## Phụ lục 6"), std::string::npos);
  EXPECT_NE(read_file(dir / "charts.md").find("Biểu đồ 1."), std::string::npos);
  EXPECT_NE(read_file(dir / "r.json").find("\"de_an.tong.kinh_phi\""), std::string::npos);

  CommandResult check = run_cli(db + " check --plan bg-2016-2020 --claims " +
                                q(source_dir() / "data/seed-claims/bac-giang-2016-2020.txt"));
  EXPECT_EQ(check.exit_code, 1) << "two seed figures disagree with the records";
  EXPECT_NE(check.output.find("[không khớp]"), std::string::npos) << check.output;
  CommandResult plain = run_cli(db + " check --plan bg-2016-2020");
  EXPECT_EQ(plain.exit_code, 0) << plain.output;
}

TEST(Cli, RefusedImportExitsWithOneAndLeavesNothing) {
  TempDir dir;
  std::filesystem::create_directories(dir / "bad");
  write_file(dir / "bad" / "noi_dung.csv", "ma,so_thu_tu,ten,ten_bao_cao,can_cu,hieu_luc_tu,hieu_luc_den\nnd1,x,T,T,,2012-07-10,\n");
  TestDatabase database;
  CommandResult r = run_cli("--db " + database.quoted_url() + " import " + q(dir / "bad"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("noi_dung.csv, dòng 2, cột 2 (so_thu_tu): phải là một số nguyên"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cơ sở dữ liệu không thay đổi"), std::string::npos);
  CommandResult exported = run_cli("--db " + database.quoted_url() + " export " + q(dir / "out"));
  EXPECT_EQ(exported.exit_code, 0);
  // Only the built-in kinds of report, in every database.
  EXPECT_NE(exported.output.find("Đã xuất 3 bản ghi"), std::string::npos) << exported.output;
}

TEST(Cli, UnknownPlanAndBadOptionsAreExplained) {
  TempDir dir;
  TestDatabase database;
  std::string db = "--db " + database.quoted_url();
  CommandResult unknown = run_cli(db + " report phase --plan khong-co -o " + q(dir / "r.md"));
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("không có kế hoạch mã \"khong-co\""), std::string::npos) << unknown.output;
  CommandResult format = run_cli(db + " report phase --plan x --format odt -o " + q(dir / "r.odt"));
  EXPECT_NE(format.exit_code, 0);
  EXPECT_NE(format.output.find("định dạng \"odt\" không hỗ trợ"), std::string::npos) << format.output;
  CommandResult date = run_cli(db + " report phase --plan x --date 31/02/2020");
  EXPECT_NE(date.exit_code, 0);
  EXPECT_NE(date.output.find("không hợp lệ"), std::string::npos) << date.output;
  CommandResult missing = run_cli(db + " import " + q(dir / "khong-co-thu-muc"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("không tìm thấy thư mục"), std::string::npos) << missing.output;
}

}  // namespace
}  // namespace kc::test

namespace kc::test {
namespace {

// Long commands tell their progress on standard error (core/progress.h): plain lines here,
// where standard error is a file, not a terminal; standard output keeps only the command's own
// output (`report -o -` stays a clean document); --quiet, before or after the command, silences it.
TEST(Cli, ProgressOnStandardErrorOnlyAndQuietSilencesIt) {
  TempDir dir;
  TestDatabase database;
  std::string db = "--db " + database.quoted_url();
  std::string err = q(dir / "err.txt");
  // `| cat`: run_cli's own 2>&1 then applies to cat, so the output read is standard output alone.
  auto run = [&](const std::string& args) {
    CommandResult r = run_cli(db + " " + args + " 2>" + err + " | cat");
    return std::pair(r.output, read_file(dir / "err.txt"));
  };
  auto [imported, import_progress] = run("import " + q(demo_dir()));
  EXPECT_NE(imported.find("Đã nhập"), std::string::npos) << imported;
  EXPECT_EQ(imported.find("Đang nhập"), std::string::npos) << "no progress on standard output";
  EXPECT_NE(import_progress.find("Đang nhập: "), std::string::npos) << import_progress;
  EXPECT_NE(import_progress.find(" dòng, xong sau "), std::string::npos) << import_progress;
  EXPECT_EQ(import_progress.find('\r'), std::string::npos) << "no bar when standard error is a file";

  auto [report, report_progress] = run("report phase --plan bg-2016-2020 -o -");
  EXPECT_EQ(report.rfind("| UBND TỈNH BẮC GIANG", 0), 0u) << report.substr(0, 200);
  EXPECT_NE(report_progress.find("Đang đọc dữ liệu: xong sau "), std::string::npos) << report_progress;
  EXPECT_NE(report_progress.find("Đang lập báo cáo: xong sau "), std::string::npos) << report_progress;

  auto [dossier, dossier_progress] = run("dossier plan bg-2016-2020 -o " + q(dir / "plan.zip"));
  EXPECT_NE(dossier_progress.find("Đang lập hồ sơ: 297 đề án, xong sau "), std::string::npos) << dossier_progress;
  EXPECT_NE(dossier_progress.find("Đang ghi tệp ZIP: "), std::string::npos) << dossier_progress;

  EXPECT_NE(run("export " + q(dir / "csv")).second.find("Đang xuất: "), std::string::npos);
  EXPECT_NE(run("backup " + q(dir / "sao-luu.bak")).second.find("Đang sao lưu"), std::string::npos);
  auto [copied, copy_progress] = run("migrate-db --from " + database.quoted_url() + " --to " + q(dir / "copy.db"));
  EXPECT_NE(copy_progress.find("Đang sao chép: "), std::string::npos) << copy_progress;
  EXPECT_NE(copy_progress.find("Đang kiểm tra: "), std::string::npos) << copy_progress;

  for (std::string args : {"--quiet export " + q(dir / "csv2"), "export " + q(dir / "csv3") + " -q"}) {
    auto [out, progress] = run(args);
    EXPECT_NE(out.find("Đã xuất"), std::string::npos) << args << ": " << out;
    EXPECT_EQ(progress, "") << args;
  }
}

}  // namespace
}  // namespace kc::test
