// A renderer-neutral document: what a report says, in order, without saying how it looks.
// The report builder produces one Document; Markdown, HTML and DOCX renderers each turn it
// into their format, so the wording lives in one place.
//
// The layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I for administrative documents: a
// letterhead (issuing agency left; national motto right; number; place and date), the kind
// of document and its subject, the body, then the recipients block and the signature, then
// the appendices.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kc::doc {

struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
};

enum class ParagraphStyle {
  Body,      // justified, first-line indent
  Heading1,  // "I. KẾT QUẢ …" bold
  Heading2,  // "1. Công tác …" bold
  Heading3,  // "1.1. …" bold italic
  Bullet,    // "- …" list item, same indent as body
  Note,      // smaller, italic: methods, sources, footnotes to a table
};

struct Paragraph {
  ParagraphStyle style = ParagraphStyle::Body;
  std::vector<Span> spans;
};

struct Table {
  std::string caption;                         // "Phụ lục 1. …" printed above the table
  std::vector<std::string> header;             // column titles
  std::vector<std::vector<std::string>> rows;  // already formatted cells
  std::vector<bool> numeric;                   // per column: right-aligned when true
  bool last_row_is_total = false;              // printed bold
};

struct PageBreak {};

// A chart of one or more series over named categories. The renderers draw it with
// report/chart_draw.h: vectors in PDF, a PNG image in DOCX. Values are in `unit`.
enum class ChartKind {
  Bar,     // horizontal bars, one row per category (long category names read well)
  Column,  // vertical columns, categories along the bottom (years)
  Pie,     // shares of a whole; only the first series is drawn
  Line,    // one line per series over ordered categories (years)
};

struct ChartSeries {
  std::string name;           // legend entry ("Khuyến công tỉnh")
  std::vector<double> values;  // one per category
};

struct Chart {
  ChartKind kind = ChartKind::Column;
  std::string caption;                  // "Biểu đồ 1. …" printed above the chart
  std::string unit;                     // "triệu đồng", "%", "đề án": axis title
  int decimals = 0;                     // decimals of the value labels (trailing zeros dropped)
  std::vector<std::string> categories;  // "2016", "1. Đào tạo nghề…"
  std::vector<ChartSeries> series;      // several series are stacked (Bar, Column) or drawn apart (Line)
  std::optional<double> reference;      // a dashed line at this value ("100%" of a target)
  std::string reference_label;          // "Mục tiêu"
};

using Block = std::variant<Paragraph, Table, PageBreak, Chart>;

struct Letterhead {
  std::string parent_agency;  // "UBND TỈNH BẮC GIANG" (upper case, regular)
  std::string agency;         // "SỞ CÔNG THƯƠNG" (upper case, bold)
  std::string number;         // "Số: /BC-SCT"
  std::string place_date;     // "Bắc Giang, ngày 28 tháng 11 năm 2020" (italic)
};

struct Signature {
  std::vector<std::string> recipients;  // lines after "Nơi nhận:"
  std::string position;                 // "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
  std::string signer;                   // "Trần Quang Tấn"
  std::string authority = {};           // "KT. GIÁM ĐỐC" when a deputy signs (Nghị định 30): above the position
};

// An appendix, printed after the signature on a new page: its title ("Phụ lục 1") and subject
// centred and bold, the reference to the report it belongs to in italics, then its blocks.
struct Appendix {
  std::string title;          // "Phụ lục 1"
  std::string subject;        // "Số đề án theo nội dung và cấp kinh phí"
  std::string reference;      // "(Kèm theo Báo cáo số …/BC-SCT ngày …/…/… của Sở Công Thương tỉnh Bắc Giang)"
  std::vector<Block> blocks;  // tables, charts, notes
};

// Printed in this order: letterhead, kind and subject, body (Part I, Part II), the recipients
// and the signature right after the body, then the appendices.
struct Document {
  Letterhead letterhead;
  std::string kind;                   // "BÁO CÁO"
  std::vector<std::string> subject;   // subject lines under the kind, bold
  std::vector<Block> body;
  Signature signature;
  std::vector<Appendix> appendices;
};

// Builders that keep report code short.
inline Paragraph para(std::string text, ParagraphStyle style = ParagraphStyle::Body) {
  return Paragraph{style, {Span{std::move(text)}}};
}

// The national name and motto of the letterhead, each printed on a line of its own.
inline constexpr const char* kNationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
inline constexpr const char* kMotto = "Độc lập - Tự do - Hạnh phúc";

// Pads every number of each numeric column of `t` with zeros to the most decimals any cell of
// that column has ("550" and "860,3" print as "550,0" and "860,3"): one number of decimals
// per column. Cells that are not numbers ("–") are left alone.
void align_decimals(Table& t);

}  // namespace kc::doc
