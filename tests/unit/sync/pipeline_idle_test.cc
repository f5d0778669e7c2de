// The writer lets the sinks do deferred work (SheetSink::Idle) when the queue is empty, before it
// waits for rows (issue 7): never while batches wait, never at the cost of writing them. And it
// prepares the sinks (PipelineOptions::before_writing) while the reader already reads.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "sync/pipeline.h"

namespace xlsync::sync {
namespace {

/// A count one thread raises and another waits on; the wait is bounded, so a writer that never
/// gets there fails the test instead of hanging it.
class Tally {
 public:
  void Add() {
    std::lock_guard lock(mutex_);
    ++count_;
    changed_.notify_all();
  }
  bool WaitFor(int count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return count_ >= count; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int count_ = 0;
};

/// Serves `batches` batches of `rows` numbered rows. Before batch `gate_at` it waits until
/// `gate` counts `gate_count`; `served_all` counts once every batch is in the queue.
class GatedSource final : public RecordSource {
 public:
  GatedSource(int batches, int rows, int gate_at = -1, Tally* gate = nullptr, int gate_count = 1)
      : batches_(batches), rows_(rows), gate_at_(gate_at), gate_(gate), gate_count_(gate_count) {}
  const std::vector<core::Column>& columns() const override { return columns_; }
  core::Result<std::optional<Batch>> Next() override {
    if (served_ == gate_at_ && gate_ != nullptr) gate_->WaitFor(gate_count_);
    if (served_ == batches_) {
      served_all.Add();  // the reader pushed the last batch before it asked again
      return std::optional<Batch>();
    }
    Batch batch;
    for (int i = 0; i < rows_; ++i) {
      batch.rows.push_back({core::Cell::Number(served_ * rows_ + i + 1)});
    }
    ++served_;
    return std::optional<Batch>(std::move(batch));
  }

  Tally served_all;

 private:
  std::vector<core::Column> columns_{{"id", "ID", "0"}};
  int batches_;
  int rows_;
  int gate_at_;
  Tally* gate_;
  int gate_count_;
  int served_ = 0;
};

/// Logs the writer's calls in order, "W" for Write and "I" for Idle; Idle answers with `idle`.
class IdleSink final : public SheetSink {
 public:
  core::Result<void> Begin(const std::vector<core::Column>&) override { return {}; }
  core::Result<void> Continue(const std::vector<core::Column>&, int64_t, int64_t) override {
    return {};
  }
  core::Result<void> Write(std::span<const core::Row> rows) override {
    events_.push_back("W");
    rows_.insert(rows_.end(), rows.begin(), rows.end());
    if (on_write) on_write();
    return {};
  }
  core::Result<bool> Idle() override {
    events_.push_back("I");
    return idle ? idle() : core::Result<bool>(false);
  }
  core::Result<void> Finish() override {
    finished_ = true;
    return {};
  }
  core::Result<void> Verify(int64_t, uint64_t) override { return {}; }

  /// What the writer did from its first Write to its last, both included.
  std::vector<std::string> WhileWriting() const {
    const auto first = std::find(events_.begin(), events_.end(), "W");
    const auto last = std::find(events_.rbegin(), events_.rend(), "W").base();
    return first < last ? std::vector<std::string>(first, last) : std::vector<std::string>{};
  }

