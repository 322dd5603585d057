// Whole-file reads and atomic writes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kc {

// The file's bytes, or nullopt when it cannot be read.
std::optional<std::string> read_whole_file(const std::filesystem::path& path);

// Writes `data` to `path` through a temporary file and a rename, so that a reader never sees
// half a file. Throws std::runtime_error (Vietnamese message) on failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& data);

// The same, and on the disk when it returns: the file synced before the rename, its folder after
// it, so that a power cut right after cannot leave the name without its content (attached
// documents, whose database row is committed next and must never name a file that is not there).
void write_file_durably(const std::filesystem::path& path, const std::string& data);

}  // namespace kc
