#include "support/office_support.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <chrono>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "support/test_support.h"

namespace kc::test {

namespace fs = std::filesystem;

std::map<std::string, std::string> unzip(const fs::path& file) {
  int error = 0;
  zip_t* za = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!za) throw std::runtime_error("libzip cannot open " + file.string());
  std::map<std::string, std::string> parts;
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    std::string data(st.size, '\0');
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    parts[st.name] = data;
  }
  zip_close(za);
  return parts;
}

std::string docx_text(const pugi::xml_node& root) {
  std::string text;
  for (const auto& t : root.select_nodes(".//w:t")) text += t.node().text().get();
  return text;
}

std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && fs::exists(fs::path(dir) / name)) return (fs::path(dir) / name).string();
  return "";
}

std::optional<PdfConversion> convert_to_pdf(const fs::path& docx, const fs::path& out_dir) {
  std::string soffice = find_on_path("soffice");
  if (soffice.empty()) soffice = find_on_path("libreoffice");
  if (soffice.empty()) return std::nullopt;
  fs::path log = out_dir / "lo.log";
  std::string command = "timeout 180 '" + soffice + "' --headless -env:UserInstallation=file://" +
                        out_dir.string() + "/lo-profile --convert-to pdf --outdir '" + out_dir.string() + "' '" +
                        docx.string() + "' >'" + log.string() + "' 2>&1";
  auto start = std::chrono::steady_clock::now();
  int rc = std::system(command.c_str());
  PdfConversion c;
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  c.pdf = out_dir / docx.stem();
  c.pdf += ".pdf";
  EXPECT_EQ(rc, 0) << read_file(log);
  EXPECT_TRUE(fs::exists(c.pdf)) << read_file(log);
  if (!fs::exists(c.pdf)) return c;
  std::string data = read_file(c.pdf);
  if (!find_on_path("pdfinfo").empty()) {
    fs::path info = out_dir / "info.txt";
    if (std::system(("pdfinfo '" + c.pdf.string() + "' >'" + info.string() + "' 2>&1").c_str()) == 0) {
      std::smatch m;
      std::string out = read_file(info);
      if (std::regex_search(out, m, std::regex("Pages:\\s+(\\d+)"))) c.pages = std::stoi(m[1]);
    }
  } else {
    std::regex page_object("/Type\\s*/Page[^s]");
    c.pages = static_cast<int>(std::distance(std::sregex_iterator(data.begin(), data.end(), page_object),
                                             std::sregex_iterator()));
  }
  return c;
}

}  // namespace kc::test
