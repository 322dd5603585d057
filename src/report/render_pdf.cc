// PDF renderer: a small page-layout engine over pango. Blocks are laid out top to bottom;
// paragraphs break between lines, table rows move whole to the next page (with the header
// row drawn again), charts and the signature block are kept whole.
#include "report/render_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <stdexcept>

#include "core/file_io.h"
#include "report/chart_draw.h"
#include "report/ooxml_writer.h"

namespace kc::doc {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm, kPageHeight = 297 * kMm;
constexpr double kTop = 20 * kMm, kBottom = 20 * kMm, kLeft = 30 * kMm, kRight = 15 * kMm;
constexpr double kTextWidth = kPageWidth - kLeft - kRight;  // 165 mm
constexpr double kIndent = 12.7 * kMm;                     // first line of body text
constexpr double kBodySize = 14, kLineSpacing = 1.15;
constexpr const char* kFont = "Liberation Serif";  // Times New Roman's metric twin
constexpr double kCellPadX = 4, kCellPadY = 2;

enum class Align { Left, Center, Right, Justify };

struct Style {
  double size = kBodySize;
  bool bold = false, italic = false;
  Align align = Align::Left;
  double indent = 0;   // first line
  double spacing = 1;  // line spacing factor
};

// Pango markup is XML text: the OOXML escaper also drops control characters and ill-formed
// UTF-8, either of which would make pango reject the whole paragraph.
std::string escape(std::string_view text) { return ooxml::escape(text); }

std::string markup(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) {
    std::string t = escape(s.text);
    if (s.italic) t = "<i>" + t + "</i>";
    if (s.bold) t = "<b>" + t + "</b>";
    out += t;
  }
  return out;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A pango layout owned for the scope of a block.
class Layout {
 public:
  Layout(cairo_t* cr, const std::string& markup_text, const Style& s, double width) {
    layout_ = pango_cairo_create_layout(cr);
    // Sizes are points: pango_cairo assumes 96 dpi unless told that a user-space unit is a point.
    pango_cairo_context_set_resolution(pango_layout_get_context(layout_), 72);
    pango_layout_context_changed(layout_);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFont);
    pango_font_description_set_size(font, static_cast<int>(s.size * PANGO_SCALE));
    if (s.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    if (s.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(layout_, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout_, width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_indent(layout_, static_cast<int>(s.indent * PANGO_SCALE));
    pango_layout_set_line_spacing(layout_, static_cast<float>(s.spacing));
    pango_layout_set_alignment(layout_, s.align == Align::Center  ? PANGO_ALIGN_CENTER
                                        : s.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                  : PANGO_ALIGN_LEFT);
    pango_layout_set_justify(layout_, s.align == Align::Justify);
    pango_layout_set_markup(layout_, markup_text.data(), static_cast<int>(markup_text.size()));
  }
  ~Layout() {
    if (layout_) g_object_unref(layout_);
  }
  Layout(Layout&& o) noexcept : layout_(std::exchange(o.layout_, nullptr)) {}
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

  PangoLayout* get() const { return layout_; }
  double height() const {
    PangoRectangle r;
    pango_layout_get_extents(layout_, nullptr, &r);
    return static_cast<double>(r.y + r.height) / PANGO_SCALE;
  }
  double width() const {
    PangoRectangle r;
    pango_layout_get_extents(layout_, nullptr, &r);
    return static_cast<double>(r.width) / PANGO_SCALE;
  }
  double first_line_height() const {
    PangoLayoutIter* it = pango_layout_get_iter(layout_);
    PangoRectangle r;
    pango_layout_iter_get_line_extents(it, nullptr, &r);
    pango_layout_iter_free(it);
    return static_cast<double>(r.y + r.height) / PANGO_SCALE;
  }

 private:
  PangoLayout* layout_ = nullptr;
};

Style body_style(ParagraphStyle p) {
  Style s{kBodySize, false, false, Align::Justify, kIndent, kLineSpacing};
  switch (p) {
    case ParagraphStyle::Heading1:
    case ParagraphStyle::Heading2: s.bold = true; break;
    case ParagraphStyle::Heading3: s.bold = s.italic = true; break;
    case ParagraphStyle::Note:
      s.size = 12;
      s.italic = true;
      break;
    case ParagraphStyle::Body:
    case ParagraphStyle::Bullet: break;
  }
  return s;
}

bool is_heading(const Paragraph& p) {
  return p.style == ParagraphStyle::Heading1 || p.style == ParagraphStyle::Heading2 ||
         p.style == ParagraphStyle::Heading3;
}

bool is_heading(const Block& b) {
  const auto* p = std::get_if<Paragraph>(&b);
  return p && is_heading(*p);
}

class PdfWriter {
 public:
  explicit PdfWriter(const Document& d) : d_(d) {
    surface_ = cairo_pdf_surface_create_for_stream(append, &bytes_, kPageWidth, kPageHeight);
    std::string title = d.kind;
    for (const std::string& s : d.subject) title += " " + s;
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, d.letterhead.agency.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "khuyencong");
    cr_ = cairo_create(surface_);
  }
  ~PdfWriter() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  std::string render() {
    new_page();
    letterhead();
    title();
    // The last lines of the body go with the signature: no page holds only the signature.
    blocks(d_.body, signature_height());
    signature();
    for (const Appendix& a : d_.appendices) appendix(a);
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    cairo_status_t status = cairo_surface_status(surface_);
    if (status != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("không tạo được tệp PDF: ") + cairo_status_to_string(status));
    return std::move(bytes_);
  }

 private:
  double limit() const { return kPageHeight - kBottom; }

  // Page 1 carries the letterhead and no number; pages 2+ their number centred in the top margin.
  void new_page() {
    if (page_ > 0) cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
    if (page_ >= 2) {
      Layout number(cr_, std::to_string(page_), {13, false, false, Align::Center}, kTextWidth);
      show(number, kLeft, (kTop - number.height()) / 2 + 2);
    }
  }

  // `keep_last_with`: room the last paragraph's last lines must leave under them.
  void blocks(const std::vector<Block>& list, double keep_last_with) {
    for (size_t i = 0; i < list.size(); ++i) {
      const Block& b = list[i];
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        bool last = i + 1 == list.size();
        paragraph(*p, last ? nullptr : &list[i + 1], last ? keep_last_with : 0);
      } else if (const auto* t = std::get_if<Table>(&b)) {
        table(*t);
      } else if (const auto* c = std::get_if<Chart>(&b)) {
        chart(*c);
      } else if (y_ > kTop) {
        new_page();
      }
    }
  }

