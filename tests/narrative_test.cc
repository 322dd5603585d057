// Narrative markup (report/narrative.h): figure references checked against the demo's computed
// figures, every problem with its line, rendering into the document model and the editor's
// preview, and the snapshot an issued report keeps.
#include "report/narrative.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "core/process.h"
#include "report/render_docx.h"
#include "report/render_pdf.h"
#include "report/render_text.h"
#include "support/demo_report.h"
#include "support/office_support.h"
#include "support/test_support.h"

namespace kc::narrative {
namespace {

const std::vector<Figure>& demo_figures() { return test::demo_report().report.figures; }
const FigureValues& demo_values() {
  static const FigureValues values = figure_values(demo_figures());
  return values;
}

Narrative parsed(std::string_view text) {
  ParseResult r = parse_narrative(text, demo_values());
  EXPECT_TRUE(r.problems.empty()) << r.problems.front().message;
  return r.narrative.value_or(Narrative{});
}

std::vector<Problem> problems(std::string_view text) {
  ParseResult r = parse_narrative(text, demo_values());
  EXPECT_FALSE(r.narrative) << "a text with problems must not be accepted";
  return r.problems;
}

std::string plain(const doc::Paragraph& p) {
  std::string out;
  for (const doc::Span& s : p.spans) out += s.text;
  return out;
}

// The example of docs/report.md, "Narrative markup": figures printed the Vietnamese way.
TEST(Narrative, TheDocumentedExample) {
  Narrative n = parsed(
      "Giai đoạn 2016 - 2020, toàn tỉnh thực hiện {de_an.tong.so_de_an} với tổng kinh phí ngân sách\n"
      "nhà nước **{de_an.tong.kinh_phi}**, trong đó:\n"
      "\n"
      "- khuyến công quốc gia: {de_an.quoc_gia.so_de_an}, {de_an.quoc_gia.kinh_phi};\n"
      "- khuyến công tỉnh: {de_an.tinh.so_de_an}, đạt {chi_tieu.kp_tinh.ty_le_dat} mục tiêu giai đoạn.\n");
  std::vector<doc::Block> b = to_blocks(n, demo_values());
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(plain(std::get<doc::Paragraph>(b[0])),
            "Giai đoạn 2016 - 2020, toàn tỉnh thực hiện 297 đề án với tổng kinh phí ngân sách nhà nước 30.722,3 "
            "triệu đồng, trong đó:");
  EXPECT_TRUE(std::get<doc::Paragraph>(b[0]).spans.at(1).bold);
  EXPECT_EQ(std::get<doc::Paragraph>(b[0]).spans.at(1).text, "30.722,3 triệu đồng");
  EXPECT_EQ(plain(std::get<doc::Paragraph>(b[1])), "- khuyến công quốc gia: 17 đề án, 6.000 triệu đồng;");
  EXPECT_EQ(plain(std::get<doc::Paragraph>(b[2])), "- khuyến công tỉnh: 132 đề án, đạt 79,17% mục tiêu giai đoạn.");
  EXPECT_EQ(references(n), (std::vector<std::string>{"de_an.tong.so_de_an", "de_an.tong.kinh_phi", "de_an.quoc_gia.so_de_an",
                                                     "de_an.quoc_gia.kinh_phi", "de_an.tinh.so_de_an",
                                                     "chi_tieu.kp_tinh.ty_le_dat"}));
}

TEST(Narrative, CountsBelowTenGetALeadingZeroAsTheReportWritesThem) {
  EXPECT_EQ(printed_text(count_figure("x", "x", "đề án", 9)), "09 đề án");
  EXPECT_EQ(printed_text(count_figure("x", "x", "đề án", 1377)), "1.377 đề án");
  EXPECT_EQ(printed_text(real_figure("x", "x", "%/năm", 19.369, 1, "")), "19,4%/năm");
  EXPECT_EQ(demo_values().at("noi_dung.1.tinh.so_de_an").text, "09 đề án");
}

// Ids carry record codes: an indicator coded "KP-doi-ung" (as the national dataset codes some)
// is referred to like any other.
TEST(Narrative, IdsHoldTheCodesOfRecordsWithHyphensAndCapitals) {
  FigureValues values = {{"chi_tieu.KP-doi-ung.muc_tieu", {"mục tiêu", "1.200 triệu đồng"}}};
  ParseResult r = parse_narrative("Mục tiêu {chi_tieu.KP-doi-ung.muc_tieu}.", values);
  ASSERT_TRUE(r.problems.empty()) << r.problems.front().message;
  EXPECT_EQ(preview_html(*r.narrative, values),
            "<p>Mục tiêu <mark class=\"so-lieu\" title=\"mục tiêu\">1.200 triệu đồng</mark>.</p>\n");
}

TEST(Narrative, LiteralBracesAndBold) {
  Narrative n = parsed("Viết {{mã}} như **{de_an.tong.so_de_an} đề án** và }} thôi.");
  doc::Paragraph p = std::get<doc::Paragraph>(to_blocks(n, demo_values()).at(0));
  EXPECT_EQ(plain(p), "Viết {mã} như 297 đề án đề án và } thôi.");
  ASSERT_EQ(p.spans.size(), 3u);
  EXPECT_FALSE(p.spans[0].bold);
  EXPECT_TRUE(p.spans[1].bold);
  EXPECT_EQ(p.spans[1].text, "297 đề án đề án");
  EXPECT_FALSE(p.spans[2].bold);
}

TEST(Narrative, UnknownReferenceNamesItAndItsLineAndTheNeighbours) {
  std::vector<Problem> p = problems("Đoạn một.\n\nDòng ba có {de_an.tong.so_de_anx} sai.");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].line, 3u);
  EXPECT_EQ(p[0].message.rfind("Không có số liệu '{de_an.tong.so_de_anx}' ở dòng 3; các số liệu của mục này bắt đầu "
                               "bằng 'de_an.tong.': ",
                               0),
            0u)
      << p[0].message;
  EXPECT_NE(p[0].message.find("de_an.tong.so_de_an"), std::string::npos);

