// migrate-db, backup and restore: a whole database moved or saved without losing a record.
// On the PostgreSQL run of the suite the target databases are PostgreSQL, so these tests cover
// SQLite -> PostgreSQL and pg_dump / pg_restore.
#include <gtest/gtest.h>

#include "core/vn_format.h"
#include "interchange/bundle.h"
#include "store/copy_store.h"
#include "support/test_database.h"

namespace kc::test {
namespace {

// A store that gives way after `limit` inserts, as a copy interrupted half-way would.
class InterruptedStore final : public Store {
 public:
  InterruptedStore(Store& inner, int64_t limit) : inner_(inner), limit_(limit) {}
  int migrate_to(int version) override { return inner_.migrate_to(version); }
  int schema_version() override { return inner_.schema_version(); }
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }
  void insert(const RecordKind& kind, const Row& row) override {
    if (++inserted_ > limit_) throw StoreError("connection lost");
    inner_.insert(kind, row);
  }
  void scan(const RecordKind& kind, const std::function<void(const Row&)>& fn) override { inner_.scan(kind, fn); }
  int64_t count(const RecordKind& kind) override { return inner_.count(kind); }
  std::optional<Row> find(const RecordKind& kind, const Row& key) override { return inner_.find(kind, key); }
  bool update(const RecordKind& kind, const Row& row) override { return inner_.update(kind, row); }
  bool remove(const RecordKind& kind, const Row& key) override { return inner_.remove(kind, key); }
  void clear(const RecordKind& kind) override { inner_.clear(kind); }
  ListPage list(const RecordKind& kind, const ListQuery& q) override { return inner_.list(kind, q); }
  void rebuild_search_index() override { inner_.rebuild_search_index(); }
  void backup_to(const std::string& file, ProgressSink& progress) override { inner_.backup_to(file, progress); }
  void restore_from(const std::string& file, ProgressSink& progress) override { inner_.restore_from(file, progress); }
  std::vector<ColumnInfo> describe_table(const std::string& t) override { return inner_.describe_table(t); }
  std::string describe() const override { return inner_.describe(); }

