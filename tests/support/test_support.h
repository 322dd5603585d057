// Helpers shared by the tests: temporary folders, the repository's paths, running the CLI.
#pragma once

#include <filesystem>
#include <string>

namespace kc::test {

// The repository root (for data/demo and docs).
std::filesystem::path source_dir();
std::filesystem::path demo_dir();

// A fresh empty folder under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& data);

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};
// Runs the khuyencong binary with `args` (a shell-quoted string) and captures its output.
CommandResult run_cli(const std::string& args);

}  // namespace kc::test