  std::vector<Problem> group = problems("Nhóm {de_an.tong} thay vì số liệu.");
  ASSERT_EQ(group.size(), 1u);
  EXPECT_EQ(group[0].message, "Không có số liệu '{de_an.tong}' ở dòng 1; các số liệu của mục này bắt đầu bằng "
                              "'de_an.tong.': de_an.tong.doi_ung, de_an.tong.kinh_phi, de_an.tong.so_de_an");

  std::vector<Problem> many = problems("{de_an.khong_co}");  // 13 figures start with "de_an.": 12 shown
  ASSERT_EQ(many.size(), 1u);
  EXPECT_NE(many[0].message.find(", … (13 số liệu)"), std::string::npos) << many[0].message;

  std::vector<Problem> q = problems("{khong_co}");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_NE(q[0].message.find("các nhóm số liệu của mục này: "), std::string::npos) << q[0].message;
  EXPECT_NE(q[0].message.find("de_an.…"), std::string::npos) << q[0].message;
}

TEST(Narrative, EveryProblemAtOnceInLineOrder) {
  std::vector<Problem> p = problems("Mở {de_an.tong.so_de_an mà không đóng\n"
                                    "Rỗng {} và { } đây\n"
                                    "\n"
                                    "- mục **đậm chưa đóng\n"
                                    "- lẻ } và {sai.ma}");
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0].line, 1u);
  EXPECT_EQ(p[0].message,
            "Thiếu dấu '}' đóng tham chiếu số liệu '{de_an.tong.so_de_an mà không đóng' ở dòng 1 (viết '{{' để in dấu '{')");
  EXPECT_EQ(p[1].message,
            "Tham chiếu số liệu rỗng '{}' ở dòng 2: viết mã số liệu giữa hai dấu ngoặc, ví dụ {de_an.tong.so_de_an}");
  EXPECT_EQ(p[2].line, 2u);
  EXPECT_EQ(p[2].message.rfind("Tham chiếu số liệu rỗng '{ }' ở dòng 2", 0), 0u);
  EXPECT_EQ(p[3].line, 4u);
  EXPECT_EQ(p[3].message, "Thiếu '**' đóng chữ đậm mở ở dòng 4 (chữ đậm kết thúc trong đoạn hoặc mục của nó)");
  EXPECT_EQ(p[4].message, "Dấu '}' ở dòng 5 không đóng tham chiếu số liệu nào (viết '}}' để in dấu '}')");
  EXPECT_EQ(p[5].line, 5u);
  EXPECT_EQ(p[5].message.rfind("Không có số liệu '{sai.ma}' ở dòng 5", 0), 0u);
}

