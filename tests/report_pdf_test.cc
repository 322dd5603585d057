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
    doc::render_pdf(build_phase_document(demo_report().report, {Date{2020, 11, 30}}), file_);
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
        std::string("PHỤ LỤC"), std::string("Phụ lục 4. Đề án và kinh phí theo địa bàn"), std::string("Nơi nhận:"),
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
  // The targets table (Phụ lục 3) of the demo runs over a page break: the page it goes on to
  // starts with its header row again ("Đơn vị tính" is a header cell of that table only).
  int n = pages(), caption_page = 0, continued = 0;
  for (int page = 2; page <= n; ++page) {
    std::string t = squeeze(text(page, page));
    if (t.find("Phụ lục 3.") != std::string::npos) caption_page = page;
    if (caption_page > 0 && page > caption_page && t.find("Đơn vị tính") != std::string::npos) {
      ++continued;
      std::vector<std::string> lines = non_empty_lines(text(page, page));
      ASSERT_GT(lines.size(), 2u);
      EXPECT_NE(squeeze(lines[1] + " " + lines[2] + " " + lines[3]).find("STT"), std::string::npos)
          << "page " << page << " does not start with the header row";
    }
  }
  EXPECT_GT(caption_page, 0);
  EXPECT_GE(continued, 1) << "the targets table was expected to run over a page";
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
