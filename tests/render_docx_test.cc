// Tests for the DOCX renderer: package structure, Nghị định 30 page layout, escaping and
// Vietnamese text, tables; then a LibreOffice round trip to PDF when soffice is installed.
#include "report/render_docx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <pugixml.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>

#include "report/ooxml_writer.h"
#include "support/office_support.h"
#include "support/test_support.h"

namespace kc::doc {
namespace {

namespace fs = std::filesystem;
using kc::test::read_file;
using kc::test::TempDir;
using kc::test::unzip;
using all_text_fn = std::string (*)(const pugi::xml_node&);
const all_text_fn all_text = kc::test::docx_text;

const std::string kTitle = "Kết quả hoạt động khuyến công tỉnh Bắc Giang giai đoạn 2016 - 2020";
const std::string kSpecial = "Vốn & lãi < 5% > 3% \"đặc biệt\" 'x'";

Document sample() {
  Document d;
  d.letterhead = {"UBND TỈNH BẮC GIANG", "SỞ CÔNG THƯƠNG", "Số:     /BC-SCT",
                  "Bắc Giang, ngày 28 tháng 11 năm 2020"};
  d.kind = "BÁO CÁO";
  d.subject = {kTitle};
  d.body.push_back(para("I. KẾT QUẢ THỰC HIỆN", ParagraphStyle::Heading1));
  d.body.push_back(para("1. Công tác tuyên truyền", ParagraphStyle::Heading2));
  d.body.push_back(para("1.1. Chương trình khuyến công địa phương", ParagraphStyle::Heading3));
  d.body.push_back(Paragraph{ParagraphStyle::Body,
                             {Span{"Tổng kinh phí "}, Span{"30.722,3 triệu đồng", true},
                              Span{" (nguồn ngân sách tỉnh).", false, true}}});
  d.body.push_back(para(kSpecial));
  d.body.push_back(para("Hỗ trợ máy móc thiết bị", ParagraphStyle::Bullet));
  d.body.push_back(para("- Đào tạo nghề", ParagraphStyle::Bullet));
  d.body.push_back(para("Nguồn: Sở Công Thương\x01 tổng hợp.", ParagraphStyle::Note));
  Table t;
  t.caption = "Phụ lục 1. Kinh phí khuyến công theo năm";
  t.header = {"STT", "Năm", "Số đề án", "Kinh phí (triệu đồng)"};
  t.numeric = {false, false, true, true};
  t.rows = {{"1", "2016", "12", "5.120,0"},
            {"2", "2017", "14", "6.003,5"},
            {"3", "2018", "15", "6.250,8"},
            {"", "Tổng cộng", "41", "17.374,3"}};
  t.last_row_is_total = true;
  d.body.push_back(t);
  d.body.push_back(PageBreak{});
  d.body.push_back(para("II. PHƯƠNG HƯỚNG, NHIỆM VỤ", ParagraphStyle::Heading1));
  for (int i = 0; i < 30; ++i)
    d.body.push_back(
        para("Tiếp tục triển khai các đề án khuyến công trên địa bàn tỉnh, ưu tiên "
             "các huyện miền núi và làng nghề truyền thống."));
  d.signature = {
      {"- Bộ Công Thương;", "- UBND tỉnh;", "- Lưu: VT, QLCN."}, "GIÁM ĐỐC", "Trần Quang Tấn"};
  return d;
}

class RenderDocx : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = dir_ / "bao-cao.docx";
    render_docx(sample(), file_);
    parts_ = unzip(file_);
    for (const auto& [name, data] : parts_) {
      if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
      auto result = xml_[name].load_string(data.c_str());
      ASSERT_TRUE(result) << name << ": " << result.description();
    }
  }
  pugi::xml_node root(const std::string& part) { return xml_[part].document_element(); }

  TempDir dir_;
  fs::path file_;
  std::map<std::string, std::string> parts_;
  std::map<std::string, pugi::xml_document> xml_;
};

TEST_F(RenderDocx, PackageHasEveryPartAndNoTemporaryFileIsLeft) {
  EXPECT_EQ(read_file(file_).substr(0, 2), "PK");
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "word/document.xml", "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels",
        "word/header1.xml", "word/header2.xml"})
    EXPECT_TRUE(parts_.count(part)) << part;
  EXPECT_EQ(xml_.size(), parts_.size());  // every part is XML and parsed
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()), fs::directory_iterator()), 1);
  auto core = root("docProps/core.xml");
  EXPECT_EQ(std::string(core.child("dc:language").text().get()), "vi-VN");
  EXPECT_NE(std::string(core.child("dc:title").text().get()).find(kTitle), std::string::npos);
}

