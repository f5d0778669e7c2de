#include "scheduler/dispatcher.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <condition_variable>
#include <set>
#include <thread>

#include "testing/support/recording_sleeper.h"
#include "testing/support/store_fixtures.h"

namespace xlsync::scheduler {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

/// Runs nothing: holds each run until released, records how many ran at once, then records
/// the outcome it was told to in the store, as TaskRunner does.
class GateExecutor final : public RunExecutor {
 public:
  explicit GateExecutor(store::Store& store) : store_(store) {}

  core::Result<void> Execute(const store::Run& run, const std::atomic<bool>& stop) override {
    std::unique_lock lock(mutex_);
    started_.push_back(run);
    ++running_;
    max_running_ = std::max(max_running_, running_);
    changed_.notify_all();
    // The stop flag is polled, as a real run polls it between chunks.
    while (!(released_.count(run.task_id) > 0 || open_ || stop.load())) changed_.wait_for(lock, milliseconds(5));
    released_.erase(run.task_id);
    --running_;
    store::Run done = run;
    core::Result<void> outcome;
    if (stop) {
      done.status = "interrupted";
      outcome = core::Cancelled("stopped");
    } else if (!failures_.empty()) {
      outcome = failures_.front();
      failures_.erase(failures_.begin());
      done.status = "failed";
    } else {
      done.status = "succeeded";
    }
    EXPECT_TRUE(store_.UpdateRun(done));
    ++finished_;
    changed_.notify_all();
    return outcome;
  }

  void Release(int64_t task_id) {
    std::lock_guard lock(mutex_);
    released_.insert(task_id);
    changed_.notify_all();
  }
  void OpenAll() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  void FailNext(core::Error error) {
    std::lock_guard lock(mutex_);
    failures_.push_back(std::move(error));
  }
  /// Waits until `count` runs started (or 10 s passed).
  bool WaitStarted(size_t count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, seconds(10), [&] { return started_.size() >= count; });
  }
  bool WaitFinished(int count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, seconds(10), [&] { return finished_ >= count; });
  }
  std::vector<store::Run> started() {
    std::lock_guard lock(mutex_);
    return started_;
  }
  int max_running() {
    std::lock_guard lock(mutex_);
    return max_running_;
  }

 private:
  store::Store& store_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<store::Run> started_;
  std::set<int64_t> released_;
  std::vector<core::Error> failures_;
  bool open_ = false;
  int running_ = 0;
  int max_running_ = 0;
  int finished_ = 0;
};

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    odoo_id_ = *store_->CreateOdooConnection(fakes::OdooNamed("odoo"));
    microsoft_id_ = *store_->CreateMicrosoftConnection(fakes::MicrosoftNamed("m365"));
  }

  int64_t AddTask(const std::string& name, const std::string& workbook, int max_attempts = 3) {
    store::Task task = fakes::TaskNamed(name, odoo_id_, microsoft_id_, workbook);
    task.max_attempts = max_attempts;
    task.retry_backoff_seconds = 60;
    auto id = store_->CreateTask(task);
    EXPECT_TRUE(id) << id.error().message;
    return *id;
  }

  int64_t Enqueue(int64_t task_id) {
    store::Run run;
    run.task_id = task_id;
    run.trigger = "manual";
    run.started_by = "test";
    return store_->EnqueueRun(run)->run_id;
  }

  DispatcherOptions Options(int max_parallel) {
    DispatcherOptions options;
    options.max_parallel = max_parallel;
    options.owner = "test-host:1:abc";
    options.poll = milliseconds(10);
    return options;
  }

  fakes::FakeClock clock_;
  std::unique_ptr<store::Store> store_ = fakes::MemoryStore();
  int64_t odoo_id_ = 0;
  int64_t microsoft_id_ = 0;
};

TEST_F(DispatcherTest, ATaskNeverRunsTwiceAtOnceAndATriggerDuringItsRunWaitsOnce) {
  const int64_t task = AddTask("orders", "wb-1");
  GateExecutor executor(*store_);
  Dispatcher dispatcher(*store_, executor, clock_, Options(4));
  const int64_t first = Enqueue(task);
  dispatcher.Start();
  ASSERT_TRUE(executor.WaitStarted(1));
  const int64_t second = Enqueue(task);
  EXPECT_EQ(Enqueue(task), second);  // the third trigger joins the waiting run
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(executor.started().size(), 1u);
  executor.Release(task);
  ASSERT_TRUE(executor.WaitStarted(2));
  executor.Release(task);
  ASSERT_TRUE(executor.WaitFinished(2));
  dispatcher.Stop();
  ASSERT_EQ(executor.started().size(), 2u);
  EXPECT_EQ(executor.started()[0].id, first);
  EXPECT_EQ(executor.started()[1].id, second);
  EXPECT_EQ(executor.max_running(), 1);
}

TEST_F(DispatcherTest, RunsInParallelUpToTheLimit) {
  const int64_t a = AddTask("a", "wb-a");
  const int64_t b = AddTask("b", "wb-b");
  const int64_t c = AddTask("c", "wb-c");
  for (int64_t task : {a, b, c}) Enqueue(task);
  GateExecutor executor(*store_);
  Dispatcher dispatcher(*store_, executor, clock_, Options(2));
  dispatcher.Start();
  ASSERT_TRUE(executor.WaitStarted(2));
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(executor.started().size(), 2u);
  executor.OpenAll();
  ASSERT_TRUE(executor.WaitFinished(3));
  dispatcher.Stop();
  EXPECT_EQ(executor.max_running(), 2);
}

