#include "support/zip_reader.h"

#include <zip.h>

#include <stdexcept>

namespace kc::test {

namespace {

std::map<std::string, std::string> entries(zip_t* archive) {
  std::map<std::string, std::string> out;
  zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0) throw std::runtime_error("zip_stat_index");
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (!f) throw std::runtime_error("zip_fopen_index");
    std::string bytes(st.size, '\0');
    zip_int64_t read = st.size ? zip_fread(f, bytes.data(), st.size) : 0;
    zip_fclose(f);
    if (read != static_cast<zip_int64_t>(st.size)) throw std::runtime_error("short read of " + std::string(st.name));
    if (!out.emplace(st.name, std::move(bytes)).second) throw std::runtime_error("duplicate entry " + std::string(st.name));
  }
  zip_close(archive);
  return out;
}

}  // namespace

std::map<std::string, std::string> unzip_file(const std::string& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) throw std::runtime_error("not a ZIP: " + path);
  return entries(archive);
}

std::map<std::string, std::string> unzip_bytes(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) throw std::runtime_error("zip_source_buffer_create");
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) {
    zip_source_free(source);
    throw std::runtime_error("not a ZIP");
  }
  return entries(archive);
}

}  // namespace kc::test