  std::function<core::Result<bool>()> idle;
  std::function<void()> on_write;
  std::vector<std::string> events_;
  std::vector<core::Row> rows_;
  bool finished_ = false;
};

PipelineOptions Options(size_t queue_batches) {
  PipelineOptions options;
  options.queue_batches = queue_batches;
  options.keep_alive_every = std::chrono::seconds(30);
  return options;
}

TEST(PipelineIdleTest, CallsIdleWhenTheQueueIsEmptyBeforeWaitingForRows) {
  Tally idled_after_a_write;
  GatedSource source(2, 10, /*gate_at=*/1, &idled_after_a_write);
  IdleSink sink;
  sink.idle = [&]() -> core::Result<bool> {
    if (!sink.rows_.empty()) idled_after_a_write.Add();
    return false;
  };
  std::vector<SheetSink*> sinks{&sink};

  auto totals = RunPipeline(source, sinks, Options(2), nullptr);

  ASSERT_TRUE(totals) << totals.error().message;
  EXPECT_EQ(totals->rows, 20);
  EXPECT_EQ(sink.WhileWriting(), (std::vector<std::string>{"W", "I", "W"}));
  EXPECT_TRUE(sink.finished_);
}

TEST(PipelineIdleTest, DoesNotCallIdleWhileBatchesAreWaiting) {
  GatedSource source(5, 10);
  IdleSink sink;
  // The first Write waits until every batch is queued: the writer then finds one each time.
  sink.on_write = [&] { EXPECT_TRUE(source.served_all.WaitFor(1)); };
  std::vector<SheetSink*> sinks{&sink};

  auto totals = RunPipeline(source, sinks, Options(8), nullptr);

  ASSERT_TRUE(totals) << totals.error().message;
  EXPECT_EQ(totals->rows, 50);
  EXPECT_EQ(sink.WhileWriting(), (std::vector<std::string>{"W", "W", "W", "W", "W"}));
}

TEST(PipelineIdleTest, AnIdleFailureStopsTheRunWithThatError) {
  Tally idled;
  GatedSource source(3, 10, /*gate_at=*/0, &idled);
  IdleSink sink;
  sink.idle = [&]() -> core::Result<bool> {
    idled.Add();
    return core::Unavailable("Excel Online is not answering: try again in a few minutes.",
                             "serviceNotAvailable");
  };
  std::vector<SheetSink*> sinks{&sink};

  auto totals = RunPipeline(source, sinks, Options(2), nullptr);

  ASSERT_FALSE(totals);
  EXPECT_EQ(totals.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(totals.error().message, "Excel Online is not answering: try again in a few minutes.");
  EXPECT_EQ(totals.error().upstream, "serviceNotAvailable");
  EXPECT_TRUE(sink.rows_.empty());
  EXPECT_FALSE(sink.finished_);
}

TEST(PipelineIdleTest, ASinkThatAlwaysFindsIdleWorkIsAskedAgainAndStillGetsEveryRowInOrder) {
  // The source holds its second batch back until Idle was called three times after the first
  // Write: a writer that waited after work was done would not call it again.
  Tally idled_after_a_write;
  GatedSource source(20, 10, /*gate_at=*/1, &idled_after_a_write, /*gate_count=*/3);
  IdleSink sink;
  sink.idle = [&]() -> core::Result<bool> {
    if (!sink.rows_.empty()) idled_after_a_write.Add();
    return true;
  };
  std::vector<SheetSink*> sinks{&sink};

  auto totals = RunPipeline(source, sinks, Options(2), nullptr);

  ASSERT_TRUE(totals) << totals.error().message;
  EXPECT_EQ(totals->rows, 200);
  ASSERT_EQ(sink.rows_.size(), 200u);
  for (size_t i = 0; i < sink.rows_.size(); ++i) {
    EXPECT_EQ(sink.rows_[i][0].number, static_cast<double>(i + 1));
  }
  const auto writing = sink.WhileWriting();
  EXPECT_EQ(std::count(writing.begin(), writing.end(), "W"), 20);
  EXPECT_GE(std::count(writing.begin(), writing.end(), "I"), 3);
  EXPECT_TRUE(sink.finished_);
}

TEST(PipelineIdleTest, PreparesTheSinksWhileTheReaderAlreadyReads) {
  GatedSource source(2, 3);
  IdleSink sink;
  std::vector<SheetSink*> sinks{&sink};
  PipelineOptions options = Options(4);
  bool read_meanwhile = false;
  options.before_writing = [&]() -> core::Result<void> {
    read_meanwhile = source.served_all.WaitFor(1);  // times out if reading waited for this
    return {};
  };

  auto totals = RunPipeline(source, sinks, options, nullptr);

  ASSERT_TRUE(totals) << totals.error().message;
  EXPECT_TRUE(read_meanwhile);
  EXPECT_EQ(totals->rows, 6);
  EXPECT_EQ(sink.rows_.size(), 6u);
}

TEST(PipelineIdleTest, AFailureToPrepareTheSinksEndsTheRunBeforeAnyWrite) {
  GatedSource source(2, 3);
  IdleSink sink;
  std::vector<SheetSink*> sinks{&sink};
  PipelineOptions options = Options(4);
  options.before_writing = []() -> core::Result<void> {
    return core::PermissionDenied("xlsync may not write to \"Sales.xlsx\": ask its owner to share it with edit rights.",
                                  "accessDenied");
  };

  auto totals = RunPipeline(source, sinks, options, nullptr);

  ASSERT_FALSE(totals);
  EXPECT_EQ(totals.error().message, "xlsync may not write to \"Sales.xlsx\": ask its owner to share it with edit rights.");
  EXPECT_EQ(totals.error().upstream, "accessDenied");
  EXPECT_TRUE(sink.events_.empty());
  EXPECT_FALSE(sink.finished_);
}

}  // namespace
}  // namespace xlsync::sync
