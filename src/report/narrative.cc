#include "report/narrative.h"

#include <algorithm>
#include <set>

#include "core/vn_format.h"
#include "report/render_text.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace kc::narrative {

namespace {

constexpr size_t kShownIds = 12;  // ids an unknown-reference message lists at most

std::string line_text(size_t line) { return "dòng " + std::to_string(line); }

// At most `n` code points of `s`, with "…" when cut.
std::string excerpt(std::string_view s, size_t n = 40) {
  size_t i = 0, count = 0;
  uint32_t cp = 0;
  while (i < s.size() && count < n) {
    size_t len = decode_utf8(s, i, cp);
    i += len == 0 ? 1 : len;
    ++count;
  }
  return i < s.size() ? std::string(s.substr(0, i)) + "…" : std::string(s);
}

std::string_view trim_spaces(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::string first_part(std::string_view id) { return std::string(id.substr(0, id.find('.'))); }

// The dotted prefix ("de_an.tong.") `id` shares with the most specific group of `available`;
// `id` itself when it names a group ("{de_an.tong}" lists de_an.tong.so_de_an, …).
std::string shared_prefix(std::string_view id, const FigureValues& available) {
  std::string best;
  for (size_t dot = id.find('.');; dot = id.find('.', dot + 1)) {
    std::string prefix = std::string(id.substr(0, dot)) + ".";
    auto it = available.lower_bound(prefix);
    if (it == available.end() || it->first.compare(0, prefix.size(), prefix) != 0) break;
    best = prefix;
    if (dot == std::string_view::npos) break;
  }
  return best;
}

std::string unknown_message(std::string_view id, size_t line, const FigureValues& available) {
  std::string m = "Không có số liệu '{" + std::string(id) + "}' ở " + line_text(line) + "; ";
  if (available.empty()) return m + "mục này chưa có số liệu nào";
  std::vector<std::string> shown;
  std::string prefix = shared_prefix(id, available);
  size_t total = 0;
  if (!prefix.empty()) {
    m += "các số liệu của mục này bắt đầu bằng '" + prefix + "': ";
    for (auto it = available.lower_bound(prefix); it != available.end() && it->first.rfind(prefix, 0) == 0; ++it, ++total)
      if (shown.size() < kShownIds) shown.push_back(it->first);
  } else {
    m += "các nhóm số liệu của mục này: ";
    std::set<std::string> groups;
    for (const auto& [known, value] : available) groups.insert(first_part(known) + ".…");
    total = groups.size();
    shown.assign(groups.begin(), groups.end());
  }
  for (size_t i = 0; i < shown.size(); ++i) m += (i ? ", " : "") + shown[i];
  if (total > shown.size()) m += ", … (" + std::to_string(total) + " số liệu)";
  return m;
}

// Figure ids carry record codes ("chi_tieu.kp-doi-ung.muc_tieu": an indicator's code), which may
// hold hyphens and capitals.
bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

// Parses the paragraphs and items of a text, collecting every problem.
class Parser {
 public:
  Parser(const FigureValues& available, std::vector<Problem>& problems) : available_(available), problems_(problems) {}

  Narrative run(std::string_view text) {
    size_t line = 0, start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view raw = text.substr(start, end - start);
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      take_line(raw, ++line);
      if (end == text.size()) break;
      start = end + 1;
    }
    close_block();
    return std::move(out_);
  }

 private:
  void take_line(std::string_view raw, size_t line) {
    std::string_view content = trim_spaces(raw);
    if (content.empty()) return close_block();
    if (content.rfind("- ", 0) == 0) {
      close_block();
      open_block(true, line);
      content = trim_spaces(content.substr(2));
    } else if (!open_) {
      open_block(false, line);
    } else {
      add_text(" ");  // a continuation line of the same paragraph or item
    }
    inline_markup(content, line);
  }

  void open_block(bool bullet, size_t line) {
    open_ = true;
    bold_ = false;
    out_.blocks.push_back(Block{bullet, line, {}});
  }

  void close_block() {
    if (!open_) return;
    if (bold_)
      problems_.push_back({bold_line_, "Thiếu '**' đóng chữ đậm mở ở " + line_text(bold_line_) +
                                           " (chữ đậm kết thúc trong đoạn hoặc mục của nó)"});
    open_ = false;
  }

  void add_text(std::string_view s) {
    std::vector<Inline>& in = out_.blocks.back().inlines;
    if (!in.empty() && in.back().figure_id.empty() && in.back().bold == bold_)
      in.back().text += s;
    else
      in.push_back(Inline{std::string(s), {}, bold_});
  }

  void inline_markup(std::string_view s, size_t line) {
    size_t i = 0;
    while (i < s.size()) {
      if (s.compare(i, 2, "{{") == 0 || s.compare(i, 2, "}}") == 0) {
        add_text(s.substr(i, 1));
        i += 2;
      } else if (s.compare(i, 2, "**") == 0) {
        bold_ = !bold_;
        bold_line_ = line;
        i += 2;
      } else if (s[i] == '{') {
        i = reference(s, i, line);
      } else if (s[i] == '}') {
        problems_.push_back({line, "Dấu '}' ở " + line_text(line) + " không đóng tham chiếu số liệu nào (viết '}}' để in dấu '}')"});
        ++i;
      } else {
        size_t next = s.find_first_of("{}*", i + 1);
        if (next == std::string_view::npos) next = s.size();
        add_text(s.substr(i, next - i));
        i = next;
      }
    }
  }

  // The reference opened at s[open] == '{'; returns where parsing goes on.
  size_t reference(std::string_view s, size_t open, size_t line) {
    size_t close = s.find_first_of("{}", open + 1);
    if (close == std::string_view::npos || s[close] == '{') {
      size_t stop = close == std::string_view::npos ? s.size() : close;
      std::string_view opened = s.substr(open, s.find_last_not_of(" \t", stop - 1) + 1 - open);
      problems_.push_back({line, "Thiếu dấu '}' đóng tham chiếu số liệu '" + excerpt(opened) + "' ở " +
                                     line_text(line) + " (viết '{{' để in dấu '{')"});
      return stop;
    }
    std::string_view id = trim_spaces(s.substr(open + 1, close - open - 1));
    if (id.empty()) {
      problems_.push_back({line, "Tham chiếu số liệu rỗng '" + std::string(s.substr(open, close - open + 1)) + "' ở " +
                                     line_text(line) + ": viết mã số liệu giữa hai dấu ngoặc, ví dụ {de_an.tong.so_de_an}"});
    } else if (!std::all_of(id.begin(), id.end(), id_char) || available_.find(id) == available_.end()) {
      problems_.push_back({line, unknown_message(excerpt(id), line, available_)});
    } else {
      out_.blocks.back().inlines.push_back(Inline{{}, std::string(id), bold_});
    }
    return close + 1;
  }

  const FigureValues& available_;
  std::vector<Problem>& problems_;
  Narrative out_;
  bool open_ = false, bold_ = false;
  size_t bold_line_ = 0;
};

const FigureValue* find(const FigureValues& values, const std::string& id) {
  auto it = values.find(id);
  return it == values.end() ? nullptr : &it->second;
}

std::string figure_text(const FigureValues& values, const std::string& id) {
  const FigureValue* v = find(values, id);
  return v ? v->text : "{" + id + "}";
}

struct GroupTitle {
  const char* prefix;
  const char* title;
};
constexpr GroupTitle kGroupTitles[] = {
    {"de_an", "Đề án và kinh phí"},
    {"chi_tieu", "Chỉ tiêu và mức độ đạt"},
    {"noi_dung", "Theo nội dung khuyến công"},
    {"binh_chon", "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu"},
    {"van_ban", "Văn bản"},
    {"to_chuc", "Tổ chức, cán bộ"},
    {"co_so_cnnt", "Cơ sở công nghiệp nông thôn"},
    {"gtsx_cnnt", "Giá trị sản xuất công nghiệp nông thôn"},
    {"lang_nghe", "Làng nghề"},
    {"dia_ban", "Theo địa bàn"},
};

std::string group_title(const std::string& prefix) {
  for (const GroupTitle& g : kGroupTitles)
    if (prefix == g.prefix) return g.title;
  return prefix;
}

}  // namespace

