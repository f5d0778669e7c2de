#include "sync/pipeline.h"

#include <mutex>
#include <optional>
#include <thread>

#include "excel/cell_digest.h"
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

}  // namespace

core::Result<PipelineTotals> RunPipeline(RecordSource& source, std::span<SheetSink* const> sinks,
                                         const PipelineOptions& options,
                                         const std::function<void(const PipelineProgress&)>& on_progress,
                                         const std::atomic<bool>* stop) {
  BoundedQueue<Batch> queue(options.queue_batches);
  FirstError failure;
  std::atomic<int64_t> rows_read{options.start.rows};
  std::thread reader([&] { ReadAll(source, queue, failure, rows_read, stop); });

  excel::RowDigest digest(options.start.digest, static_cast<size_t>(options.start.rows));
  PipelineProgress progress;
  progress.rows_written = options.start.rows;
  Batch batch;
  // The writer drains what the reader queued even after a read failure: those rows are good,
  // and writing them leaves less for a resumed run. A write failure stops both at once.
  bool write_failed = false;
  while (!write_failed) {
    if (Stopped(stop)) {
      failure.Set(StoppedError());
      break;
    }
    const auto status = queue.Pop(batch, options.keep_alive_every);
    if (status == BoundedQueue<Batch>::PopStatus::kClosed) break;
    if (status == BoundedQueue<Batch>::PopStatus::kTimeout) {
      for (SheetSink* sink : sinks) {
        if (auto alive = sink->KeepAlive(); !alive) {
          failure.Set(std::move(alive).error());
          write_failed = true;
        }
      }
      continue;
    }
    for (size_t i = 0; i < batch.rows.size(); ++i) {
      digest.AddRow(batch.rows[i]);
      if (options.ledger) options.ledger->Record(i < batch.ids.size() ? batch.ids[i] : 0, digest.value());
    }
    for (SheetSink* sink : sinks) {
      if (auto written = sink->Write(batch.rows); !written) {
        failure.Set(std::move(written).error());
        write_failed = true;
        break;
      }
    }
    progress.rows_read = rows_read.load();
    progress.rows_written += static_cast<int64_t>(batch.rows.size());
    if (on_progress && !write_failed) on_progress(progress);
  }
  queue.Close();
  reader.join();
  if (auto error = failure.Get()) return *std::move(error);
  if (Stopped(stop)) return StoppedError();
  for (SheetSink* sink : sinks) XLSYNC_RETURN_IF_ERROR(sink->Finish());
  return PipelineTotals{static_cast<int64_t>(digest.rows()), digest.value()};
}

}  // namespace xlsync::sync
