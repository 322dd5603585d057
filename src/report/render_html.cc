#include "report/render_text.h"

#include "core/base64.h"
#include "report/chart_draw.h"

namespace kc {

namespace {

constexpr const char* kStyle = R"CSS(
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.4;
       max-width: 165mm; margin: 20mm auto; padding: 0 8mm; color: #000; background: #fff; }
.letterhead { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
.letterhead td { text-align: center; vertical-align: top; font-size: 13pt; border: none; padding: 0 4pt; }
.letterhead td.issuer { width: 40%; }
.letterhead .line { display: block; white-space: nowrap; }
.letterhead .agency, .letterhead .motto { font-weight: bold; }
.letterhead .nation { font-size: 12pt; }
.letterhead .underline { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 2pt; }
@media (max-width: 600px) {
  body { padding: 0 3mm; margin: 8mm auto; }
  .letterhead td { display: block; width: auto; font-size: 11pt; padding: 0 0 6pt; }
  .letterhead td.issuer { width: auto; }
  .letterhead .nation { font-size: 10.5pt; }
}
.place-date { font-style: italic; }
h1 { text-align: center; font-size: 14pt; margin: 18pt 0 0; }
.subject { text-align: center; font-weight: bold; margin: 0; text-indent: 0; }
h2, h3, h4 { font-size: 14pt; margin: 10pt 0 4pt; text-indent: 1.27cm; }
h4 { font-style: italic; }
p { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; }
p.note { font-size: 12pt; font-style: italic; }
table.data { border-collapse: collapse; width: 100%; font-size: 12pt; margin: 4pt 0 12pt; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
table.data th { text-align: center; }
table.data td.num { text-align: right; white-space: nowrap; }
table.data tr.total td { font-weight: bold; }
caption { font-weight: bold; margin-bottom: 4pt; }
section.appendix { margin-top: 24pt; }
section.appendix .title { text-align: center; font-weight: bold; text-indent: 0; margin: 0; }
section.appendix .reference { text-align: center; font-style: italic; text-indent: 0; margin: 0 0 12pt; }
figure.chart { margin: 12pt 0; text-align: center; break-inside: avoid; }
figure.chart figcaption { font-weight: bold; margin-bottom: 6pt; }
figure.chart img { max-width: 100%; height: auto; }
.signature { width: 100%; margin-top: 18pt; border-collapse: collapse; }
.signature td { vertical-align: top; border: none; width: 50%; }
.recipients { font-size: 11pt; }
.recipients strong { font-size: 12pt; font-style: italic; }
.signer { text-align: center; font-weight: bold; }
hr.page-break { border: none; border-top: 1px dashed #999; margin: 24pt 0; }
)CSS";

std::string spans(const std::vector<doc::Span>& spans) {
  std::string out;
  for (const doc::Span& s : spans) {
    std::string text = html_escape(s.text);
    if (s.bold) text = "<strong>" + text + "</strong>";
    if (s.italic) text = "<em>" + text + "</em>";
    out += text;
  }
  return out;
}

// A chart as an SVG image of its own (a data: URI keeps the ids of several charts apart).
void chart_figure(std::string& out, const doc::Chart& c) {
  constexpr double kWidth = 453.5;  // 160 mm, the width of the tables
  double height = chart::preferred_height(c, kWidth);
  out += "<figure class=\"chart\"><figcaption>" + html_escape(c.caption) + "</figcaption><img alt=\"" +
         html_escape(c.caption) + "\" width=\"" + std::to_string(static_cast<int>(kWidth * 4 / 3)) +
         "\" src=\"data:image/svg+xml;base64," + base64_encode(chart::svg(c, kWidth, height)) + "\"></figure>\n";
}

void table(std::string& out, const doc::Table& t) {
  out += "<table class=\"data\">";
  if (!t.caption.empty()) out += "<caption>" + html_escape(t.caption) + "</caption>";
  out += "<thead><tr>";
  for (const std::string& h : t.header) out += "<th scope=\"col\">" + html_escape(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    bool total = t.last_row_is_total && r + 1 == t.rows.size();
    out += total ? "<tr class=\"total\">" : "<tr>";
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      bool numeric = c < t.numeric.size() && t.numeric[c];
      out += numeric ? "<td class=\"num\">" : "<td>";
      out += html_escape(t.rows[r][c]) + "</td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table>\n";
}

void blocks(std::string& out, const std::vector<doc::Block>& body) {
  for (const doc::Block& b : body) {
    if (const auto* p = std::get_if<doc::Paragraph>(&b)) {
      switch (p->style) {
        case doc::ParagraphStyle::Heading1: out += "<h2>" + spans(p->spans) + "</h2>\n"; break;
        case doc::ParagraphStyle::Heading2: out += "<h3>" + spans(p->spans) + "</h3>\n"; break;
        case doc::ParagraphStyle::Heading3: out += "<h4>" + spans(p->spans) + "</h4>\n"; break;
        case doc::ParagraphStyle::Note: out += "<p class=\"note\">" + spans(p->spans) + "</p>\n"; break;
        case doc::ParagraphStyle::Bullet:
        case doc::ParagraphStyle::Body: out += "<p>" + spans(p->spans) + "</p>\n"; break;
      }
    } else if (const auto* t = std::get_if<doc::Table>(&b)) {
      table(out, *t);
    } else if (const auto* c = std::get_if<doc::Chart>(&b)) {
      chart_figure(out, *c);
    } else {
      out += "<hr class=\"page-break\">\n";
    }
  }
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_html(const doc::Document& d) {
  std::string title = d.kind;
  for (const std::string& s : d.subject) title += " — " + s;
  std::string out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    html_escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  // Each name and each line of the motto is a block of its own that never wraps (ND 30, Phụ lục I).
  const doc::Letterhead& l = d.letterhead;
  auto line = [](const std::string& text, const std::string& cls = "") {
    return "<span class=\"line" + (cls.empty() ? "" : " " + cls) + "\">" + html_escape(text) + "</span>";
  };
  out += "<table class=\"letterhead\" role=\"presentation\"><tr><td class=\"issuer\">";
  if (!l.parent_agency.empty()) out += line(l.parent_agency, "parent");
  out += "<span class=\"line\"><span class=\"agency underline\">" + html_escape(l.agency) + "</span></span>" +
         line(l.number, "number") + "</td><td>" + line(doc::kNationalName, "nation motto") +
         "<span class=\"line\"><span class=\"motto underline\">" + html_escape(doc::kMotto) + "</span></span>" +
         line(l.place_date, "place-date") + "</td></tr></table>\n";
  out += "<h1>" + html_escape(d.kind) + "</h1>\n";
  for (const std::string& s : d.subject) out += "<p class=\"subject\">" + html_escape(s) + "</p>\n";
  blocks(out, d.body);
  const doc::Signature& s = d.signature;
  out += "<table class=\"signature\" role=\"presentation\"><tr><td class=\"recipients\">";
  if (!s.recipients.empty()) {
    out += "<strong>Nơi nhận:</strong>";
    for (const std::string& r : s.recipients) out += "<br>" + html_escape(r);
  }
  out += "</td><td class=\"signer\">" + (s.authority.empty() ? std::string() : html_escape(s.authority) + "<br>") +
         html_escape(s.position) + "<br><br><br><br>" + html_escape(s.signer) +
         "</td></tr></table>\n";
  for (const doc::Appendix& a : d.appendices) {
    out += "<hr class=\"page-break\">\n<section class=\"appendix\"><p class=\"title\">" + html_escape(a.title) +
           "</p><p class=\"title\">" + html_escape(a.subject) + "</p><p class=\"reference\">" +
           html_escape(a.reference) + "</p>\n";
    blocks(out, a.blocks);
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace kc
