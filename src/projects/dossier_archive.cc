#include "projects/dossier_archive.h"

#include <sodium.h>
#include <zip.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <stdexcept>

#include "core/random.h"
#include "core/sodium.h"
#include "core/vn_format.h"
#include "report/render_text.h"
#include "text/csv.h"
#include "text/url.h"

namespace kc {

namespace {

std::string hex_of(const unsigned char* bytes, size_t n) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += hex[bytes[i] >> 4];
    out += hex[bytes[i] & 15];
  }
  return out;
}

class Sha256 {
 public:
  Sha256() {
    ensure_sodium();
    crypto_hash_sha256_init(&state_);
  }
  void update(const char* data, size_t n) {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(data), n);
  }
  std::string hex() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    return hex_of(digest, sizeof digest);
  }

 private:
  crypto_hash_sha256_state state_;
};

// A UTF-8 byte order mark: spreadsheet programs then read the CSV as UTF-8; the bundle reader
// skips it.
const std::string kBom = "\xEF\xBB\xBF";

}  // namespace

std::string href_of(const std::string& path) {
  std::string out, part;
  for (char c : path + "/") {
    if (c == '/') {
      out += (out.empty() ? "" : "/") + percent_encoded(part);
      part.clear();
    } else {
      part += c;
    }
  }
  return out;
}

std::string sha256_hex(const std::string& bytes) {
  Sha256 h;
  h.update(bytes.data(), bytes.size());
  return h.hex();
}

