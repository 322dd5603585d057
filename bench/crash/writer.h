// A client writing through the API as fast as the server answers, and its ledger: every write
// the server acknowledged (an answer received), with what it wrote, and the writes that got no
// answer because the server died under them (they may or may not have happened).
//
// The writes, each on the writer's own records: an establishment created (POST /api/co-so) and
// edited (GET for its version, then PUT), a project proposed (POST /api/de-an), its first
// lifecycle step (POST /api/de-an/<ma>/buoc, to "de_xuat"), and its second step taken on the
// project page's form with a PDF attached (a multipart POST /de-an/<ma>/buoc, to "tham_dinh").
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "crash/api_session.h"

namespace kc::crash {

// One record the writer wrote: "co_so" or "de_an", by key.
struct WrittenRecord {
  std::string kind, key;
  // The record as the server answered its last acknowledged write (the API's "ban_ghi").
  std::optional<nlohmann::json> acked;
  // Members sent by a later write that got no answer: the database holds either `acked` or
  // `acked` changed by these.
  std::optional<nlohmann::json> pending;
};

// One document attached by the writer.
struct WrittenDocument {
  std::string project, filename, content;
  bool acked = false;  // false: its upload got no answer; it may or may not be there
};

enum class Op { create_establishment, edit_establishment, propose_project, first_step, step_with_document, count };
const char* op_name(Op op);

struct WriteCounts {
  std::array<int64_t, static_cast<size_t>(Op::count)> acked{};
  int64_t unanswered = 0;  // no answer (the server died) or a 5xx: outcome unknown
  int64_t server_errors = 0;  // of the unanswered: a 5xx (503 while PostgreSQL is down is expected)
  int64_t refused = 0;        // a 4xx: nothing written (the client's mistake; should stay 0)
  int64_t total_acked() const;
};

// Who writes and the records its writes refer to: the demo's by default; the soak
// (bench/soak/) gives those of the national dataset.
struct WriterSetup {
  std::string user = "trungtam", password = "mat-khau-thu-nghiem";
  std::string area = "bg-luc-ngan-nam-duong";  // dia_ban of establishments and projects
  std::string unit = "ttkc-bg";                // a project's don_vi_thuc_hien
  std::string establishment = "cs-0046";       // the beneficiary of each project
};

class Writer {
 public:
  Writer(int id, int port, uint64_t seed, WriterSetup setup = {});
  bool sign_in();
  void use_port(int port) { session_.use_port(port); }
  // Writes until `stop` becomes true; each write's outcome goes into the ledger.
  void run(const std::atomic<bool>& stop);
  // One write; false when the server did not answer.
  bool write_one() { return write_once(); }

  std::map<std::string, WrittenRecord>& records() { return records_; }  // by "kind|key"
  std::vector<WrittenDocument>& documents() { return documents_; }
  const WriteCounts& counts() const { return counts_; }
  const std::vector<std::string>& refusals() const { return refusals_; }

 private:
  bool write_once();  // false: the server did not answer
  bool create_establishment();
  bool edit_establishment(WrittenRecord& r);
  bool propose_project();
  bool first_step(WrittenRecord& p);
  bool step_with_document(WrittenRecord& p);
  // Sorts an answer: true when answered (acked or refused); counts it.
  enum class Outcome { acked, refused, unanswered };
  Outcome outcome(const httplib::Result& r, int ok_status, Op op);
  WrittenRecord* pick(const std::string& kind, const std::string& status);

  int id_;
  WriterSetup setup_;
  ApiSession session_;
  std::mt19937_64 rng_;
  int64_t next_ = 0;
  std::map<std::string, WrittenRecord> records_;
  std::vector<WrittenDocument> documents_;
  WriteCounts counts_;
  std::vector<std::string> refusals_;  // the first few, for the report
};

}  // namespace kc::crash
