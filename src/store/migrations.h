// Versioned schema migrations, written in SQL that both SQLite and PostgreSQL accept
// (TEXT, BIGINT, PRIMARY KEY, deferrable foreign keys). Append new migrations; never edit
// one that has shipped. The schema test checks the result against the record catalog.
#pragma once

#include <string_view>
#include <vector>

namespace kc {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;  // one or more statements separated by ';'
  // Statements PostgreSQL runs after `sql` (where its planner needs what SQLite has already).
  std::string_view postgres_sql = {};
};

const std::vector<Migration>& migrations();

}  // namespace kc