TEST_F(RenderDocx, PageLayoutFollowsDecree30) {
  auto sect = root("word/document.xml").child("w:body").child("w:sectPr");
  ASSERT_TRUE(sect);
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:w").as_int(), 11906);
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:h").as_int(), 16838);
  auto mar = sect.child("w:pgMar");
  EXPECT_EQ(mar.attribute("w:top").as_int(), 1134);
  EXPECT_EQ(mar.attribute("w:bottom").as_int(), 1134);
  EXPECT_EQ(mar.attribute("w:left").as_int(), 1701);
  EXPECT_EQ(mar.attribute("w:right").as_int(), 851);
  EXPECT_NEAR(mar.attribute("w:header").as_int(), 567, 60);
  EXPECT_TRUE(sect.child("w:titlePg"));

  // Header references resolve, through the relationships, to the page-number header (default)
  // and to an empty header on the first page.
  std::map<std::string, std::string> target;
  for (auto rel : root("word/_rels/document.xml.rels").children("Relationship"))
    target[rel.attribute("Id").value()] = rel.attribute("Target").value();
  std::map<std::string, std::string> header;
  for (auto ref : sect.children("w:headerReference"))
    header[ref.attribute("w:type").value()] = target[ref.attribute("r:id").value()];
  ASSERT_EQ(header.size(), 2u);
  ASSERT_TRUE(parts_.count("word/" + header["default"]));
  ASSERT_TRUE(parts_.count("word/" + header["first"]));
  auto& numbered = xml_["word/" + header["default"]];
  EXPECT_NE(std::string(numbered.select_node("//w:instrText").node().text().get()).find("PAGE"),
            std::string::npos);
  EXPECT_STREQ(numbered.select_node("//w:jc").node().attribute("w:val").value(), "center");
  EXPECT_TRUE(all_text(xml_["word/" + header["first"]].document_element()).empty());
  EXPECT_FALSE(xml_["word/" + header["first"]].select_node("//w:instrText"));
}

TEST_F(RenderDocx, EverythingIsTimesNewRomanInVietnamese) {
  auto styles = root("word/styles.xml");
  auto defaults = styles.select_node("w:docDefaults/w:rPrDefault/w:rPr").node();
  for (const char* a : {"w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"})
    EXPECT_STREQ(defaults.child("w:rFonts").attribute(a).value(), "Times New Roman") << a;
  EXPECT_STREQ(defaults.child("w:lang").attribute("w:val").value(), "vi-VN");
  // No other font is named anywhere.
  for (const char* part : {"word/styles.xml", "word/document.xml", "word/header1.xml"})
    for (const auto& f : xml_[part].select_nodes("//w:rFonts"))
      for (auto a : f.node().attributes())
        if (std::string(a.name()) != "w:hint") {
          EXPECT_STREQ(a.value(), "Times New Roman");
        }
  // Body: 14 pt, justified, first line 1,27 cm, 6 pt after.
  auto normal = styles.find_child_by_attribute("w:style", "w:styleId", "Normal");
  EXPECT_STREQ(normal.select_node("w:rPr/w:sz").node().attribute("w:val").value(), "28");
  EXPECT_STREQ(normal.select_node("w:pPr/w:jc").node().attribute("w:val").value(), "both");
  EXPECT_EQ(normal.select_node("w:pPr/w:ind").node().attribute("w:firstLine").as_int(), 720);
  EXPECT_EQ(normal.select_node("w:pPr/w:spacing").node().attribute("w:after").as_int(), 120);
}

