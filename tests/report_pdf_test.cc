// The demo's phase report as a PDF, read back with poppler-utils the way a user's viewer would:
// the Vietnamese text extracts intact (NFC) with the report's figures, A4 pages numbered from
// page 2 in the top margin, Liberation Serif embedded, and the charts drawn as vectors.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <regex>
#include <sstream>

#include "core/vn_format.h"
#include "report/phase_report_document.h"
#include "report/render_pdf.h"
#include "report/report_output.h"
#include "support/demo_report.h"
#include "support/office_support.h"
#include "support/test_support.h"
#include "text/normalize.h"

namespace kc::test {
namespace {

// Standard output of `command`; the test fails when it exits non-zero.
std::string capture(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) {
    ADD_FAILURE() << "cannot run " << command;
    return out;
  }
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), p)) > 0) out.append(buffer.data(), n);
  int rc = pclose(p);
  EXPECT_EQ(rc, 0) << command;
  return out;
}

// Runs of white space (line ends and the spaces of justified lines) become one space.
std::string squeeze(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::vector<std::string> non_empty_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string s = squeeze(line);
    if (!s.empty()) lines.push_back(s);
  }
  return lines;
}

class ReportPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    file_ = dir_->path() / "bao-cao.pdf";
    doc::render_pdf(build_phase_document(demo_report().report, {.date = Date{2020, 11, 30}, .charts = true}), file_);
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override {
    if (find_on_path("pdftotext").empty() || find_on_path("pdfinfo").empty() || find_on_path("pdffonts").empty())
      GTEST_SKIP() << "poppler-utils not installed (scripts/install-deps.sh --with-tests)";
  }
  static std::string text(int first = 0, int last = 0) {
    std::string range = first > 0 ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
    return capture("pdftotext -layout -enc UTF-8" + range + " '" + file_.string() + "' -");
  }
  static int pages() {
    std::smatch m;
    std::string info = capture("pdfinfo '" + file_.string() + "'");
    return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : 0;
  }
  static inline TempDir* dir_ = nullptr;
  static inline std::filesystem::path file_;
};