TEST(Narrative, AnOpeningBraceBeforeTheCloseIsUnclosed) {
  std::vector<Problem> p = problems("a {de_an {de_an.tong.so_de_an}");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message.rfind("Thiếu dấu '}' đóng tham chiếu số liệu '{de_an' ở dòng 1", 0), 0u) << p[0].message;
}

TEST(Narrative, InvalidUtf8IsRefused) {
  std::vector<Problem> p = problems("dòng một\nxấu \xC3\x28");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message, "Văn bản không phải UTF-8 hợp lệ ở dòng 2");
}

TEST(Narrative, ParagraphsAndBulletsToTheDocumentModel) {
  Narrative n = parsed("Đoạn đầu,\nnối dòng.\r\n\r\n"
                       "Các tồn tại:\n"
                       "- thứ nhất {de_an.tong.so_de_an};\n"
                       "  tiếp mục một;\n"
                       "- thứ hai.\n"
                       "\n"
                       "Đoạn cuối.");
  std::vector<doc::Block> blocks = to_blocks(n, demo_values());
  ASSERT_EQ(blocks.size(), 5u);
  auto para = [&](size_t i) { return std::get<doc::Paragraph>(blocks[i]); };
  EXPECT_EQ(para(0).style, doc::ParagraphStyle::Body);
  EXPECT_EQ(plain(para(0)), "Đoạn đầu, nối dòng.");
  EXPECT_EQ(plain(para(1)), "Các tồn tại:");
  EXPECT_EQ(para(2).style, doc::ParagraphStyle::Bullet);
  EXPECT_EQ(plain(para(2)), "- thứ nhất 297 đề án; tiếp mục một;");
  EXPECT_EQ(para(3).style, doc::ParagraphStyle::Bullet);
  EXPECT_EQ(plain(para(3)), "- thứ hai.");
  EXPECT_EQ(para(4).style, doc::ParagraphStyle::Body);
  EXPECT_EQ(n.blocks[4].line, 9u);

  // The existing renderers print it.
  doc::Document d;
  d.body = blocks;
  std::string md = render_markdown(d);
  EXPECT_NE(md.find("- thứ nhất 297 đề án; tiếp mục một;\n"), std::string::npos) << md;
  EXPECT_NE(render_html(d).find("<p>- thứ hai.</p>"), std::string::npos);
}

TEST(Narrative, DocxAndPdfPrintIt) {
  doc::Document d;
  d.kind = "BÁO CÁO";
  d.body = to_blocks(parsed("Kinh phí **{de_an.tong.kinh_phi}** cả giai đoạn.\n\n- Số đề án {de_an.tong.so_de_an}."),
                     demo_values());
  test::TempDir dir;
  doc::render_docx(d, dir / "n.docx");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(test::unzip(dir / "n.docx").at("word/document.xml").c_str()));
  std::string docx = test::docx_text(xml);
  EXPECT_NE(docx.find("Kinh phí 30.722,3 triệu đồng cả giai đoạn."), std::string::npos) << docx;
  EXPECT_NE(docx.find("- Số đề án 297 đề án."), std::string::npos) << docx;

  if (test::find_on_path("pdftotext").empty()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  doc::render_pdf(d, dir / "n.pdf");
  ProcessResult pdf = run_process({"pdftotext", "-enc", "UTF-8", (dir / "n.pdf").string(), "-"});
  ASSERT_EQ(pdf.exit_code, 0) << pdf.output;
  EXPECT_NE(pdf.output.find("Kinh phí 30.722,3 triệu đồng cả giai đoạn."), std::string::npos) << pdf.output;
  EXPECT_NE(pdf.output.find("- Số đề án 297 đề án."), std::string::npos) << pdf.output;
}