TEST_F(RenderDocx, TextComesBackIntact) {
  auto doc = root("word/document.xml");
  std::string text = all_text(doc);
  for (const std::string& s :
       {kTitle, kSpecial, std::string("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        std::string("Độc lập - Tự do - Hạnh phúc"), std::string("SỞ CÔNG THƯƠNG"),
        std::string("Bắc Giang, ngày 28 tháng 11 năm 2020"), std::string("Nơi nhận:"),
        std::string("Trần Quang Tấn"), std::string("Tổng kinh phí 30.722,3 triệu đồng"),
        std::string("Nguồn: Sở Công Thương tổng hợp.")})
    EXPECT_NE(text.find(s), std::string::npos) << s;
  EXPECT_EQ(text.find('\x01'), std::string::npos);
  EXPECT_NE(parts_["word/document.xml"].find("&amp;"), std::string::npos);
  // Bullets get one leading "- ", never two.
  EXPECT_NE(text.find("- Hỗ trợ máy móc thiết bị"), std::string::npos);
  EXPECT_NE(text.find("- Đào tạo nghề"), std::string::npos);
  EXPECT_EQ(text.find("- - "), std::string::npos);
  // Headings use the heading styles; the bold span is bold.
  EXPECT_TRUE(doc.select_node("//w:pStyle[@w:val='Heading1']"));
  EXPECT_TRUE(doc.select_node("//w:pStyle[@w:val='Heading3']"));
  auto bold_run = doc.select_node("//w:r[w:t='30.722,3 triệu đồng']").node();
  EXPECT_TRUE(bold_run.select_node("w:rPr/w:b"));
  EXPECT_TRUE(doc.select_node("//w:br[@w:type='page']"));
}

TEST_F(RenderDocx, TableHasHeaderRowsCellsAndTotal) {
  auto doc = root("word/document.xml");
  auto tbl = doc.select_node("//w:tbl[.//w:t='Kinh phí (triệu đồng)']").node();
  ASSERT_TRUE(tbl);
  auto rows = tbl.select_nodes("w:tr");
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& r : rows) EXPECT_EQ(r.node().select_nodes("w:tc").size(), 4u);
  int total_width = 0;
  for (auto col : tbl.child("w:tblGrid").children("w:gridCol"))
    total_width += col.attribute("w:w").as_int();
  EXPECT_EQ(total_width, 9072);
  EXPECT_TRUE(rows.first().node().select_node("w:trPr/w:tblHeader"));
  EXPECT_TRUE(tbl.select_node("w:tblPr/w:tblBorders/w:insideH[@w:val='single']"));
  auto cell_jc = [](const pugi::xml_node& tr, size_t c) {
    return std::string(
        tr.select_nodes("w:tc")[c].node().select_node(".//w:jc").node().attribute("w:val").value());
  };
  auto first = rows[1].node(), total = rows[4].node();
  EXPECT_EQ(cell_jc(first, 3), "right");
  EXPECT_EQ(cell_jc(first, 1), "left");
  EXPECT_EQ(cell_jc(rows.first().node(), 3), "center");
  EXPECT_TRUE(total.select_node(".//w:r[w:t='17.374,3']/w:rPr/w:b"));
  EXPECT_FALSE(first.select_node(".//w:b"));
  // The caption sits right above the table.
  EXPECT_STREQ(all_text(tbl.previous_sibling()).c_str(),
               "Phụ lục 1. Kinh phí khuyến công theo năm");
}

TEST(RenderDocxErrors, UnwritableDestinationThrowsInVietnamese) {
  TempDir dir;
  try {
    render_docx(sample(), dir / "khong-co" / "bao-cao.docx");
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("Không ghi được"), std::string::npos) << e.what();
  }
}

TEST(RenderDocxErrors, ReplacesAnExistingFile) {
  TempDir dir;
  kc::test::write_file(dir / "bao-cao.docx", "old");
  render_docx(sample(), dir / "bao-cao.docx");
  EXPECT_EQ(read_file(dir / "bao-cao.docx").substr(0, 2), "PK");
}

TEST(RenderDocxTables, WideTableIsSetSmallerAndFitsTheTextWidth) {
  TempDir dir;
  Document d;
  Table t;
  t.caption = "Bảng rộng";
  t.header = {"Nội dung"};
  t.numeric = {false};
  std::vector<std::string> row = {"Hỗ trợ xây dựng mô hình trình diễn kỹ thuật"};
  for (int i = 0; i < 10; ++i) {
    t.header.push_back("Huyện: kinh phí " + std::to_string(i));
    t.numeric.push_back(true);
    row.push_back("12.345,6");
  }
  t.rows = {row, row};
  d.body.push_back(t);
  render_docx(d, dir / "rong.docx");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(unzip(dir / "rong.docx")["word/document.xml"].c_str()));
  auto tbl = doc.select_node("//w:tbl[.//w:t='Bảng rộng' or .//w:t='Nội dung']").node();
  ASSERT_TRUE(tbl);
  int total = 0, columns = 0;
  for (auto col : tbl.child("w:tblGrid").children("w:gridCol")) {
    total += col.attribute("w:w").as_int();
    ++columns;
  }
  EXPECT_EQ(columns, 11);
  EXPECT_EQ(total, 9072);
  EXPECT_STREQ(
      tbl.select_node(".//w:r[w:t='12.345,6']/w:rPr/w:sz").node().attribute("w:val").value(), "24");
}

