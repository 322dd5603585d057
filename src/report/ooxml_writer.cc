// Builders for WordprocessingML fragments and the atomic ZIP package writer (libzip).
#include "report/ooxml_writer.h"

#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <random>
#include <stdexcept>
#include <system_error>

#include "text/utf8.h"

namespace kc::ooxml {
namespace {

bool allowed_in_xml(uint32_t cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  return cp != 0xFFFE && cp != 0xFFFF;  // surrogates never decode as well-formed UTF-8
}

const char* align_value(Align a) {
  switch (a) {
    case Align::Left:
      return "left";
    case Align::Center:
      return "center";
    case Align::Right:
      return "right";
    case Align::Both:
      return "both";
    case Align::Inherit:
      break;
  }
  return nullptr;
}

std::string attr(const char* name, int value) {
  return std::string(" w:") + name + "=\"" + std::to_string(value) + "\"";
}

std::string run_properties(const RunFormat& f) {
  std::string p;
  if (f.bold) p += "<w:b/><w:bCs/>";
  if (f.italic) p += "<w:i/><w:iCs/>";
  if (f.caps) p += "<w:caps/>";
  if (f.half_points > 0) {
    std::string v = std::to_string(f.half_points);
    p += "<w:sz w:val=\"" + v + "\"/><w:szCs w:val=\"" + v + "\"/>";
  }
  return p.empty() ? p : "<w:rPr>" + p + "</w:rPr>";
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t len = decode_utf8(text, i, cp);
    if (len == 0) {  // ill-formed byte: drop it and resynchronise on the next one
      ++i;
      continue;
    }
    if (allowed_in_xml(cp)) {
      switch (cp) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&apos;";
          break;
        default:
          out.append(text.substr(i, len));
      }
    }
    i += len;
  }
  return out;
}

std::string run(std::string_view text, const RunFormat& format) {
  std::string r = "<w:r>" + run_properties(format);
  size_t start = 0;
  auto flush = [&](size_t end) {
    if (end > start)
      r += "<w:t xml:space=\"preserve\">" + escape(text.substr(start, end - start)) + "</w:t>";
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\t' && text[i] != '\n') continue;
    flush(i);
    r += text[i] == '\t' ? "<w:tab/>" : "<w:br/>";
    start = i + 1;
  }
  flush(text.size());
  return r + "</w:r>";
}

std::string paragraph(const ParaFormat& f, std::string_view runs_xml) {
  std::string p;
  if (!f.style.empty()) p += "<w:pStyle w:val=\"" + escape(f.style) + "\"/>";
  if (f.keep_next) p += "<w:keepNext/>";
  if (f.bottom_border)
    p += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
         "</w:pBdr>";
  if (f.before >= 0 || f.after >= 0 || f.line >= 0) {
    p += "<w:spacing";
    if (f.before >= 0) p += attr("before", f.before);
    if (f.after >= 0) p += attr("after", f.after);
    if (f.line >= 0) {
      p += attr("line", f.line);
      p += f.exact_line ? " w:lineRule=\"exact\"" : " w:lineRule=\"auto\"";
    }
    p += "/>";
  }
  if (f.left >= 0 || f.right >= 0 || f.first_line >= 0) {
    p += "<w:ind";
    if (f.left >= 0) p += attr("left", f.left);
    if (f.right >= 0) p += attr("right", f.right);
    if (f.first_line >= 0) p += attr("firstLine", f.first_line);
    p += "/>";
  }
  if (const char* jc = align_value(f.align)) p += std::string("<w:jc w:val=\"") + jc + "\"/>";
  std::string out = "<w:p>";
  if (!p.empty()) out += "<w:pPr>" + p + "</w:pPr>";
  out.append(runs_xml);
  return out + "</w:p>";
}