TEST_F(DispatcherTest, TasksWritingTheSameWorkbookTakeTurns) {
  const int64_t a = AddTask("a", "shared-workbook");
  const int64_t b = AddTask("b", "shared-workbook");
  Enqueue(a);
  Enqueue(b);
  GateExecutor executor(*store_);
  Dispatcher dispatcher(*store_, executor, clock_, Options(4));
  dispatcher.Start();
  ASSERT_TRUE(executor.WaitStarted(1));
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(executor.started().size(), 1u);
  executor.Release(a);
  ASSERT_TRUE(executor.WaitStarted(2));
  executor.Release(b);
  ASSERT_TRUE(executor.WaitFinished(2));
  dispatcher.Stop();
  EXPECT_EQ(executor.max_running(), 1);
}

TEST_F(DispatcherTest, PassingFailureIsRetriedWithBackoffAndWrongSettingsAreNot) {
  const int64_t task = AddTask("orders", "wb-1", /*max_attempts=*/2);
  GateExecutor executor(*store_);
  executor.OpenAll();
  executor.FailNext(core::Unavailable("Odoo is down.", "CURLE_COULDNT_CONNECT"));
  executor.FailNext(core::Unavailable("Odoo is down.", "CURLE_COULDNT_CONNECT"));
  const int64_t run_id = Enqueue(task);
  Dispatcher dispatcher(*store_, executor, clock_, Options(1));
  dispatcher.Start();
  ASSERT_TRUE(executor.WaitFinished(1));
  std::this_thread::sleep_for(milliseconds(100));
  store::Run waiting = *store_->GetRun(run_id);
  EXPECT_EQ(waiting.status, "queued");
  EXPECT_EQ(waiting.attempt, 2);
  EXPECT_EQ(waiting.not_before, clock_.Now() + seconds(60));
  EXPECT_EQ(executor.started().size(), 1u);  // not before the backoff is over
  clock_.Advance(seconds(61));
  ASSERT_TRUE(executor.WaitFinished(2));
  std::this_thread::sleep_for(milliseconds(100));
  // The second attempt was the last one allowed: the run stays failed.
  EXPECT_EQ(store_->GetRun(run_id)->status, "failed");
  EXPECT_EQ(executor.started().size(), 2u);

  const int64_t other = Enqueue(AddTask("wrong", "wb-2"));
  executor.FailNext(core::Unauthenticated("The client secret is wrong.", "AADSTS7000215"));
  ASSERT_TRUE(executor.WaitFinished(3));
  std::this_thread::sleep_for(milliseconds(100));
  dispatcher.Stop();
  EXPECT_EQ(store_->GetRun(other)->status, "failed");
  EXPECT_EQ(store_->GetRun(other)->attempt, 1);
}

TEST_F(DispatcherTest, StopAsksRunningRunsToStopAndWaitsForThem) {
  const int64_t task = AddTask("orders", "wb-1");
  const int64_t run_id = Enqueue(task);
  GateExecutor executor(*store_);
  Dispatcher dispatcher(*store_, executor, clock_, Options(1));
  dispatcher.Start();
  ASSERT_TRUE(executor.WaitStarted(1));
  EXPECT_TRUE(dispatcher.running());
  dispatcher.Stop();
  EXPECT_FALSE(dispatcher.running());
  EXPECT_EQ(store_->GetRun(run_id)->status, "interrupted");
}

TEST_F(DispatcherTest, OnlyRunClaimsThatRunAndNoOther) {
  const int64_t a = AddTask("a", "wb-a");
  const int64_t b = AddTask("b", "wb-b");
  Enqueue(a);
  const int64_t wanted = Enqueue(b);
  GateExecutor executor(*store_);
  executor.OpenAll();
  DispatcherOptions options = Options(1);
  options.only_run = wanted;
  Dispatcher dispatcher(*store_, executor, clock_, options);
  dispatcher.Start();
  ASSERT_TRUE(executor.WaitFinished(1));
  std::this_thread::sleep_for(milliseconds(100));
  dispatcher.Stop();
  ASSERT_EQ(executor.started().size(), 1u);
  EXPECT_EQ(executor.started()[0].id, wanted);
}

TEST(LeaseOwnerTest, OwnerOfThisProcessIsAliveAndOfAFinishedProcessIsGone) {
  EXPECT_FALSE(OwnerIsGone(LeaseOwner()));
  const std::string mine = LeaseOwner();
  const std::string host = mine.substr(0, mine.find(':'));
  EXPECT_TRUE(OwnerIsGone(host + ":" + std::to_string(::getpid()) + ":older"));  // our pid, an earlier process
  EXPECT_FALSE(OwnerIsGone("another-host:1:abc"));  // we cannot tell: its lease decides
  EXPECT_FALSE(OwnerIsGone(""));
}

}  // namespace
}  // namespace xlsync::scheduler
