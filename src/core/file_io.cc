#include "core/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace kc {

std::optional<std::string> read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string data(static_cast<size_t>(size), '\0');
  in.seekg(0);
  in.read(data.data(), size);
  if (!in) return std::nullopt;
  return data;
}

namespace {

[[noreturn]] void write_failed(const std::filesystem::path& path, const std::string& why) {
  throw std::runtime_error("không ghi được tệp " + path.string() + ": " + why);
}

// Writes through "<path>.tmp" and a rename; with `sync`, the file and then its folder are synced.
void write_through_temporary(const std::filesystem::path& path, const std::string& data, bool sync) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) write_failed(path, std::strerror(errno));
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      close(fd);
      write_failed(path, std::strerror(e));
    }
    done += static_cast<size_t>(n);
  }
  if (sync && fsync(fd) != 0) {
    int e = errno;
    close(fd);
    write_failed(path, std::strerror(e));
  }
  if (close(fd) != 0) write_failed(path, std::strerror(errno));
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) write_failed(path, ec.message());
  if (!sync) return;
  std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  int dir = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0 || fsync(dir) != 0) {
    int e = errno;
    if (dir >= 0) close(dir);
    write_failed(path, std::strerror(e));
  }
  close(dir);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, const std::string& data) {
  write_through_temporary(path, data, false);
}

void write_file_durably(const std::filesystem::path& path, const std::string& data) {
  write_through_temporary(path, data, true);
}

}  // namespace kc
