#include "crash/checks.h"

#include <sqlite3.h>

#include <map>
#include <set>

#include "audit/audit.h"
#include "core/file_io.h"
#include "projects/documents.h"
#include "schema/record_kind.h"
#include "store/store.h"
#include "web/api_json.h"

namespace kc::crash {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// SQLite's own checks: the file's structure and every foreign key.
void check_sqlite_file(const std::string& path, Findings& f) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ++f.corrupt;
    f.note("cannot open " + path + ": " + sqlite3_errmsg(db));
    sqlite3_close(db);
    return;
  }
  for (const char* pragma : {"PRAGMA integrity_check", "PRAGMA foreign_key_check"}) {
    sqlite3_stmt* st = nullptr;
    std::vector<std::string> rows;
    if (sqlite3_prepare_v2(db, pragma, -1, &st, nullptr) != SQLITE_OK) {
      rows.push_back(sqlite3_errmsg(db));
    } else {
      int rc;
      while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(st, 0);
        rows.push_back(text ? reinterpret_cast<const char*>(text) : "");
      }
      if (rc != SQLITE_DONE) rows.push_back(sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    bool sound = std::string(pragma) == "PRAGMA integrity_check" ? rows == std::vector<std::string>{"ok"} : rows.empty();
    if (!sound) {
      ++f.corrupt;
      f.note(std::string(pragma) + ": " + (rows.empty() ? "?" : rows.front()));
    }
  }
  sqlite3_close(db);
}

// Every table read whole through the store (on PostgreSQL, what "readable" means here).
void read_every_table(Store& store, Findings& f) {
  for (const RecordKind* k : all_kinds()) {
    try {
      int64_t scanned = 0;
      store.scan(*k, [&](const Row&) { ++scanned; });
      if (scanned != store.count(*k)) {
        ++f.corrupt;
        f.note(std::string(k->name) + ": " + std::to_string(scanned) + " rows scanned, count says otherwise");
      }
    } catch (const std::exception& e) {
      ++f.corrupt;
      f.note(std::string(k->name) + " unreadable: " + e.what());
    }
  }
}

// The records of `kind` as the API shows them, by key.
std::map<std::string, json> records_of(Store& store, const RecordKind& kind) {
  std::map<std::string, json> out;
  store.scan(kind, [&](const Row& row) { out[as_text(row[0])] = json::parse(web::record_to_json(kind, row).dump()); });
  return out;
}

// Each record's newest audit entry's "after" (JSON text), by "kind|key".
std::map<std::string, std::pair<std::string, std::string>> newest_audit_after(Store& store) {
  std::map<std::string, std::pair<std::string, std::string>> newest;  // (time, after)
  const RecordKind& trail = kind("nhat_ky");
  store.scan(trail, [&](const Row& r) {
    if (is_null(r[4]) || is_null(r[5])) return;
    std::string id = as_text(r[4]) + "|" + as_text(r[5]);
    std::string time = as_text(r[1]);
    auto& slot = newest[id];
    if (time > slot.first) slot = {time, std::string(text_or_empty(r[7]))};
  });
  return newest;
}

// The ledger's records against the rows; each record then takes the row's state.
void check_records(std::map<std::string, json>& co_so, std::map<std::string, json>& de_an,
                   const std::map<std::string, std::pair<std::string, std::string>>& audit, Writer& w, Findings& f) {
  for (auto it = w.records().begin(); it != w.records().end();) {
    WrittenRecord& r = it->second;
    auto& rows = r.kind == "co_so" ? co_so : de_an;
    auto row = rows.find(r.key);
    std::optional<json> actual = row == rows.end() ? std::nullopt : std::optional<json>(row->second);
    bool as_pending = false;
    if (actual && r.pending) {
      json expected = r.acked ? *r.acked : *actual;
      for (auto& [member, value] : r.pending->items()) expected[member] = value;
      as_pending = *actual == expected;
    }
    if (r.acked) {
      if (!actual) {
        ++f.lost;
        f.note(r.kind + " " + r.key + ": acknowledged, not in the database");
      } else if (*actual != *r.acked && !as_pending) {
        ++f.lost;
        f.note(r.kind + " " + r.key + ": acknowledged as " + r.acked->dump() + ", the database holds " + actual->dump());
      } else {
        ++f.verified;
      }
      if (actual && !audit.count(r.kind + "|" + r.key)) {
        ++f.audit_mismatches;
        f.note(r.kind + " " + r.key + ": written through the API, no audit entry");
      }
    } else if (actual && !as_pending) {
      ++f.lost;  // a creation that got no answer left something else than what was sent
      f.note(r.kind + " " + r.key + ": unanswered creation left " + actual->dump());
    }
    if (!actual) {
      it = w.records().erase(it);
      continue;
    }
    r.acked = *actual;
    r.pending.reset();
    ++it;
  }
}

