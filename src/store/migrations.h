// Versioned schema migrations, written in SQL that both SQLite and PostgreSQL accept
// (TEXT, BIGINT, PRIMARY KEY, deferrable foreign keys). Append new migrations; never edit
// one that has shipped. The schema test checks the result against the record catalog; after
// appending one, run tests/fixtures/schema/make.sh (the upgrade fixture of the previous version).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kc {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;  // one or more statements separated by ';'
  // Statements PostgreSQL runs after `sql` (where its planner needs what SQLite has already).
  std::string_view postgres_sql = {};
  // Statements SQLite runs after `sql` (what only SQLite has: its full-text index).
  std::string_view sqlite_sql = {};
};

const std::vector<Migration>& migrations();

// The version of the last migration: the schema this program writes.
int latest_schema_version();

// Throws NewerSchemaError (store.h), in Vietnamese naming both versions, when a database records a schema
// version newer than this program knows (made by a later release): such a database is refused
// before anything is written to it, since this program cannot downgrade it.
void refuse_newer_schema(int recorded, const std::string& database);

}  // namespace kc
