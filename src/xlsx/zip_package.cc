#include "xlsx/zip_package.h"

#include <zip.h>

#include <algorithm>

#include "xlsx/xlsx_error.h"

namespace kc::xlsx {

namespace {

constexpr const char* kNotWorkbook = "tệp không phải là sổ tính Excel .xlsx";

std::string megabytes(uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

bool is_ole_file(std::string_view bytes) {
  // Compound File Binary: the legacy .xls format, and also what Excel writes for a workbook
  // encrypted with a password (the encrypted package inside an OLE container).
  return bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

}  // namespace

ZipPackage::ZipPackage(std::string bytes, const Limits& limits) : bytes_(std::move(bytes)), limits_(limits) {
  if (bytes_.size() > limits_.max_file_bytes)
    throw XlsxError("tệp quá lớn (" + megabytes(bytes_.size()) + "); giới hạn là " + megabytes(limits_.max_file_bytes));
  if (is_ole_file(bytes_))
    throw XlsxError(std::string(kNotWorkbook) +
                    " (đây là tệp .xls cũ hoặc sổ tính được đặt mật khẩu; hãy bỏ mật khẩu và lưu lại dạng .xlsx)");
  if (bytes_.size() < 4 || bytes_.compare(0, 4, "PK\x03\x04") != 0) throw XlsxError(kNotWorkbook);

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    throw XlsxError(kNotWorkbook);
  }
  archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (!archive_) {
    zip_source_free(source);
    throw XlsxError(std::string(kNotWorkbook) + " (tệp nén ZIP bị hỏng)");
  }
  try {
    zip_int64_t count = zip_get_num_entries(archive_, 0);
    if (count < 0) throw XlsxError(kNotWorkbook);
    if (static_cast<uint64_t>(count) > limits_.max_entries)
      throw XlsxError("sổ tính có quá nhiều phần (" + std::to_string(count) + "); giới hạn là " +
                      std::to_string(limits_.max_entries));
    uint64_t total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
      zip_stat_t st;
      zip_stat_init(&st);
      if (zip_stat_index(archive_, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
        throw XlsxError(std::string(kNotWorkbook) + " (mục lục tệp nén bị hỏng)");
      std::string name = st.name;
      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw XlsxError("sổ tính được mã hóa bằng mật khẩu; hãy bỏ mật khẩu rồi lưu lại");
      if (st.valid & ZIP_STAT_SIZE) {
        if (st.size > limits_.max_part_bytes)
          throw XlsxError("phần " + name + " của sổ tính quá lớn khi giải nén (" + megabytes(st.size) +
                          "); giới hạn là " + megabytes(limits_.max_part_bytes));
        total += st.size;
        if (st.size > limits_.ratio_floor_bytes && (st.valid & ZIP_STAT_COMP_SIZE) &&
            static_cast<double>(st.size) > limits_.max_ratio * static_cast<double>(std::max<uint64_t>(st.comp_size, 1)))
          throw XlsxError("phần " + name + " của sổ tính có tỷ lệ nén bất thường (nghi là \"bom nén\"); tệp không được nhận");
      }
      names_.push_back(std::move(name));
    }
    if (total > limits_.max_total_bytes)
      throw XlsxError("sổ tính quá lớn khi giải nén (" + megabytes(total) + "); giới hạn là " +
                      megabytes(limits_.max_total_bytes));
  } catch (...) {
    zip_discard(archive_);
    archive_ = nullptr;
    throw;
  }
}

ZipPackage::~ZipPackage() {
  if (archive_) zip_discard(archive_);
}

bool ZipPackage::has(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::vector<std::string> ZipPackage::names() const { return names_; }

std::optional<std::string> ZipPackage::read(std::string_view name) {
  std::string key(name);
  zip_int64_t index = zip_name_locate(archive_, key.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0)
    throw XlsxError("không đọc được phần " + key + " của sổ tính");
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (!file) throw XlsxError("không đọc được phần " + key + " của sổ tính (tệp nén bị hỏng hoặc dùng cách nén lạ)");
  std::string out;
  uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? std::max<uint64_t>(st.comp_size, 1) : 1;
  // Room for what the directory claims, but never more than the limits allow for this part.
  if (st.valid & ZIP_STAT_SIZE) {
    auto plausible = static_cast<uint64_t>(limits_.max_ratio * static_cast<double>(compressed)) + limits_.ratio_floor_bytes;
    out.reserve(static_cast<size_t>(std::min({st.size, limits_.max_part_bytes, plausible})));
  }
  char buffer[64 * 1024];
  while (true) {
    zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      zip_fclose(file);
      throw XlsxError("không đọc được phần " + key + " của sổ tính (dữ liệu nén bị hỏng)");
    }
    if (n == 0) break;
    out.append(buffer, static_cast<size_t>(n));
    read_total_ += static_cast<uint64_t>(n);
    // The directory's sizes were checked on opening; these hold whatever it claimed.
    bool too_big = out.size() > limits_.max_part_bytes || read_total_ > limits_.max_total_bytes;
    bool bomb = out.size() > limits_.ratio_floor_bytes &&
                static_cast<double>(out.size()) > limits_.max_ratio * static_cast<double>(compressed);
    if (too_big || bomb) {
      zip_fclose(file);
      throw XlsxError("phần " + key + " của sổ tính quá lớn hoặc có tỷ lệ nén bất thường khi giải nén (nghi là \"bom nén\"); tệp không được nhận");
    }
  }
  zip_fclose(file);
  return out;
}

}  // namespace kc::xlsx
