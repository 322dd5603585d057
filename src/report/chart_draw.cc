#include "report/chart_draw.h"

#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>

#include "core/vn_format.h"

namespace kc::chart {
namespace {

constexpr const char* kFont = "Liberation Serif";
constexpr double kLabelSize = 10, kTickSize = 9;
constexpr double kGap = 6;

struct Rgb {
  double r, g, b;
};
// Muted colours that stay apart when printed in grey scale (dark to light).
constexpr std::array<Rgb, 6> kPalette = {{{0.12, 0.31, 0.47},
                                          {0.77, 0.35, 0.07},
                                          {0.33, 0.51, 0.21},
                                          {0.50, 0.38, 0.00},
                                          {0.44, 0.19, 0.63},
                                          {0.45, 0.45, 0.45}}};

void set_colour(cairo_t* cr, size_t i) {
  const Rgb& c = kPalette[i % kPalette.size()];
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

std::string number(double v, int decimals) { return format_double(v, decimals); }

// A pango layout in the chart font; `width` > 0 wraps at that many points.
struct Text {
  PangoLayout* layout;
  explicit Text(cairo_t* cr, const std::string& text, double size, bool bold = false, double width = -1) {
    layout = pango_cairo_create_layout(cr);
    // Sizes are points: pango_cairo assumes 96 dpi unless told that a user-space unit is a point.
    pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
    pango_layout_context_changed(layout);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFont);
    pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    if (width > 0) {
      pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  }
  ~Text() { g_object_unref(layout); }
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;
  double width() const {
    PangoRectangle r;
    pango_layout_get_extents(layout, nullptr, &r);
    return static_cast<double>(r.width) / PANGO_SCALE;
  }
  double height() const {
    PangoRectangle r;
    pango_layout_get_extents(layout, nullptr, &r);
    return static_cast<double>(r.height) / PANGO_SCALE;
  }
  // Draws with the layout's top-left corner at (x, y) in black.
  void show(cairo_t* cr, double x, double y) const {
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    cairo_new_path(cr);  // drop the current point, or the next arc would start with a line from it
  }
};

// Axis from 0 to a round maximum with 4–6 steps of 1, 2, 2,5 or 5 × 10^k.
struct Axis {
  double max = 1, step = 1;
  int decimals = 0;
};
Axis nice_axis(double top) {
  if (!(top > 0)) return {1, 0.25, 2};
  double raw = top / 5;
  double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double step = magnitude * 10;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  Axis a;
  a.step = step;
  a.max = std::ceil(top / step - 1e-9) * step;
  for (int d = 0; d <= 4; ++d) {  // as many decimals as the step needs ("2,5", "0,25")
    double scaled = step * std::pow(10, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-6) {
      a.decimals = d;
      break;
    }
  }
  return a;
}

double stacked_total(const doc::Chart& c, size_t category) {
  double sum = 0;
  for (const doc::ChartSeries& s : c.series)
    if (category < s.values.size()) sum += s.values[category];
  return sum;
}

double value_at(const doc::ChartSeries& s, size_t i) { return i < s.values.size() ? s.values[i] : 0; }

double largest(const doc::Chart& c) {
  double top = c.reference.value_or(0);
  for (size_t i = 0; i < c.categories.size(); ++i) {
    if (c.kind == doc::ChartKind::Line) {
      for (const doc::ChartSeries& s : c.series) top = std::max(top, value_at(s, i));
    } else {
      top = std::max(top, stacked_total(c, i));
    }
  }
  return top;
}

// The legend: a coloured key and the name of each entry, wrapped into rows; returns its height.
double legend(cairo_t* cr, const std::vector<std::string>& names, double x, double y, double width, bool draw,
              bool line_keys = false) {
  double cx = x, row = 0, height = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    Text t(cr, names[i], kLabelSize);
    double w = 14 + t.width() + 14;
    if (cx > x && cx + w > x + width) {
      cx = x;
      y += row + 3;
      height += row + 3;
      row = 0;
    }
    row = std::max(row, t.height());
    if (draw) {
      set_colour(cr, i);
      double mid = y + t.height() / 2;
      if (line_keys) {
        cairo_set_line_width(cr, 2);
        cairo_move_to(cr, cx, mid);
        cairo_line_to(cr, cx + 10, mid);
        cairo_stroke(cr);
      } else {
        cairo_rectangle(cr, cx, mid - 4, 9, 9);
        cairo_fill(cr);
      }
      t.show(cr, cx + 14, y);
    }
    cx += w;
  }
  return height + row;
}

std::vector<std::string> series_names(const doc::Chart& c) {
  std::vector<std::string> names;
  for (const doc::ChartSeries& s : c.series) names.push_back(s.name);
  return names;
}

void dashed_line(cairo_t* cr, double x0, double y0, double x1, double y1) {
  static const double dash[] = {4, 3};
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
  cairo_set_line_width(cr, 1);
  cairo_set_dash(cr, dash, 2, 0);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void grid_line(cairo_t* cr, double x0, double y0, double x1, double y1) {
  cairo_set_source_rgb(cr, 0.82, 0.82, 0.82);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

// ---- horizontal bars -----------------------------------------------------------------------

struct BarGeometry {
  double label_width, row_height, plot_top, plot_height, legend_height;
};

BarGeometry bar_geometry(cairo_t* cr, const doc::Chart& c, double width) {
  BarGeometry g{};
  double longest = 0;
  for (const std::string& s : c.categories) longest = std::max(longest, Text(cr, s, kLabelSize).width());
  g.label_width = std::min(longest + 2, width * 0.38);
  g.row_height = 16;
  for (const std::string& s : c.categories)
    g.row_height = std::max(g.row_height, Text(cr, s, kLabelSize, false, g.label_width).height() + 5);
  g.plot_top = Text(cr, c.unit, kTickSize).height() + 4;
  g.plot_height = g.row_height * static_cast<double>(c.categories.size());
  g.legend_height = c.series.size() > 1 ? legend(cr, series_names(c), 0, 0, width, false) + kGap : 0;
  return g;
}

double bar_height(cairo_t* cr, const doc::Chart& c, double width) {
  BarGeometry g = bar_geometry(cr, c, width);
  return g.plot_top + g.plot_height + 16 + g.legend_height;
}

void draw_bars(cairo_t* cr, const doc::Chart& c, double width) {
  BarGeometry g = bar_geometry(cr, c, width);
  Axis axis = nice_axis(largest(c));
  double value_width = 0;
  for (size_t i = 0; i < c.categories.size(); ++i)
    value_width = std::max(value_width, Text(cr, number(stacked_total(c, i), c.decimals), kLabelSize).width());
  double x0 = g.label_width + kGap, x1 = width - value_width - kGap;
  double y0 = g.plot_top, y1 = g.plot_top + g.plot_height;
  auto x_of = [&](double v) { return x0 + (x1 - x0) * v / axis.max; };

  Text(cr, c.unit, kTickSize).show(cr, x0, 0);
  for (double v = 0; v <= axis.max + axis.step / 2; v += axis.step) {
    grid_line(cr, x_of(v), y0, x_of(v), y1);
    Text t(cr, number(v, axis.decimals), kTickSize);
    t.show(cr, x_of(v) - t.width() / 2, y1 + 2);
  }
  for (size_t i = 0; i < c.categories.size(); ++i) {
    double top = y0 + g.row_height * static_cast<double>(i);
    Text label(cr, c.categories[i], kLabelSize, false, g.label_width);
    label.show(cr, 0, top + (g.row_height - label.height()) / 2);
    double bar = std::min(g.row_height - 5, 14.0);
    double by = top + (g.row_height - bar) / 2, sum = 0;
    for (size_t s = 0; s < c.series.size(); ++s) {
      double v = value_at(c.series[s], i);
      if (v <= 0) continue;
      set_colour(cr, s);
      cairo_rectangle(cr, x_of(sum), by, x_of(sum + v) - x_of(sum), bar);
      cairo_fill(cr);
      sum += v;
    }
    Text value(cr, number(sum, c.decimals), kLabelSize);
    value.show(cr, x_of(sum) + 3, top + (g.row_height - value.height()) / 2);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x0, y1);
  cairo_stroke(cr);
  if (c.reference) {
    dashed_line(cr, x_of(*c.reference), y0 - 2, x_of(*c.reference), y1);
    if (!c.reference_label.empty()) {
      Text t(cr, c.reference_label, kTickSize);
      t.show(cr, std::min(x_of(*c.reference) + 3, width - t.width()), 0);
    }
  }
  if (c.series.size() > 1) legend(cr, series_names(c), x0, y1 + 16 + kGap, x1 - x0, true);
}

// ---- columns and lines ---------------------------------------------------------------------

void draw_columns_or_lines(cairo_t* cr, const doc::Chart& c, double width, double height) {
  bool lines = c.kind == doc::ChartKind::Line;
  Axis axis = nice_axis(largest(c) * 1.08);  // room for the labels above the tallest value
  double legend_height = c.series.size() > 1 ? legend(cr, series_names(c), 0, 0, width, false, lines) + kGap : 0;
  double tick_width = Text(cr, number(axis.max, axis.decimals), kTickSize).width();
  double category_height = Text(cr, "2020", kLabelSize).height();
  double x0 = tick_width + kGap, x1 = width - 4;
  double y0 = Text(cr, c.unit, kTickSize).height() + 6, y1 = height - legend_height - category_height - 4;
  auto y_of = [&](double v) { return y1 - (y1 - y0) * v / axis.max; };
  size_t n = std::max<size_t>(c.categories.size(), 1);
  double slot = (x1 - x0) / static_cast<double>(n);

  Text(cr, c.unit, kTickSize).show(cr, 0, 0);
  for (double v = 0; v <= axis.max + axis.step / 2; v += axis.step) {
    grid_line(cr, x0, y_of(v), x1, y_of(v));
    Text t(cr, number(v, axis.decimals), kTickSize);
    t.show(cr, x0 - kGap / 2 - t.width(), y_of(v) - t.height() / 2);
  }
  for (size_t i = 0; i < c.categories.size(); ++i) {
    Text t(cr, c.categories[i], kLabelSize, false, slot);
    t.show(cr, x0 + slot * (static_cast<double>(i) + 0.5) - t.width() / 2, y1 + 3);
  }
  if (lines) {
    for (size_t s = 0; s < c.series.size(); ++s) {
      set_colour(cr, s);
      cairo_set_line_width(cr, 1.8);
      for (size_t i = 0; i < c.categories.size(); ++i) {
        double x = x0 + slot * (static_cast<double>(i) + 0.5), y = y_of(value_at(c.series[s], i));
        if (i == 0)
          cairo_move_to(cr, x, y);
        else
          cairo_line_to(cr, x, y);
      }
      cairo_stroke(cr);
      for (size_t i = 0; i < c.categories.size(); ++i) {
        double x = x0 + slot * (static_cast<double>(i) + 0.5), v = value_at(c.series[s], i);
        set_colour(cr, s);
        cairo_new_path(cr);
        cairo_arc(cr, x, y_of(v), 2.6, 0, 2 * std::numbers::pi);
        cairo_fill(cr);
        if (c.series.size() > 1) continue;  // several lines: the labels would collide; the table has them
        Text t(cr, number(v, c.decimals), kTickSize);
        t.show(cr, x - t.width() / 2, y_of(v) - t.height() - 2);
      }
    }
  } else {
    double bar = std::min(slot * 0.6, 48.0);
    for (size_t i = 0; i < c.categories.size(); ++i) {
      double x = x0 + slot * (static_cast<double>(i) + 0.5) - bar / 2, sum = 0;
      for (size_t s = 0; s < c.series.size(); ++s) {
        double v = value_at(c.series[s], i);
        if (v <= 0) continue;
        set_colour(cr, s);
        cairo_rectangle(cr, x, y_of(sum + v), bar, y_of(sum) - y_of(sum + v));
        cairo_fill(cr);
        sum += v;
      }
      Text t(cr, number(sum, c.decimals), kTickSize);
      t.show(cr, x + bar / 2 - t.width() / 2, y_of(sum) - t.height() - 1);
    }
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, x0, y1);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
  if (c.reference) dashed_line(cr, x0, y_of(*c.reference), x1, y_of(*c.reference));
  if (c.series.size() > 1) legend(cr, series_names(c), x0, height - legend_height + kGap, x1 - x0, true, lines);
}

// ---- pie -----------------------------------------------------------------------------------

void draw_pie(cairo_t* cr, const doc::Chart& c, double width, double height) {
  if (c.series.empty()) return;
  const doc::ChartSeries& s = c.series.front();
  double total = 0;
  for (size_t i = 0; i < c.categories.size(); ++i) total += std::max(0.0, value_at(s, i));
  double radius = std::min(height / 2 - 4, width * 0.22);
  double cx = radius + 4, cy = height / 2;
  auto percent = [&](double v) { return total > 0 ? number(100 * v / total, 1) + "%" : std::string("–"); };
  double angle = -std::numbers::pi / 2;
  for (size_t i = 0; i < c.categories.size(); ++i) {
    double v = std::max(0.0, value_at(s, i));
    if (v <= 0 || total <= 0) continue;
    double sweep = 2 * std::numbers::pi * v / total;
    set_colour(cr, i);
    cairo_move_to(cr, cx, cy);
    cairo_arc(cr, cx, cy, radius, angle, angle + sweep);
    cairo_close_path(cr);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    if (sweep > 0.35) {  // wide enough for its share written inside
      double mid = angle + sweep / 2;
      Text t(cr, percent(v), kLabelSize, true);
      double tx = cx + std::cos(mid) * radius * 0.62 - t.width() / 2;
      double ty = cy + std::sin(mid) * radius * 0.62 - t.height() / 2;
      cairo_set_source_rgb(cr, 1, 1, 1);
      cairo_move_to(cr, tx, ty);
      pango_cairo_show_layout(cr, t.layout);
      cairo_new_path(cr);
    }
    angle += sweep;
  }
  // Key: each slice with its value and share.
  double lx = cx + radius + 18, lw = width - lx;
  std::vector<std::unique_ptr<Text>> rows;
  double rows_height = 0;
  for (size_t i = 0; i < c.categories.size(); ++i) {
    double v = value_at(s, i);
    rows.push_back(std::make_unique<Text>(
        cr, c.categories[i] + ": " + number(v, c.decimals) + " " + c.unit + " (" + percent(std::max(0.0, v)) + ")",
        kLabelSize, false, lw - 14));
    rows_height += rows.back()->height() + 5;
  }
  double y = std::max(0.0, (height - rows_height) / 2);
  for (size_t i = 0; i < rows.size(); ++i) {
    set_colour(cr, i);
    cairo_rectangle(cr, lx, y + 3, 9, 9);
    cairo_fill(cr);
    rows[i]->show(cr, lx + 14, y);
    y += rows[i]->height() + 5;
  }
}

// A scratch context for measuring text before anything is drawn.
struct Scratch {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t* cr = cairo_create(surface);
  ~Scratch() {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

double preferred_height(const doc::Chart& c, double width) {
  switch (c.kind) {
    case doc::ChartKind::Bar: {
      Scratch s;
      return bar_height(s.cr, c, width);
    }
    case doc::ChartKind::Pie:
      return std::max(150.0, width * 0.36);
    case doc::ChartKind::Column:
    case doc::ChartKind::Line:
      return width * 0.5;
  }
  return width * 0.5;
}

void draw(cairo_t* cr, const doc::Chart& c, double width, double height) {
  cairo_save(cr);
  switch (c.kind) {
    case doc::ChartKind::Bar: draw_bars(cr, c, width); break;
    case doc::ChartKind::Pie: draw_pie(cr, c, width, height); break;
    case doc::ChartKind::Column:
    case doc::ChartKind::Line: draw_columns_or_lines(cr, c, width, height); break;
  }
  cairo_restore(cr);
}

std::string png(const doc::Chart& c, double width, double height, double dpi) {
  double scale = dpi / 72;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::ceil(width * scale)),
                                                        static_cast<int>(std::ceil(height * scale)));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  draw(cr, c, width, height);
  cairo_destroy(cr);
  std::string bytes;
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, append, &bytes);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("không vẽ được biểu đồ: ") + cairo_status_to_string(status));
  return bytes;
}

std::string svg(const doc::Chart& c, double width, double height) {
  std::string bytes;
  cairo_surface_t* surface = cairo_svg_surface_create_for_stream(append, &bytes, width, height);
  cairo_t* cr = cairo_create(surface);
  draw(cr, c, width, height);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("không vẽ được biểu đồ: ") + cairo_status_to_string(status));
  return bytes;
}

}  // namespace kc::chart
