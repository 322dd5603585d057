// The narrative staff write for a report section, with computed figures inserted by reference.
//
// Markup (docs/report.md, "Narrative markup"):
//   - paragraphs are separated by a blank line; the lines of one paragraph are joined by a space;
//   - a line starting with "- " is a bullet item; the lines after it, up to a blank line or the
//     next "- ", continue the item;
//   - **…** prints bold (closed within its paragraph or item);
//   - {de_an.tong.so_de_an} inserts the computed figure with that id (report/figure.h), printed
//     the Vietnamese way with its unit ("30.722,3 triệu đồng", "79,17%", "09 đề án");
//   - {{ and }} print a literal brace.
//
// parse_narrative checks everything at once and accepts all or nothing: each problem is a
// Vietnamese message naming what is wrong and its line. A parsed Narrative then renders into the
// report's document model (every renderer prints it) or as an HTML preview for the editor, where
// each inserted figure is highlighted; the text staff wrote is always escaped.
//
// Figures are looked up in FigureValues (id -> label and printed text): built from the live
// figures of a report (figure_values), or a snapshot stored when a report is issued
// (snapshot_figures), so that an issued report prints the same text after records change and
// changed_figures can say which figures have changed since.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/document.h"
#include "report/figure.h"

namespace kc::narrative {

// A figure as a narrative prints it.
struct FigureValue {
  std::string label;  // Vietnamese label (Figure::label)
  std::string text;   // printed with its unit: "30.722,3 triệu đồng", "79,17%", "09 đề án"
};
using FigureValues = std::map<std::string, FigureValue, std::less<>>;  // by figure id

// "30.722,3 triệu đồng", "79,17%", "19,4%/năm", "09 đề án" (counts below ten get a leading zero
// in running text, as the report writes them).
std::string printed_text(const Figure& f);
FigureValues figure_values(const std::vector<Figure>& figures);

// A piece of text in one style, or an inserted figure.
struct Inline {
  std::string text;       // literal text (braces already unescaped); empty for a figure
  std::string figure_id;  // non-empty for a figure reference
  bool bold = false;
};

struct Block {
  bool bullet = false;
  size_t line = 0;  // 1-based line where the paragraph or item starts
  std::vector<Inline> inlines;
};

struct Narrative {
  std::vector<Block> blocks;
};

struct Problem {
  size_t line = 0;  // 1-based
  std::string message;  // Vietnamese, names the line
};

struct ParseResult {
  std::optional<Narrative> narrative;  // set only when there is no problem
  std::vector<Problem> problems;       // in line order
};

// Parses `text` and checks every figure reference against `available`.
ParseResult parse_narrative(std::string_view text, const FigureValues& available);

// The figure ids a narrative refers to, each once, in order of first use.
std::vector<std::string> references(const Narrative& n);

// Into the document model: Body and Bullet paragraphs ("- " + item), figures as printed text.
// Every reference must be in `values` (parse_narrative checked it against the same values, or
// `values` is the snapshot taken from them); one that is not prints as "{id}".
std::vector<doc::Block> to_blocks(const Narrative& n, const FigureValues& values);

// The editor's preview: <p>, <ul><li>, <strong>, and each figure as
// <mark class="so-lieu" title="label">text</mark>; everything escaped.
std::string preview_html(const Narrative& n, const FigureValues& values);

// The figures a section may use, grouped by the first part of their id ("de_an", "chi_tieu"…)
// in the order the report states them. For now every section may use every figure of its report.
struct AvailableFigure {
  std::string id;
  std::string label;
  std::string text;  // current printed value
};
struct FigureGroup {
  std::string prefix;  // "de_an"
  std::string title;   // Vietnamese: "Đề án và kinh phí"
  std::vector<AvailableFigure> figures;
};
std::vector<FigureGroup> section_figures(const std::vector<Figure>& figures);

// The values of the figures `n` refers to, to store with an issued report.
FigureValues snapshot_figures(const Narrative& n, const FigureValues& current);

// A referenced figure whose printed text now differs from the snapshot (or no longer exists).
struct FigureChange {
  std::string id;
  std::string label;
  std::string issued;                  // as stored when issued
  std::optional<std::string> current;  // none when the records no longer give the figure
};
std::vector<FigureChange> changed_figures(const Narrative& n, const FigureValues& snapshot,
                                          const FigureValues& current);

}  // namespace kc::narrative
