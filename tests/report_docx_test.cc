// The demo's phase report as a DOCX: a valid package whose text carries the report's figures,
// laid out for A4 with page numbers from page 2, converted cleanly by LibreOffice.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "report/phase_report_document.h"
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
    doc::render_docx(build_phase_document(demo_report().report, {Date{2020, 11, 30}}), file_);
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
                             "tốc độ tăng trưởng bình quân 19,4%/năm", "Phụ lục 4. Đề án và kinh phí theo địa bàn",
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
