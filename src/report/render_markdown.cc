#include "report/render_text.h"

#include "core/vn_format.h"

namespace kc {

namespace {

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '|' ||
        c == '#')
      out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string spans(const std::vector<doc::Span>& spans) {
  std::string out;
  for (const doc::Span& s : spans) {
    std::string text = escape(s.text);
    if (s.bold) text = "**" + text + "**";
    if (s.italic) text = "*" + text + "*";
    out += text;
  }
  return out;
}

void table_row(std::string& out, const std::vector<std::string>& cells) {
  out += "|";
  for (const std::string& c : cells) out += " " + escape(c) + " |";
  out += "\n";
}

void table(std::string& out, const doc::Table& t);

// Markdown cannot draw: a chart is printed as the table of its values.
void chart(std::string& out, const doc::Chart& c) {
  doc::Table t;
  t.caption = c.caption + (c.unit.empty() ? "" : " (" + c.unit + ")");
  t.header.push_back("");
  for (const doc::ChartSeries& s : c.series) t.header.push_back(s.name);
  for (size_t i = 0; i < c.categories.size(); ++i) {
    std::vector<std::string> row = {c.categories[i]};
    for (const doc::ChartSeries& s : c.series) row.push_back(i < s.values.size() ? format_double(s.values[i], c.decimals) : "");
    t.rows.push_back(std::move(row));
  }
  table(out, t);
}

void table(std::string& out, const doc::Table& t) {
  if (!t.caption.empty()) out += "**" + escape(t.caption) + "**\n\n";
  table_row(out, t.header);
  out += "|";
  for (size_t i = 0; i < t.header.size(); ++i) out += (i < t.numeric.size() && t.numeric[i]) ? " ---: |" : " --- |";
  out += "\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (t.last_row_is_total && r + 1 == t.rows.size()) {
      out += "|";
      for (const std::string& c : t.rows[r]) out += c.empty() ? " |" : " **" + escape(c) + "** |";
      out += "\n";
    } else {
      table_row(out, t.rows[r]);
    }
  }
  out += "\n";
}

void blocks(std::string& out, const std::vector<doc::Block>& body) {
  for (const doc::Block& b : body) {
    if (const auto* p = std::get_if<doc::Paragraph>(&b)) {
      switch (p->style) {
        case doc::ParagraphStyle::Heading1: out += "## " + spans(p->spans) + "\n\n"; break;
        case doc::ParagraphStyle::Heading2: out += "### " + spans(p->spans) + "\n\n"; break;
        case doc::ParagraphStyle::Heading3: out += "#### " + spans(p->spans) + "\n\n"; break;
        case doc::ParagraphStyle::Bullet: {
          std::string text = spans(p->spans);
          if (text.rfind("- ", 0) != 0) text = "- " + text;
          out += text + "\n\n";
          break;
        }
        case doc::ParagraphStyle::Note: out += "*" + spans(p->spans) + "*\n\n"; break;
        case doc::ParagraphStyle::Body: out += spans(p->spans) + "\n\n"; break;
      }
    } else if (const auto* t = std::get_if<doc::Table>(&b)) {
      table(out, *t);
    } else if (const auto* c = std::get_if<doc::Chart>(&b)) {
      chart(out, *c);
    } else {
      out += "---\n\n";
    }
  }
}

}  // namespace

std::string render_markdown(const doc::Document& d) {
  std::string out;
  const doc::Letterhead& l = d.letterhead;
  out += "| " + escape(l.parent_agency) + " | " + doc::kNationalName + " |\n| :---: | :---: |\n";
  out += "| **" + escape(l.agency) + "** | **" + doc::kMotto + "** |\n";
  out += "| " + escape(l.number) + " | *" + escape(l.place_date) + "* |\n\n";
  out += "# " + escape(d.kind) + "\n\n";
  for (const std::string& s : d.subject) out += "**" + escape(s) + "**\n\n";
  blocks(out, d.body);
  const doc::Signature& s = d.signature;
  if (!s.recipients.empty()) {
    out += "***Nơi nhận:***\n\n";
    for (const std::string& r : s.recipients) out += escape(r) + "  \n";
    out += "\n";
  }
  if (!s.authority.empty()) out += "**" + escape(s.authority) + "**  \n";
  if (!s.position.empty()) out += "**" + escape(s.position) + "**\n\n";
  if (!s.signer.empty()) out += "**" + escape(s.signer) + "**\n";
  for (const doc::Appendix& a : d.appendices) {
    out += "\n---\n\n## " + escape(a.title) + "\n\n**" + escape(a.subject) + "**\n\n*" + escape(a.reference) + "*\n\n";
    blocks(out, a.blocks);
  }
  return out;
}

}  // namespace kc
