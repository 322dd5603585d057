// Reading a ZIP back in tests (libzip): every entry's name and bytes.
#pragma once

#include <map>
#include <string>

namespace kc::test {

// Entries of the ZIP file at `path` (or held in `bytes`), by name; throws when it is not a ZIP.
std::map<std::string, std::string> unzip_file(const std::string& path);
std::map<std::string, std::string> unzip_bytes(const std::string& bytes);

}  // namespace kc::test
