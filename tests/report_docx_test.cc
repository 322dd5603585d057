// The demo's phase report as a DOCX: a valid package whose text carries the report's figures,
// laid out for A4 with page numbers from page 2, converted cleanly by LibreOffice.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "report/phase_report_document.h"
#include "report/ooxml_writer.h"
#include "report/render_docx.h"
#include "support/demo_report.h"
#include "support/office_support.h"
#include "support/test_support.h"

namespace kc::test {
namespace {

class ReportDocx : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = dir_ / "bao-cao.docx";
    doc::render_docx(build_phase_document(demo_report().report, {.date = Date{2020, 11, 30}, .charts = true}), file_);
    parts_ = unzip(file_);
    for (const auto& [name, data] : parts_) {
      if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
      auto result = xml_[name].load_string(data.c_str());
      ASSERT_TRUE(result) << name << ": " << result.description();
    }
  }
  TempDir dir_;
  std::filesystem::path file_;
  std::map<std::string, std::string> parts_;
  std::map<std::string, pugi::xml_document> xml_;
};

TEST_F(ReportDocx, CarriesTheFiguresOfTheReport) {
  std::string text = docx_text(xml_["word/document.xml"].document_element());
  for (const char* phrase : {"BÁO CÁO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bắc Giang, ngày 30 tháng 11 năm 2020",
                             "297 đề án với tổng kinh phí từ ngân sách nhà nước là 30.722,3 triệu đồng",
                             "(đạt 79,17% so với mục tiêu giai đoạn)", "229.219 triệu đồng (đạt 162,16%",
                             "tốc độ tăng trưởng bình quân 19,4%/năm", "Đề án và kinh phí theo địa bàn",
                             "Nơi nhận:", "Trần Quang Tấn"})
    EXPECT_NE(text.find(phrase), std::string::npos) << "DOCX lacks: " << phrase;
}

TEST_F(ReportDocx, PageLayoutIsA4WithNumbersFromPageTwo) {
  pugi::xml_node sect = xml_["word/document.xml"].document_element().select_node("//w:sectPr").node();
  ASSERT_TRUE(sect);
  EXPECT_STREQ(sect.child("w:pgSz").attribute("w:w").value(), "11906");
  EXPECT_STREQ(sect.child("w:pgSz").attribute("w:h").value(), "16838");
  EXPECT_TRUE(sect.child("w:titlePg"));
  EXPECT_NE(parts_["word/header1.xml"].find("PAGE"), std::string::npos);
}

TEST_F(ReportDocx, ChartsAreEmbeddedAsPngPicturesAndReferenced) {
  std::vector<doc::Chart> charts = phase_charts(demo_report().report);
  ASSERT_GE(charts.size(), 4u);
  EXPECT_NE(parts_["[Content_Types].xml"].find("<Default Extension=\"png\" ContentType=\"image/png\"/>"),
            std::string::npos);
  pugi::xml_node rels = xml_["word/_rels/document.xml.rels"].document_element();
  pugi::xml_node body = xml_["word/document.xml"].document_element();
  std::string text = docx_text(body);
  pugi::xpath_node_set blips = body.select_nodes("//w:drawing/wp:inline//a:blip");
  ASSERT_EQ(blips.size(), charts.size());
  for (size_t i = 0; i < charts.size(); ++i) {
    std::string id = blips[i].node().attribute("r:embed").value();
    pugi::xml_node rel = rels.find_child_by_attribute("Relationship", "Id", id.c_str());
    ASSERT_TRUE(rel) << "no relationship " << id;
    EXPECT_STREQ(rel.attribute("Type").value(),
                 "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image");
    std::string part = "word/" + std::string(rel.attribute("Target").value());
    ASSERT_TRUE(parts_.count(part)) << part;
    EXPECT_EQ(parts_[part].substr(0, 8), "\x89PNG\r\n\x1a\n") << part;
    EXPECT_GT(parts_[part].size(), 5000u) << part << " looks empty";
    EXPECT_NE(text.find(charts[i].caption), std::string::npos) << "caption missing: " << charts[i].caption;
  }
}

// The text of each paragraph of `cell` (w:t runs joined), empty paragraphs included.
std::vector<std::string> paragraph_texts(const pugi::xml_node& cell) {
  std::vector<std::string> out;
  for (pugi::xpath_node p : cell.select_nodes("w:p")) out.push_back(docx_text(p.node()));
  return out;
}

