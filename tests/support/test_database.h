// A fresh, empty database for one test, on the engine the suite runs against: a SQLite file
// in a temporary folder by default, or — when KC_TEST_POSTGRES holds the URL of a PostgreSQL
// server's maintenance database — a new PostgreSQL database created for the test and dropped
// afterwards. scripts/test.sh runs the whole suite both ways.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"
#include "support/test_support.h"

namespace kc::test {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }  // what --db takes
  std::unique_ptr<Store> open() const { return open_store(url_); }
  // Single-quoted for a shell command line.
  std::string quoted_url() const { return "'" + url_ + "'"; }

 private:
  TempDir dir_;
  std::string url_;
  std::string postgres_admin_url_, postgres_name_;
};

// True when the suite runs against PostgreSQL.
bool testing_postgres();

}  // namespace kc::test