 private:
  Store& inner_;
  int64_t limit_, inserted_ = 0;
};

int64_t total(Store& s) {
  int64_t n = 0;
  for (const RecordKind* k : all_kinds()) n += s.count(*k);
  return n;
}

std::map<std::string, std::string> exported(Store& s, const TempDir& dir, const std::string& name) {
  export_bundle(s, dir / name);
  std::map<std::string, std::string> files;
  for (const RecordKind& k : catalog()) files[std::string(k.name)] = read_file(dir / name / bundle_file_name(k));
  return files;
}

class MigrateDb : public ::testing::Test {
 protected:
  void SetUp() override {
    source_ = open_store((dir_ / "source.db").string());  // always SQLite, as users start
    ASSERT_TRUE(import_bundle(*source_, demo_dir()).ok());
  }
  TempDir dir_;
  std::unique_ptr<Store> source_;
};

TEST_F(MigrateDb, CopiesEverythingAndVerifiesEachTable) {
  TestDatabase target_db;
  auto target = target_db.open();
  CopyResult r = copy_store(*source_, *target, false);
  ASSERT_FALSE(r.refused);
  EXPECT_TRUE(r.verified());
  EXPECT_EQ(r.rows_copied, total(*source_));
  EXPECT_EQ(r.tables.size(), all_kinds().size()) << "accounts and the audit trail move too";
  for (const TableCheck& t : r.tables) EXPECT_EQ(t.source.digest.size(), 64u) << t.kind;
  EXPECT_EQ(exported(*source_, dir_, "a"), exported(*target, dir_, "b"));
}

TEST_F(MigrateDb, DigestsSeeAnyDifference) {
  TestDatabase other_db;
  auto other = other_db.open();
  ASSERT_TRUE(copy_store(*source_, *other, false).verified());
  const RecordKind& k = kind("thong_ke");
  TableDigest before = table_digest(*other, k);
  Transaction tx(*other);
  other->insert(k, Row{std::string("bg"), int64_t{2019}, std::string("so_co_so_cnnt"), int64_t{18000}, std::monostate{}});
  tx.commit();
  TableDigest after = table_digest(*other, k);
  EXPECT_EQ(after.rows, before.rows + 1);
  EXPECT_NE(after.digest, before.digest);
}

TEST_F(MigrateDb, RefusesANonEmptyTargetUnlessToldToReplace) {
  TestDatabase target_db;
  auto target = target_db.open();
  ASSERT_TRUE(copy_store(*source_, *target, false).verified());
  CopyResult again = copy_store(*source_, *target, false);
  ASSERT_TRUE(again.refused);
  EXPECT_NE(again.refused->find("đã có dữ liệu (don_vi_hanh_chinh: 121"), std::string::npos) << *again.refused;
  EXPECT_NE(again.refused->find("--replace"), std::string::npos);
  CopyResult replaced = copy_store(*source_, *target, true);
  EXPECT_TRUE(replaced.verified());
  EXPECT_EQ(total(*target), total(*source_));
}

TEST_F(MigrateDb, AnInterruptedCopyLeavesNothingAndCanBeRunAgain) {
  TestDatabase target_db;
  auto target = target_db.open();
  const int64_t fresh = total(*target);  // the built-in kinds of report, in every database
  InterruptedStore flaky(*target, 700);
  EXPECT_THROW(copy_store(*source_, flaky, false), StoreError);
  EXPECT_EQ(total(*target), fresh) << "half a copy must not be committed";
  CopyResult retry = copy_store(*source_, *target, false);
  EXPECT_TRUE(retry.verified());
  EXPECT_EQ(exported(*source_, dir_, "a"), exported(*target, dir_, "b"));
}

TEST(BackupRestore, RoundTripGivesTheSameExport) {
  TempDir dir;
  TestDatabase db;
  auto store = db.open();
  ASSERT_TRUE(import_bundle(*store, demo_dir()).ok());
  auto before = exported(*store, dir, "before");
  store->backup_to((dir / "backup.bin").string());
  // Change the database, then restore: the change must be gone.
  Transaction tx(*store);
  store->clear(kind("thong_ke"));
  tx.commit();
  EXPECT_EQ(store->count(kind("thong_ke")), 0);
  store->restore_from((dir / "backup.bin").string());
  EXPECT_EQ(exported(*store, dir, "after"), before);
  // A fresh connection sees the restored data too.
  auto reopened = db.open();
  EXPECT_EQ(exported(*reopened, dir, "reopened"), before);
}

TEST(BackupRestore, NotABackupIsRefused) {
  TempDir dir;
  TestDatabase db;
  auto store = db.open();
  write_file(dir / "junk.bin", "not a backup");
  EXPECT_THROW(store->restore_from((dir / "junk.bin").string()), StoreError);
}

TEST(MigrateDbCli, CopiesAndReportsEachTable) {
  TempDir dir;
  TestDatabase target;
  CommandResult imported = run_cli("--db '" + (dir / "s.db").string() + "' import '" + demo_dir().string() + "'");
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  // Every record of the source is copied: what the import wrote (the demo's reports add their
  // versions, steps and frozen documents) and the built-in kinds of report every database holds.
  int64_t source_records = 0;
  {
    auto source = open_store((dir / "s.db").string());
    for (const RecordKind* k : all_kinds()) source_records += source->count(*k);
  }
  CommandResult r = run_cli("migrate-db --from '" + (dir / "s.db").string() + "' --to " + target.quoted_url());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Đã sao chép " + format_int(source_records) + " bản ghi"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("khớp"), std::string::npos);
  EXPECT_EQ(r.output.find("KHÁC NHAU"), std::string::npos);
  CommandResult refused = run_cli("migrate-db --from '" + (dir / "s.db").string() + "' --to " + target.quoted_url());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("đã có dữ liệu"), std::string::npos) << refused.output;
}

}  // namespace
}  // namespace kc::test
