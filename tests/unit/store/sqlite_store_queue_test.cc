#include <gtest/gtest.h>

#include "store/sqlite_store.h"
#include "testing/support/store_fixtures.h"

namespace xlsync::store {
namespace {

using std::chrono::seconds;

const core::TimePoint kT0 = FromMillis(1'700'000'000'000);
const core::TimePoint kLease = kT0 + std::chrono::minutes(5);

class SqliteStoreQueueTest : public ::testing::Test {
 protected:
  void SetUp() override { Populate(*store_); }

  void Populate(Store& store) {
    const int64_t odoo = *store.CreateOdooConnection(fakes::OdooNamed("erp"));
    const int64_t microsoft = *store.CreateMicrosoftConnection(fakes::MicrosoftNamed("m365"));
    a_ = *store.CreateTask(fakes::TaskNamed("a", odoo, microsoft));
    b_ = *store.CreateTask(fakes::TaskNamed("b", odoo, microsoft, "wb1"));
    c_ = *store.CreateTask(fakes::TaskNamed("c", odoo, microsoft, "wb1"));
    d_ = *store.CreateTask(fakes::TaskNamed("d", odoo, microsoft));
  }

  // Queues a run of `task` queued `offset` after kT0.
  int64_t Enqueue(int64_t task, seconds offset,
                  std::optional<core::TimePoint> not_before = std::nullopt,
                  const std::string& trigger = "manual") {
    store::Run run;
    run.task_id = task;
    run.trigger = trigger;
    run.started_by = "ann";
    run.queued_at = kT0 + offset;
    run.not_before = not_before;
    auto queued = store_->EnqueueRun(run);
    XLSYNC_CHECK(queued.has_value());
    return queued->run_id;
  }

  // The id of the run claimed at `now`, or 0 when none may start.
  int64_t Claim(core::TimePoint now = kT0, int max_running = 10,
                const std::string& owner = "host:1:n") {
    auto claimed = store_->ClaimNextRun(owner, now, now + std::chrono::minutes(5), max_running);
    XLSYNC_CHECK(claimed.has_value());
    return claimed->has_value() ? (*claimed)->id : 0;
  }

  void Finish(int64_t run_id) {
    ASSERT_TRUE(store_->UpdateRun(fakes::RunUpdate(run_id, "succeeded")));
  }

