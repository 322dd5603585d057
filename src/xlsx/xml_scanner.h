// A small pull scanner over one XML part held in memory, for the big parts of a workbook (the
// sheets and the shared strings): it yields start tags, end tags and text one at a time, so a
// 100.000-row sheet costs its own bytes and no tree. It understands what OOXML parts use —
// elements with namespace prefixes, attributes, the five named entities, character references,
// CDATA, comments and processing instructions — and refuses any DOCTYPE or ENTITY declaration
// (entity expansion, external references) and anything malformed, with an XlsxError.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kc::xlsx {

// Throws XlsxError when `xml` is not UTF-8 (a NUL byte: UTF-16 or binary) or holds a DOCTYPE or
// ENTITY declaration anywhere (checked before any part
// is given to an XML parser, pugixml included). `part` names the part in the message.
void check_xml_part(std::string_view xml, std::string_view part);

class XmlScanner {
 public:
  enum class Event { Start, End, Text, Eof };

  // `xml` must outlive the scanner.
  XmlScanner(std::string_view xml, std::string_view part);

  Event next();

  // The local name (prefix removed) of the last Start or End.
  std::string_view name() const { return name_; }
  // A self-closing Start is followed by its End without a next() in between being needed:
  // next() reports the End at once.
  // The decoded value of an attribute of the last Start, by local name; empty when absent.
  std::string attribute(std::string_view local_name) const;
  bool has_attribute(std::string_view local_name) const;
  // The decoded text of the last Text event (character data or CDATA).
  const std::string& text() const { return text_; }

 private:
  [[noreturn]] void fail(std::string_view what) const;
  void read_start_tag();
  void read_end_tag();
  void read_text();
  void skip_past(std::string_view terminator);

  struct Attribute {
    std::string_view name;   // local name
    std::string_view value;  // raw, undecoded
  };

  std::string_view xml_;
  std::string part_;
  size_t pos_ = 0;
  std::string_view name_;
  std::vector<Attribute> attributes_;
  std::string text_;
  std::vector<std::string_view> open_;  // qualified names of the open elements
  bool pending_end_ = false;            // the last Start was self-closing
};

// Appends `raw` to `out` with entity and character references decoded; false when a reference
// is malformed or names a character XML does not allow.
bool decode_xml_text(std::string_view raw, std::string& out);

}  // namespace kc::xlsx
