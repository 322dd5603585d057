#include "web/file_download.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <vector>

#include "core/random.h"
#include "text/url.h"
#include "web/request_context.h"

namespace kc::web {

TemporaryFile::~TemporaryFile() {
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

std::shared_ptr<TemporaryFile> temporary_file(const std::string& prefix, const std::string& extension) {
  auto file = std::make_shared<TemporaryFile>();
  file->path = std::filesystem::temp_directory_path() / (prefix + random_hex(12) + extension);
  return file;
}

void send_file(RequestContext& ctx, std::shared_ptr<TemporaryFile> file, const std::string& content_type,
               const std::string& name, const std::string& ascii_name) {
  auto in = std::make_shared<std::ifstream>(file->path, std::ios::binary);
  size_t size = std::filesystem::file_size(file->path);
  ctx.res.set_header("Content-Disposition",
                     "attachment; filename=\"" + ascii_name + "\"; filename*=UTF-8''" + percent_encoded(name));
  ctx.res.set_content_provider(size, content_type, [in, file](size_t offset, size_t length, httplib::DataSink& sink) {
    std::vector<char> buffer(std::min<size_t>(length, 1 << 16));
    in->seekg(static_cast<std::streamoff>(offset));
    in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::streamsize n = in->gcount();
    if (n <= 0) return false;
    return sink.write(buffer.data(), static_cast<size_t>(n));
  });
}

std::string ascii_file_name(const std::string& code) {
  std::string out;
  for (char c : code) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return out;
}

}  // namespace kc::web