// The tai_lieu rows, by (project, file name) as the writers name their documents.
struct DocumentRows {
  std::map<std::pair<std::string, std::string>, StoredDocument> by_name;
  std::set<std::string> stored_names;
};

DocumentRows document_rows(Store& store) {
  DocumentRows rows;
  store.scan(kind("tai_lieu"), [&](const Row& r) {
    StoredDocument d{as_text(r[0]), as_text(r[1]), std::string(text_or_empty(r[2])), as_text(r[3]), as_text(r[4]),
                     as_text(r[6]), as_int(r[5])};
    rows.by_name[{d.project, d.filename}] = d;
    rows.stored_names.insert(d.stored_name);
  });
  return rows;
}

// The folder's files against the rows: no row without its file, no file without its row.
void check_folder(const DocumentRows& rows, const fs::path& folder, Findings& f) {
  for (const auto& [name, d] : rows.by_name) {
    std::error_code ec;
    auto size = fs::file_size(folder / d.stored_name, ec);
    if ((ec || static_cast<int64_t>(size) != d.size) && f.missing_files.insert(d.stored_name).second) {
      f.note("document " + d.id + " (" + d.filename + "): its file " + d.stored_name + " is missing or of another size");
    }
  }
  if (!fs::exists(folder)) return;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || rows.stored_names.count(name) || !f.orphaned_files.insert(name).second) continue;
    f.note("orphaned file in the documents folder: " + entry.path().filename().string());
  }
}

// The ledger's documents: each acknowledged one has its row and its file holds the bytes sent.
void check_documents(const DocumentRows& rows, const fs::path& folder, Writer& w, Findings& f) {
  auto& docs = w.documents();
  for (auto it = docs.begin(); it != docs.end();) {
    auto found = rows.by_name.find({it->project, it->filename});
    std::optional<std::string> bytes;
    if (found != rows.by_name.end()) bytes = read_document(folder, found->second);
    if (it->acked && found == rows.by_name.end()) {
      ++f.lost;
      f.note("document " + it->filename + " of " + it->project + ": acknowledged, no tai_lieu row");
    } else if (found != rows.by_name.end() && bytes != it->content) {
      ++f.lost;
      f.note("document " + it->filename + " of " + it->project + ": its file does not hold the bytes sent");
    } else if (it->acked) {
      ++f.verified;
    }
    if (found == rows.by_name.end()) {
      it = docs.erase(it);
    } else {
      it->acked = true;
      ++it;
    }
  }
}

}  // namespace

void Findings::note(const std::string& problem) {
  if (details.size() < 20) details.push_back(problem);
}

void check_after_restart(const std::string& db, const fs::path& documents, std::vector<std::unique_ptr<Writer>>& writers,
                         Findings& f) {
  if (!is_postgres_url(db)) check_sqlite_file(db, f);
  auto store = open_store(db);
  read_every_table(*store, f);
  auto co_so = records_of(*store, kind("co_so"));
  auto de_an = records_of(*store, kind("de_an"));
  auto audit = newest_audit_after(*store);
  // Every record with a trail, not only the writers': the newest entry shows the record as it is.
  for (const char* name : {"co_so", "de_an"}) {
    const RecordKind& k = kind(name);
    store->scan(k, [&](const Row& row) {
      auto entry = audit.find(std::string(name) + "|" + as_text(row[0]));
      if (entry == audit.end() || entry->second.second == record_json(k, row)) return;
      ++f.audit_mismatches;
      f.note(std::string(name) + " " + as_text(row[0]) + ": the newest audit entry shows " + entry->second.second +
             ", the record is " + record_json(k, row));
    });
  }
  DocumentRows rows = document_rows(*store);
  check_folder(rows, documents, f);
  for (auto& w : writers) {
    check_records(co_so, de_an, audit, *w, f);
    check_documents(rows, documents, *w, f);
  }
}

int64_t files_set_aside(const fs::path& documents) {
  fs::path aside = documents / kSetAsideFolder;
  if (!fs::exists(aside)) return 0;
  int64_t n = 0;
  for (const auto& entry : fs::directory_iterator(aside))
    if (entry.is_regular_file()) ++n;
  return n;
}

}  // namespace kc::crash
