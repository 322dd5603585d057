// Read replicas (src/store/store_pool.h): a PostgreSQL primary of the test's own and a streaming
// replica made from it with pg_basebackup -R. Reads that tolerate lag (read_store(), the
// Dataset behind dashboards and reports) are answered by the replica; writes go to the primary
// and the writer sees them on the next page (read-your-writes, checked with the replica's
// replay paused, so that it is really behind); a stopped replica leaves reads to the primary
// with no error. The header X-Khuyencong-Nguon-Doc (sent with the diagnostic_headers option)
// names the database that answered.
// PostgreSQL only: skipped unless KC_TEST_POSTGRES is set (scripts/with-postgres.sh).
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "schema/record_kind.h"
#include "support/pg_cluster.h"
#include "support/web_fixture.h"
#include "support/test_database.h"
#include "support/test_support.h"
#include "web/request_context.h"
#include "store/store_pool.h"

namespace kc::test {
namespace {

constexpr const char* kSource = "X-Khuyencong-Nguon-Doc";

TEST(PgReplicaUnits, WalPositionsAndPoolUrls) {
  EXPECT_EQ(parse_lsn("0/0"), 0u);
  EXPECT_EQ(parse_lsn("16/B374D848"), (uint64_t{0x16} << 32) | 0xB374D848u);
  EXPECT_FALSE(parse_lsn(""));
  EXPECT_FALSE(parse_lsn("16"));
  EXPECT_FALSE(parse_lsn("1/x"));
  EXPECT_EQ(source_label(0), "chinh");
  EXPECT_EQ(source_label(2), "phu-2");

  PoolOptions o;
  o.connect_timeout_s = 4;
  o.statement_timeout_s = 30;
  EXPECT_EQ(pooled_url("postgresql://kc@db:5432/kc", o),
            "postgresql://kc@db:5432/kc?connect_timeout=4&options=-c%20statement_timeout%3D30000");
  EXPECT_EQ(pooled_url("postgresql://kc@db/kc?sslmode=require&connect_timeout=9", o),
            "postgresql://kc@db/kc?sslmode=require&connect_timeout=9&options=-c%20statement_timeout%3D30000");
  EXPECT_EQ(pooled_url("tinh.db", o), "tinh.db");
}

// Waits until the replica has replayed everything the primary has written so far.
void wait_until_replayed(const PgCluster& primary, const PgCluster& replica) {
  std::string lsn = primary.value("postgres", "SELECT pg_current_wal_lsn()");
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (replica.value("postgres", "SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn") != "t") {
    ASSERT_LT(std::chrono::steady_clock::now(), until) << "the replica did not catch up with " << lsn;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

httplib::Params establishment(const std::string& code) {
  return {{"ma", code}, {"ten", "Cơ sở thử bản sao " + code}, {"loai", "ho_kinh_doanh"}, {"nganh", "che_bien"},
          {"dia_ban", "bg-luc-ngan-nam-duong"}, {"dia_chi", ""}, {"ma_so_thue", ""}, {"nam_thanh_lap", "2019"},
          {"so_lao_dong", "12"}};
}

// A route of the test's own that reads through RequestContext::read_store(): does the
// establishment `ma` exist, as the database that answers sees it?
void add_probe_route(web::App& app) {
  app.add({"GET", "/thu-nghiem/co-so", "thu_nghiem_co_so", web::Access::any_user(), true, [](web::RequestContext& ctx) {
             const RecordKind& k = kind("co_so");
             Row key(k.fields.size());
             key[k.key[0]] = ctx.param("ma");
             ctx.json(200, {{"co", ctx.read_store().find(k, key).has_value()}});
           }});
}

struct Seen {
  int status = 0;
  std::string source;
  bool exists = false;
};

Seen probe(WebClient& c, const std::string& code) {
  auto r = c.get("/thu-nghiem/co-so?ma=" + code);
  if (!r) return {};
  Seen s{r->status, r->get_header_value(kSource), false};
  if (r->status == 200) s.exists = nlohmann::json::parse(r->body).at("co").get<bool>();
  return s;
}

TEST(PgReplica, ReadsFromTheReplicaWritesToThePrimaryAndFallsBack) {
  if (!testing_postgres()) GTEST_SKIP() << "PostgreSQL only: run under scripts/with-postgres.sh (KC_TEST_POSTGRES)";
  if (auto why = PgCluster::unavailable()) GTEST_SKIP() << *why;

  PgCluster primary;
  primary.start();
  primary.exec("postgres", "CREATE DATABASE kc ENCODING 'UTF8' TEMPLATE template0");
  seed_demo_with_users(primary.url("kc"));
  std::unique_ptr<PgCluster> replica = PgCluster::replica_of(primary);  // destroyed (stopped, removed) first
  replica->start();
  wait_until_replayed(primary, *replica);
  ASSERT_EQ(replica->value("kc", "SELECT pg_is_in_recovery()"), "t");

  web::WebOptions options;
  options.db = primary.url("kc");
  options.db_replicas = {replica->url("kc")};
  options.threads = 4;
  options.replica_retry = std::chrono::seconds(30);  // long enough that the fallback below is the retry's
  options.diagnostic_headers = true;  // X-Khuyencong-Nguon-Doc, read below (off by default)
  AppServer server(options, add_probe_route);

  WebClient writer(server.port()), reader(server.port());
  ASSERT_TRUE(writer.sign_in("trungtam"));
  ASSERT_TRUE(reader.sign_in("socongthuong"));
  wait_until_replayed(primary, *replica);  // the sessions just written

  // Reads: the dashboard and the reports (the Dataset) and read_store() come from the replica.
  auto dashboard = reader.get("/tong-quan");
  ASSERT_EQ(dashboard->status, 200);
  EXPECT_EQ(dashboard->get_header_value(kSource), "phu-1");
  auto reports = reader.get("/bao-cao");
  ASSERT_EQ(reports->status, 200);
  EXPECT_EQ(reports->get_header_value(kSource), "phu-1");
  Seen known = probe(reader, "cs-0046");
  EXPECT_EQ(known.status, 200);
  EXPECT_EQ(known.source, "phu-1");
  EXPECT_TRUE(known.exists);

  // The replica stops replaying: it falls behind whatever is written from now on.
  replica->exec("postgres", "SELECT pg_wal_replay_pause()");
  writer.get("/co-so/moi");
  auto created = writer.post("/co-so", establishment("cs-ban-sao-01"));
  ASSERT_EQ(created->status, 303) << created->body;
  EXPECT_EQ(created->get_header_value(kSource), "chinh");
  EXPECT_EQ(primary.value("kc", "SELECT count(*) FROM co_so WHERE ma = 'cs-ban-sao-01'"), "1");
  EXPECT_EQ(replica->value("kc", "SELECT count(*) FROM co_so WHERE ma = 'cs-ban-sao-01'"), "0");

  // The writer's next reads see the write: the replica has not replayed it, so the primary answers.
  Seen own = probe(writer, "cs-ban-sao-01");
  EXPECT_EQ(own.source, "chinh");
  EXPECT_TRUE(own.exists);
  auto detail = writer.get("/co-so/cs-ban-sao-01");
  EXPECT_EQ(detail->status, 200);
  EXPECT_NE(detail->body.find("Cơ sở thử bản sao cs-ban-sao-01"), std::string::npos);
  // The Dataset reloaded after the write is loaded from the primary too (the replica is behind).
  auto after = writer.get("/tong-quan");
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(after->get_header_value(kSource), "chinh");
  // Someone who wrote nothing reads from the replica, small lag included.
  Seen other = probe(reader, "cs-ban-sao-01");
  EXPECT_EQ(other.source, "phu-1");
  EXPECT_FALSE(other.exists);

  // Replay resumes: once the replica has the write, it serves the writer again.
  replica->exec("postgres", "SELECT pg_wal_replay_resume()");
  wait_until_replayed(primary, *replica);
  own = probe(writer, "cs-ban-sao-01");
  EXPECT_EQ(own.source, "phu-1");
  EXPECT_TRUE(own.exists);
  other = probe(reader, "cs-ban-sao-01");
  EXPECT_EQ(other.source, "phu-1");
  EXPECT_TRUE(other.exists);

  // `report` reads from a replica too (once it has what the primary committed).
  TempDir out;
  std::string report_args = "--db '" + primary.url("kc") + "' report phase --plan bg-2016-2020 --db-replica '" +
                            replica->url("kc") + "' -o '" + (out / "bao-cao.md").string() + "'";
  CommandResult report = run_cli(report_args);
  EXPECT_EQ(report.exit_code, 0) << report.output;
  EXPECT_NE(report.output.find("Đọc dữ liệu từ bản sao phu-1"), std::string::npos) << report.output;

  // The replica stops: reads fall back to the primary, with no error for anyone.
  replica->stop("fast");
  for (int i = 0; i < 3; ++i) {
    Seen s = probe(reader, "cs-0046");
    EXPECT_EQ(s.status, 200);
    EXPECT_EQ(s.source, "chinh");
    EXPECT_TRUE(s.exists);
  }
  writer.get("/co-so/moi");
  auto second = writer.post("/co-so", establishment("cs-ban-sao-02"));
  ASSERT_EQ(second->status, 303) << second->body;
  auto reloaded = reader.get("/tong-quan");  // a Dataset reload with the replica gone
  EXPECT_EQ(reloaded->status, 200);
  EXPECT_EQ(reloaded->get_header_value(kSource), "chinh");
  Seen mine = probe(writer, "cs-ban-sao-02");
  EXPECT_EQ(mine.status, 200);
  EXPECT_TRUE(mine.exists);
  EXPECT_EQ(reader.get("/bao-cao")->status, 200);

  report = run_cli(report_args);
  EXPECT_EQ(report.exit_code, 0) << report.output;
  EXPECT_NE(report.output.find("Đọc dữ liệu từ máy chủ chính"), std::string::npos) << report.output;
}

}  // namespace
}  // namespace kc::test
