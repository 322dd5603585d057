// Documents attached to a project (PDF, DOCX, XLSX, PNG, JPEG): size-limited, the content
// checked against the file type (magic bytes, not the name or the browser's claim), stored
// outside the web root under a generated name, and served back only by their record's id —
// no path from a request ever reaches the file system.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>
#include <string>

namespace kc {

class Store;

inline constexpr size_t kMaxDocumentBytes = 10 * 1024 * 1024;

// The subfolder of the documents folder that files without a tai_lieu row are moved into when
// the server starts (set_aside_unreferenced): "no record".
inline constexpr const char* kSetAsideFolder = "khong-co-ban-ghi";

struct Upload {
  std::string filename;  // as the user's computer named it
  std::string content;
};

struct StoredDocument {
  std::string id, project, event, filename, type, stored_name;
  int64_t size = 0;
};

// A Vietnamese reason when the upload is refused, or "".
std::string document_problem(const Upload& upload);

// Writes the file into `dir` and its record (inside the caller's transaction). Returns the
// record; the caller removes the file if the transaction is not committed (see remove_stored).
StoredDocument store_document(Store& store, const std::filesystem::path& dir, const std::string& project,
                              const std::string& event, const Upload& upload, const std::string& user);
void remove_stored(const std::filesystem::path& dir, const StoredDocument& doc);

// What the server does with the documents folder when it starts, before it takes a request.
// An upload writes its file, then commits its row: a server killed between the two (a crash, a
// power cut) leaves a file no row names, and one killed while writing leaves a "*.tmp". The
// first kind is moved into kSetAsideFolder — not deleted: a server started on the wrong
// database must not destroy the documents of the right one — and the second is deleted (it was
// never complete). Throws StoreError when the rows cannot be read; nothing is moved then.
struct DocumentSweep {
  int64_t set_aside = 0, partial_removed = 0;
};
DocumentSweep set_aside_unreferenced(Store& store, const std::filesystem::path& dir);

std::optional<StoredDocument> find_document(Store& store, const std::string& id);
std::vector<StoredDocument> documents_of(Store& store, const std::string& project);

// The bytes of a stored document, or nullopt when the file is gone.
std::optional<std::string> read_document(const std::filesystem::path& dir, const StoredDocument& doc);

// The media type to serve a stored type with.
std::string document_media_type(const std::string& type);

}  // namespace kc
