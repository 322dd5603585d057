#include "support/schema_fixture.h"

#include <cctype>
#include <stdexcept>

#include "core/digest.h"

namespace kc::test {

namespace {

constexpr std::string_view kVersionLine = "-- schema version ";
constexpr std::string_view kDigestLine = "-- migration ";

std::string literal(const Value& v) {
  if (is_null(v)) return "NULL";
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  std::string out = "'";
  for (char c : as_text(v)) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// Reads fixture_text's output; `at` moves past what was read.
class Reader {
 public:
  explicit Reader(const std::string& text) : text_(text) {}

  bool done() {
    skip_space();
    return at_ >= text_.size();
  }
  bool starts(std::string_view s) {
    skip_space();
    return text_.compare(at_, s.size(), s) == 0;
  }
  void expect(std::string_view s) {
    if (!starts(s)) fail("expected '" + std::string(s) + "'");
    at_ += s.size();
  }
  std::string line() {
    size_t end = text_.find('\n', at_);
    if (end == std::string::npos) end = text_.size();
    std::string out = text_.substr(at_, end - at_);
    at_ = end;
    return out;
  }
  std::string word() {
    skip_space();
    size_t start = at_;
    while (at_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_')) ++at_;
    if (start == at_) fail("expected a name");
    return text_.substr(start, at_ - start);
  }
  Value value() {
    skip_space();
    if (starts("NULL")) {
      at_ += 4;
      return std::monostate{};
    }
    if (at_ < text_.size() && text_[at_] == '\'') {
      std::string out;
      for (++at_; at_ < text_.size(); ++at_) {
        if (text_[at_] != '\'') {
          out += text_[at_];
        } else if (at_ + 1 < text_.size() && text_[at_ + 1] == '\'') {
          out += '\'';
          ++at_;
        } else {
          ++at_;
          return out;
        }
      }
      fail("unterminated text");
    }
    size_t used = 0;
    int64_t n = std::stoll(text_.substr(at_, 24), &used);
    at_ += used;
    return n;
  }
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("schema fixture, offset " + std::to_string(at_) + ": " + what);
  }

 private:
  void skip_space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }
  const std::string& text_;
  size_t at_ = 0;
};

}  // namespace

std::string migration_digest(const Migration& m) {
  std::string text = std::string(m.sql) + '\0' + std::string(m.postgres_sql);
  if (!m.sqlite_sql.empty()) text += '\0' + std::string(m.sqlite_sql);  // the digests of older migrations stay
  return blake2b_hex(text);
}

std::string fixture_text(const SchemaFixture& f) {
  std::string out = "-- A khuyencong database at schema version " + std::to_string(f.version) +
                    " (tests/fixtures/schema/make.sh).\n" + std::string(kVersionLine) + std::to_string(f.version) + "\n";
  for (size_t i = 0; i < f.migration_digests.size(); ++i)
    out += std::string(kDigestLine) + std::to_string(i + 1) + " " + f.migration_digests[i] + "\n";
  for (const FixtureRow& r : f.rows) {
    out += "INSERT INTO " + r.table + " (";
    for (size_t i = 0; i < r.columns.size(); ++i) out += (i ? ", " : "") + r.columns[i];
    out += ") VALUES (";
    for (size_t i = 0; i < r.values.size(); ++i) out += (i ? ", " : "") + literal(r.values[i]);
    out += ");\n";
  }
  return out;
}

SchemaFixture parse_fixture(const std::string& text) {
  SchemaFixture f;
  Reader in(text);
  while (in.starts("--")) {
    if (in.starts(kVersionLine)) {
      in.expect(kVersionLine);
      f.version = std::stoi(in.line());
    } else if (in.starts(kDigestLine)) {
      in.expect(kDigestLine);
      std::string rest = in.line();
      size_t space = rest.find(' ');
      if (space == std::string::npos || std::stoul(rest.substr(0, space)) != f.migration_digests.size() + 1)
        in.fail("migration digests out of order");
      f.migration_digests.push_back(rest.substr(space + 1));
    } else {
      in.line();  // a comment
    }
  }
  while (!in.done()) {
    FixtureRow r;
    in.expect("INSERT INTO");
    r.table = in.word();
    in.expect("(");
    do r.columns.push_back(in.word());
    while (in.starts(",") && (in.expect(","), true));
    in.expect(")");
    in.expect("VALUES");
    in.expect("(");
    do r.values.push_back(in.value());
    while (in.starts(",") && (in.expect(","), true));
    in.expect(");");
    if (r.values.size() != r.columns.size()) in.fail("as many values as columns expected in " + r.table);
    f.rows.push_back(std::move(r));
  }
  if (f.version <= 0) in.fail("no schema version line");
  return f;
}

}  // namespace kc::test