DossierArchive::DossierArchive(const std::filesystem::path& output) : output_(output) {
  staging_ = std::filesystem::temp_directory_path() / ("khuyencong-ho-so-" + random_hex(8));
  std::filesystem::create_directories(staging_);
  std::filesystem::permissions(staging_, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
  int error = 0;
  archive_ = zip_open(output.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive_) {
    std::error_code ec;
    std::filesystem::remove_all(staging_, ec);
    throw std::runtime_error("không tạo được tệp " + output.string());
  }
}

DossierArchive::~DossierArchive() {
  if (archive_) zip_discard(archive_);
  std::error_code ec;
  std::filesystem::remove_all(staging_, ec);
}

void DossierArchive::add_source(const std::string& path, const std::filesystem::path& file, bool compress) {
  zip_source_t* source = zip_source_file(archive_, file.c_str(), 0, 0);
  if (!source) throw std::runtime_error("không đọc được " + file.string() + ": " + zip_strerror(archive_));
  zip_int64_t index = zip_file_add(archive_, path.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    throw std::runtime_error("không thêm được " + path + " vào hồ sơ: " + zip_strerror(archive_));
  }
  zip_set_file_compression(archive_, static_cast<zip_uint64_t>(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
}

const ArchiveEntry& DossierArchive::add_text(const std::string& path, const std::string& description,
                                             const std::string& content) {
  std::filesystem::path file = staging_ / (std::to_string(++staged_) + ".part");
  {
    std::ofstream out(file, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out.flush()) throw std::runtime_error("không ghi được tệp tạm " + file.string());
  }
  add_source(path, file, true);
  entries_.push_back({path, description, static_cast<int64_t>(content.size()), sha256_hex(content)});
  return entries_.back();
}

std::optional<ArchiveEntry> DossierArchive::add_file(const std::string& path, const std::string& description,
                                                     const std::filesystem::path& source) {
  std::ifstream in(source, std::ios::binary);
  if (!in) return std::nullopt;
  Sha256 h;
  int64_t size = 0;
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::streamsize n = in.gcount();
    h.update(buffer.data(), static_cast<size_t>(n));
    size += n;
  }
  if (in.bad()) return std::nullopt;
  add_source(path, source, false);
  entries_.push_back({path, description, size, h.hex()});
  return entries_.back();
}

namespace {

// libzip's progress while it writes the archive (zip_close), passed on to a ProgressSink. The
// sink may throw; C code must not be unwound, so the exception is kept, libzip is asked to
// cancel, and finish() throws it afterwards.
struct ZipProgress {
  ProgressSink& sink;
  int64_t files;
  std::exception_ptr failure;

  static void on_progress(zip_t*, double fraction, void* state) {
    auto* self = static_cast<ZipProgress*>(state);
    if (self->failure) return;
    try {
      self->sink.set_done(static_cast<int64_t>(fraction * static_cast<double>(self->files)));
    } catch (...) {
      self->failure = std::current_exception();
    }
  }
  static int cancelled(zip_t*, void* state) { return static_cast<ZipProgress*>(state)->failure ? 1 : 0; }
};

}  // namespace

void DossierArchive::finish(const std::string& title, const std::vector<std::string>& about, ProgressSink& progress) {
  std::stable_sort(entries_.begin(), entries_.end(), [](const ArchiveEntry& a, const ArchiveEntry& b) { return a.path < b.path; });
  int64_t total = 0;
  for (const ArchiveEntry& e : entries_) total += e.size;
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) +
      "</title>\n<style>body{font-family:'Times New Roman',serif;margin:2em;max-width:75em}table{border-collapse:collapse;"
      "width:100%}th,td{border:1px solid #888;padding:.25em .5em;text-align:left;vertical-align:top}"
      "td.num{text-align:right;white-space:nowrap}code{font-size:.85em;word-break:break-all}</style></head><body>\n<h1>" +
      html_escape(title) + "</h1>\n";
  for (const std::string& line : about) html += "<p>" + html_escape(line) + "</p>\n";
  html += "<p>Hồ sơ gồm " + format_int(static_cast<int64_t>(entries_.size())) + " tệp, tổng cộng " + format_int(total) +
          " byte, liệt kê dưới đây (trừ ba tệp mục lục " + std::string(kIndexHtml) + ", " + kIndexCsv + " và " + kChecksums +
          "). Để kiểm tra hồ sơ đủ và không bị sửa: giải nén, rồi so mã SHA-256 của từng tệp với cột cuối "
          "(trên Linux: <code>sha256sum -c " + kChecksums + "</code>).</p>\n";
  html += "<table><thead><tr><th scope=\"col\">STT</th><th scope=\"col\">Tệp</th><th scope=\"col\">Nội dung</th>"
          "<th scope=\"col\">Kích thước (byte)</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>\n";
  std::string csv = kBom;
  append_csv_record(csv, {"duong_dan", "mo_ta", "kich_thuoc_byte", "sha256"});
  std::string sums;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const ArchiveEntry& e = entries_[i];
    html += "<tr><td class=\"num\">" + std::to_string(i + 1) + "</td><td><a href=\"" + html_escape(href_of(e.path)) +
            "\">" + html_escape(e.path) + "</a></td><td>" + html_escape(e.description) + "</td><td class=\"num\">" +
            format_int(e.size) + "</td><td><code>" + e.sha256 + "</code></td></tr>\n";
    append_csv_record(csv, {e.path, e.description, std::to_string(e.size), e.sha256});
    sums += e.sha256 + "  " + e.path + "\n";
  }
  html += "</tbody></table>\n</body></html>\n";
  std::vector<ArchiveEntry> listed = entries_;
  add_text(kIndexHtml, "Mục lục hồ sơ", html);
  add_text(kIndexCsv, "Mục lục hồ sơ (CSV)", csv);
  add_text(kChecksums, "Mã SHA-256 của từng tệp", sums);
  ZipProgress zip_progress{progress, static_cast<int64_t>(entries_.size()), nullptr};
  progress.stage("Đang ghi tệp ZIP", "tệp", zip_progress.files);
  zip_register_progress_callback_with_state(archive_, 0.001, &ZipProgress::on_progress, nullptr, &zip_progress);
  zip_register_cancel_callback_with_state(archive_, &ZipProgress::cancelled, nullptr, &zip_progress);
  int closed = zip_close(archive_);
  if (zip_progress.failure) std::rethrow_exception(zip_progress.failure);  // the destructor discards the archive
  if (closed != 0) {
    std::string why = zip_strerror(archive_);
    throw std::runtime_error("không ghi được hồ sơ " + output_.string() + ": " + why);
  }
  archive_ = nullptr;
  progress.set_done(zip_progress.files);
  progress.finish();
  entries_ = std::move(listed);
}

}  // namespace kc