TEST_F(ReportPdf, IsAnA4DocumentOfSeveralPages) {
  EXPECT_EQ(read_file(file_).substr(0, 5), "%PDF-");
  std::string info = capture("pdfinfo '" + file_.string() + "'");
  EXPECT_TRUE(std::regex_search(info, std::regex("Page size:\\s+595.276 x 841.89 pts \\(A4\\)"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Creator:\\s+khuyencong"))) << info;
  EXPECT_GT(pages(), 5) << "the demo report runs over several A4 pages";
  RecordProperty("pdf_pages", pages());
}

TEST_F(ReportPdf, VietnameseTextExtractsInNfcWithTheReportsFigures) {
  std::string all = text();
  EXPECT_EQ(all, to_nfc(all)) << "extracted text is not in NFC";
  std::string flat = squeeze(all);
  const PhaseReport& r = demo_report().report;
  for (std::string phrase :
       {std::string("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string("Độc lập - Tự do - Hạnh phúc"),
        std::string("Bắc Giang, ngày 30 tháng 11 năm 2020"), std::string("BÁO CÁO"),
        "297 đề án với tổng kinh phí từ ngân sách nhà nước là " + format_million_dong(r.total.budget) + " triệu đồng",
        std::string("(đạt 79,17% so với mục tiêu giai đoạn)"), std::string("229.219 triệu đồng (đạt 162,16%"),
        std::string("tốc độ tăng trưởng bình quân 19,4%/năm"), std::string("1. Công tác quản lý nhà nước về hoạt động khuyến công"),
        std::string("Phụ lục 4 Đề án và kinh phí theo địa bàn"), std::string("Nơi nhận:"),
        std::string("Trần Quang Tấn")})
    EXPECT_NE(flat.find(phrase), std::string::npos) << "PDF text lacks: " << phrase;
}

TEST_F(ReportPdf, PagesAreNumberedInTheTopMarginFromPageTwo) {
  int n = pages();
  ASSERT_GT(n, 2);
  std::vector<std::string> first = non_empty_lines(text(1, 1));
  ASSERT_FALSE(first.empty());
  EXPECT_FALSE(std::regex_match(first.front(), std::regex("\\d+"))) << "page 1 starts with a number: " << first.front();
  for (int page : {2, 3, n}) {
    std::vector<std::string> lines = non_empty_lines(text(page, page));
    ASSERT_FALSE(lines.empty()) << "page " << page;
    EXPECT_EQ(lines.front(), std::to_string(page)) << "page " << page << " does not start with its number";
  }
}

TEST_F(ReportPdf, EveryFontIsLiberationSerifEmbedded) {
  std::string fonts = capture("pdffonts '" + file_.string() + "'");
  std::vector<std::string> lines = non_empty_lines(fonts);
  ASSERT_GT(lines.size(), 2u) << fonts;
  bool regular = false, bold = false;
  for (size_t i = 2; i < lines.size(); ++i) {  // after the two heading lines
    EXPECT_NE(lines[i].find("LiberationSerif"), std::string::npos) << "another font: " << lines[i];
    EXPECT_TRUE(std::regex_search(lines[i], std::regex(" yes (yes|no) (yes|no) \\d+ \\d+$")))
        << "not embedded: " << lines[i];
    regular |= std::regex_search(lines[i], std::regex("LiberationSerif "));
    bold |= lines[i].find("LiberationSerif-Bold ") != std::string::npos;
  }
  EXPECT_TRUE(regular && bold) << fonts;
}

TEST_F(ReportPdf, TablesRepeatTheirHeaderRowOnTheNextPage) {
  // A table longer than a page: the page it goes on to starts with its header row again.
  doc::Document d;
  doc::Table t;
  t.caption = "Bảng dài";
  t.header = {"STT", "Đơn vị tính", "Số"};
  t.numeric = {true, false, true};
  for (int i = 1; i <= 80; ++i) t.rows.push_back({std::to_string(i), "Cơ sở", std::to_string(i * 10)});
  d.body.push_back(t);
  std::filesystem::path file = dir_->path() / "long-table.pdf";
  doc::render_pdf(d, file);
  std::string info = capture("pdfinfo '" + file.string() + "'");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
  int n = std::stoi(m[1]);
  ASSERT_GE(n, 2) << "the table was expected to run over a page";
  for (int page = 2; page <= n; ++page) {
    std::vector<std::string> lines =
        non_empty_lines(capture("pdftotext -layout -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) +
                                " '" + file.string() + "' -"));
    ASSERT_GT(lines.size(), 2u);
    EXPECT_EQ(lines[0], std::to_string(page));
    EXPECT_NE(lines[1].find("STT"), std::string::npos) << "page " << page << " does not start with the header row";
    EXPECT_NE(lines[1].find("Đơn vị tính"), std::string::npos) << lines[1];
  }
}

// Issue 12 §3: motto, title, Part I, Part II, then "Nơi nhận" and the signature, then the
// appendices, each on a page of its own under its title and the report it goes with.
TEST_F(ReportPdf, PartsComeInTheOrderOfAnOfficialReport) {
  std::string flat = squeeze(text());
  std::vector<std::string> order = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                    "Độc lập - Tự do - Hạnh phúc",
                                    "BÁO CÁO",
                                    "Kết quả hoạt động khuyến công tỉnh Bắc Giang giai đoạn 2016 - 2020",
                                    "I. KẾT QUẢ HOẠT ĐỘNG KHUYẾN CÔNG",
                                    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ",
                                    "chỉ đạo sát việc thực hiện trên địa bàn./.",
                                    "Nơi nhận:",
                                    "GIÁM ĐỐC",
                                    "Trần Quang Tấn",
                                    "Phụ lục 1",
                                    "(Kèm theo Báo cáo số …/BC-SCT ngày 30/11/2020 của Sở Công Thương tỉnh Bắc Giang)",
                                    "Phụ lục 5",
                                    "Phụ lục 6 Biểu đồ kết quả hoạt động khuyến công giai đoạn 2016 - 2020",
                                    "Biểu đồ 1."};
  size_t at = 0;
  for (const std::string& phrase : order) {
    size_t found = flat.find(phrase, at);
    ASSERT_NE(found, std::string::npos) << "\"" << phrase << "\" missing or out of order";
    at = found + phrase.size();
  }
  EXPECT_EQ(flat.find("PHỤ LỤC"), std::string::npos);
  // The signature shares its page with the end of Part II, and each appendix starts a page.
  int n = pages(), appendices = 0;
  for (int page = 1; page <= n; ++page) {
    std::string t = squeeze(text(page, page));
    if (t.find("Nơi nhận:") != std::string::npos) {
      EXPECT_NE(t.find("trên địa bàn./."), std::string::npos) << "the signature is alone on page " << page;
    }
    std::vector<std::string> lines = non_empty_lines(text(page, page));
    if (lines.size() > 1 && lines[1].rfind("Phụ lục ", 0) == 0) ++appendices;
  }
  EXPECT_EQ(appendices, 6);
}

// Wherever the body ends on a page, the signature never stands alone on the next one: the last
// lines of the body go over with it. Bodies of 20 to 50 paragraphs end at every height of a page.
TEST_F(ReportPdf, TheSignatureIsNeverAloneOnAPage) {
  int moved = 0;
  for (int n = 20; n <= 50; ++n) {
    doc::Document d;
    for (int i = 1; i <= n; ++i) d.body.push_back(doc::para("Đoạn văn số " + std::to_string(i) + " của phần II."));
    d.signature = {{"- Bộ Công Thương (b/c);", "- Lưu: VT."}, "GIÁM ĐỐC", "Trần Quang Tấn"};
    std::filesystem::path file = dir_->path() / "signature.pdf";
    doc::render_pdf(d, file);
    std::string all = capture("pdftotext -layout -enc UTF-8 '" + file.string() + "' -");
    std::string page = all.substr(all.rfind('\f', all.find("Nơi nhận:")) + 1);
    page = page.substr(0, page.find('\f'));
    std::string last = "Đoạn văn số " + std::to_string(n) + " của phần II.";
    EXPECT_NE(squeeze(page).find(last), std::string::npos) << n << " paragraphs: the signature is alone on its page";
    moved += squeeze(page).find("Đoạn văn số 1 của") == std::string::npos;
  }
  EXPECT_GT(moved, 0) << "no body was long enough to put the signature on a later page";
}

// Each body of the letterhead and each line of the motto on a line of its own, a long name
// included (its column widens or its type gets smaller rather than break it).
TEST_F(ReportPdf, LetterheadNamesStayOnOneLineEach) {
  doc::Document d;
  d.letterhead = {"ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "SỞ CÔNG THƯƠNG", "Số: /BC-SCT", "Bà Rịa - Vũng Tàu, ngày 30 tháng 11 năm 2020"};
  d.kind = "BÁO CÁO";
  std::filesystem::path file = dir_->path() / "letterhead.pdf";
  doc::render_pdf(d, file);
  std::vector<std::string> lines = non_empty_lines(capture("pdftotext -layout -enc UTF-8 '" + file.string() + "' -"));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_EQ(lines[1], "SỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc");
}

TEST_F(ReportPdf, ChartsAreDrawnAsVectorsWithVietnameseLabels) {
  const PhaseReport& r = demo_report().report;
  std::vector<doc::Chart> charts = phase_charts(r);
  ASSERT_GE(charts.size(), 4u);
  std::string flat = squeeze(text());
  for (const doc::Chart& c : charts) EXPECT_NE(flat.find(c.caption), std::string::npos) << c.caption;
  // Labels drawn inside the charts: the pie's share of provincial money and its key.
  std::string share = format_ratio_percent(r.by_level[1].budget, r.total.budget, 1) + "%";
  std::string key = "Khuyến công tỉnh: " + format_million_dong(r.by_level[1].budget) + " triệu đồng (" + share + ")";
  EXPECT_NE(flat.find(key), std::string::npos) << key;
  EXPECT_NE(flat.find("Mục tiêu (100%)"), std::string::npos);
  // Vectors, not pictures: the PDF holds no raster image at all.
  if (!find_on_path("pdfimages").empty()) {
    std::vector<std::string> images = non_empty_lines(capture("pdfimages -list '" + file_.string() + "'"));
    EXPECT_EQ(images.size(), 2u) << "only the heading of pdfimages -list expected";
  }
}

TEST_F(ReportPdf, RecordTextIsPrintedAsTextNeverAsMarkup) {
  doc::Document d;
  d.kind = "BÁO CÁO";
  d.body.push_back(doc::para("Cơ sở <b>A&B</b> \x01ghi chú"));
  doc::Table t;
  t.header = {"Tên <i>", "Số"};
  t.rows = {{"Hợp tác xã \"Đình Trì\" & cộng sự", "1.234"}};
  d.body.push_back(t);
  std::filesystem::path file = dir_->path() / "markup.pdf";
  doc::render_pdf(d, file);
  std::string flat = squeeze(capture("pdftotext -layout -enc UTF-8 '" + file.string() + "' -"));
  EXPECT_NE(flat.find("Cơ sở <b>A&B</b> ghi chú"), std::string::npos) << flat;
  EXPECT_NE(flat.find("Tên <i>"), std::string::npos) << flat;
  EXPECT_NE(flat.find("Hợp tác xã \"Đình Trì\" & cộng sự"), std::string::npos) << flat;
}

TEST_F(ReportPdf, DownloadsAndTheCliShareTheRenderer) {
  EXPECT_EQ(parse_report_format("PDF"), ReportFormat::Pdf);
  EXPECT_EQ(format_from_extension("bao-cao.pdf"), ReportFormat::Pdf);
  RenderedReport out = render_phase_report(demo_report().report, ReportFormat::Pdf, {});
  EXPECT_EQ(out.media_type, "application/pdf");
  EXPECT_EQ(out.extension, "pdf");
  EXPECT_EQ(out.bytes.substr(0, 5), "%PDF-");
  EXPECT_THROW(write_phase_report(demo_report().report, ReportFormat::Pdf, "-", {}), std::runtime_error);
}

}  // namespace
}  // namespace kc::test
