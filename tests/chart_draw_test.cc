// Charts drawn with cairo: PNG and SVG of the asked size, something drawn in the series'
// colours, bar charts growing with their categories.
#include "report/chart_draw.h"
#include "report/render_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kc::test {
namespace {

doc::Chart sample(doc::ChartKind kind, size_t categories) {
  doc::Chart c;
  c.kind = kind;
  c.caption = "Biểu đồ thử";
  c.unit = "triệu đồng";
  c.decimals = 1;
  doc::ChartSeries a{"Khuyến công tỉnh", {}}, b{"Khuyến công cấp huyện", {}};
  for (size_t i = 0; i < categories; ++i) {
    c.categories.push_back(std::to_string(2016 + i));
    a.values.push_back(1000.5 * static_cast<double>(i + 1));
    b.values.push_back(250);
  }
  c.series = {a, b};
  return c;
}

struct Image {
  int width = 0, height = 0;
  long coloured = 0;  // pixels neither white nor grey
};

cairo_status_t read_from(void* closure, unsigned char* data, unsigned int length) {
  auto* in = static_cast<std::pair<const std::string*, size_t>*>(closure);
  if (in->second + length > in->first->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, in->first->data() + in->second, length);
  in->second += length;
  return CAIRO_STATUS_SUCCESS;
}

Image decode(const std::string& png) {
  std::pair<const std::string*, size_t> in{&png, 0};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_from, &in);
  Image img;
  if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
    img.width = cairo_image_surface_get_width(s);
    img.height = cairo_image_surface_get_height(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x) {
        uint32_t p;
        std::memcpy(&p, data + y * stride + x * 4, 4);
        int r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
        if (std::max({r, g, b}) - std::min({r, g, b}) > 40) ++img.coloured;
      }
  }
  cairo_surface_destroy(s);
  return img;
}

TEST(ChartDraw, EveryKindDrawsAPngOfTheAskedSizeWithColouredMarks) {
  for (doc::ChartKind kind : {doc::ChartKind::Bar, doc::ChartKind::Column, doc::ChartKind::Pie, doc::ChartKind::Line}) {
    doc::Chart c = sample(kind, 5);
    double height = chart::preferred_height(c, 400);
    ASSERT_GT(height, 50) << static_cast<int>(kind);
    std::string png = chart::png(c, 400, height, 144);
    ASSERT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
    Image img = decode(png);
    EXPECT_EQ(img.width, 800);
    EXPECT_EQ(img.height, static_cast<int>(std::ceil(height * 2)));
    EXPECT_GT(img.coloured, 2000) << "kind " << static_cast<int>(kind) << " drew (almost) nothing in colour";
  }
}

TEST(ChartDraw, BarChartsGrowWithTheirCategories) {
  EXPECT_GT(chart::preferred_height(sample(doc::ChartKind::Bar, 9), 400),
            chart::preferred_height(sample(doc::ChartKind::Bar, 3), 400) + 50);
}

TEST(ChartDraw, SvgIsAStandaloneDocument) {
  std::string svg = chart::svg(sample(doc::ChartKind::Column, 5), 300, 150);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("width=\"300pt\""), std::string::npos) << svg.substr(0, 300);
}

TEST(ChartDraw, EmptyAndZeroChartsDrawWithoutFailing) {
  doc::Chart empty;
  empty.kind = doc::ChartKind::Pie;
  EXPECT_FALSE(chart::png(empty, 200, 100).empty());
  doc::Chart zeros = sample(doc::ChartKind::Bar, 3);
  for (doc::ChartSeries& s : zeros.series) std::fill(s.values.begin(), s.values.end(), 0.0);
  EXPECT_FALSE(chart::png(zeros, 200, chart::preferred_height(zeros, 200)).empty());
}

TEST(ChartDraw, HtmlShowsTheChartAsAnSvgImageAndMarkdownAsItsValues) {
  doc::Document d;
  d.body.push_back(sample(doc::ChartKind::Column, 2));
  std::string html = render_html(d);
  EXPECT_NE(html.find("<figure class=\"chart\"><figcaption>Biểu đồ thử</figcaption>"), std::string::npos);
  EXPECT_NE(html.find("src=\"data:image/svg+xml;base64,PD94bWwg"), std::string::npos) << "an SVG document, base64";
  std::string md = render_markdown(d);
  EXPECT_NE(md.find("**Biểu đồ thử (triệu đồng)**"), std::string::npos) << md;
  EXPECT_NE(md.find("| 2017 | 2.001 | 250 |"), std::string::npos) << md;
  EXPECT_EQ(md.find("\n---\n"), std::string::npos) << "a chart is no page break";
}

}  // namespace
}  // namespace kc::test
