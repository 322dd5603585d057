#include "projects/documents.h"

#include <fstream>
#include <set>

#include "core/clock.h"
#include "core/file_io.h"
#include "core/random.h"
#include "schema/record_kind.h"
#include "schema/value.h"
#include "store/store.h"
#include "text/utf8.h"

namespace kc {

namespace {

std::string lower_extension(const std::string& filename) {
  size_t dot = filename.rfind('.');
  if (dot == std::string::npos) return "";
  std::string ext = filename.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "jpeg" ? "jpg" : ext;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Whether the bytes are what the extension says.
bool content_matches(const std::string& type, const std::string& content) {
  if (type == "pdf") return starts_with(content, "%PDF-");
  if (type == "docx" || type == "xlsx") {
    // Office Open XML is a ZIP holding word/ or xl/ parts.
    return starts_with(content, "PK\x03\x04") &&
           content.find(type == "docx" ? "word/" : "xl/") != std::string::npos;
  }
  if (type == "png") return starts_with(content, "\x89PNG\r\n\x1a\n");
  if (type == "jpg") return starts_with(content, "\xFF\xD8\xFF");
  return false;
}

StoredDocument from_row(const Row& r) {
  auto t = [&](size_t i) { return std::string(text_or_empty(r[i])); };
  return {t(0), t(1), t(2), t(3), t(4), t(6), is_null(r[5]) ? 0 : as_int(r[5])};
}

}  // namespace

std::string document_problem(const Upload& u) {
  if (u.content.empty()) return "tệp \"" + u.filename + "\" rỗng";
  if (u.content.size() > kMaxDocumentBytes)
    return "tệp \"" + u.filename + "\" lớn hơn " + std::to_string(kMaxDocumentBytes / (1024 * 1024)) + " MB";
  std::string type = lower_extension(u.filename);
  if (type != "pdf" && type != "docx" && type != "xlsx" && type != "png" && type != "jpg")
    return "chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPG; \"" + u.filename + "\" không thuộc các loại này";
  if (!content_matches(type, u.content))
    return "nội dung tệp \"" + u.filename + "\" không phải là tệp " + type + " hợp lệ";
  if (find_invalid_utf8(u.filename) != std::string::npos || u.filename.size() > 255)
    return "tên tệp không hợp lệ";
  return {};
}

StoredDocument store_document(Store& store, const std::filesystem::path& dir, const std::string& project,
                              const std::string& event, const Upload& upload, const std::string& user) {
  std::filesystem::create_directories(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
  StoredDocument d;
  d.id = random_hex(12);
  d.project = project;
  d.event = event;
  // Only the base name is kept, never a path the user chose.
  d.filename = std::filesystem::path(upload.filename).filename().string();
  d.type = lower_extension(upload.filename);
  d.size = static_cast<int64_t>(upload.content.size());
  d.stored_name = random_hex(16) + ".bin";
  // On the disk before the row that names it is committed (the caller's transaction).
  write_file_durably(dir / d.stored_name, upload.content);
  try {
    store.insert(kind("tai_lieu"), Row{d.id, d.project, event.empty() ? Value{} : Value{event}, d.filename, d.type,
                                       d.size, d.stored_name, user, utc_now_text()});
  } catch (...) {
    // The caller never learns of this document, so it cannot remove the file: do it here
    // (a PostgreSQL server that goes away under the insert left orphans before).
    remove_stored(dir, d);
    throw;
  }
  return d;
}

void remove_stored(const std::filesystem::path& dir, const StoredDocument& doc) {
  std::error_code ec;
  std::filesystem::remove(dir / doc.stored_name, ec);
}

DocumentSweep set_aside_unreferenced(Store& store, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  DocumentSweep sweep;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return sweep;
  std::set<std::string> named;
  store.scan(kind("tai_lieu"), [&](const Row& r) { named.insert(std::string(text_or_empty(r[6]))); });
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || named.count(name)) continue;
    if (entry.path().extension() == ".tmp") {
      if (fs::remove(entry.path(), ec)) ++sweep.partial_removed;
      continue;
    }
    fs::create_directories(dir / kSetAsideFolder, ec);
    fs::rename(entry.path(), dir / kSetAsideFolder / name, ec);
    if (!ec) ++sweep.set_aside;
  }
  return sweep;
}

std::optional<StoredDocument> find_document(Store& store, const std::string& id) {
  const RecordKind& k = kind("tai_lieu");
  if (id.size() != 24 || id.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
  Row probe(k.fields.size());
  probe[0] = id;
  auto row = store.find(k, probe);
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<StoredDocument> documents_of(Store& store, const std::string& project) {
  const RecordKind& k = kind("tai_lieu");
  ListQuery q;
  q.equals = {{static_cast<size_t>(k.field_index("de_an")), Value{project}}};
  q.limit = 1000;
  std::vector<StoredDocument> out;
  for (const Row& r : store.list(k, q).rows) out.push_back(from_row(r));
  return out;
}

std::optional<std::string> read_document(const std::filesystem::path& dir, const StoredDocument& doc) {
  return read_whole_file(dir / doc.stored_name);
}

std::string document_media_type(const std::string& type) {
  if (type == "pdf") return "application/pdf";
  if (type == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (type == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (type == "png") return "image/png";
  if (type == "jpg") return "image/jpeg";
  return "application/octet-stream";
}

}  // namespace kc
