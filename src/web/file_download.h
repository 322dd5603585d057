// Files answered for download from the disk (dossiers, background jobs' results): streamed in
// pieces, so a large file never sits in the server's memory, and named for the user in
// Vietnamese (RFC 5987) with a plain ASCII fallback.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace kc::web {

class RequestContext;

// A file removed from the disk when its last holder lets it go: whoever built it, a background
// job keeping it, each download in flight while it streams.
struct TemporaryFile {
  std::filesystem::path path;
  ~TemporaryFile();
};

// A new, not yet created file in the system's temporary folder: "<prefix><random><extension>".
std::shared_ptr<TemporaryFile> temporary_file(const std::string& prefix, const std::string& extension);

// Answers with `file` as an attachment; the answer holds `file` until it has been sent.
void send_file(RequestContext& ctx, std::shared_ptr<TemporaryFile> file, const std::string& content_type,
               const std::string& name, const std::string& ascii_name);

// A code made plain ASCII for the filename= fallback ("bg-2016" stays, "đ" becomes "_").
std::string ascii_file_name(const std::string& code);

}  // namespace kc::web
