#include "xlsx/xml_scanner.h"

#include <algorithm>
#include <cstdint>

#include "xlsx/xlsx_error.h"

namespace kc::xlsx {

namespace {

constexpr size_t kMaxDepth = 256;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with_ci(std::string_view s, size_t at, std::string_view word) {
  if (s.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = s[at + i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != word[i]) return false;
  }
  return true;
}

std::string_view local_name(std::string_view qualified) {
  size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Characters XML 1.0 allows (a reference to anything else is malformed).
bool xml_char(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

void check_xml_part(std::string_view xml, std::string_view part) {
  if (xml.find('\0') != std::string_view::npos)
    throw XlsxError("phần " + std::string(part) + " của sổ tính không phải văn bản XML mã hóa UTF-8");
  for (size_t at = xml.find("<!"); at != std::string_view::npos; at = xml.find("<!", at + 2)) {
    if (starts_with_ci(xml, at + 2, "DOCTYPE") || starts_with_ci(xml, at + 2, "ENTITY"))
      throw XlsxError("phần " + std::string(part) +
                      " của sổ tính có khai báo DOCTYPE/ENTITY; vì lý do an toàn, sổ tính như vậy không được nhận");
  }
}

bool decode_xml_text(std::string_view raw, std::string& out) {
  size_t i = 0;
  while (i < raw.size()) {
    size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      return true;
    }
    out.append(raw.substr(i, amp - i));
    size_t semi = raw.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) return false;
    std::string_view ref = raw.substr(amp + 1, semi - amp - 1);
    if (ref == "amp") out += '&';
    else if (ref == "lt") out += '<';
    else if (ref == "gt") out += '>';
    else if (ref == "quot") out += '"';
    else if (ref == "apos") out += '\'';
    else if (ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty() || digits.size() > 8) return false;
      uint32_t cp = 0;
      for (char c : digits) {
        uint32_t d;
        if (c >= '0' && c <= '9') d = static_cast<uint32_t>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') d = static_cast<uint32_t>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') d = static_cast<uint32_t>(c - 'A' + 10);
        else return false;
        cp = cp * (hex ? 16 : 10) + d;
      }
      if (!xml_char(cp)) return false;
      append_utf8(cp, out);
    } else {
      return false;  // no other entity exists without a DTD, and DTDs are refused
    }
    i = semi + 1;
  }
  return true;
}

XmlScanner::XmlScanner(std::string_view xml, std::string_view part) : xml_(xml), part_(part) {
  check_xml_part(xml, part);
}

void XmlScanner::fail(std::string_view what) const {
  throw XlsxError("phần " + part_ + " của sổ tính không phải XML hợp lệ (" + std::string(what) + ", gần byte " +
                  std::to_string(pos_ + 1) + ")");
}

void XmlScanner::skip_past(std::string_view terminator) {
  size_t end = xml_.find(terminator, pos_);
  if (end == std::string_view::npos) fail("thiếu \"" + std::string(terminator) + "\"");
  pos_ = end + terminator.size();
}

XmlScanner::Event XmlScanner::next() {
  if (pending_end_) {
    pending_end_ = false;
    open_.pop_back();
    return Event::End;  // name_ still holds the self-closed element's name
  }
  while (pos_ < xml_.size()) {
    if (xml_[pos_] != '<') {
      read_text();
      if (!text_.empty()) {
        if (open_.empty()) {
          bool blank = std::all_of(text_.begin(), text_.end(), is_space);
          if (!blank) fail("có chữ ngoài phần tử gốc");
          continue;
        }
        return Event::Text;
      }
      continue;
    }
    std::string_view rest = xml_.substr(pos_);
    if (rest.starts_with("<?")) {
      skip_past("?>");
    } else if (rest.starts_with("<!--")) {
      skip_past("-->");
    } else if (rest.starts_with("<![CDATA[")) {
      size_t start = pos_ + 9;
      pos_ = start;
      skip_past("]]>");
      text_.assign(xml_.substr(start, pos_ - 3 - start));
      if (open_.empty()) fail("CDATA ngoài phần tử gốc");
      return Event::Text;
    } else if (rest.starts_with("<!")) {
      fail("khai báo không được phép");
    } else if (rest.starts_with("</")) {
      read_end_tag();
      return Event::End;
    } else {
      read_start_tag();
      return Event::Start;
    }
  }
  if (!open_.empty()) fail("tệp kết thúc khi phần tử <" + std::string(open_.back()) + "> chưa đóng");
  return Event::Eof;
}

