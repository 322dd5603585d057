#include "web/request_validation.h"

#include <httplib.h>

#include <string_view>

#include "text/utf8.h"

namespace kc::web {

namespace {

enum class Flaw { none, not_utf8, nul };

Flaw flaw_of(std::string_view s) {
  if (find_invalid_utf8(s) != std::string_view::npos) return Flaw::not_utf8;
  if (s.find('\0') != std::string_view::npos) return Flaw::nul;
  return Flaw::none;
}

std::string what_is_wrong(Flaw f) {
  return f == Flaw::not_utf8 ? "chứa ký tự không hợp lệ (không phải UTF-8)" : "chứa ký tự không hợp lệ (ký tự rỗng)";
}

// Text quoted in a message: bytes that are not well-formed UTF-8 and NULs become U+FFFD (the bad
// bytes are never echoed), and long text is cut to 60 characters.
std::string shown(std::string_view s) {
  constexpr size_t kMaxCharacters = 60;
  std::string out;
  size_t characters = 0;
  for (size_t i = 0; i < s.size() && characters < kMaxCharacters; ++characters) {
    uint32_t cp = 0;
    size_t len = decode_utf8(s, i, cp);
    if (len == 0 || cp == 0) {
      out += "\xEF\xBF\xBD";
      i += len == 0 ? 1 : len;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  if (characters == kMaxCharacters && out.size() < s.size()) out += "…";
  return out;
}

const char* kCheckInput = " Hãy kiểm tra lại địa chỉ hoặc nội dung đã nhập (văn bản chép từ tệp dùng bảng mã cũ "
                          "có thể gây lỗi này) rồi gửi lại.";

std::optional<std::string> path_flaw(const std::string& path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view segment(path.data() + start, end - start);
    if (Flaw f = flaw_of(segment); f != Flaw::none)
      return "Địa chỉ trang có đoạn \"" + shown(segment) + "\" " + what_is_wrong(f) +
             ". Hãy kiểm tra lại địa chỉ (có thể bị chép thiếu hoặc sai) rồi mở lại.";
    start = end + 1;
  }
  return std::nullopt;
}

// A name/value pair; `kind` says what it is to the reader ("Tham số", "Trường").
std::optional<std::string> pair_flaw(const std::string& kind, const std::string& name, const std::string& value) {
  if (Flaw f = flaw_of(name); f != Flaw::none)
    return kind + " có tên \"" + shown(name) + "\" " + what_is_wrong(f) + "." + kCheckInput;
  if (Flaw f = flaw_of(value); f != Flaw::none)
    return kind + " \"" + name + "\" " + what_is_wrong(f) + "." + kCheckInput;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> malformed_text(const httplib::Request& req) {
  if (auto flaw = path_flaw(req.path)) return flaw;
  // Query parameters, and the fields of an urlencoded form (httplib puts both here).
  for (const auto& [name, value] : req.params)
    if (auto flaw = pair_flaw("Tham số", name, value)) return flaw;
  for (const auto& [name, part] : req.files) {
    if (part.filename.empty()) {
      if (auto flaw = pair_flaw("Trường", name, part.content)) return flaw;
      continue;
    }
    if (auto flaw = pair_flaw("Trường", name, "")) return flaw;
    if (Flaw f = flaw_of(part.filename); f != Flaw::none)
      return "Tên tệp \"" + shown(part.filename) + "\" (trường \"" + name + "\") " + what_is_wrong(f) +
             ". Hãy đổi tên tệp rồi tải lên lại.";
  }
  for (const auto& [name, value] : req.headers) {
    Flaw f = flaw_of(name);
    if (f == Flaw::none) f = flaw_of(value);
    if (f != Flaw::none)
      return "Trường tiêu đề \"" + shown(name) + "\" của yêu cầu " + what_is_wrong(f) +
             ". Trình duyệt hoặc chương trình đã gửi yêu cầu này sai; hãy thử lại, hoặc báo cho người quản trị "
             "nếu lỗi lặp lại.";
  }
  return std::nullopt;
}

}  // namespace kc::web
