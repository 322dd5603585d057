#include "support/bundle_fixture.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kc::test {

BundleFixture::BundleFixture() {
  std::filesystem::copy(demo_dir(), bundle(), std::filesystem::copy_options::recursive);
  std::filesystem::remove(bundle() / "README.md");
}

void BundleFixture::replace(const std::string& file_name, const std::string& from, const std::string& to) {
  std::string data = read_file(file(file_name));
  size_t at = data.find(from);
  ASSERT_NE(at, std::string::npos) << "\"" << from << "\" not in " << file_name;
  data.replace(at, from.size(), to);
  write_file(file(file_name), data);
}

void BundleFixture::append_line(const std::string& file_name, const std::string& line) {
  write_file(file(file_name), read_file(file(file_name)) + line + "\n");
}

size_t BundleFixture::line_of(const std::string& file_name, const std::string& needle) const {
  std::istringstream in(read_file(file(file_name)));
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n)
    if (line.find(needle) != std::string::npos) return n;
  return 0;
}

Store& BundleFixture::store() {
  if (!store_) {
    store_ = db_.open();
    for (const RecordKind& k : catalog()) fresh_rows_ += store_->count(k);
  }
  return *store_;
}

ImportResult BundleFixture::import_bundle() { return kc::import_bundle(store(), bundle()); }

int64_t BundleFixture::total_rows() {
  int64_t n = 0;
  for (const RecordKind& k : catalog()) n += store().count(k);
  // The built-in rows (the kinds of report) are in every database, not the import's.
  return n - fresh_rows_;
}

bool has_problem(const ImportResult& r, const std::string& file, size_t line, const std::string& text) {
  for (const Problem& p : r.problems)
    if (p.file == file && (line == 0 || p.line == line) && p.message.find(text) != std::string::npos) return true;
  return false;
}

std::string describe_problems(const ImportResult& r) {
  std::string out;
  for (const Problem& p : r.problems) out += format_problem(p) + "\n";
  return out.empty() ? "(no problems)" : out;
}

}  // namespace kc::test