// A name too long for the letterhead's 7 cm column widens it (as far as the national name
// leaves room) or is set smaller (down to 10 pt) rather than broken across lines.
TEST(RenderDocxLetterhead, LongNamesAreSetSmallerToStayOnOneLine) {
  TempDir dir;
  Document d;
  d.letterhead = {"UBND TỈNH BÀ RỊA - VŨNG TÀU", "SỞ CÔNG THƯƠNG", "Số: /BC-SCT", "Bà Rịa - Vũng Tàu"};
  render_docx(d, dir / "dai.docx");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(unzip(dir / "dai.docx")["word/document.xml"].c_str()));
  pugi::xml_node cell = doc.select_node("//w:tbl/w:tr[1]/w:tc[1]").node();
  ASSERT_TRUE(cell);
  int width = cell.child("w:tcPr").child("w:tcW").attribute("w:w").as_int() - 2 * 108;
  auto size_of = [&](const char* text) {
    std::string xpath = std::string(".//w:r[w:t='") + text + "']/w:rPr/w:sz";
    return cell.select_node(xpath.c_str()).node().attribute("w:val").as_int();
  };
  int parent = size_of("UBND TỈNH BÀ RỊA - VŨNG TÀU");
  EXPECT_GT(ooxml::estimate_width("UBND TỈNH BÀ RỊA - VŨNG TÀU", 26), 3969 - 2 * 108) << "would wrap at 13 pt in 7 cm";
  EXPECT_GE(parent, 20);
  EXPECT_LE(ooxml::estimate_width("UBND TỈNH BÀ RỊA - VŨNG TÀU", parent), width) << "wider column or smaller type";
  EXPECT_EQ(size_of("SỞ CÔNG THƯƠNG"), 26) << "a name that fits keeps 13 pt";
}

TEST(OoxmlWriter, EscapesMarkupAndDropsWhatXmlCannotHold) {
  EXPECT_EQ(ooxml::escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  EXPECT_EQ(ooxml::escape("x\x01\x08\x1fy\t\n\r"), "xy\t\n\r");
  EXPECT_EQ(ooxml::escape("\xff\xc3(ok\xef\xbf\xbe"), "(ok");  // ill-formed UTF-8, U+FFFE
  EXPECT_EQ(ooxml::escape("Hạnh phúc 😀"), "Hạnh phúc 😀");
}

TEST(OoxmlWriter, FitWidthsKeepsShortColumnsWhole) {
  // Room for every need but not every want: the long column gives way, short ones stay whole.
  auto w = ooxml::fit_widths({500, 500, 500}, {800, 900, 8000}, 4000);
  EXPECT_EQ(w[0] + w[1] + w[2], 4000);
  EXPECT_EQ(w[0], 800);
  EXPECT_EQ(w[1], 900);
  // Everything fits: widened in proportion; nothing fits: scaled needs.
  w = ooxml::fit_widths({100, 100}, {1000, 3000}, 8000);
  EXPECT_EQ(w[0], 2000);
  EXPECT_EQ(w[1], 6000);
  w = ooxml::fit_widths({3000, 1000}, {3000, 1000}, 2000);
  EXPECT_EQ(w[0] + w[1], 2000);
  EXPECT_GT(w[0], w[1]);
}

// ---- LibreOffice round trip ----------------------------------------------------------------

TEST_F(RenderDocx, LibreOfficeConvertsItToPdf) {
  auto c = kc::test::convert_to_pdf(file_, dir_.path());
  if (!c) GTEST_SKIP() << "soffice/libreoffice not on PATH: PDF conversion not tested";
  std::string data = read_file(c->pdf);
  EXPECT_EQ(data.substr(0, 4), "%PDF");
  EXPECT_GT(data.size(), 10000u);
  if (c->pages > 0) {
    EXPECT_GE(c->pages, 2);  // the sample has a page break
  }
  std::cout << "[ LibreOffice ] PDF " << data.size() << " bytes, " << c->pages << " pages, " << c->seconds << " s\n";
  RecordProperty("pdf_pages", c->pages);
}

}  // namespace
}  // namespace kc::doc
