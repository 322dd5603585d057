// Picks the engine from the --db value: a postgresql:// (or postgres://) URL opens
// PostgreSQL, anything else is a SQLite file path.
#include "store/migrations.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"

namespace kc {

bool is_postgres_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string redacted_url(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

int Store::migrate() { return migrate_to(latest_schema_version()); }

std::unique_ptr<Store> open_store(const std::string& url) {
  std::unique_ptr<Store> store;
  if (is_postgres_url(url))
    store = std::make_unique<PgStore>(url);
  else
    store = std::make_unique<SqliteStore>(url);
  int before = store->schema_version();
  store->migrate();
  // Migration 3 created the search index; a database that held records before fills it now.
  constexpr int kSearchIndexVersion = 3;
  if (before > 0 && before < kSearchIndexVersion) store->rebuild_search_index();
  return store;
}

}  // namespace kc