std::string content_types(const std::vector<std::pair<std::string, std::string>>& overrides,
                          const std::vector<std::pair<std::string, std::string>>& defaults) {
  auto override_part = [](const std::string& part, const std::string& type) {
    return "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>";
  };
  std::string t = std::string(kXmlDeclaration) +
                  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  "<Default Extension=\"rels\" "
                  "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  for (const auto& [extension, type] : defaults)
    t += "<Default Extension=\"" + extension + "\" ContentType=\"" + type + "\"/>";
  t += override_part("/docProps/core.xml",
                     "application/vnd.openxmlformats-package.core-properties+xml");
  t += override_part("/docProps/app.xml",
                     "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  for (const auto& [part, type] : overrides) t += override_part(part, type);
  return t + "</Types>";
}

std::string core_properties(std::string_view title, std::string_view creator,
                            std::string_view language) {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char now[32];
  std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(kXmlDeclaration) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
         escape(title) + "</dc:title><dc:creator>" + escape(creator) +
         "</dc:creator><dc:language>" + escape(language) +
         "</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + now +
         "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + now +
         "</dcterms:modified></cp:coreProperties>";
}

std::string app_properties(std::string_view application, std::string_view company) {
  return std::string(kXmlDeclaration) +
         "<Properties "
         "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
         "<Application>" +
         escape(application) + "</Application><DocSecurity>0</DocSecurity><Company>" +
         escape(company) + "</Company></Properties>";
}

std::string relationships(const std::vector<std::pair<std::string, std::string>>& type_target) {
  std::string r = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
                  "<Relationships "
                  "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  int id = 1;
  for (const auto& [type, target] : type_target)
    r += "<Relationship Id=\"rId" + std::to_string(id++) + "\" Type=\"" + type + "\" Target=\"" +
         target + "\"/>";
  return r + "</Relationships>";
}

int estimate_width(std::string_view text, int half_points, bool bold) {
  // Advance widths of Times New Roman in thousandths of an em, by kind of character.
  int64_t em_thousandths = 0;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t len = decode_utf8(text, i, cp);
    i += len ? len : 1;
    if (cp == ' ' || cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '\'' || cp == '|')
      em_thousandths += 250;
    else if (cp >= '0' && cp <= '9')
      em_thousandths += 500;
    else if ((cp >= 'A' && cp <= 'Z') || cp == '%' || cp == '&' || cp == 0x110)  // incl. Đ
      em_thousandths += 700;
    else if (cp == 'm' || cp == 'w' || cp == 'M' || cp == 'W')
      em_thousandths += 800;
    else if (cp < 0x80)
      em_thousandths += 440;
    else  // Vietnamese letters: lower and upper case mixed
      em_thousandths += 500;
  }
  if (bold) em_thousandths = em_thousandths * 112 / 100;
  // 1 pt = 20 twips, size in half-points: twips = em/1000 * half_points * 10.
  return static_cast<int>(em_thousandths * half_points / 100);
}

std::string inline_picture(std::string_view rel_id, int id, std::string_view name, std::string_view description,
                           double width, double height) {
  constexpr double kEmuPerPoint = 12700;
  std::string extent = "cx=\"" + std::to_string(static_cast<int64_t>(width * kEmuPerPoint)) + "\" cy=\"" +
                       std::to_string(static_cast<int64_t>(height * kEmuPerPoint)) + "\"";
  std::string n = std::to_string(id);
  return "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent " + extent +
         "/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"" + n + "\" name=\"" + escape(name) +
         "\" descr=\"" + escape(description) +
         "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
         "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
         "<pic:nvPicPr><pic:cNvPr id=\"" + n + "\" name=\"" + escape(name) +
         "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" + std::string(rel_id) +
         "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext " +
         extent + "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
         "</a:graphic></wp:inline></w:drawing></w:r>";
}

ColumnWidths choose_column_widths(const std::vector<int>& need, std::vector<int> body, std::vector<int> full, int total) {
  int64_t sum_need = 0, sum_body = 0, sum_full = 0;
  for (size_t c = 0; c < need.size(); ++c) {
    body[c] = std::max(body[c], need[c]);
    full[c] = std::max(full[c], body[c]);
    sum_need += need[c];
    sum_body += body[c];
    sum_full += full[c];
  }
  ColumnWidths out;
  out.fits = sum_need <= total;
  out.widths = sum_full <= total   ? fit_widths(need, full, total)
               : sum_body <= total ? fit_widths(body, full, total)
                                   : fit_widths(need, body, total);
  return out;
}

