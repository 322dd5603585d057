// The phase report laid out as a Sở Công Thương would send it (issue 12 §3): the letterhead's
// bodies and motto each on a line of their own, Part II then the recipients and signature then
// the appendices ("Phụ lục n" with the report they go with), charts only when asked for,
// capitalised table text with one number of decimals per column and a bold total row, and
// prose without formulas or repeated phrases. The PDF's and DOCX's own checks of the same are
// in report_pdf_test.cc and report_docx_test.cc.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "report/phase_report_document.h"
#include "report/render_text.h"
#include "support/demo_report.h"
#include "text/normalize.h"

namespace kc::test {
namespace {

const PhaseReport& report() { return demo_report().report; }

doc::Document document(PhaseDocumentOptions o = {.date = Date{2020, 11, 30}}) { return build_phase_document(report(), o); }

size_t count(const std::string& text, const std::string& phrase) {
  size_t n = 0;
  for (size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + phrase.size())) ++n;
  return n;
}

std::vector<const doc::Table*> appendix_tables(const doc::Document& d) {
  std::vector<const doc::Table*> out;
  for (const doc::Appendix& a : d.appendices)
    for (const doc::Block& b : a.blocks)
      if (const auto* t = std::get_if<doc::Table>(&b)) out.push_back(t);
  return out;
}

TEST(ReportLayout, LetterheadNamesTheIssuingBodyWithoutTheParentsProvince) {
  doc::Document d = document();
  EXPECT_EQ(d.letterhead.parent_agency, "UBND TỈNH BẮC GIANG");
  EXPECT_EQ(d.letterhead.agency, "SỞ CÔNG THƯƠNG");  // the record says "Sở Công Thương tỉnh Bắc Giang"
  EXPECT_EQ(report().agency_name, "Sở Công Thương tỉnh Bắc Giang");

  PhaseReport r = report();
  r.agency_name = "Sở Công Thương Bắc Giang";  // the short place name is dropped as well
  EXPECT_EQ(build_phase_document(r, {}).letterhead.agency, "SỞ CÔNG THƯƠNG");
  r.parent_agency_name.clear();  // no parent to name the place: the agency keeps it
  EXPECT_EQ(build_phase_document(r, {}).letterhead.agency, "SỞ CÔNG THƯƠNG BẮC GIANG");
}

TEST(ReportLayout, HtmlLetterheadPrintsEachNameAndTheMottoOnUnbrokenLinesOfTheirOwn) {
  std::string html = render_html(document());
  // Each name is a block of its own that never wraps.
  EXPECT_NE(html.find(".letterhead .line { display: block; white-space: nowrap; }"), std::string::npos);
  for (const char* line : {"<span class=\"line parent\">UBND TỈNH BẮC GIANG</span>",
                           "<span class=\"line\"><span class=\"agency underline\">SỞ CÔNG THƯƠNG</span></span>",
                           "<span class=\"line nation motto\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span>",
                           "<span class=\"line\"><span class=\"motto underline\">Độc lập - Tự do - Hạnh phúc</span></span>"})
    EXPECT_NE(html.find(line), std::string::npos) << "letterhead lacks: " << line;
  std::string letterhead = html.substr(html.find("<table class=\"letterhead\""));
  letterhead = letterhead.substr(0, letterhead.find("</table>"));
  EXPECT_EQ(count(letterhead, "BẮC GIANG"), 1u) << "the province is named once: " << letterhead;
  EXPECT_EQ(letterhead.find("<br>"), std::string::npos) << "lines are blocks, not breaks: " << letterhead;
}

TEST(ReportLayout, PartTwoThenTheSignatureThenTheAppendices) {
  for (const std::string& text : {render_html(document()), render_markdown(document())}) {
    size_t part_two = text.find("II. PHƯƠNG HƯỚNG"), recipients = text.find("Nơi nhận:"),
           signer = text.find("Trần Quang Tấn"), first = text.find("Phụ lục 1"), last = text.find("Phụ lục 5");
    ASSERT_NE(part_two, std::string::npos);
    EXPECT_LT(part_two, recipients);
    EXPECT_LT(recipients, signer);
    EXPECT_LT(signer, first);
    EXPECT_LT(first, last);
    EXPECT_EQ(text.find("PHỤ LỤC"), std::string::npos) << "no heading of all appendices before the signature";
  }
}

TEST(ReportLayout, EachAppendixIsTitledWithTheReportItGoesWith) {
  doc::Document d = document();
  ASSERT_EQ(d.appendices.size(), 5u);
  for (size_t i = 0; i < d.appendices.size(); ++i) {
    const doc::Appendix& a = d.appendices[i];
    EXPECT_EQ(a.title, "Phụ lục " + std::to_string(i + 1));
    EXPECT_FALSE(a.subject.empty());
    // Not issued yet: the number is left dotted; the date is the report's.
    EXPECT_EQ(a.reference, "(Kèm theo Báo cáo số …/BC-SCT ngày 30/11/2020 của Sở Công Thương tỉnh Bắc Giang)");
  }
  EXPECT_EQ(d.appendices[3].subject, "Đề án và kinh phí theo địa bàn (triệu đồng)");
  EXPECT_EQ(document({}).appendices[0].reference,
            "(Kèm theo Báo cáo số …/BC-SCT ngày …/…/… của Sở Công Thương tỉnh Bắc Giang)");
  doc::Document issued = document({.date = Date{2020, 11, 30}, .number = "125"});
  EXPECT_EQ(issued.letterhead.number, "Số: 125/BC-SCT");
  EXPECT_EQ(issued.appendices[0].reference,
            "(Kèm theo Báo cáo số 125/BC-SCT ngày 30/11/2020 của Sở Công Thương tỉnh Bắc Giang)");
}

TEST(ReportLayout, ChartsOnlyWhenAskedFor) {
  auto charts_in = [](const doc::Document& d) {
    size_t n = 0;
    for (const doc::Block& b : d.body) n += std::holds_alternative<doc::Chart>(b);
    for (const doc::Appendix& a : d.appendices)
      for (const doc::Block& b : a.blocks) n += std::holds_alternative<doc::Chart>(b);
    return n;
  };
  EXPECT_EQ(charts_in(document()), 0u);
  EXPECT_EQ(render_markdown(document()).find("Biểu đồ"), std::string::npos);
  doc::Document with = document({.date = Date{2020, 11, 30}, .charts = true});
  ASSERT_EQ(with.appendices.size(), 6u);
  EXPECT_EQ(with.appendices.back().title, "Phụ lục 6");
  EXPECT_EQ(charts_in(with), phase_charts(report()).size());
  EXPECT_EQ(charts_in(with), with.appendices.back().blocks.size());
}

TEST(ReportLayout, TableTextStartsWithACapitalAndEachColumnHasOneNumberOfDecimals) {
  doc::Document d = document();
  std::vector<const doc::Table*> tables = appendix_tables(d);
  ASSERT_EQ(tables.size(), 5u);
  const std::regex number("-?[0-9.]+(,([0-9]+))?");
  for (const doc::Table* t : tables) {
    for (size_t c = 0; c < t->header.size(); ++c) {
      bool numeric = c < t->numeric.size() && t->numeric[c];
      std::set<size_t> decimals;
      for (const auto& row : t->rows) {
        const std::string& cell = row[c];
        if (cell.empty()) continue;
        std::smatch m;
        if (numeric && std::regex_match(cell, m, number)) decimals.insert(m[2].length());
        if (!numeric) {
          EXPECT_EQ(cell, upper_first_vi(cell)) << "not capitalised: " << cell;
        }
      }
      EXPECT_LE(decimals.size(), 1u) << "column " << t->header[c] << " mixes decimals";
    }
  }
  // The area table: places and priority labels as records say them, capitalised.
  const doc::Table& areas = *tables[3];
  EXPECT_EQ(areas.rows[0][0], "Thành phố Bắc Giang");
  EXPECT_EQ(areas.rows[3][1], "Miền núi");
  EXPECT_EQ(areas.rows[0][4], "4.540,0");  // the column holds 2.560,3
}

TEST(ReportLayout, TotalRowsAreBold) {
  doc::Document d = document();
  std::string html = render_html(d), md = render_markdown(d);
  for (const doc::Table* t : appendix_tables(d)) {
    if (!t->last_row_is_total) continue;
    EXPECT_EQ(t->rows.back()[0], "Tổng cộng");
  }
  EXPECT_NE(html.find("table.data tr.total td { font-weight: bold; }"), std::string::npos);
  EXPECT_EQ(count(html, "<tr class=\"total\"><td>Tổng cộng</td>"), 4u);  // all but the targets table
  EXPECT_EQ(count(md, "| **Tổng cộng** |"), 4u);
}

TEST(ReportLayout, ProseSaysEachThingOnceWithAVerbAndTheGrowthMethodInWords) {
  const std::string& md = demo_report().markdown;
  // 2.8: the activity's description no longer repeats what its name says.
  EXPECT_EQ(count(md, "khảo sát thị trường"), 1u);
  EXPECT_EQ(count(md, "tại Indonesia và Philippines"), 1u);
  EXPECT_NE(md.find("khảo sát thị trường tại Indonesia và Philippines: nghiên cứu cơ chế, chính sách phát triển công "
                    "nghiệp - tiểu thủ công nghiệp, doanh nghiệp nhỏ và vừa, quản lý cụm công nghiệp; không sử dụng "
                    "kinh phí khuyến công tỉnh."),
            std::string::npos);
  // 1.1: the list of local documents opens with a sentence that has a verb.
  EXPECT_NE(md.find("Trên cơ sở đó, tỉnh đã ban hành 05 văn bản quy định về công tác khuyến công"), std::string::npos);
  // The growth method in words in the body; its formula only in a note.
  EXPECT_NE(md.find("tốc độ tăng trưởng bình quân 19,4%/năm (mức tăng đều mỗi năm để từ giá trị năm 2015 đạt giá trị "
                    "năm 2020)"),
            std::string::npos);
  for (const doc::Block& b : document().body) {
    const auto* p = std::get_if<doc::Paragraph>(&b);
    if (!p || p->style == doc::ParagraphStyle::Note) continue;
    for (const doc::Span& s : p->spans) EXPECT_EQ(s.text.find(")^("), std::string::npos) << "formula in the body: " << s.text;
  }
}

TEST(ReportLayout, ResultsSayWhatTheyShareOnce) {
  const std::string& md = demo_report().markdown;
  // 2.4: honoured products of three levels in one phrase, not three rows of a table.
  EXPECT_NE(md.find("28 sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh (đạt 93,3% so với mục tiêu giai đoạn), "
                    "05 cấp khu vực và 04 cấp quốc gia;"),
            std::string::npos);
  EXPECT_EQ(count(md, "05 sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực"), 0u);
  // 2.6: three outputs at 100% of their targets say it once.
  EXPECT_NE(md.find("1.800 bản tin khuyến công, 3.000 catalog giới thiệu, quảng bá sản phẩm công nghiệp nông thôn tiêu "
                    "biểu và 800 chương trình truyền hình, tin bài, ấn phẩm tuyên truyền (đều đạt 100% so với mục tiêu "
                    "giai đoạn)."),
            std::string::npos);
  EXPECT_EQ(count(md, "(đạt 100% so với mục tiêu giai đoạn)"), 1u);  // 2.2's, beside a 153%
}

TEST(ReportLayout, AlignDecimalsPadsNumbersAndLeavesTextAlone) {
  doc::Table t;
  t.header = {"Tên", "Kinh phí", "Tỷ lệ"};
  t.numeric = {false, true, true};
  t.rows = {{"A", "1.100", "31"}, {"B", "860,3", "79,17"}, {"C", "–", "109,4"}, {"10", "-5", ""}};
  doc::align_decimals(t);
  EXPECT_EQ(t.rows[0][1], "1.100,0");
  EXPECT_EQ(t.rows[1][1], "860,3");
  EXPECT_EQ(t.rows[2][1], "–");
  EXPECT_EQ(t.rows[3][1], "-5,0");
  EXPECT_EQ(t.rows[0][2], "31,00");
  EXPECT_EQ(t.rows[2][2], "109,40");
  EXPECT_EQ(t.rows[3][2], "");
  EXPECT_EQ(t.rows[3][0], "10");  // a text column is not a number column
}

}  // namespace
}  // namespace kc::test
