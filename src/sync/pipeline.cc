#include "sync/pipeline.h"

#include <mutex>
#include <optional>
#include <thread>

#include "core/text.h"
#include "excel/cell_digest.h"
#include "excel/cell_text.h"
#include "excel/text_sanitizer.h"
#include "sync/bounded_queue.h"

namespace xlsync::sync {
namespace {

/// The first error either thread met; later ones are consequences and are dropped.
class FirstError {
 public:
  void Set(core::Error error) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(error);
  }
  std::optional<core::Error> Get() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  std::mutex mutex_;
  std::optional<core::Error> error_;
};

bool Stopped(const std::atomic<bool>* stop) { return stop != nullptr && stop->load(); }

core::Error StoppedError() {
  return core::Cancelled("The run was stopped before it finished; run it again to complete the sheet.");
}

void ReadAll(RecordSource& source, BoundedQueue<Batch>& queue, FirstError& failure,
             std::atomic<int64_t>& rows_read, const std::atomic<bool>* stop) {
  try {
    while (!Stopped(stop)) {
      auto batch = source.Next();
      if (!batch) {
        failure.Set(std::move(batch).error());
        break;
      }
      if (!batch->has_value()) break;
      rows_read += static_cast<int64_t>((*batch)->rows.size());
      if (!queue.Push(std::move(**batch))) break;
    }
  } catch (const std::exception& thrown) {  // One catch-all per thread entry (style.md).
    core::Error error = core::Internal("Reading records failed unexpectedly: see the log for details.");
    error.detail += std::string(" ") + thrown.what();
    failure.Set(std::move(error));
  }
  queue.Close();
}

// A text is cut when it passes 32,767 UTF-16 units; it has at least as many UTF-8 bytes, so the
// byte length rules out almost every text before anything is counted.
void CountCutTexts(const core::Row& row, std::vector<int64_t>& texts_cut) {
  for (size_t i = 0; i < row.size() && i < texts_cut.size(); ++i) {
    const core::Cell& cell = row[i];
    if (cell.kind != core::CellKind::kText || cell.text.size() <= excel::kMaxCellCharacters) continue;
    const auto outcome = excel::SanitizeRuns(cell.text, excel::kMaxCellCharacters, [](std::string_view) {});
    if (outcome.truncated) ++texts_cut[i];
  }
}

// Before the writer waits for rows, each sink may do one step of deferred work (GraphSheetSink
// reads acknowledged rows back, so Verify has less left when the reader set the pace: issue 7).
// One step per sink, then the queue is looked at again: rows that came meanwhile go first, so a
// sink that always finds work cannot hold the writing back.
core::Result<bool> IdleSinks(std::span<SheetSink* const> sinks) {
  bool worked = false;
  for (SheetSink* sink : sinks) {
    auto idle = sink->Idle();
    if (!idle) return std::move(idle).error();
    worked = worked || *idle;
  }
  return worked;
}

// The writer's next batch: while none is ready each sink may do idle work; then a wait that
// keeps the sinks' sessions alive. kTimeout means "look at the queue again".
core::Result<BoundedQueue<Batch>::PopStatus> NextBatch(BoundedQueue<Batch>& queue, std::span<SheetSink* const> sinks,
                                                       std::chrono::milliseconds keep_alive_every, Batch& batch) {
  using Status = BoundedQueue<Batch>::PopStatus;
  auto status = queue.Pop(batch, std::chrono::milliseconds(0));
  if (status != Status::kTimeout) return status;
  auto idle = IdleSinks(sinks);
  if (!idle) return std::move(idle).error();
  if (*idle) return Status::kTimeout;
  status = queue.Pop(batch, keep_alive_every);
  if (status != Status::kTimeout) return status;
  for (SheetSink* sink : sinks) XLSYNC_RETURN_IF_ERROR(sink->KeepAlive());
  return status;
}

core::Result<void> WriteBatch(std::span<SheetSink* const> sinks, std::span<const core::Row> rows) {
  for (SheetSink* sink : sinks) XLSYNC_RETURN_IF_ERROR(sink->Write(rows));
  return {};
}

}  // namespace

std::string CutTextsWarning(const std::vector<int64_t>& texts_cut, const std::vector<core::Column>& columns) {
  int64_t total = 0;
  std::string labels;
  for (size_t i = 0; i < texts_cut.size() && i < columns.size(); ++i) {
    if (texts_cut[i] == 0) continue;
    total += texts_cut[i];
    labels += (labels.empty() ? "" : ", ") + columns[i].label;
  }
  if (total == 0) return {};
  const bool one = total == 1;
  return core::GroupThousands(total) + (one ? " text was" : " texts were") +
         " longer than the 32,767 characters a cell holds and " + (one ? "was" : "were") +
         " cut (columns: " + labels + ").";
}

core::Result<PipelineTotals> RunPipeline(RecordSource& source, std::span<SheetSink* const> sinks,
                                         const PipelineOptions& options,
                                         const std::function<void(const PipelineProgress&)>& on_progress,
                                         const std::atomic<bool>* stop) {
  using Status = BoundedQueue<Batch>::PopStatus;
  BoundedQueue<Batch> queue(options.queue_batches);
  FirstError failure;
  std::atomic<int64_t> rows_read{options.start.rows};
  std::thread reader([&] { ReadAll(source, queue, failure, rows_read, stop); });
  bool ready = true;
  if (options.before_writing) {
    if (auto begun = options.before_writing(); !begun) {
      failure.Set(std::move(begun).error());
      ready = false;
    }
  }

  excel::RowDigest digest(options.start.digest, static_cast<size_t>(options.start.rows));
  PipelineProgress progress;
  progress.rows_written = options.start.rows;
  std::vector<int64_t> texts_cut(source.columns().size(), 0);
  Batch batch;
  // The writer drains what the reader queued even after a read failure: those rows are good,
  // and writing them leaves less for a resumed run. A write failure stops both at once.
  while (ready) {
    if (Stopped(stop)) {
      failure.Set(StoppedError());
      break;
    }
    auto status = NextBatch(queue, sinks, options.keep_alive_every, batch);
    if (!status) failure.Set(std::move(status).error());
    if (!status || *status == Status::kClosed) break;
    if (*status == Status::kTimeout) continue;
    for (size_t i = 0; i < batch.rows.size(); ++i) {
      digest.AddRow(batch.rows[i]);
      CountCutTexts(batch.rows[i], texts_cut);
      if (options.ledger) options.ledger->Record(i < batch.ids.size() ? batch.ids[i] : 0, digest.value());
    }
    if (auto written = WriteBatch(sinks, batch.rows); !written) {
      failure.Set(std::move(written).error());
      break;
    }
    progress.rows_read = rows_read.load();
    progress.rows_written += static_cast<int64_t>(batch.rows.size());
    if (on_progress) on_progress(progress);
  }
  queue.Close();
  reader.join();
  if (auto error = failure.Get()) return *std::move(error);
  if (Stopped(stop)) return StoppedError();
  for (SheetSink* sink : sinks) XLSYNC_RETURN_IF_ERROR(sink->Finish());
  return PipelineTotals{static_cast<int64_t>(digest.rows()), digest.value(), std::move(texts_cut)};
}

}  // namespace xlsync::sync