std::string printed_text(const Figure& f) {
  bool count = f.numerator && f.denominator && *f.denominator == 1 && f.decimals == 0 && f.unit.rfind('%', 0) != 0;
  std::string number = count ? format_count_prose(*f.numerator) : f.text();
  if (f.unit.empty()) return number;
  return number + (f.unit.rfind('%', 0) == 0 ? "" : " ") + f.unit;  // "79,17%", "19,4%/năm"
}

FigureValues figure_values(const std::vector<Figure>& figures) {
  FigureValues out;
  for (const Figure& f : figures) out.emplace(f.id, FigureValue{f.label, printed_text(f)});
  return out;
}

ParseResult parse_narrative(std::string_view text, const FigureValues& available) {
  ParseResult r;
  if (size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
    r.problems.push_back({line, "Văn bản không phải UTF-8 hợp lệ ở " + line_text(line)});
    return r;
  }
  std::string nfc = to_nfc(text);
  Narrative n = Parser(available, r.problems).run(nfc);
  std::stable_sort(r.problems.begin(), r.problems.end(), [](const Problem& a, const Problem& b) { return a.line < b.line; });
  if (r.problems.empty()) r.narrative = std::move(n);
  return r;
}

std::vector<std::string> references(const Narrative& n) {
  std::vector<std::string> out;
  std::set<std::string, std::less<>> seen;
  for (const Block& b : n.blocks)
    for (const Inline& in : b.inlines)
      if (!in.figure_id.empty() && seen.insert(in.figure_id).second) out.push_back(in.figure_id);
  return out;
}

