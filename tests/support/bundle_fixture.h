// A writable copy of the demo bundle, edited by a test to break one rule, plus helpers to
// import it into a fresh SQLite database and to count what the database holds.
#pragma once

#include <memory>
#include <string>

#include "interchange/bundle.h"
#include "store/store.h"
#include "support/test_database.h"

namespace kc::test {

class BundleFixture {
 public:
  BundleFixture();  // copies data/demo into a temporary folder

  std::filesystem::path bundle() const { return dir_ / "bundle"; }
  std::filesystem::path file(const std::string& name) const { return bundle() / name; }

  // Replaces the first occurrence of `from` in the file; fails the test when absent.
  void replace(const std::string& file_name, const std::string& from, const std::string& to);
  void append_line(const std::string& file_name, const std::string& line);
  // 1-based line number of the first line containing `needle` (0 when absent).
  size_t line_of(const std::string& file_name, const std::string& needle) const;

  Store& store();
  ImportResult import_bundle();
  int64_t total_rows();  // rows in every table of the store beyond those of a fresh database

 private:
  TempDir dir_;
  TestDatabase db_;
  std::unique_ptr<Store> store_;
  int64_t fresh_rows_ = 0;  // the built-in rows a new database holds
};

// True when some problem of `r` is in `file` at `line` (0 = any) and its message contains `text`.
bool has_problem(const ImportResult& r, const std::string& file, size_t line, const std::string& text);
std::string describe_problems(const ImportResult& r);

}  // namespace kc::test
