#include "sync/pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <thread>

#include "excel/cell_digest.h"

namespace xlsync::sync {
namespace {

PipelineOptions Options(size_t queue_batches, std::chrono::milliseconds keep_alive_every) {
  PipelineOptions options;
  options.queue_batches = queue_batches;
  options.keep_alive_every = keep_alive_every;
  return options;
}

/// Yields numbered one-column rows in batches; can fail at a given batch.
class FakeSource final : public RecordSource {
 public:
  FakeSource(int batches, int rows_per_batch, int fail_at = -1)
      : batches_(batches), rows_per_batch_(rows_per_batch), fail_at_(fail_at) {}
  const std::vector<core::Column>& columns() const override { return columns_; }
  core::Result<std::optional<Batch>> Next() override {
    if (served_ == fail_at_) return core::Unavailable("Odoo went away.", "CURLE_RECV_ERROR");
    if (served_ == batches_) return std::optional<Batch>();
    Batch batch;
    for (int i = 0; i < rows_per_batch_; ++i) {
      batch.rows.push_back({core::Cell::Number(served_ * rows_per_batch_ + i + 1)});
      batch.ids.push_back(served_ * rows_per_batch_ + i + 1);
    }
    ++served_;
    return std::optional<Batch>(std::move(batch));
  }

 private:
  std::vector<core::Column> columns_{{"id", "ID", "0"}};
  int batches_;
  int rows_per_batch_;
  int fail_at_;
  int served_ = 0;
};

/// Records every row it is given; can fail on a given Write call.
class RecordingSink final : public SheetSink {
 public:
  explicit RecordingSink(int fail_on_write = -1) : fail_on_write_(fail_on_write) {}
  core::Result<void> Begin(const std::vector<core::Column>&) override { return {}; }
  core::Result<void> Continue(const std::vector<core::Column>&, int64_t, int64_t) override { return {}; }
  core::Result<void> Write(std::span<const core::Row> rows) override {
    if (writes_++ == fail_on_write_) return core::Throttled("Graph said no.", "tooManyRequests");
    rows_.insert(rows_.end(), rows.begin(), rows.end());
    return {};
  }
  core::Result<void> KeepAlive() override {
    ++keep_alives_;
    return {};
  }
  core::Result<void> Finish() override {
    finished_ = true;
    return {};
  }
  core::Result<void> Verify(int64_t, uint64_t) override { return {}; }

  std::vector<core::Row> rows_;
  int writes_ = 0;
  int keep_alives_ = 0;
  bool finished_ = false;

 private:
  int fail_on_write_;
};

TEST(PipelineTest, MovesEveryRowInOrderToEverySinkAndDigestsThem) {
  FakeSource source(5, 100);
  RecordingSink first;
  RecordingSink second;
  std::vector<SheetSink*> sinks{&first, &second};
  std::vector<int64_t> progress;
  auto totals = RunPipeline(source, sinks, Options(2, std::chrono::seconds(30)),
                            [&](const PipelineProgress& p) { progress.push_back(p.rows_written); });
  ASSERT_TRUE(totals) << totals.error().message;
  EXPECT_EQ(totals->rows, 500);
  ASSERT_EQ(first.rows_.size(), 500u);
  for (size_t i = 0; i < first.rows_.size(); ++i) EXPECT_EQ(first.rows_[i][0].number, static_cast<double>(i + 1));
  EXPECT_EQ(second.rows_, first.rows_);
  EXPECT_TRUE(first.finished_);
  EXPECT_EQ(progress, (std::vector<int64_t>{100, 200, 300, 400, 500}));
  excel::RowDigest expected;
  for (const auto& row : first.rows_) expected.AddRow(row);
  EXPECT_EQ(totals->digest, expected.value());
}

TEST(PipelineTest, AReadFailureStopsTheRunWithThatError) {
  FakeSource source(5, 10, 2);
  RecordingSink sink;
  std::vector<SheetSink*> sinks{&sink};
  auto totals = RunPipeline(source, sinks, PipelineOptions{}, nullptr);
  ASSERT_FALSE(totals);
  EXPECT_EQ(totals.error().upstream, "CURLE_RECV_ERROR");
  EXPECT_FALSE(sink.finished_);
  EXPECT_EQ(sink.rows_.size(), 20u);
}

TEST(PipelineTest, AWriteFailureStopsTheReaderAndReturnsTheWriteError) {
  FakeSource source(1000, 10);
  RecordingSink sink(3);
  std::vector<SheetSink*> sinks{&sink};
  auto totals = RunPipeline(source, sinks, Options(2, std::chrono::seconds(30)), nullptr);
  ASSERT_FALSE(totals);
  EXPECT_EQ(totals.error().upstream, "tooManyRequests");
  EXPECT_EQ(sink.rows_.size(), 30u);
  EXPECT_FALSE(sink.finished_);
}

TEST(PipelineTest, ARaisedStopFlagEndsTheRunAsCancelled) {
  FakeSource source(10, 10);
  RecordingSink sink;
  std::vector<SheetSink*> sinks{&sink};
  std::atomic<bool> stop{true};
  auto totals = RunPipeline(source, sinks, PipelineOptions{}, nullptr, &stop);
  ASSERT_FALSE(totals);
  EXPECT_EQ(totals.error().code, core::ErrorCode::kCancelled);
  EXPECT_FALSE(sink.finished_);
}

/// A source slower than the keep-alive period: the writer must keep the sinks alive.
class SlowSource final : public RecordSource {
 public:
  const std::vector<core::Column>& columns() const override { return columns_; }
  core::Result<std::optional<Batch>> Next() override {
    if (done_) return std::optional<Batch>();
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    done_ = true;
    return std::optional<Batch>(Batch{{{core::Cell::Text("x")}}, {1}});
  }

