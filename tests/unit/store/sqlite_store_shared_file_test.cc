#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "store/sqlite_store.h"
#include "testing/support/store_fixtures.h"

namespace xlsync::store {
namespace {

const core::TimePoint kT0 = FromMillis(1'700'000'000'000);
const core::TimePoint kLease = kT0 + std::chrono::minutes(5);

TEST(SqliteStoreSharedFileTest, TheDatabaseRefusesASecondRunningRunOfATaskEvenFromRawSql) {
  fakes::TempDir dir;
  const std::string path = dir.File("xlsync.db");
  auto store = std::move(*SqliteStore::Open(path, fakes::TestBox()));
  const int64_t odoo = *store->CreateOdooConnection(fakes::OdooNamed("erp"));
  const int64_t microsoft = *store->CreateMicrosoftConnection(fakes::MicrosoftNamed("m365"));
  store::Run run;
  run.task_id = *store->CreateTask(fakes::TaskNamed("a", odoo, microsoft));
  const int64_t first = store->EnqueueRun(run)->run_id;
  ASSERT_TRUE(store->ClaimNextRun("host:1:n", kT0, kLease, 5)->has_value());
  const int64_t second = store->EnqueueRun(run)->run_id;
  ASSERT_NE(first, second);

  fakes::RawDb raw(path);
  EXPECT_EQ(
      raw.Exec("UPDATE runs SET status = 'running' WHERE id = " + std::to_string(second)) & 0xff,
      SQLITE_CONSTRAINT);
  EXPECT_EQ(store->GetRun(second)->status, "queued");
}

TEST(SqliteStoreSharedFileTest, TwoStoresOnOneFileSeeEachOthersWrites) {
  fakes::TempDir dir;
  const std::string path = dir.File("xlsync.db");
  auto cli = SqliteStore::Open(path, fakes::TestBox());
  auto service = SqliteStore::Open(path, fakes::TestBox());
  ASSERT_TRUE(cli && service);
  const int64_t odoo = *(*cli)->CreateOdooConnection(fakes::OdooNamed("erp"));
  const int64_t microsoft = *(*cli)->CreateMicrosoftConnection(fakes::MicrosoftNamed("m365"));
  ASSERT_TRUE((*cli)->SetOdooSecret(odoo, core::Secret("pw")));
  store::Run run;
  run.task_id = *(*cli)->CreateTask(fakes::TaskNamed("a", odoo, microsoft));
  const int64_t run_id = (*cli)->EnqueueRun(run)->run_id;

  EXPECT_EQ((*service)->OdooSecret(odoo)->Reveal(), "pw");
  auto claimed =
      (*service)->ClaimNextRun("service:1:n", core::TimePoint::max() - std::chrono::hours(1),
                               core::TimePoint::max() - std::chrono::minutes(1), 4);
  ASSERT_TRUE(claimed && claimed->has_value());
  EXPECT_EQ((*claimed)->id, run_id);
  EXPECT_EQ((*cli)->GetRun(run_id)->status, "running");
  EXPECT_TRUE((*cli)->EnqueueRun(run)->already_queued == false);
  EXPECT_TRUE((*service)->EnqueueRun(run)->already_queued);
}

// Two stores on one file stand for the CLI and the service; each claims from two threads. Every
// queued run must be claimed exactly once: BEGIN IMMEDIATE serialises the claims across both.
TEST(SqliteStoreSharedFileTest, ConcurrentClaimersNeverTakeTheSameRun) {
  fakes::TempDir dir;
  const std::string path = dir.File("xlsync.db");
  auto first = std::move(*SqliteStore::Open(path, fakes::TestBox()));
  auto second = std::move(*SqliteStore::Open(path, fakes::TestBox()));
  const int64_t odoo = *first->CreateOdooConnection(fakes::OdooNamed("erp"));
  const int64_t microsoft = *first->CreateMicrosoftConnection(fakes::MicrosoftNamed("m365"));
  constexpr int kRuns = 24;
  for (int i = 0; i < kRuns; ++i) {
    store::Run run;
    run.task_id = *first->CreateTask(fakes::TaskNamed("t" + std::to_string(i), odoo, microsoft));
    run.queued_at = kT0;
    ASSERT_TRUE(first->EnqueueRun(run));
  }

  std::vector<std::vector<int64_t>> claimed(4);
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    SqliteStore* store = w % 2 == 0 ? first.get() : second.get();
    workers.emplace_back([store, w, &claimed] {
      const std::string owner = "worker:" + std::to_string(w);
      for (;;) {
        auto run = store->ClaimNextRun(owner, kT0, kLease, kRuns);
        if (!run || !run->has_value()) return;
        claimed[static_cast<size_t>(w)].push_back((*run)->id);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();

  std::set<int64_t> distinct;
  size_t total = 0;
  for (const auto& ids : claimed) {
    total += ids.size();
    distinct.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(total, static_cast<size_t>(kRuns));
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kRuns));
}

}  // namespace
}  // namespace xlsync::store
