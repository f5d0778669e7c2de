#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include "testing/support/store_fixtures.h"

namespace xlsync::store {
namespace {

using fakes::MicrosoftNamed;
using fakes::OdooNamed;
using fakes::TaskNamed;

class SqliteStoreHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    odoo_id_ = *store_->CreateOdooConnection(OdooNamed("erp"));
    microsoft_id_ = *store_->CreateMicrosoftConnection(MicrosoftNamed("m365"));
  }

  std::unique_ptr<SqliteStore> store_ = fakes::MemoryStore();
  int64_t odoo_id_ = 0;
  int64_t microsoft_id_ = 0;
};

TEST_F(SqliteStoreHistoryTest, RunLogLinesAreNumberedPerRun) {
  const int64_t task_id = *store_->CreateTask(TaskNamed("orders", odoo_id_, microsoft_id_));
  store::Run run;
  run.task_id = task_id;
  const int64_t first = store_->EnqueueRun(run)->run_id;
  ASSERT_TRUE(store_->UpdateRun(fakes::RunUpdate(first, "succeeded")));
  const int64_t second = store_->EnqueueRun(run)->run_id;

  ASSERT_TRUE(store_->AppendRunLog(first, "info", "Reading sale.order"));
  ASSERT_TRUE(store_->AppendRunLog(second, "info", "other run"));
  ASSERT_TRUE(store_->AppendRunLog(first, "warn", "Throttled, waiting 2 s"));

  auto lines = store_->RunLog(first);
  ASSERT_TRUE(lines);
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0].seq, 1);
  EXPECT_EQ((*lines)[0].message, "Reading sale.order");
  EXPECT_EQ((*lines)[1].seq, 2);
  EXPECT_EQ((*lines)[1].level, "warn");
  EXPECT_EQ((*store_->RunLog(second))[0].seq, 1);
}

TEST_F(SqliteStoreHistoryTest, CheckpointIsSavedReplacedAndCleared) {
  const int64_t task_id = *store_->CreateTask(TaskNamed("orders", odoo_id_, microsoft_id_));
  store::Run run;
  run.task_id = task_id;
  const int64_t run_id = store_->EnqueueRun(run)->run_id;
  EXPECT_FALSE(store_->LoadCheckpoint(run_id)->has_value());

  ASSERT_TRUE(store_->SaveCheckpoint(
      Checkpoint{run_id, 1000, 4321, 0xFEDCBA9876543210ULL, 1001, FromMillis(5)}));
  ASSERT_TRUE(store_->SaveCheckpoint(
      Checkpoint{run_id, 2000, 8642, 0xFFFFFFFFFFFFFFFFULL, 2001, FromMillis(6)}));

  auto loaded = store_->LoadCheckpoint(run_id);
  ASSERT_TRUE(loaded && loaded->has_value());
  EXPECT_EQ((*loaded)->rows, 2000);
  EXPECT_EQ((*loaded)->last_id, 8642);
  EXPECT_EQ((*loaded)->digest, 0xFFFFFFFFFFFFFFFFULL);
  EXPECT_EQ((*loaded)->last_nonempty_row, 2001);
  EXPECT_EQ((*loaded)->updated_at, FromMillis(6));
  ASSERT_TRUE(store_->ClearCheckpoint(run_id));
  EXPECT_FALSE(store_->LoadCheckpoint(run_id)->has_value());
  EXPECT_EQ(store_->SaveCheckpoint(Checkpoint{99, 1, 1, 0, 2, FromMillis(1)}).error().message,
            "No run with id 99: see xlsync run list.");
}

TEST_F(SqliteStoreHistoryTest, AuditIsListedNewestFirstAndRefusesDetailsThatAreNotJson) {
  ASSERT_TRUE(store_->AppendAudit(
      AuditEntry{0, FromMillis(1), "cli:ann", "create", "task", 1, "orders", "{\"a\":1}"}));
  ASSERT_TRUE(store_->AppendAudit(AuditEntry{0, {}, "scheduler", "run", "task", 1, "orders", ""}));

  auto refused =
      store_->AppendAudit(AuditEntry{0, {}, "cli:ann", "update", "task", 1, "orders", "{not json"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().message,
            "The audit entry for update task \"orders\" has details that are not JSON: pass them "
            "as a JSON object.");
  auto entries = store_->ListAudit(10);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].actor, "scheduler");
  EXPECT_EQ((*entries)[0].details, "{}");
  EXPECT_NE((*entries)[0].at, core::TimePoint{});
  EXPECT_EQ((*entries)[1].at, FromMillis(1));
  EXPECT_EQ((*entries)[1].details, "{\"a\":1}");
  EXPECT_EQ(store_->ListAudit(1)->size(), 1u);
}

TEST(SqliteStoreFileTest, TheDatabaseItselfKeepsTheAuditLogAppendOnly) {
  fakes::TempDir dir;
  const std::string path = dir.File("xlsync.db");
  auto store = SqliteStore::Open(path, fakes::TestBox());
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE(
      (*store)->AppendAudit(AuditEntry{0, {}, "cli:ann", "create", "task", 1, "orders", "{}"}));

  fakes::RawDb raw(path);
  EXPECT_EQ(raw.Exec("UPDATE audit SET actor = 'mallory'") & 0xff, SQLITE_CONSTRAINT);
  EXPECT_EQ(raw.Exec("DELETE FROM audit") & 0xff, SQLITE_CONSTRAINT);
  EXPECT_STREQ(sqlite3_errmsg(raw.get()), "audit log is append-only");
  EXPECT_EQ((*store)->ListAudit(10)->at(0).actor, "cli:ann");
}

}  // namespace
}  // namespace xlsync::store
