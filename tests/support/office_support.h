// Reading Office packages in tests: a ZIP's parts, the text of a WordprocessingML part, and a
// LibreOffice conversion to PDF when LibreOffice is installed.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>

namespace kc::test {

// Every part of a ZIP archive, by name; throws when libzip cannot open it.
std::map<std::string, std::string> unzip(const std::filesystem::path& file);

// The concatenated text of all w:t elements under `root`.
std::string docx_text(const pugi::xml_node& root);

// The full path of `name` on PATH, or "".
std::string find_on_path(const std::string& name);

struct PdfConversion {
  std::filesystem::path pdf;
  int pages = 0;  // from pdfinfo when installed, else counted from the page objects
  double seconds = 0;
};
// Converts `docx` with soffice into `out_dir` (its own profile there). nullopt when soffice is
// absent; a failed conversion fails the calling test with LibreOffice's log.
std::optional<PdfConversion> convert_to_pdf(const std::filesystem::path& docx, const std::filesystem::path& out_dir);

}  // namespace kc::test