  std::unique_ptr<SqliteStore> store_ = fakes::MemoryStore();
  int64_t a_ = 0, b_ = 0, c_ = 0, d_ = 0;
};

TEST_F(SqliteStoreQueueTest, SecondTriggerWhileARunWaitsIsCoalesced) {
  store::Run run;
  run.task_id = a_;
  run.trigger = "schedule";
  auto first = store_->EnqueueRun(run);
  auto second = store_->EnqueueRun(run);
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(first->already_queued);
  EXPECT_TRUE(second->already_queued);
  EXPECT_EQ(second->run_id, first->run_id);
  EXPECT_EQ(store_->GetRun(first->run_id)->task_name, "a");

  ASSERT_EQ(Claim(core::TimePoint::max() - std::chrono::hours(1)), first->run_id);
  auto during = store_->EnqueueRun(run);
  EXPECT_FALSE(during->already_queued) << "a trigger during a run queues one more";
  EXPECT_TRUE(store_->EnqueueRun(run)->already_queued) << "but only one";
}

TEST_F(SqliteStoreQueueTest, AResumedRunDoesNotAbsorbANewTrigger) {
  const int64_t resumed = Enqueue(a_, seconds(0), std::nullopt, "resume");
  EXPECT_NE(Enqueue(a_, seconds(1)), resumed);
}

TEST_F(SqliteStoreQueueTest, EnqueueForAnUnknownTaskIsNotFound) {
  store::Run run;
  run.task_id = 99;
  EXPECT_EQ(store_->EnqueueRun(run).error().message, "No task with id 99: see xlsync task list.");
}

TEST_F(SqliteStoreQueueTest, ClaimWaitsUntilNotBefore) {
  const int64_t id = Enqueue(a_, seconds(0), kT0 + seconds(60));
  EXPECT_EQ(Claim(kT0 + seconds(59)), 0);
  EXPECT_EQ(Claim(kT0 + seconds(60)), id);

  auto run = store_->GetRun(id);
  EXPECT_EQ(run->status, "running");
  EXPECT_EQ(run->lease_owner, "host:1:n");
  EXPECT_EQ(run->started_at, kT0 + seconds(60));
  EXPECT_EQ(run->lease_until, kT0 + seconds(60) + std::chrono::minutes(5));
}

TEST_F(SqliteStoreQueueTest, ClaimTakesTheOldestFirstAndRespectsMaxRunning) {
  const int64_t later = Enqueue(a_, seconds(2));
  const int64_t earlier = Enqueue(d_, seconds(1));
  EXPECT_EQ(Claim(kT0 + seconds(5), 1), earlier);
  EXPECT_EQ(Claim(kT0 + seconds(5), 1), 0);
  EXPECT_EQ(Claim(kT0 + seconds(5), 2), later);
}

TEST_F(SqliteStoreQueueTest, ATaskRunsOnceAtATime) {
  const int64_t first = Enqueue(a_, seconds(0));
  ASSERT_EQ(Claim(), first);
  const int64_t second = Enqueue(a_, seconds(1));
  EXPECT_EQ(Claim(kT0 + seconds(5)), 0);
  Finish(first);
  EXPECT_EQ(Claim(kT0 + seconds(5)), second);
}

TEST_F(SqliteStoreQueueTest, TasksWritingTheSameWorkbookTakeTurns) {
  const int64_t b = Enqueue(b_, seconds(0));
  const int64_t c = Enqueue(c_, seconds(1));
  const int64_t d = Enqueue(d_, seconds(2));
  const core::TimePoint now = kT0 + seconds(5);
  EXPECT_EQ(Claim(now), b);
  EXPECT_EQ(Claim(now), d) << "c waits for b: same workbook";
  EXPECT_EQ(Claim(now), 0);
  Finish(b);
  EXPECT_EQ(Claim(now), c);
}

TEST_F(SqliteStoreQueueTest, UpdateRunCannotMakeASecondRunOfATaskRunning) {
  const int64_t first = Enqueue(a_, seconds(0));
  ASSERT_EQ(Claim(), first);
  const int64_t second = Enqueue(a_, seconds(1));
  auto refused = store_->UpdateRun(fakes::RunUpdate(second, "running"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(refused.error().message,
            "The task of run " + std::to_string(second) +
                " already has a running run: wait for it to end before starting another.");
}

TEST_F(SqliteStoreQueueTest, RequeueKeepsCountersCheckpointAndPlaceInLine) {
  const int64_t id = Enqueue(a_, seconds(0));
  ASSERT_EQ(Claim(), id);
  store::Run progress = *store_->GetRun(id);
  progress.rows_read = 600;
  progress.rows_written = 500;
  progress.retries = 2;
  progress.throttle_waits = 1;
  ASSERT_TRUE(store_->UpdateRun(progress));
  ASSERT_TRUE(store_->SaveCheckpoint(Checkpoint{id, 500, 777, 42, 501, kT0}));
  const int64_t newer = Enqueue(d_, seconds(30));

  ASSERT_TRUE(store_->RequeueRun(id));

  auto run = store_->GetRun(id);
  EXPECT_EQ(run->status, "queued");
  EXPECT_EQ(run->lease_owner, "");
  EXPECT_FALSE(run->lease_until.has_value());
  EXPECT_EQ(run->rows_written, 500);
  EXPECT_EQ(run->retries, 2);
  EXPECT_EQ(run->throttle_waits, 1);
  EXPECT_EQ(run->started_at, kT0);
  EXPECT_EQ((*store_->LoadCheckpoint(id))->last_id, 777);
  EXPECT_EQ(Claim(kT0 + seconds(60), 1), id)
      << "it keeps its queued_at, so it goes before " << newer;
}

TEST_F(SqliteStoreQueueTest, AFinishedRunIsNotRequeued) {
  const int64_t id = Enqueue(a_, seconds(0));
  Finish(id);
  auto refused = store_->RequeueRun(id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(
      refused.error().message,
      "The run " + std::to_string(id) + " has already ended (succeeded): start a new run instead.");
}

TEST_F(SqliteStoreQueueTest, OnlyTheLeaseOwnerRenewsTheLease) {
  const int64_t id = Enqueue(a_, seconds(0));
  ASSERT_EQ(Claim(kT0, 10, "host:1:n"), id);

  ASSERT_TRUE(store_->RenewLease(id, "host:1:n", kLease + std::chrono::minutes(5)));
  EXPECT_EQ(store_->GetRun(id)->lease_until, kLease + std::chrono::minutes(5));

  auto stolen = store_->RenewLease(id, "host:2:m", kLease + std::chrono::hours(1));
  ASSERT_FALSE(stolen);
  EXPECT_EQ(stolen.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(stolen.error().upstream, "leaseLost");
  EXPECT_EQ(stolen.error().message,
            "The run " + std::to_string(id) +
                " is no longer leased to this worker (lost lease): stop working on it.");
  EXPECT_EQ(store_->RenewLease(99, "host:1:n", kLease).error().code, core::ErrorCode::kNotFound);
}

TEST_F(SqliteStoreQueueTest, AFinalStatusStampsTheEndAndTheError) {
  const int64_t id = Enqueue(a_, seconds(0));
  ASSERT_EQ(Claim(), id);
  store::Run failed = *store_->GetRun(id);
  failed.status = "failed";
  failed.error_message = "The workbook is locked: close it in Excel and retry.";
  failed.error_code = "resourceLocked";
  failed.ended_at = kT0 + seconds(30);
  ASSERT_TRUE(store_->UpdateRun(failed));

  auto run = store_->GetRun(id);
  EXPECT_EQ(run->status, "failed");
  EXPECT_EQ(run->ended_at, kT0 + seconds(30));
  EXPECT_EQ(run->error_code, "resourceLocked");
  EXPECT_FALSE(run->lease_until.has_value());
  EXPECT_EQ(store_->UpdateRun(fakes::RunUpdate(id, "done")).error().message,
            "The run status \"done\" is not known: use queued, running, succeeded, failed, "
            "interrupted or cancelled.");
}

TEST_F(SqliteStoreQueueTest, RunsAreListedNewestFirstAndFiltered) {
  const int64_t first = Enqueue(a_, seconds(0));
  Finish(first);
  const int64_t second = Enqueue(d_, seconds(1));
  const int64_t third = Enqueue(a_, seconds(2));

  auto all = store_->ListRuns(RunFilter{});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, third);
  EXPECT_EQ((*all)[2].id, first);
  auto of_a = store_->ListRuns(fakes::Filter(a_, std::nullopt));
  ASSERT_EQ(of_a->size(), 2u);
  EXPECT_EQ((*of_a)[1].id, first);
  auto queued = store_->ListRuns(fakes::Filter(std::nullopt, "queued"));
  ASSERT_EQ(queued->size(), 2u);
  EXPECT_EQ((*queued)[1].id, second);
  EXPECT_EQ(store_->ListRuns(fakes::Filter(a_, "succeeded"))->size(), 1u);
  EXPECT_EQ(store_->ListRuns(fakes::Filter(std::nullopt, std::nullopt, 1))->size(), 1u);
}

TEST_F(SqliteStoreQueueTest, PruneDeletesOldFinishedRunsWithTheirLogsAndCheckpoints) {
  const int64_t old_run = Enqueue(a_, seconds(0));
  ASSERT_TRUE(store_->AppendRunLog(old_run, "info", "old"));
  ASSERT_TRUE(store_->SaveCheckpoint(Checkpoint{old_run, 1, 1, 0, 2, kT0}));
  ASSERT_TRUE(store_->UpdateRun(fakes::RunUpdate(old_run, "failed", kT0)));
  const int64_t recent = Enqueue(a_, seconds(1));
  ASSERT_TRUE(
      store_->UpdateRun(fakes::RunUpdate(recent, "succeeded", kT0 + std::chrono::hours(48))));
  const int64_t waiting = Enqueue(d_, seconds(2));

  auto pruned = store_->PruneRuns(kT0 + std::chrono::hours(24));
  ASSERT_TRUE(pruned) << pruned.error().message;
  EXPECT_EQ(*pruned, 1);
  EXPECT_EQ(store_->GetRun(old_run).error().code, core::ErrorCode::kNotFound);
  EXPECT_TRUE(store_->RunLog(old_run)->empty());
  EXPECT_FALSE(store_->LoadCheckpoint(old_run)->has_value());
  EXPECT_TRUE(store_->GetRun(recent));
  EXPECT_TRUE(store_->GetRun(waiting));
}

}  // namespace
}  // namespace xlsync::store
