#include "support/test_database.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

namespace kc::test {

namespace {

const char* postgres_admin_url() {
  const char* url = std::getenv("KC_TEST_POSTGRES");
  return url && *url ? url : nullptr;
}

void admin_exec(const std::string& admin_url, const std::string& sql) {
  PGconn* c = PQconnectdb(admin_url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string message = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot reach the test PostgreSQL server: " + message);
  }
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string message = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

// The admin URL with its database name replaced by `name`.
std::string with_database(const std::string& admin_url, const std::string& name) {
  size_t query = admin_url.find('?');
  std::string base = admin_url.substr(0, query);
  size_t slash = base.rfind('/');
  if (slash == std::string::npos || slash < base.find("://") + 3) base += "/";
  else base = base.substr(0, slash + 1);
  return base + name + (query == std::string::npos ? "" : admin_url.substr(query));
}

}  // namespace

bool testing_postgres() { return postgres_admin_url() != nullptr; }

TestDatabase::TestDatabase() {
  if (const char* admin = postgres_admin_url()) {
    std::random_device rd;
    postgres_admin_url_ = admin;
    postgres_name_ = "kc_test_" + std::to_string(rd()) + std::to_string(rd() % 100000);
    admin_exec(postgres_admin_url_, "CREATE DATABASE " + postgres_name_ + " ENCODING 'UTF8' TEMPLATE template0");
    url_ = with_database(postgres_admin_url_, postgres_name_);
  } else {
    url_ = (dir_ / "test.db").string();
  }
}

TestDatabase::~TestDatabase() {
  if (postgres_name_.empty()) return;
  try {
    admin_exec(postgres_admin_url_, "DROP DATABASE IF EXISTS " + postgres_name_ + " WITH (FORCE)");
  } catch (...) {
  }
}

}  // namespace kc::test
