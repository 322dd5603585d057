// Drawing a doc::Chart with cairo and pango: bars, columns, pies and lines with Vietnamese
// labels ("30.722,3", "52,6%") in Liberation Serif. One drawing routine serves every output:
// PDF pages draw it as vectors, DOCX embeds it as a PNG, HTML as an SVG image.
//
// All sizes are in points (1/72 inch); the chart fills the rectangle (0, 0, width, height)
// of the cairo context's user space. The caption is not drawn: the renderers print it above
// the chart as text, so it can be searched and read aloud.
#pragma once

#include <cairo.h>

#include <string>

#include "report/document.h"

namespace kc::chart {

// The height the chart needs at `width` (bars grow with their categories; the others keep a
// fixed aspect).
double preferred_height(const doc::Chart& c, double width);

// Draws `c` into the rectangle (0, 0, width, height) of `cr`; the context's state is restored.
void draw(cairo_t* cr, const doc::Chart& c, double width, double height);

// The chart as a PNG image of width × height points at `dpi` dots per inch.
std::string png(const doc::Chart& c, double width, double height, double dpi = 192);

// The chart as a standalone SVG document (text drawn as outlines).
std::string svg(const doc::Chart& c, double width, double height);

}  // namespace kc::chart
