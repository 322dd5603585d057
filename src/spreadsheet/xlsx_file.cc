#include "spreadsheet/xlsx_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "core/file_io.h"

namespace kc {

namespace {

// A new empty file only this process can read, named after `target` in its folder.
std::filesystem::path private_temp_file(const std::filesystem::path& target) {
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0)
    throw std::runtime_error("không tạo được tệp tạm trong thư mục " + dir.string() + ": " + std::strerror(errno));
  close(fd);
  return pattern;
}

// The permissions any new file of this process gets (0666 less the umask), read without
// changing the umask: umask() would change it for every thread at once.
mode_t new_file_mode() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(0666 & ~std::stoul(line.substr(6), nullptr, 8));
  return 0644;
}

}  // namespace

void check_xlsx(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(what + ": " + lxw_strerror(error));
}

XlsxFile::XlsxFile(const std::filesystem::path& target, bool constant_memory)
    : target_(target), temp_(private_temp_file(target)) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  workbook_ = workbook_new_opt(temp_.c_str(), &options);
  if (!workbook_) {
    std::filesystem::remove(temp_);
    throw std::runtime_error("không tạo được bảng tính " + target.string());
  }
}

XlsxFile::~XlsxFile() {
  if (committed_) return;
  if (workbook_) {
    // Closing is the only way to free the workbook; its (unused) file is removed just after.
    workbook_close(workbook_);
  }
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

lxw_worksheet* XlsxFile::add_sheet(const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
  if (!sheet) throw std::runtime_error("không thêm được trang tính \"" + name + "\"");
  return sheet;
}

lxw_format* XlsxFile::format(const std::string& num_format, bool bold, bool wrap) {
  std::string key = num_format + (bold ? "\x01" : "") + (wrap ? "\x02" : "");
  auto it = formats_.find(key);
  if (it != formats_.end()) return it->second;
  lxw_format* f = workbook_add_format(workbook_);
  if (!num_format.empty()) format_set_num_format(f, num_format.c_str());
  if (bold) format_set_bold(f);
  if (wrap) {
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  }
  formats_.emplace(key, f);
  return f;
}

void XlsxFile::commit() {
  lxw_error error = workbook_close(workbook_);
  workbook_ = nullptr;
  if (error != LXW_NO_ERROR) {
    std::filesystem::remove(temp_);
    committed_ = true;
    throw std::runtime_error("không ghi được bảng tính " + target_.string() + ": " + lxw_strerror(error));
  }
  // The workbook was written into a private (0600) temporary file; the file it becomes is like
  // any other the user writes.
  chmod(temp_.c_str(), new_file_mode());
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  committed_ = true;
  if (ec) {
    std::filesystem::remove(temp_, ec);
    throw std::runtime_error("không ghi được tệp " + target_.string() + ": " + ec.message());
  }
}

std::string XlsxFile::to_bytes(bool constant_memory, const std::function<void(XlsxFile&)>& fill) {
  std::filesystem::path target = private_temp_file(std::filesystem::temp_directory_path() / "khuyencong.xlsx");
  struct Remove {
    std::filesystem::path p;
    ~Remove() {
      std::error_code ignored;
      std::filesystem::remove(p, ignored);
    }
  } remove{target};
  {
    XlsxFile file(target, constant_memory);
    fill(file);
    file.commit();
  }
  std::optional<std::string> bytes = read_whole_file(target);
  if (!bytes) throw std::runtime_error("không đọc lại được bảng tính vừa tạo");
  return std::move(*bytes);
}

}  // namespace kc