  // An appendix from the top of a new page: its title and subject bold, the reference italic.
  void appendix(const Appendix& a) {
    new_page();
    for (const std::string* line : {&a.title, &a.subject}) {
      if (line->empty()) continue;
      Layout l(cr_, escape(*line), {kBodySize, true, false, Align::Center}, kTextWidth);
      flow(l, kLeft);
    }
    if (!a.reference.empty()) {
      Layout l(cr_, escape(a.reference), one_line(a.reference, {kBodySize, false, true, Align::Center}, kTextWidth), kTextWidth);
      flow(l, kLeft);
    }
    y_ += 12;
    blocks(a.blocks, 0);
  }

  void ensure_room(double height) {
    if (y_ + height > limit() && y_ > kTop) new_page();
  }

  void show(const Layout& l, double x, double y) {
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l.get());
  }

  // Draws `l` at the cursor, line by line, going on to the next page where a line does not fit.
  // The last two lines also need `keep_after` points under them, or they go on to the next page
  // together (what follows them, the signature, is kept with them).
  void flow(const Layout& l, double x, double keep_after = 0) {
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    const int lines = pango_layout_get_line_count(l.get());
    double origin = y_;  // page position of the layout's top (shifted on each new page)
    int index = 0;
    do {
      PangoRectangle r;
      pango_layout_iter_get_line_extents(it, nullptr, &r);
      double top = static_cast<double>(r.y) / PANGO_SCALE, bottom = static_cast<double>(r.y + r.height) / PANGO_SCALE;
      double need = bottom;
      if (keep_after > 0 && index == std::max(0, lines - 2)) {  // the last two lines with what follows
        PangoRectangle last;
        pango_layout_get_extents(l.get(), nullptr, &last);
        need = static_cast<double>(last.y + last.height) / PANGO_SCALE + keep_after;
      }
      ++index;
      if (origin + need > limit() && origin + top > kTop) {
        new_page();
        origin = y_ - top;
      }
      cairo_set_source_rgb(cr_, 0, 0, 0);
      cairo_move_to(cr_, x + static_cast<double>(r.x) / PANGO_SCALE,
                    origin + static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ = origin + bottom;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  void rule(double centre, double width, double y) {
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, centre - width / 2, y);
    cairo_line_to(cr_, centre + width / 2, y);
    cairo_stroke(cr_);
  }

  // A centred line of text in the column [x, x + width); returns its height.
  double centred(const std::string& text, const Style& s, double x, double width, double y) {
    if (text.empty()) return 0;
    Style c = s;
    c.align = Align::Center;
    Layout l(cr_, escape(text), c, width);
    show(l, x, y);
    return l.height();
  }

  // `s` made smaller (down to 10 pt) until `text` fits `width` on one line: a name of the
  // letterhead is never broken across lines (ND 30, Phụ lục I).
  Style one_line(const std::string& text, Style s, double width) {
    while (s.size > 10 && Layout(cr_, escape(text), s, -1).width() > width) s.size -= 0.5;
    return s;
  }

  // Nghị định 30: agency left (parent regular, agency bold, a short rule), the national name
  // and motto right (the motto underlined as long as itself); number and place-date below.
  void letterhead() {
    const Letterhead& h = d_.letterhead;
    // 70 + 105 mm; a long name widens the left column as far as the national name leaves room.
    auto natural = [&](const std::string& text, const Style& s) { return Layout(cr_, escape(text), s, -1).width() + 4; };
    const double total = 175 * kMm, right_min = natural(kNationalName, {12, true});
    const double left_x = kLeft - 10 * kMm;
    const double left_w = std::clamp(std::max(natural(h.parent_agency, {13}), natural(h.agency, {13, true})), 70 * kMm,
                                     std::max(70 * kMm, total - right_min));
    const double right_x = left_x + left_w, right_w = total - left_w;
    double yl = y_, yr = y_;
    yl += centred(h.parent_agency, one_line(h.parent_agency, {13}, left_w), left_x, left_w, yl);
    Style agency = one_line(h.agency, {13, true}, left_w);
    double agency_height = centred(h.agency, agency, left_x, left_w, yl);
    if (!h.agency.empty()) {
      Layout a(cr_, escape(h.agency), agency, left_w);
      yl += agency_height + 2;
      rule(left_x + left_w / 2, std::clamp(a.width() * 0.45, 35.0, 120.0), yl);
      yl += 2;
    }
    const std::string nation = kNationalName, motto = kMotto;
    yr += centred(nation, one_line(nation, {12, true}, right_w), right_x, right_w, yr);
    Style motto_style = one_line(motto, {13, true}, right_w);
    Layout m(cr_, escape(motto), motto_style, right_w);
    yr += centred(motto, motto_style, right_x, right_w, yr) + 2;
    rule(right_x + right_w / 2, m.width(), yr);
    yr += 2;
    double y = std::max(yl, yr) + 6;
    double hn = centred(h.number, {13}, left_x, left_w, y);
    double hp = centred(h.place_date, {14, false, true}, right_x, right_w, y);
    y_ = y + std::max(hn, hp);
  }

  void title() {
    y_ += 18;
    if (!d_.kind.empty()) y_ += centred(d_.kind, {kBodySize, true}, kLeft, kTextWidth, y_);
    for (const std::string& s : d_.subject) {
      Layout l(cr_, escape(s), {kBodySize, true, false, Align::Center}, kTextWidth);
      flow(l, kLeft);
    }
    y_ += 12;
  }

  void paragraph(const Paragraph& p, const Block* next, double keep_after = 0) {
    Style s = body_style(p.style);
    std::string text = markup(p.spans);
    if (p.style == ParagraphStyle::Bullet && text.rfind("- ", 0) != 0 && text.rfind("+ ", 0) != 0 &&
        text.rfind("– ", 0) != 0)
      text = "- " + text;
    Layout l(cr_, text, s, kTextWidth);
    bool heading = is_heading(p);
    if (heading) {
      y_ += 6;
      // A heading stays with the first lines of what follows it.
      double follow = next && !is_heading(*next) ? 3 * kBodySize * kLineSpacing * 1.2 : 0;
      ensure_room(l.height() + follow);
    }
    flow(l, kLeft, keep_after > 0 ? keep_after + 6 : 0);
    y_ += 6;
  }

  // Column widths in the text width, in three tiers like the DOCX: every column its longest
  // word (numbers whole); then, room permitting, its cells on one line; then its header on one
  // line (up to ~6 em). 12 pt when the words do not fit at 13 pt.
  struct Columns {
    double size = 13;
    std::vector<double> widths;
  };
  Columns columns(const Table& t, size_t n) {
    for (double size : {13.0, 12.0}) {
      constexpr int kScale = 100;  // fit_widths works on integers: hundredths of a point
      std::vector<int> need(n, 0), body(n, 0), full(n, 0);
      auto measure = [&](const std::string& text, bool bold) {
        return static_cast<int>((Layout(cr_, escape(text), {size, bold}, -1).width() + 2 * kCellPadX + 1) * kScale);
      };
      auto longest_word = [&](const std::string& text, bool bold) {
        int word = 0;
        for (size_t start = 0; start <= text.size();) {
          size_t end = std::min(text.find(' ', start), text.size());
          word = std::max(word, measure(text.substr(start, end - start), bold));
          start = end + 1;
        }
        return word;
      };
      for (size_t c = 0; c < t.header.size(); ++c) {
        need[c] = std::max(need[c], longest_word(t.header[c], true));
        full[c] = std::min(measure(t.header[c], true), static_cast<int>(size * 6 * kScale));
      }
      for (size_t r = 0; r < t.rows.size(); ++r)
        for (size_t c = 0; c < t.rows[r].size(); ++c) {
          bool bold = t.last_row_is_total && r + 1 == t.rows.size();
          int whole = measure(t.rows[r][c], bold);
          bool numeric = c < t.numeric.size() && t.numeric[c];
          need[c] = std::max(need[c], numeric ? whole : longest_word(t.rows[r][c], bold));
          body[c] = std::max(body[c], whole);
        }
      int total = static_cast<int>(kTextWidth * kScale);
      ooxml::ColumnWidths chosen = ooxml::choose_column_widths(need, body, full, total);
      if (!chosen.fits && size > 12) continue;
      Columns out{size, {}};
      for (int w : chosen.widths) out.widths.push_back(static_cast<double>(w) / kScale);
      return out;
    }
    return {};
  }

  std::vector<Layout> row_layouts(const Table& t, const std::vector<std::string>& cells, const Columns& cols,
                                  bool header, bool bold) {
    std::vector<Layout> out;
    for (size_t c = 0; c < cols.widths.size(); ++c) {
      bool numeric = c < t.numeric.size() && t.numeric[c];
      Style s{cols.size, bold, false, header ? Align::Center : numeric ? Align::Right : Align::Left};
      out.emplace_back(cr_, escape(c < cells.size() ? cells[c] : ""), s, cols.widths[c] - 2 * kCellPadX);
    }
    return out;
  }

  static double row_height(const std::vector<Layout>& cells) {
    double h = 0;
    for (const Layout& l : cells) h = std::max(h, l.height());
    return h + 2 * kCellPadY;
  }

  void draw_row(const std::vector<Layout>& cells, const Columns& cols, double height, bool header) {
    double x = kLeft;
    cairo_set_line_width(cr_, 0.5);
    for (size_t c = 0; c < cells.size(); ++c) {
      double offset = header ? (height - cells[c].height()) / 2 : kCellPadY;
      show(cells[c], x + kCellPadX, y_ + offset);
      cairo_set_source_rgb(cr_, 0, 0, 0);
      cairo_rectangle(cr_, x, y_, cols.widths[c], height);
      cairo_stroke(cr_);
      x += cols.widths[c];
    }
    y_ += height;
  }

  void caption(const std::string& text, double keep_with) {
    if (text.empty()) return;
    Layout l(cr_, escape(text), {kBodySize, true, false, Align::Center}, kTextWidth);
    y_ += 6;
    ensure_room(l.height() + 6 + keep_with);
    flow(l, kLeft);
    y_ += 6;
  }

  void table(const Table& t) {
    size_t n = t.header.size();
    for (const auto& row : t.rows) n = std::max(n, row.size());
    if (n == 0) {
      caption(t.caption, 0);
      return;
    }
    Columns cols = columns(t, n);
    std::vector<Layout> header;
    double header_height = 0;
    if (!t.header.empty()) {
      header = row_layouts(t, t.header, cols, true, true);
      header_height = row_height(header);
    }
    std::vector<std::vector<Layout>> rows;
    for (size_t r = 0; r < t.rows.size(); ++r)
      rows.push_back(row_layouts(t, t.rows[r], cols, false, t.last_row_is_total && r + 1 == t.rows.size()));
    caption(t.caption, header_height + (rows.empty() ? 0 : row_height(rows.front())));
    ensure_room(header_height + (rows.empty() ? 0 : row_height(rows.front())));
    if (!header.empty()) draw_row(header, cols, header_height, true);
    for (const std::vector<Layout>& row : rows) {
      double h = row_height(row);
      if (y_ + h > limit()) {  // the row moves whole; the header row is drawn again above it
        new_page();
        if (!header.empty()) draw_row(header, cols, header_height, true);
      }
      draw_row(row, cols, h, false);
    }
    y_ += 10;
  }

  void chart(const Chart& c) {
    double height = chart::preferred_height(c, kTextWidth);
    caption(c.caption, height);
    cairo_save(cr_);
    cairo_translate(cr_, kLeft, y_);
    chart::draw(cr_, c, kTextWidth, height);
    cairo_restore(cr_);
    y_ += height + 12;
  }

  // "Nơi nhận:" and the recipients left; the position, room for the signature and the name right.
  struct SignatureLayouts {
    Layout left, position, signer;
    double gap, height;
  };
  SignatureLayouts signature_layouts() {
    const Signature& s = d_.signature;
    const double half = kTextWidth / 2;
    std::string recipients = "<b><i>" + escape("Nơi nhận:") + "</i></b>";
    for (const std::string& r : s.recipients) recipients += "\n<span size=\"" + std::to_string(11 * PANGO_SCALE) + "\">" + escape(r) + "</span>";
    SignatureLayouts out{Layout(cr_, recipients, {12}, half),
                         Layout(cr_, escape(s.authority.empty() ? s.position : s.authority + "\n" + s.position),
                                {kBodySize, true, false, Align::Center}, half),
                         Layout(cr_, escape(s.signer), {kBodySize, true, false, Align::Center}, half), 4 * kBodySize * 1.2, 0};
    out.height = std::max(out.left.height(), out.position.height() + out.gap + out.signer.height());
    return out;
  }
  bool has_signature() const {
    const Signature& s = d_.signature;
    return !(s.recipients.empty() && s.position.empty() && s.signer.empty());
  }
  double signature_height() { return has_signature() ? signature_layouts().height + 6 : 0; }

  void signature() {
    if (!has_signature()) return;
    SignatureLayouts l = signature_layouts();
    const double half = kTextWidth / 2;
    y_ += 6;
    ensure_room(l.height);
    show(l.left, kLeft, y_);
    show(l.position, kLeft + half, y_);
    show(l.signer, kLeft + half, y_ + l.position.height() + l.gap);
    y_ += l.height;
  }

  const Document& d_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  int page_ = 0;
  double y_ = kTop;
};

}  // namespace

std::string render_pdf(const Document& d) { return PdfWriter(d).render(); }

void render_pdf(const Document& d, const std::filesystem::path& out) { write_file_atomically(out, render_pdf(d)); }

}  // namespace kc::doc
