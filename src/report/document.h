// A renderer-neutral document: what a report says, in order, without saying how it looks.
// The report builder produces one Document; Markdown, HTML and DOCX renderers each turn it
// into their format, so the wording lives in one place.
//
// The layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I for administrative documents: a
// letterhead (issuing agency left; national motto right; number; place and date), the kind
// of document and its subject, the body, then the recipients block and the signature.
#pragma once

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

using Block = std::variant<Paragraph, Table, PageBreak>;

struct Letterhead {
  std::string parent_agency;  // "UBND TỈNH BẮC GIANG" (upper case, regular)
  std::string agency;         // "SỞ CÔNG THƯƠNG" (upper case, bold)
  std::string number;         // "Số: /BC-SCT"
  std::string place_date;     // "Bắc Giang, ngày 28 tháng 11 năm 2020" (italic)
};

struct Signature {
  std::vector<std::string> recipients;  // lines after "Nơi nhận:"
  std::string position;                 // "GIÁM ĐỐC"
  std::string signer;                   // "Trần Quang Tấn"
};

struct Document {
  Letterhead letterhead;
  std::string kind;                   // "BÁO CÁO"
  std::vector<std::string> subject;   // subject lines under the kind, bold
  std::vector<Block> body;
  Signature signature;
};

// Builders that keep report code short.
inline Paragraph para(std::string text, ParagraphStyle style = ParagraphStyle::Body) {
  return Paragraph{style, {Span{std::move(text)}}};
}

}  // namespace kc::doc