TEST_F(ReportDocx, LetterheadPutsEachBodyAndTheMottoInAParagraphOfItsOwnThatFitsItsCell) {
  pugi::xml_node body = xml_["word/document.xml"].document_element().child("w:body");
  pugi::xml_node letterhead = body.child("w:tbl");
  ASSERT_TRUE(letterhead);
  pugi::xpath_node_set cells = letterhead.select_nodes("w:tr[1]/w:tc");
  ASSERT_EQ(cells.size(), 2u);
  std::vector<std::string> left = paragraph_texts(cells[0].node()), right = paragraph_texts(cells[1].node());
  ASSERT_GE(left.size(), 2u);
  ASSERT_GE(right.size(), 2u);
  EXPECT_EQ(left[0], "UBND TỈNH BẮC GIANG");
  EXPECT_EQ(left[1], "SỞ CÔNG THƯƠNG");
  EXPECT_EQ(right[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_EQ(right[1], "Độc lập - Tự do - Hạnh phúc");
  // Never broken across lines: each name, at the size it is set in, fits its cell's text width.
  for (pugi::xpath_node cell : cells) {
    int width = cell.node().child("w:tcPr").child("w:tcW").attribute("w:w").as_int() - 2 * 108;
    for (pugi::xpath_node p : cell.node().select_nodes("w:p[w:r]")) {
      pugi::xml_node run = p.node().child("w:r");
      int size = run.child("w:rPr").child("w:sz").attribute("w:val").as_int();
      bool bold = run.child("w:rPr").child("w:b");
      std::string text = docx_text(p.node());
      EXPECT_LE(ooxml::estimate_width(text, size, bold), width) << text << " at " << size / 2 << " pt";
    }
  }
}

TEST_F(ReportDocx, SignatureFollowsPartTwoOnItsPageAndTheAppendicesFollowIt) {
  pugi::xml_node body = xml_["word/document.xml"].document_element().child("w:body");
  std::string text = docx_text(body);
  size_t part_two = text.find("II. PHƯƠNG HƯỚNG"), recipients = text.find("Nơi nhận:"), first = text.find("Phụ lục 1");
  EXPECT_LT(part_two, recipients);
  EXPECT_LT(recipients, first);
  EXPECT_EQ(text.find("PHỤ LỤC"), std::string::npos);
  // The last paragraph of Part II and the spacer after it are kept with the signature table,
  // whose one row never splits and whose paragraphs keep together.
  pugi::xml_node signature;
  for (pugi::xml_node t : body.children("w:tbl"))
    if (docx_text(t).find("Nơi nhận:") != std::string::npos) signature = t;
  ASSERT_TRUE(signature);
  pugi::xml_node spacer = signature.previous_sibling("w:p");
  pugi::xml_node last = spacer.previous_sibling("w:p");
  EXPECT_TRUE(spacer.child("w:pPr").child("w:keepNext"));
  EXPECT_TRUE(last.child("w:pPr").child("w:keepNext")) << docx_text(last);
  EXPECT_NE(docx_text(last).find("./."), std::string::npos) << docx_text(last);
  EXPECT_TRUE(signature.child("w:tr").child("w:trPr").child("w:cantSplit"));
  // Each appendix starts on a new page with its title, subject and reference.
  int appendices = 0;
  for (pugi::xml_node p = signature.next_sibling(); p; p = p.next_sibling()) {
    if (docx_text(p).rfind("Phụ lục ", 0) != 0) continue;
    ++appendices;
    EXPECT_TRUE(p.previous_sibling().select_node(".//w:br[@w:type='page']")) << docx_text(p);
    EXPECT_EQ(docx_text(p.next_sibling().next_sibling()).rfind("(Kèm theo Báo cáo số …/BC-SCT ngày 30/11/2020", 0), 0u);
  }
  EXPECT_EQ(appendices, 6);  // five tables and the charts
}

TEST_F(ReportDocx, TotalRowsAreBold) {
  int totals = 0;
  for (pugi::xpath_node t : xml_["word/document.xml"].document_element().select_nodes("//w:tbl")) {
    pugi::xml_node last = t.node().last_child();
    if (docx_text(last.first_child().next_sibling()).rfind("Tổng cộng", 0) != 0 &&
        docx_text(last).rfind("Tổng cộng", 0) != 0)
      continue;
    ++totals;
    for (pugi::xpath_node r : last.select_nodes(".//w:r"))
      EXPECT_TRUE(r.node().child("w:rPr").child("w:b")) << docx_text(last);
  }
  EXPECT_EQ(totals, 4);
}

TEST_F(ReportDocx, LibreOfficeConvertsTheWholeReport) {
  auto c = convert_to_pdf(file_, dir_.path());
  if (!c) GTEST_SKIP() << "soffice/libreoffice not on PATH: PDF conversion not tested";
  ASSERT_TRUE(std::filesystem::exists(c->pdf));
  EXPECT_EQ(read_file(c->pdf).substr(0, 4), "%PDF");
  EXPECT_GE(c->pages, 6) << "the demo report runs over several A4 pages";
  RecordProperty("pdf_pages", c->pages);
}

}  // namespace
}  // namespace kc::test
