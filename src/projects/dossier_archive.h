// The ZIP of a dossier (projects/dossier.h), written as it is built: every generated part goes
// to a staging file and every document is read from where it is stored, so memory does not
// grow with the number of projects or documents — libzip reads each source only while it writes
// the archive (to a temporary file beside the output, renamed into place at the end; nothing is
// left behind when building fails). Each entry's size and SHA-256 are computed on the way in, and
// finish() adds the index an auditor checks the dossier against: MUC_LUC.html (readable),
// muc_luc.csv and SHA256SUMS.txt (what `sha256sum -c` reads).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"

struct zip;

namespace kc {

struct ArchiveEntry {
  std::string path;         // inside the ZIP, "/"-separated, UTF-8 NFC
  std::string description;  // Vietnamese, for the index
  int64_t size = 0;
  std::string sha256;       // lower-case hex
};

// The index files' names, at the root of every dossier.
inline constexpr const char* kIndexHtml = "MUC_LUC.html";
inline constexpr const char* kIndexCsv = "muc_luc.csv";
inline constexpr const char* kChecksums = "SHA256SUMS.txt";

class DossierArchive {
 public:
  // Throws std::runtime_error (Vietnamese) when the output cannot be created.
  explicit DossierArchive(const std::filesystem::path& output);
  ~DossierArchive();  // without finish(): the output is not written
  DossierArchive(const DossierArchive&) = delete;
  DossierArchive& operator=(const DossierArchive&) = delete;

  // Generated text (HTML, CSV), compressed.
  const ArchiveEntry& add_text(const std::string& path, const std::string& description, const std::string& content);
  // A file as it is on disk, stored without recompression (PDF, DOCX, XLSX and images are
  // compressed already); nullopt when it cannot be read.
  std::optional<ArchiveEntry> add_file(const std::string& path, const std::string& description,
                                       const std::filesystem::path& source);

  // Writes the index (`title` and `about`, lines shown above the table) and the archive,
  // telling `progress` how far libzip got (in files); an exception the sink throws (a web job
  // cancelled) stops the writing and is thrown from here, leaving no output.
  void finish(const std::string& title, const std::vector<std::string>& about, ProgressSink& progress = no_progress());

  const std::vector<ArchiveEntry>& entries() const { return entries_; }

 private:
  void add_source(const std::string& path, const std::filesystem::path& file, bool compress);

  std::filesystem::path output_, staging_;
  zip* archive_ = nullptr;
  std::vector<ArchiveEntry> entries_;
  size_t staged_ = 0;
};

// "de_an/x/tai_lieu/biên bản.pdf" -> "de_an/x/tai_lieu/bi%C3%AAn%20b%E1%BA%A3n.pdf": a path inside
// the dossier as a relative link from its root (each component percent-encoded).
std::string href_of(const std::string& path);

// SHA-256 of bytes, lower-case hex.
std::string sha256_hex(const std::string& bytes);

}  // namespace kc
