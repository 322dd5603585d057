// Small builders for Office Open XML (WordprocessingML) fragments and for writing an OPC
// package. They know XML escaping, runs, paragraphs and table cells, but nothing about reports;
// render_docx.cc decides the layout. All builders return XML text to be concatenated.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc::ooxml {

inline constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// Escapes & < > " ' for element text and attribute values, and drops what XML 1.0 cannot hold:
// control characters other than tab, LF and CR, U+FFFE/U+FFFF, and ill-formed UTF-8 bytes.
std::string escape(std::string_view text);

// Character formatting; zero or false means "inherit from the paragraph style".
struct RunFormat {
  int half_points = 0;  // font size in half-points (w:sz), 28 = 14 pt
  bool bold = false;
  bool italic = false;
  bool caps = false;  // display in capitals (w:caps); the stored text stays as given
};

// One w:r with escaped text; '\t' becomes w:tab and '\n' a line break (w:br).
std::string run(std::string_view text, const RunFormat& format = {});

enum class Align { Inherit, Left, Center, Right, Both };

// Paragraph formatting; negative numbers mean "inherit from the style". Distances in twips.
struct ParaFormat {
  std::string style;  // w:pStyle id, empty for Normal
  Align align = Align::Inherit;
  int first_line = -1;  // first-line indent
  int left = -1;        // left indent
  int right = -1;       // right indent
  int before = -1;      // space before
  int after = -1;       // space after
  int line = -1;        // line spacing in 240ths of a line (auto), or twips when exact_line
  bool exact_line = false;
  bool keep_next = false;
  bool bottom_border = false;  // single thin rule under the paragraph
};

// One w:p holding `runs_xml` (already built runs; may be empty).
std::string paragraph(const ParaFormat& format, std::string_view runs_xml);

// A paragraph of a single run of `text`.
inline std::string text_paragraph(const ParaFormat& format, std::string_view text,
                                  const RunFormat& run_format = {}) {
  return paragraph(format, run(text, run_format));
}

// [Content_Types].xml: defaults for .rels and .xml (and one per (extension, content type) pair
// of `defaults`, e.g. {"png", "image/png"}), docProps/core.xml and docProps/app.xml, and one
// override per (part name, content type) pair.
std::string content_types(const std::vector<std::pair<std::string, std::string>>& overrides,
                          const std::vector<std::pair<std::string, std::string>>& defaults = {});

// A picture inline in the text (w:drawing/wp:inline), `width` × `height` in points, showing the
// image of relationship `rel_id`. `id` is unique in the document; `description` is its alt
// text. Needs the wp, a and pic namespaces (kDrawingNamespaces) declared on the root element.
std::string inline_picture(std::string_view rel_id, int id, std::string_view name, std::string_view description,
                           double width, double height);
inline constexpr std::string_view kDrawingNamespaces =
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

// docProps/core.xml with the current time as created and modified; docProps/app.xml.
std::string core_properties(std::string_view title, std::string_view creator,
                            std::string_view language);
std::string app_properties(std::string_view application, std::string_view company);

// A relationships part (.rels) with ids rId1, rId2, … in order; pairs of (type URI, target).
std::string relationships(const std::vector<std::pair<std::string, std::string>>& type_target);

// Rough printed width in twips of `text` set in Times New Roman at `half_points`, for sizing
// table columns; good to ~10% on Vietnamese prose.
int estimate_width(std::string_view text, int half_points, bool bold = false);

// Column widths summing to `total`: every column gets its `need` (longest word) and, while room
// is left, up to its `want` (content on one line); the widest columns give way first (a
// "water level" cap). With room to spare, the wants are widened in proportion.
std::vector<int> fit_widths(const std::vector<int>& need, const std::vector<int>& want, int total);

// A table's column widths summing to `total`, from each column's `need` (longest word or
// number), `body` (longest cell) and `full` (cells and header on one line; each is raised to at
// least the one before): full widths when they fit, else body widths, else the needs. `fits` is
// false when even the needs are wider than `total` (a smaller font may be worth trying).
struct ColumnWidths {
  std::vector<int> widths;
  bool fits = true;
};
ColumnWidths choose_column_widths(const std::vector<int>& need, std::vector<int> body, std::vector<int> full, int total);

// A paragraph holding only a page break.
std::string page_break();

// Table pieces. `width` is in twips; `content_xml` must hold at least one paragraph.
std::string table_cell(int width, std::string_view content_xml, bool vertical_center = false);
std::string table_row(std::string_view cells_xml, bool repeat_as_header = false,
                      bool cant_split = true);
// A whole table: fixed layout with the given column widths, single borders or none.
std::string table(const std::vector<int>& widths, std::string_view rows_xml, bool borders,
                  int indent = 0);

// Writes an OPC (ZIP) package holding `parts` (name inside the package, content) in order.
// The file appears at `out` only when complete: it is written next to it under a temporary
// name, then renamed. Throws std::runtime_error (message in Vietnamese) on any failure.
using Part = std::pair<std::string, std::string>;
void write_package(const std::vector<Part>& parts, const std::filesystem::path& out);

}  // namespace kc::ooxml