TEST(Narrative, PreviewHighlightsFiguresAndEscapesStaffText) {
  FigureValues values = demo_values();
  values["x.nhan"] = FigureValue{"nhãn <\"đặc biệt\">", "1 & 2"};
  ParseResult r = parse_narrative("<script>alert('x')</script> & **{de_an.tong.kinh_phi}**\n\n"
                                  "- {x.nhan} <b>\n- hai",
                                  values);
  ASSERT_TRUE(r.narrative);
  EXPECT_EQ(preview_html(*r.narrative, values),
            "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <strong><mark class=\"so-lieu\" "
            "title=\"kinh phí ngân sách nhà nước toàn giai đoạn\">30.722,3 triệu đồng</mark></strong></p>\n"
            "<ul>\n<li><mark class=\"so-lieu\" title=\"nhãn &lt;&quot;đặc biệt&quot;&gt;\">1 &amp; 2</mark> &lt;b&gt;</li>\n"
            "<li>hai</li>\n</ul>\n");
}

TEST(Narrative, SectionFiguresGroupedByPrefixInReportOrder) {
  std::vector<FigureGroup> groups = section_figures(demo_figures());
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0].prefix, "de_an");
  EXPECT_EQ(groups[0].title, "Đề án và kinh phí");
  EXPECT_EQ(groups[0].figures[0].id, "de_an.tong.so_de_an");
  EXPECT_EQ(groups[0].figures[0].label, "số đề án toàn giai đoạn");
  EXPECT_EQ(groups[0].figures[0].text, "297 đề án");
  size_t total = 0;
  for (const FigureGroup& g : groups) {
    total += g.figures.size();
    for (const AvailableFigure& f : g.figures) EXPECT_EQ(f.id.rfind(g.prefix + ".", 0), 0u) << f.id;
    EXPECT_NE(g.title, g.prefix) << "a group without a Vietnamese title: " << g.prefix;
  }
  EXPECT_EQ(total, demo_figures().size());
}

TEST(Narrative, SnapshotKeepsIssuedTextAndListsChangedFigures) {
  Narrative n = parsed("{de_an.tong.so_de_an} đề án, {de_an.tong.kinh_phi}; lại {de_an.tong.so_de_an}; {lang_nghe.tong}.");
  FigureValues issued = snapshot_figures(n, demo_values());
  EXPECT_EQ(issued.size(), 3u);
  EXPECT_TRUE(changed_figures(n, issued, demo_values()).empty());

  FigureValues now = demo_values();
  now["de_an.tong.kinh_phi"].text = "30.800 triệu đồng";
  now.erase("lang_nghe.tong");
  std::vector<FigureChange> changes = changed_figures(n, issued, now);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].id, "de_an.tong.kinh_phi");
  EXPECT_EQ(changes[0].issued, "30.722,3 triệu đồng");
  EXPECT_EQ(changes[0].current, "30.800 triệu đồng");
  EXPECT_EQ(changes[1].id, "lang_nghe.tong");
  EXPECT_FALSE(changes[1].current);

  // The issued document still prints the stored text.
  EXPECT_EQ(plain(std::get<doc::Paragraph>(to_blocks(n, issued).at(0))),
            "297 đề án đề án, 30.722,3 triệu đồng; lại 297 đề án; " + issued.at("lang_nghe.tong").text + ".");
}

// Not a benchmark: prints the time to check and render one section on the demo (docs/report.md).
TEST(Narrative, RenderTimeOfASectionOnTheDemo) {
  std::string text;
  for (int i = 0; i < 20; ++i)
    text += "Giai đoạn thực hiện {de_an.tong.so_de_an} với kinh phí **{de_an.tong.kinh_phi}**, đạt "
            "{chi_tieu.kp_tinh.ty_le_dat}.\n- mục {noi_dung.1.tinh.so_de_an}\n\n";
  auto start = std::chrono::steady_clock::now();
  constexpr int kRuns = 200;
  size_t bytes = 0;
  for (int i = 0; i < kRuns; ++i) {
    FigureValues values = figure_values(demo_figures());
    ParseResult r = parse_narrative(text, values);
    ASSERT_TRUE(r.narrative);
    bytes += preview_html(*r.narrative, values).size() + to_blocks(*r.narrative, values).size();
  }
  double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / kRuns;
  std::printf("narrative: %zu bytes, 40 blocks, 80 references: %.0f µs per section (values, parse, preview, blocks)\n",
              text.size(), us);
  EXPECT_GT(bytes, 0u);
}

}  // namespace
}  // namespace kc::narrative