void XmlScanner::read_text() {
  size_t end = xml_.find('<', pos_);
  if (end == std::string_view::npos) end = xml_.size();
  text_.clear();
  if (!decode_xml_text(xml_.substr(pos_, end - pos_), text_)) fail("tham chiếu ký tự không hợp lệ");
  pos_ = end;
}

void XmlScanner::read_start_tag() {
  ++pos_;  // '<'
  size_t start = pos_;
  while (pos_ < xml_.size() && !is_space(xml_[pos_]) && xml_[pos_] != '/' && xml_[pos_] != '>') ++pos_;
  std::string_view qualified = xml_.substr(start, pos_ - start);
  if (qualified.empty()) fail("thẻ không có tên");
  attributes_.clear();
  while (true) {
    while (pos_ < xml_.size() && is_space(xml_[pos_])) ++pos_;
    if (pos_ >= xml_.size()) fail("thẻ chưa đóng");
    char c = xml_[pos_];
    if (c == '>') {
      ++pos_;
      break;
    }
    if (c == '/') {
      if (pos_ + 1 >= xml_.size() || xml_[pos_ + 1] != '>') fail("thẻ tự đóng sai");
      pos_ += 2;
      pending_end_ = true;
      break;
    }
    size_t name_start = pos_;
    while (pos_ < xml_.size() && !is_space(xml_[pos_]) && xml_[pos_] != '=' && xml_[pos_] != '>' && xml_[pos_] != '/')
      ++pos_;
    std::string_view attr_name = xml_.substr(name_start, pos_ - name_start);
    while (pos_ < xml_.size() && is_space(xml_[pos_])) ++pos_;
    if (attr_name.empty() || pos_ >= xml_.size() || xml_[pos_] != '=') fail("thuộc tính sai");
    ++pos_;
    while (pos_ < xml_.size() && is_space(xml_[pos_])) ++pos_;
    if (pos_ >= xml_.size() || (xml_[pos_] != '"' && xml_[pos_] != '\'')) fail("giá trị thuộc tính thiếu dấu nháy");
    char quote = xml_[pos_++];
    size_t value_end = xml_.find(quote, pos_);
    if (value_end == std::string_view::npos) fail("giá trị thuộc tính chưa đóng");
    std::string_view value = xml_.substr(pos_, value_end - pos_);
    if (value.find('<') != std::string_view::npos) fail("dấu < trong giá trị thuộc tính");
    // Namespace declarations are not attributes a reader asks for ("xmlns:r" is not "r").
    if (!attr_name.starts_with("xmlns")) attributes_.push_back({local_name(attr_name), value});
    pos_ = value_end + 1;
  }
  if (open_.size() >= kMaxDepth) fail("lồng quá sâu");
  open_.push_back(qualified);
  name_ = local_name(qualified);
}

void XmlScanner::read_end_tag() {
  pos_ += 2;  // "</"
  size_t start = pos_;
  while (pos_ < xml_.size() && !is_space(xml_[pos_]) && xml_[pos_] != '>') ++pos_;
  std::string_view qualified = xml_.substr(start, pos_ - start);
  while (pos_ < xml_.size() && is_space(xml_[pos_])) ++pos_;
  if (pos_ >= xml_.size() || xml_[pos_] != '>') fail("thẻ đóng sai");
  ++pos_;
  if (open_.empty() || open_.back() != qualified) fail("thẻ đóng </" + std::string(qualified) + "> không khớp");
  open_.pop_back();
  name_ = local_name(qualified);
}

std::string XmlScanner::attribute(std::string_view local) const {
  for (const Attribute& a : attributes_) {
    if (a.name != local) continue;
    std::string out;
    if (!decode_xml_text(a.value, out)) fail("tham chiếu ký tự không hợp lệ trong thuộc tính");
    return out;
  }
  return {};
}

bool XmlScanner::has_attribute(std::string_view local) const {
  for (const Attribute& a : attributes_)
    if (a.name == local) return true;
  return false;
}

}  // namespace kc::xlsx
