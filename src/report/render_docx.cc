// DOCX renderer: the Nghị định 30/2020 layout of a kc::doc::Document as WordprocessingML.
// Fixed parts (styles, settings, headers, relationships) are string constants; the body is
// built with the helpers of ooxml_writer.h.
#include "report/render_docx.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "report/chart_draw.h"
#include "report/ooxml_writer.h"

namespace kc::doc {
namespace {

using ooxml::Align;
using ooxml::ParaFormat;
using ooxml::RunFormat;

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelTypes =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Page geometry in twips (1 mm = 56.7 twips): A4, margins top/bottom 20, left 30, right 15 mm.
constexpr int kTextWidth = 11906 - 1701 - 851;  // 9354; tables use the 160 mm below
constexpr int kTableWidth = 9072;               // 160 mm
constexpr int kCellPadding = 2 * 108;           // default left + right cell margins

std::string wrap(std::string_view root, std::string_view inner, std::string_view more_namespaces = {}) {
  return std::string(ooxml::kXmlDeclaration) + "<w:" + std::string(root) + " xmlns:w=\"" +
         std::string(kW) + "\" xmlns:r=\"" + std::string(kR) + "\"" + std::string(more_namespaces) + ">" +
         std::string(inner) + "</w:" + std::string(root) + ">";
}

// ---- fixed parts -------------------------------------------------------------------------

std::string content_types(bool has_images) {
  const std::string ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  std::vector<std::pair<std::string, std::string>> defaults;
  if (has_images) defaults.emplace_back("png", "image/png");
  return ooxml::content_types({{"/word/document.xml", ct + "document.main+xml"},
                               {"/word/styles.xml", ct + "styles+xml"},
                               {"/word/settings.xml", ct + "settings+xml"},
                               {"/word/fontTable.xml", ct + "fontTable+xml"},
                               {"/word/header1.xml", ct + "header+xml"},
                               {"/word/header2.xml", ct + "header+xml"}},
                              defaults);
}

std::string package_rels() {
  const std::string rel(kRelTypes);
  return ooxml::relationships(
      {{rel + "officeDocument", "word/document.xml"},
       {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml"},
       {rel + "extended-properties", "docProps/app.xml"}});
}

// The charts, drawn as PNG images into word/media/ and shown inline.
struct Media {
  std::vector<std::string> images;  // PNG bytes of word/media/chart<n>.png, n from 1
  // rId1–rId5 are the fixed parts below; the images follow.
  static std::string rel_id(size_t index) { return "rId" + std::to_string(index + 6); }
  static std::string part(size_t index) { return "media/chart" + std::to_string(index + 1) + ".png"; }
};

// rId4 is the header of pages 2+, rId5 the empty first-page header (see sectPr below).
std::string document_rels(const Media& media) {
  const std::string rel(kRelTypes);
  std::vector<std::pair<std::string, std::string>> rels = {{rel + "styles", "styles.xml"},
                                                           {rel + "settings", "settings.xml"},
                                                           {rel + "fontTable", "fontTable.xml"},
                                                           {rel + "header", "header1.xml"},
                                                           {rel + "header", "header2.xml"}};
  for (size_t i = 0; i < media.images.size(); ++i) rels.emplace_back(rel + "image", Media::part(i));
  return ooxml::relationships(rels);
}

std::string title(const Document& d) {
  std::string title = d.kind;
  for (const std::string& line : d.subject) title += (title.empty() ? "" : " ") + line;
  return title;
}

constexpr std::string_view kFonts =
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
    "w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>";

std::string style(std::string_view type, std::string_view id, std::string_view name,
                  std::string_view based_on, std::string_view ppr, std::string_view rpr) {
  std::string s = "<w:style w:type=\"" + std::string(type) + "\" w:styleId=\"" + std::string(id) +
                  "\"><w:name w:val=\"" + std::string(name) + "\"/>";
  if (!based_on.empty()) s += "<w:basedOn w:val=\"" + std::string(based_on) + "\"/>";
  s += "<w:qFormat/>";
  if (!ppr.empty()) s += "<w:pPr>" + std::string(ppr) + "</w:pPr>";
  if (!rpr.empty()) s += "<w:rPr>" + std::string(rpr) + "</w:rPr>";
  return s + "</w:style>";
}

// Normal is the body text (14 pt, justified, first line 1,27 cm, 6 pt after, line 1.15);
// "Compact" is the unindented single-spaced base of the letterhead, tables and signature.
std::string styles() {
  const std::string fonts(kFonts);
  const std::string sz28 = "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>";
  const std::string compact =
      "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" "
      "w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>";
  const std::string heading = "<w:keepNext/><w:spacing w:before=\"120\"/><w:outlineLvl w:val=\"";
  std::string s =
      "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts + sz28 +
      "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
      "</w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"120\" "
      "w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"
      "</w:pPr><w:rPr>" +
      fonts + sz28 + "</w:rPr></w:style>";
  s += style("paragraph", "Heading1", "heading 1", "Normal", heading + "0\"/>", "<w:b/><w:bCs/>");
  s += style("paragraph", "Heading2", "heading 2", "Normal", heading + "1\"/>", "<w:b/><w:bCs/>");
  s += style("paragraph", "Heading3", "heading 3", "Normal", heading + "2\"/>",
             "<w:b/><w:bCs/><w:i/><w:iCs/>");
  s += style("paragraph", "ListDash", "List Dash", "Normal", "", "");
  s += style("paragraph", "Note", "Note", "Normal", "",
             "<w:i/><w:iCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
  s += style("paragraph", "Compact", "Compact", "Normal", compact + "<w:jc w:val=\"left\"/>", "");
  s += style("paragraph", "TableText", "Table Text", "Compact",
             "<w:spacing w:before=\"40\" w:after=\"40\"/>",
             "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>");
  s += style("paragraph", "TableCaption", "Table Caption", "Normal",
             "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:firstLine=\"0\"/>"
             "<w:jc w:val=\"center\"/>",
             "<w:b/><w:bCs/>");
  s +=
      style("paragraph", "DocKind", "Document Kind", "Compact",
            "<w:keepNext/><w:spacing w:before=\"360\"/><w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>");
  s += style("paragraph", "DocSubject", "Document Subject", "Compact",
             "<w:keepNext/><w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>");
  s += style("paragraph", "Header", "header", "Compact", "<w:jc w:val=\"center\"/>", "");
  s += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name "
       "w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
       "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
       "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
       "</w:tblCellMar></w:tblPr></w:style>";
  return wrap("styles", s);
}

std::string settings() {
  return wrap("settings",
              "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
              "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
              "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
              "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
              "<w:themeFontLang w:val=\"vi-VN\"/><w:decimalSymbol w:val=\",\"/>"
              "<w:listSeparator w:val=\";\"/>");
}

std::string font_table() {
  return wrap("fonts",
              "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/>"
              "<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/>"
              "</w:font>");
}

// Pages 2+: the page number, centred at the top (ND 30: numbering starts on page 2).
std::string page_number_header() {
  return wrap("hdr",
              "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr>"
              "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
              "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
              "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r>"
              "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
}

std::string empty_header() {
  return wrap("hdr", "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>");
}

// ---- body ----------------------------------------------------------------------------------

ParaFormat styled(std::string_view id) {
  ParaFormat f;
  f.style = id;
  return f;
}

ParaFormat centered(int before = -1) {
  ParaFormat f;
  f.style = "Compact";
  f.align = Align::Center;
  f.before = before;
  return f;
}

// A thin centred rule `width` twips long in a cell whose text area is `cell_text_width` wide:
// the bottom border of a near-empty paragraph narrowed by equal side indents.
std::string rule(int cell_text_width, int width) {
  ParaFormat f = centered();
  f.left = f.right = std::max(0, (cell_text_width - width) / 2);
  f.line = 40;
  f.exact_line = true;
  f.bottom_border = true;
  return ooxml::paragraph(f, "");
}

// One name of the letterhead on one line of a cell `cell_text_width` twips wide: set at
// `half_points`, or smaller (down to 10 pt) when the estimate says it would otherwise wrap — a
// name is never broken across lines (ND 30, Phụ lục I).
std::string one_line(std::string_view text, int cell_text_width, RunFormat format) {
  while (format.half_points > 20 &&
         ooxml::estimate_width(text, format.half_points, format.bold) * 110 / 100 > cell_text_width)
    --format.half_points;
  return ooxml::text_paragraph(centered(), text, format);
}

std::string letterhead(const Letterhead& h) {
  // 7 + 10,5 cm, 1 cm into the left margin. A long name widens the left column, as far as the
  // national name leaves room, before it is set smaller.
  constexpr int kTotal = 3969 + 5953, kIndent = -567;
  auto one_line_width = [](std::string_view text, int half_points, bool bold) {
    return ooxml::estimate_width(text, half_points, bold) * 110 / 100 + kCellPadding;
  };
  const int right_min = one_line_width(kNationalName, 24, true);
  const int kLeft = std::clamp(std::max(one_line_width(h.parent_agency, 26, false), one_line_width(h.agency, 26, true)),
                               3969, std::max(3969, kTotal - right_min));
  const int kRight = kTotal - kLeft;
  const int kLeftText = kLeft - kCellPadding, kRightText = kRight - kCellPadding;
  std::string left;
  if (!h.parent_agency.empty()) left += one_line(h.parent_agency, kLeftText, {.half_points = 26, .caps = true});
  left += one_line(h.agency, kLeftText, {.half_points = 26, .bold = true, .caps = true});
  // ND 30: the rule under the agency is 1/3 to 1/2 as long as its line.
  int agency_width = ooxml::estimate_width(h.agency, 26, true);
  left += rule(kLeftText, std::clamp(agency_width * 45 / 100, 700, 2400));
  std::string right = one_line(kNationalName, kRightText, {.half_points = 24, .bold = true}) +
                      one_line(kMotto, kRightText, {.half_points = 26, .bold = true});
  right += rule(kRightText, ooxml::estimate_width(kMotto, 26, true));  // as long
  std::string rows =
      ooxml::table_row(ooxml::table_cell(kLeft, left) + ooxml::table_cell(kRight, right));
  rows += ooxml::table_row(
      ooxml::table_cell(kLeft,
                        ooxml::text_paragraph(centered(120), h.number, {.half_points = 26})) +
      ooxml::table_cell(kRight, ooxml::text_paragraph(centered(120), h.place_date,
                                                      {.half_points = 28, .italic = true})));
  return ooxml::table({kLeft, kRight}, rows, false, kIndent);
}

std::string style_id(ParagraphStyle s) {
  switch (s) {
    case ParagraphStyle::Body:
      return "";
    case ParagraphStyle::Heading1:
      return "Heading1";
    case ParagraphStyle::Heading2:
      return "Heading2";
    case ParagraphStyle::Heading3:
      return "Heading3";
    case ParagraphStyle::Bullet:
      return "ListDash";
    case ParagraphStyle::Note:
      return "Note";
  }
  return "";
}

bool starts_with_marker(const Paragraph& p) {
  for (const Span& s : p.spans) {
    if (s.text.empty()) continue;
    std::string_view t = s.text;
    return t.starts_with("- ") || t.starts_with("+ ") || t.starts_with("– ");
  }
  return false;
}

std::string paragraph(const Paragraph& p, bool keep_next = false) {
  ParaFormat f;
  f.style = style_id(p.style);
  f.keep_next = keep_next;
  std::string runs;
  if (p.style == ParagraphStyle::Bullet && !starts_with_marker(p)) runs += ooxml::run("- ");
  for (const Span& s : p.spans) runs += ooxml::run(s.text, {.bold = s.bold, .italic = s.italic});
  return ooxml::paragraph(f, runs);
}

struct ColumnLayout {
  int half_points = 26;  // cell text size: 13 pt, or 12 pt for tables too wide for it
  std::vector<int> widths;
};

// Column widths for the 160 mm text width, in three tiers: every column gets its longest word
// (numbers are never broken; text columns get ~12 characters a line); then, room permitting,
// its cells on one line; then its header on one line (up to ~10 characters; longer headers
// wrap). Wide text columns give way first. A table whose minimum does not fit at 13 pt is set
// in 12 pt.
ColumnLayout layout_columns(const Table& t, size_t columns) {
  for (int size : {26, 24}) {
    auto width = [&](std::string_view text, bool bold) {
      return ooxml::estimate_width(text, size, bold) * 105 / 100 + kCellPadding + 20;
    };
    auto chars = [&](int n) { return n * 500 * size / 100 + kCellPadding; };
    std::vector<int> need(columns, 0), body(columns, 0), full(columns, 0);
    auto words = [&](size_t c, std::string_view text, bool bold) {
      for (size_t start = 0; start <= text.size();) {
        size_t end = std::min(text.find(' ', start), text.size());
        need[c] = std::max(need[c], width(text.substr(start, end - start), bold));
        start = end + 1;
      }
    };
    for (size_t r = 0; r < t.rows.size(); ++r) {
      bool bold = t.last_row_is_total && r + 1 == t.rows.size();
      for (size_t c = 0; c < t.rows[r].size(); ++c) {
        int w = width(t.rows[r][c], bold);
        body[c] = std::max(body[c], w);
        bool numeric = c < t.numeric.size() && t.numeric[c];
        need[c] = std::max(need[c], numeric ? w : std::min(w, chars(12)));
        words(c, t.rows[r][c], bold);
      }
    }
    for (size_t c = 0; c < t.header.size(); ++c) {
      words(c, t.header[c], true);
      full[c] = std::min(width(t.header[c], true), chars(10));
    }
    ooxml::ColumnWidths chosen = ooxml::choose_column_widths(need, body, full, kTableWidth);
    if (!chosen.fits && size == 26) continue;
    return {size, std::move(chosen.widths)};
  }
  return {};  // not reached: the 12 pt pass always returns
}

std::string table(const Table& t) {
  std::string out;
  if (!t.caption.empty()) out += ooxml::text_paragraph(styled("TableCaption"), t.caption);
  size_t columns = t.header.size();
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  if (columns == 0) return out;
  ColumnLayout layout = layout_columns(t, columns);
  int size = layout.half_points == 26 ? 0 : layout.half_points;  // 0: the style's 13 pt
  auto cells = [&](const std::vector<std::string>& values, bool header, bool bold) {
    std::string xml;
    for (size_t c = 0; c < columns; ++c) {
      ParaFormat f = styled("TableText");
      bool numeric = c < t.numeric.size() && t.numeric[c];
      f.align = header ? Align::Center : (numeric ? Align::Right : Align::Left);
      std::string text = c < values.size() ? values[c] : "";
      xml += ooxml::table_cell(layout.widths[c],
                               ooxml::text_paragraph(f, text, {.half_points = size, .bold = bold}),
                               header);
    }
    return xml;
  };
  std::string rows;
  if (!t.header.empty()) rows += ooxml::table_row(cells(t.header, true, true), true);
  for (size_t r = 0; r < t.rows.size(); ++r)
    rows +=
        ooxml::table_row(cells(t.rows[r], false, t.last_row_is_total && r + 1 == t.rows.size()));
  out += ooxml::table(layout.widths, rows, true);
  // Space after the table; also keeps Word from merging it with a following table.
  return out + ooxml::paragraph(styled("Compact"), "");
}

// A chart: its caption, then its PNG (drawn at 160 mm wide, 192 dpi) centred on its own line.
std::string chart_picture(const Chart& c, Media& media) {
  constexpr double kWidth = kTableWidth / 20.0;  // points
  double height = chart::preferred_height(c, kWidth);
  size_t index = media.images.size();
  media.images.push_back(chart::png(c, kWidth, height));
  std::string out;
  if (!c.caption.empty()) out += ooxml::text_paragraph(styled("TableCaption"), c.caption);
  ParaFormat f = centered();
  f.after = 240;
  return out + ooxml::paragraph(f, ooxml::inline_picture(Media::rel_id(index), static_cast<int>(index + 1),
                                                         "Biểu đồ " + std::to_string(index + 1), c.caption, kWidth,
                                                         height));
}

// The recipients and the signature: one row that never splits, its paragraphs kept together,
// and the paragraph before it kept with it (see document_xml), so no page holds only them.
std::string signature(const Signature& s) {
  if (s.recipients.empty() && s.position.empty() && s.signer.empty()) return "";
  constexpr int kHalf = kTextWidth / 2;
  ParaFormat compact = styled("Compact");
  compact.keep_next = true;
  ParaFormat middle = centered();
  middle.keep_next = true;
  std::string left =
      ooxml::text_paragraph(compact, "Nơi nhận:", {.half_points = 24, .bold = true, .italic = true});
  for (const std::string& r : s.recipients) left += ooxml::text_paragraph(compact, r, {.half_points = 22});
  std::string right;
  if (!s.authority.empty()) right += ooxml::text_paragraph(middle, s.authority, {.half_points = 28, .bold = true});
  right += ooxml::text_paragraph(middle, s.position, {.half_points = 28, .bold = true});
  for (int i = 0; i < 4; ++i) right += ooxml::paragraph(middle, "");
  right += ooxml::text_paragraph(centered(), s.signer, {.half_points = 28, .bold = true});
  std::string rows = ooxml::table_row(ooxml::table_cell(kHalf, left) +
                                      ooxml::table_cell(kTextWidth - kHalf, right));
  ParaFormat space = styled("Compact");
  space.before = 120;
  space.keep_next = true;
  return ooxml::paragraph(space, "") + ooxml::table({kHalf, kTextWidth - kHalf}, rows, false);
}

std::string blocks(const std::vector<Block>& blocks, Media& media, bool keep_last_with_next) {
  std::string out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      out += paragraph(*p, keep_last_with_next && i + 1 == blocks.size());
    } else if (const auto* t = std::get_if<Table>(&block)) {
      out += table(*t);
    } else if (const auto* c = std::get_if<Chart>(&block)) {
      out += chart_picture(*c, media);
    } else {
      out += ooxml::page_break();
    }
  }
  return out;
}

// An appendix on a new page: "Phụ lục n", its subject, the report it goes with, its blocks.
std::string appendix(const Appendix& a, Media& media) {
  ParaFormat title = centered();
  title.keep_next = true;
  ParaFormat reference = title;
  reference.after = 240;
  std::string out = ooxml::page_break();
  out += ooxml::text_paragraph(title, a.title, {.half_points = 28, .bold = true});
  if (!a.subject.empty()) out += ooxml::text_paragraph(title, a.subject, {.half_points = 28, .bold = true});
  if (!a.reference.empty()) {  // on one line when 12 pt or more allows it
    RunFormat italic{.half_points = 28, .italic = true};
    while (italic.half_points > 24 && ooxml::estimate_width(a.reference, italic.half_points) * 110 / 100 > kTextWidth)
      --italic.half_points;
    out += ooxml::text_paragraph(reference, a.reference, italic);
  }
  return out + blocks(a.blocks, media, false);
}

std::string section_properties() {
  return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
         "<w:headerReference w:type=\"first\" r:id=\"rId5\"/>"
         "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
         "<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\" "
         "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
         "<w:cols w:space=\"720\"/><w:titlePg/></w:sectPr>";
}

std::string document_xml(const Document& d, Media& media) {
  std::string body = letterhead(d.letterhead);
  if (!d.kind.empty()) body += ooxml::text_paragraph(styled("DocKind"), d.kind);
  for (size_t i = 0; i < d.subject.size(); ++i) {
    ParaFormat f = styled("DocSubject");
    if (i + 1 == d.subject.size()) f.after = 240;
    body += ooxml::text_paragraph(f, d.subject[i]);
  }
  std::string sign = signature(d.signature);
  body += blocks(d.body, media, !sign.empty());  // the last paragraph stays with the signature
  body += sign;
  for (const Appendix& a : d.appendices) body += appendix(a, media);
  // Word wants the body to end with a paragraph; keep it one point high.
  ParaFormat last = styled("Compact");
  last.line = 20;
  last.exact_line = true;
  body += ooxml::paragraph(last, "");
  return wrap("document", "<w:body>" + body + section_properties() + "</w:body>", ooxml::kDrawingNamespaces);
}

}  // namespace

void render_docx(const Document& d, const std::filesystem::path& out) {
  Media media;
  std::string document = document_xml(d, media);
  std::vector<ooxml::Part> parts = {
       {"[Content_Types].xml", content_types(!media.images.empty())},
       {"_rels/.rels", package_rels()},
       {"docProps/core.xml", ooxml::core_properties(title(d), d.letterhead.agency, "vi-VN")},
       {"docProps/app.xml", ooxml::app_properties("khuyencong", d.letterhead.agency)},
       {"word/document.xml", std::move(document)},
       {"word/styles.xml", styles()},
       {"word/settings.xml", settings()},
       {"word/fontTable.xml", font_table()},
       {"word/_rels/document.xml.rels", document_rels(media)},
       {"word/header1.xml", page_number_header()},
       {"word/header2.xml", empty_header()}};
  for (size_t i = 0; i < media.images.size(); ++i) parts.emplace_back("word/" + Media::part(i), std::move(media.images[i]));
  ooxml::write_package(parts, out);
}

}  // namespace kc::doc
