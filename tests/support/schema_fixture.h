// The upgrade fixtures of tests/fixtures/schema: the records of a database at an older schema
// version, as SQL text both engines run. A fixture names its version, the digest of each
// migration 1..version as it was when the fixture was made (a shipped migration must never
// change: the schema of version k is rebuilt from migrations 1..k), and one INSERT per row with
// its column list and literal values ('text', integers, NULL).
#pragma once

#include <string>
#include <vector>

#include "schema/value.h"
#include "store/migrations.h"

namespace kc::test {

struct FixtureRow {
  std::string table;
  std::vector<std::string> columns;
  std::vector<Value> values;  // one per column
};

struct SchemaFixture {
  int version = 0;
  std::vector<std::string> migration_digests;  // [i]: migration i + 1
  std::vector<FixtureRow> rows;
};

// BLAKE2b-256 of a migration's SQL (both engines' statements).
std::string migration_digest(const Migration& m);

std::string fixture_text(const SchemaFixture& fixture);
// Throws std::runtime_error on text fixture_text would not write.
SchemaFixture parse_fixture(const std::string& text);

}  // namespace kc::test