std::vector<doc::Block> to_blocks(const Narrative& n, const FigureValues& values) {
  std::vector<doc::Block> out;
  for (const Block& b : n.blocks) {
    doc::Paragraph p{b.bullet ? doc::ParagraphStyle::Bullet : doc::ParagraphStyle::Body, {}};
    if (b.bullet) p.spans.push_back(doc::Span{"- "});
    for (const Inline& in : b.inlines) {
      std::string text = in.figure_id.empty() ? in.text : figure_text(values, in.figure_id);
      if (!p.spans.empty() && p.spans.back().bold == in.bold)
        p.spans.back().text += text;
      else
        p.spans.push_back(doc::Span{std::move(text), in.bold});
    }
    out.emplace_back(std::move(p));
  }
  return out;
}

std::string preview_html(const Narrative& n, const FigureValues& values) {
  std::string out;
  bool in_list = false;
  for (const Block& b : n.blocks) {
    if (b.bullet != in_list) out += b.bullet ? "<ul>\n" : "</ul>\n";
    in_list = b.bullet;
    out += b.bullet ? "<li>" : "<p>";
    for (const Inline& in : b.inlines) {
      if (in.bold) out += "<strong>";
      if (in.figure_id.empty()) {
        out += html_escape(in.text);
      } else {
        const FigureValue* v = find(values, in.figure_id);
        out += "<mark class=\"so-lieu\" title=\"" + html_escape(v ? v->label : in.figure_id) + "\">" +
               html_escape(figure_text(values, in.figure_id)) + "</mark>";
      }
      if (in.bold) out += "</strong>";
    }
    out += b.bullet ? "</li>\n" : "</p>\n";
  }
  if (in_list) out += "</ul>\n";
  return out;
}

std::vector<FigureGroup> section_figures(const std::vector<Figure>& figures) {
  std::vector<FigureGroup> groups;
  for (const Figure& f : figures) {
    std::string prefix = first_part(f.id);
    auto g = std::find_if(groups.begin(), groups.end(), [&](const FigureGroup& x) { return x.prefix == prefix; });
    if (g == groups.end()) g = groups.insert(groups.end(), FigureGroup{prefix, group_title(prefix), {}});
    g->figures.push_back(AvailableFigure{f.id, f.label, printed_text(f)});
  }
  return groups;
}

FigureValues snapshot_figures(const Narrative& n, const FigureValues& current) {
  FigureValues out;
  for (const std::string& id : references(n))
    if (const FigureValue* v = find(current, id)) out.emplace(id, *v);
  return out;
}

std::vector<FigureChange> changed_figures(const Narrative& n, const FigureValues& snapshot,
                                          const FigureValues& current) {
  std::vector<FigureChange> out;
  for (const std::string& id : references(n)) {
    const FigureValue* then = find(snapshot, id);
    const FigureValue* now = find(current, id);
    if (!then || (now && now->text == then->text)) continue;
    out.push_back(FigureChange{id, then->label, then->text, now ? std::optional<std::string>(now->text) : std::nullopt});
  }
  return out;
}

}  // namespace kc::narrative