std::vector<int> fit_widths(const std::vector<int>& need, const std::vector<int>& want, int total) {
  size_t n = need.size();
  std::vector<int> widths(n);
  if (n == 0) return widths;
  int64_t sum_need = 0, sum_want = 0;
  for (size_t c = 0; c < n; ++c) {
    sum_need += need[c];
    sum_want += std::max(want[c], need[c]);
  }
  if (sum_want <= total) {  // everything fits on one line: widen in proportion
    for (size_t c = 0; c < n; ++c)
      widths[c] = static_cast<int>(std::max(want[c], need[c]) * int64_t{total} / sum_want);
  } else if (sum_need <= total) {
    // The largest cap L with sum(clamp(L, need, want)) <= total.
    auto width_at = [&](size_t c, int cap) {
      return std::clamp(cap, need[c], std::max(want[c], need[c]));
    };
    auto fill = [&](int cap) {
      int64_t sum = 0;
      for (size_t c = 0; c < n; ++c) sum += width_at(c, cap);
      return sum;
    };
    int lo = 0, hi = std::max(*std::max_element(want.begin(), want.end()), total);
    while (lo < hi) {
      int mid = lo + (hi - lo + 1) / 2;
      if (fill(mid) <= total)
        lo = mid;
      else
        hi = mid - 1;
    }
    for (size_t c = 0; c < n; ++c) widths[c] = width_at(c, lo);
  } else {  // too many columns: words will break anyway
    for (size_t c = 0; c < n; ++c)
      widths[c] = static_cast<int>(need[c] * int64_t{total} / std::max<int64_t>(sum_need, 1));
  }
  int used = 0;
  for (int w : widths) used += w;
  *std::max_element(widths.begin(), widths.end()) += total - used;
  return widths;
}

std::string page_break() { return "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"; }

std::string table_cell(int width, std::string_view content_xml, bool vertical_center) {
  std::string c = "<w:tc><w:tcPr><w:tcW" + attr("w", width) + " w:type=\"dxa\"/>";
  if (vertical_center) c += "<w:vAlign w:val=\"center\"/>";
  c += "</w:tcPr>";
  c.append(content_xml);
  return c + "</w:tc>";
}

std::string table_row(std::string_view cells_xml, bool repeat_as_header, bool cant_split) {
  std::string r = "<w:tr>";
  if (repeat_as_header || cant_split) {
    r += "<w:trPr>";
    if (cant_split) r += "<w:cantSplit/>";
    if (repeat_as_header) r += "<w:tblHeader/>";
    r += "</w:trPr>";
  }
  r.append(cells_xml);
  return r + "</w:tr>";
}

std::string table(const std::vector<int>& widths, std::string_view rows_xml, bool borders,
                  int indent) {
  int total = 0;
  for (int w : widths) total += w;
  std::string t = "<w:tbl><w:tblPr><w:tblW" + attr("w", total) + " w:type=\"dxa\"/>";
  if (indent != 0) t += "<w:tblInd" + attr("w", indent) + " w:type=\"dxa\"/>";
  t += "<w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    t += std::string("<w:") + side;
    t += borders ? " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                 : " w:val=\"nil\"/>";
  }
  t += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
       "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\""
       " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (int w : widths) t += "<w:gridCol" + attr("w", w) + "/>";
  t += "</w:tblGrid>";
  t.append(rows_xml);
  return t + "</w:tbl>";
}

void write_package(const std::vector<Part>& parts, const std::filesystem::path& out) {
  namespace fs = std::filesystem;
  std::random_device rd;
  fs::path tmp = out;
  tmp.replace_filename("." + out.filename().string() + ".tmp-" + std::to_string(rd()));
  auto fail = [&](const std::string& why) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw std::runtime_error("Không ghi được tệp DOCX \"" + out.string() + "\": " + why);
  };

  int code = 0;
  zip_t* za = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_EXCL, &code);
  if (!za) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    fail(why);
  }
  for (const auto& [name, content] : parts) {
    // The buffers stay alive until zip_close: `parts` outlives this function's use of them.
    zip_source_t* src = zip_source_buffer(za, content.data(), content.size(), 0);
    if (!src || zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      if (src) zip_source_free(src);
      std::string why = zip_strerror(za);
      zip_discard(za);
      fail(why);
    }
  }
  if (zip_close(za) < 0) {
    std::string why = zip_strerror(za);
    zip_discard(za);
    fail(why);
  }
  std::error_code ec;
  fs::rename(tmp, out, ec);
  if (ec) fail(ec.message());
}

}  // namespace kc::ooxml
