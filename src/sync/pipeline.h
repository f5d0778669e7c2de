#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "sync/checkpoint_ledger.h"
#include "sync/record_source.h"
#include "sync/sheet_sink.h"

namespace xlsync::sync {

struct PipelineOptions {
  /// Batches the reader may run ahead of the writer (memory bound: this many pages). Two keep
  /// the reader busy while the writer sends (the sink gathers its chunk from them as they come).
  size_t queue_batches = 2;
  /// How long the writer waits for rows before calling KeepAlive() on its sinks.
  std::chrono::milliseconds keep_alive_every{30'000};
  /// Rows already in the sheet from an earlier attempt of the run: counts and digest go on from it.
  ResumePoint start;
  /// When set, told each row's id and digest so acknowledgements become checkpoints.
  CheckpointLedger* ledger = nullptr;
  /// Run on the writer's thread once the reader has started, before any row is written: the
  /// sinks' setup (Begin) then overlaps the first Odoo pages. Its error ends the run.
  std::function<core::Result<void>()> before_writing;
};

struct PipelineProgress {
  int64_t rows_read = 0;
  int64_t rows_written = 0;
};

/// What the writer saw: how many data rows the sheet holds (with those of `start`) and their
/// RowDigest, and per column (the source's order) how many texts of this run were longer than
/// the 32,767 characters a cell holds, so the encoder cut them (msgraph.md §6.5).
struct PipelineTotals {
  int64_t rows = 0;
  uint64_t digest = 0;
  std::vector<int64_t> texts_cut;
};

/// "3 texts were longer than the 32,767 characters a cell holds and were cut (columns: Notes)."
/// for the run report, or "" when no text was cut.
std::string CutTextsWarning(const std::vector<int64_t>& texts_cut, const std::vector<core::Column>& columns);

/// Moves every row from `source` to each sink: a reader thread fetches pages while this thread
/// writes, through a bounded queue, so the slower side sets the pace (design.md). Stops at the
/// first failure on either side, or when `stop` becomes true, and returns that error.
core::Result<PipelineTotals> RunPipeline(RecordSource& source, std::span<SheetSink* const> sinks,
                                         const PipelineOptions& options,
                                         const std::function<void(const PipelineProgress&)>& on_progress,
                                         const std::atomic<bool>* stop = nullptr);

}  // namespace xlsync::sync