 private:
  std::vector<core::Column> columns_{{"name", "Name", ""}};
  bool done_ = false;
};

TEST(PipelineTest, KeepsSinksAliveWhileWaitingForASlowSource) {
  SlowSource source;
  RecordingSink sink;
  std::vector<SheetSink*> sinks{&sink};
  auto totals = RunPipeline(source, sinks, Options(4, std::chrono::milliseconds(5)), nullptr);
  ASSERT_TRUE(totals);
  EXPECT_EQ(totals->rows, 1);
  EXPECT_GE(sink.keep_alives_, 1);
}

TEST(PipelineTest, AnEmptySourceFinishesWithNoRows) {
  FakeSource source(0, 10);
  RecordingSink sink;
  std::vector<SheetSink*> sinks{&sink};
  auto totals = RunPipeline(source, sinks, PipelineOptions{}, nullptr);
  ASSERT_TRUE(totals);
  EXPECT_EQ(totals->rows, 0);
  EXPECT_TRUE(sink.finished_);
}


TEST(PipelineTest, ContinuesCountsAndDigestFromTheResumePoint) {
  // A run of 500 rows digested in one go equals 200 rows kept from an earlier attempt plus the
  // 300 that follow, digested from the saved state.
  FakeSource whole(5, 100);
  RecordingSink sink;
  std::vector<SheetSink*> sinks{&sink};
  auto all = RunPipeline(whole, sinks, PipelineOptions{}, nullptr);
  ASSERT_TRUE(all);
  excel::RowDigest first_part;
  for (int i = 0; i < 200; ++i) first_part.AddRow(sink.rows_[static_cast<size_t>(i)]);

  FakeSource rest(5, 100);
  ASSERT_TRUE(rest.Next());  // the first two pages are already in the sheet
  ASSERT_TRUE(rest.Next());
  RecordingSink rest_sink;
  std::vector<SheetSink*> rest_sinks{&rest_sink};
  PipelineOptions options;
  options.start = ResumePoint{200, 200, first_part.value(), 201};
  std::vector<int64_t> progress;
  auto totals = RunPipeline(rest, rest_sinks, options, [&](const PipelineProgress& p) { progress.push_back(p.rows_written); });
  ASSERT_TRUE(totals);
  EXPECT_EQ(totals->rows, 500);
  EXPECT_EQ(totals->digest, all->digest);
  EXPECT_EQ(rest_sink.rows_.size(), 300u);
  EXPECT_EQ(progress, (std::vector<int64_t>{300, 400, 500}));
}

TEST(PipelineTest, LedgerTurnsAcknowledgedRowsIntoResumePoints) {
  FakeSource source(3, 10);
  RecordingSink sink;
  std::vector<SheetSink*> sinks{&sink};
  CheckpointLedger ledger(ResumePoint{});
  PipelineOptions options;
  options.ledger = &ledger;
  auto totals = RunPipeline(source, sinks, options, nullptr);
  ASSERT_TRUE(totals);
  EXPECT_FALSE(ledger.Acknowledge(0, 1).has_value());
  auto at_15 = ledger.Acknowledge(15, 16);
  ASSERT_TRUE(at_15.has_value());
  EXPECT_EQ(at_15->rows, 15);
  EXPECT_EQ(at_15->last_id, 15);
  EXPECT_EQ(at_15->last_nonempty_row, 16);
  excel::RowDigest expected;
  for (int i = 0; i < 15; ++i) expected.AddRow(sink.rows_[static_cast<size_t>(i)]);
  EXPECT_EQ(at_15->digest, expected.value());
  auto at_30 = ledger.Acknowledge(30, 31);
  ASSERT_TRUE(at_30.has_value());
  EXPECT_EQ(at_30->digest, totals->digest);
  EXPECT_FALSE(ledger.Acknowledge(30, 31).has_value());  // already given
}

}  // namespace
}  // namespace xlsync::sync
